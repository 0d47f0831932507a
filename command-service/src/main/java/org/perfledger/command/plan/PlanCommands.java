package org.perfledger.command.plan;

import org.perfledger.command.planning.PlanCommand;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.security.Role;

/** Commands that create a plan and move it through the targets' approval and the year's close. */
public final class PlanCommands {

    private PlanCommands() {
    }

    /** Register a project (项目) of a department for a fiscal year, with the head of its 项目自评表. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record RegisterProject(PlanId plan, String name, List<String> implementingUnits, ProjectCategory category,
                                  ProjectAttribute attribute, List<ProjectType> types, String financeDesk)
            implements PlanCommand {

        public RegisterProject {
            Objects.requireNonNull(plan, "plan");
            implementingUnits = List.copyOf(implementingUnits);
            types = types == null ? List.of() : List.copyOf(types);
        }

        @Override
        public Long expectedVersion() {
            return null;
        }
    }

    /** Send the goals and targets to district finance. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record SubmitTargets(PlanId plan, Long expectedVersion) implements PlanCommand {
    }

    /** District finance approves the targets; they are locked and the plan goes into execution. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ApproveTargets(PlanId plan, String comment, Long expectedVersion) implements PlanCommand {
    }

    /** District finance sends the targets back, saying why. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ReturnTargets(PlanId plan, String reason, Long expectedVersion) implements PlanCommand {
    }

    /** Close the plan's fiscal year: no more spending, adjustments or monitoring; the self-evaluation is next. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record CloseYear(PlanId plan, Long expectedVersion) implements PlanCommand {
    }

    /**
     * State the department's headcounts for the year (基本情况), on its department-wide plan: the categories its
     * documents print, each once; a later statement replaces the earlier one.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record StateStaffing(PlanId plan, Map<StaffCategory, Integer> headcounts, Long expectedVersion)
            implements PlanCommand {

        public StateStaffing {
            headcounts = headcounts == null ? Map.of() : Map.copyOf(headcounts);
        }
    }

    /**
     * Name a project's sub-projects (子项目) for the year, in their order, as its documents do; a later statement
     * replaces the earlier one.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record StateSubProjects(PlanId plan, List<String> names, Long expectedVersion) implements PlanCommand {

        public StateSubProjects {
            names = names == null ? List.of() : names.stream().toList();
        }
    }
}
