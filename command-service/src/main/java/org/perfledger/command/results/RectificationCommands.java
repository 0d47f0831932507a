package org.perfledger.command.results;

import java.time.LocalDate;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;

/** Rectification (整改) of what finance finds a plan must put right. */
public final class RectificationCommands {

    private RectificationCommands() {
    }

    /** Finance raises an item: what must be put right, who in the department owns it, and by when. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record RaiseRectification(PlanId plan, String issue, String owner, LocalDate deadline, Long expectedVersion)
            implements PlanCommand {
    }

    /** The department reports what it did, with its evidence. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record ReportRectification(PlanId plan, int number, String measures, String evidence, Long expectedVersion)
            implements PlanCommand {
    }

    /** Finance returns a report that does not settle the item, saying why: the item is open again. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ReturnRectification(PlanId plan, int number, String reason, Long expectedVersion)
            implements PlanCommand {
    }

    /** Finance closes (销号) an item the department reported. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record CloseRectification(PlanId plan, int number, String note, Long expectedVersion)
            implements PlanCommand {
    }
}
