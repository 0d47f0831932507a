package org.perfledger.kernel.warning;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/** What district finance does about a plan that goes wrong during the year (绩效运行监控预警). */
public final class WarningEvents {

    private WarningEvents() {
    }

    /**
     * Finance holds the plan's funds back: suspended (暂缓拨付) until it resumes them, or stopped (停止拨付) for the rest
     * of the year; {@code reason} says why, {@code documentNumber} the notice it rests on, where there is one.
     */
    @EventType(name = "FundsHeld", version = 1)
    public record FundsHeld(PlanId plan, FundsHold hold, String reason, String documentNumber) implements PlanEvent {

        public FundsHeld {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Finance lets suspended funds flow again, saying why. */
    @EventType(name = "FundsResumed", version = 1)
    public record FundsResumed(PlanId plan, String reason) implements PlanEvent {

        public FundsResumed {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
