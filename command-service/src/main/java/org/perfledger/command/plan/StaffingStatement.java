package org.perfledger.command.plan;

import java.util.Map;
import org.perfledger.command.plan.PlanCommands.StateStaffing;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.plan.PlanEvents.StaffingStated;
import org.perfledger.kernel.plan.PlanId;

/**
 * A department's headcounts as its documents state them: on its department-wide plan only (a project has no staff of
 * its own), at least one category, each a whole number from 0 to {@value #MOST}. Whether the establishments add up to
 * 在职人员 is not refused here: the documents' figures are kept as printed, and the views check the sum.
 */
final class StaffingStatement {

    static final int MOST = 1_000_000;

    private StaffingStatement() {
    }

    static StaffingStated stated(PlanId plan, StateStaffing command) {
        if (!plan.departmentWide()) {
            throw new DomainRejection(Kind.RULE, "staffing.department-wide", "plan", "headcounts are the "
                    + "department's: state them on its department-wide plan, not on project " + plan.project());
        }
        if (command.headcounts().isEmpty()) {
            throw new DomainRejection(Kind.RULE, "staffing.empty", "headcounts", "state at least one headcount, e.g. "
                    + "在职人员 (IN_SERVICE)");
        }
        for (Map.Entry<StaffCategory, Integer> count : command.headcounts().entrySet()) {
            if (count.getValue() == null || count.getValue() < 0 || count.getValue() > MOST) {
                throw new DomainRejection(Kind.RULE, "staffing.count", "headcounts." + count.getKey().name(),
                        count.getKey().label() + " is a whole number of people from 0 to " + MOST + ", not "
                                + count.getValue());
            }
        }
        return new StaffingStated(plan, command.headcounts());
    }
}
