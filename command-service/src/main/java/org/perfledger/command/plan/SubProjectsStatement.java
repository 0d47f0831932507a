package org.perfledger.command.plan;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.perfledger.command.plan.PlanCommands.StateSubProjects;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.plan.PlanEvents.SubProjectsStated;
import org.perfledger.kernel.plan.PlanId;

/**
 * A project's sub-projects (子项目) as its documents name them: on a project only (a department's plan has projects,
 * not sub-projects), 1 to {@value PlanLimits#MAX_LIST} names, each once and each a name a 明细 line could have.
 */
final class SubProjectsStatement {

    private SubProjectsStatement() {
    }

    static SubProjectsStated stated(PlanId plan, StateSubProjects command) {
        if (plan.departmentWide()) {
            throw new DomainRejection(Kind.RULE, "sub-projects.project", "plan", "sub-projects (子项目) are a "
                    + "project's: name them on the project, not on the department-wide plan");
        }
        List<String> names = command.names();
        if (names.isEmpty() || names.size() > PlanLimits.MAX_LIST) {
            throw new DomainRejection(Kind.RULE, "sub-projects.count", "names", "name 1 to " + PlanLimits.MAX_LIST
                    + " sub-projects, not " + names.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String field = "names[" + i + "]";
            PlanRules.text(field, names.get(i), BudgetLine.MAX_NAME_LENGTH);
            if (!seen.add(names.get(i).strip())) {
                throw new DomainRejection(Kind.RULE, "sub-projects.duplicate", field, "the sub-project '"
                        + names.get(i) + "' is named twice");
            }
        }
        return new SubProjectsStated(plan, names.stream().map(String::strip).toList());
    }
}
