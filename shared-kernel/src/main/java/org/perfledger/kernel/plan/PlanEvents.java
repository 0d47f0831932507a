package org.perfledger.kernel.plan;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.StaffCategory;

/** The events of a plan's organisation and lifecycle: who it is, and where it stands in its fiscal year. */
public final class PlanEvents {

    private PlanEvents() {
    }

    /**
     * A project (项目) was registered for a fiscal year, with what the 项目自评表 heads it with. The 项目类别 and
     * 项目属性 are null where the project's documents do not say; a project may be of several 项目类型 (东湖's are
     * "常年性项目、延续性项目"), or of none stated.
     */
    @EventType(name = "ProjectRegistered", version = 2)
    public record ProjectRegistered(PlanId plan, String name, List<String> implementingUnits, ProjectCategory category,
                                    ProjectAttribute attribute, List<ProjectType> types, String financeDesk)
            implements PlanEvent {

        public ProjectRegistered {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(name, "name");
            implementingUnits = List.copyOf(implementingUnits);
            types = types == null ? List.of() : List.copyOf(types);
        }
    }

    /** A department began its department-wide plan (部门整体) for a fiscal year. */
    @EventType(name = "DepartmentPlanStarted", version = 1)
    public record DepartmentPlanStarted(PlanId plan) implements PlanEvent {

        public DepartmentPlanStarted {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * The department's headcounts for the year as its documents state them (基本情况), on its department-wide plan; a
     * later statement replaces the earlier one. Only the categories stated are held: one not printed is absent, not 0.
     */
    @EventType(name = "StaffingStated", version = 1)
    public record StaffingStated(PlanId plan, Map<StaffCategory, Integer> headcounts) implements PlanEvent {

        public StaffingStated {
            Objects.requireNonNull(plan, "plan");
            headcounts = Collections.unmodifiableMap(new TreeMap<>(headcounts));
        }
    }

    /**
     * A project's sub-projects (子项目) as its documents name them, in their order; a later statement replaces the
     * earlier one. What each was budgeted is not part of it: where the documents print it, it is the 项目支出明细 line
     * of the same name, and where they do not, it is not printed.
     */
    @EventType(name = "SubProjectsStated", version = 1)
    public record SubProjectsStated(PlanId plan, List<String> names) implements PlanEvent {

        public SubProjectsStated {
            Objects.requireNonNull(plan, "plan");
            names = List.copyOf(names);
        }
    }

    /** The department sent its goals and targets to district finance for approval. */
    @EventType(name = "TargetsSubmitted", version = 1)
    public record TargetsSubmitted(PlanId plan, int goals, int indicators, BigDecimal totalWeight) implements PlanEvent {

        public TargetsSubmitted {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(totalWeight, "totalWeight");
        }
    }

    /** District finance approved the targets: they are locked, and the plan is in execution. */
    @EventType(name = "TargetsApproved", version = 1)
    public record TargetsApproved(PlanId plan, String comment) implements PlanEvent {

        public TargetsApproved {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** District finance sent the targets back for rework, saying why. */
    @EventType(name = "TargetsReturned", version = 1)
    public record TargetsReturned(PlanId plan, String reason) implements PlanEvent {

        public TargetsReturned {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The fiscal year of the plan was closed, with its budget figures and its 执行率 (over the adjusted budget,
     * unrounded; null over a zero budget) as they stood.
     *
     * <p>Version 2 added {@code executionRate}. Version-1 events are upcast by {@link
     * org.perfledger.kernel.event.EventUpcasting}, which derives it from the same figures exactly as version 2 records it.
     */
    @EventType(name = "YearClosed", version = 2)
    public record YearClosed(PlanId plan, WanYuan initialBudget, WanYuan adjustedBudget, WanYuan received,
                             WanYuan executed, Percentage executionRate) implements PlanEvent {

        public YearClosed {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(initialBudget, "initialBudget");
            Objects.requireNonNull(adjustedBudget, "adjustedBudget");
            Objects.requireNonNull(received, "received");
            Objects.requireNonNull(executed, "executed");
        }

        /** The year closed with these figures; its 执行率 follows from them. */
        public YearClosed(PlanId plan, WanYuan initialBudget, WanYuan adjustedBudget, WanYuan received,
                          WanYuan executed) {
            this(plan, initialBudget, adjustedBudget, received, executed, executionRate(executed, adjustedBudget));
        }

        /** 执行数 / 调整后预算, unrounded; null over a zero budget (flagged elsewhere, never 100%). */
        public static Percentage executionRate(WanYuan executed, WanYuan adjustedBudget) {
            return adjustedBudget.isZero() ? null : Percentage.ofRatio(executed, adjustedBudget);
        }
    }
}
