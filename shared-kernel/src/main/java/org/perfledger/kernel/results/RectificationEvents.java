package org.perfledger.kernel.results;

import java.time.LocalDate;
import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/**
 * Rectification (整改): what finance finds a plan must put right, numbered within the plan, who in the department owns
 * it and by when; the department's report of what it did, with its evidence; and finance's closure, or its return of
 * a report that does not settle it.
 */
public final class RectificationEvents {

    private RectificationEvents() {
    }

    @EventType(name = "RectificationRaised", version = 1)
    public record RectificationRaised(PlanId plan, int number, String issue, String owner, LocalDate deadline)
            implements PlanEvent {

        public RectificationRaised {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(issue, "issue");
            Objects.requireNonNull(owner, "owner");
            Objects.requireNonNull(deadline, "deadline");
        }
    }

    @EventType(name = "RectificationReported", version = 1)
    public record RectificationReported(PlanId plan, int number, String measures, String evidence)
            implements PlanEvent {

        public RectificationReported {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(measures, "measures");
            Objects.requireNonNull(evidence, "evidence");
        }
    }

    @EventType(name = "RectificationReturned", version = 1)
    public record RectificationReturned(PlanId plan, int number, String reason) implements PlanEvent {

        public RectificationReturned {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(reason, "reason");
        }
    }

    @EventType(name = "RectificationClosed", version = 1)
    public record RectificationClosed(PlanId plan, int number, String note) implements PlanEvent {

        public RectificationClosed {
            Objects.requireNonNull(plan, "plan");
        }
    }
}
