package org.perfledger.command.performance;

import java.time.LocalDate;
import java.util.List;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;

/** Commands on a plan's goals, indicators, completions, monitoring and target adjustments. */
public final class PerformanceCommands {

    private PerformanceCommands() {
    }

    /**
     * Add an annual goal (年度目标); it gets the next number. {@code weight}: the points a table prints for the goal as
     * a whole (年度绩效目标1 (80分)), or null; {@code fundedBy}: the part of the budget the goal is for (a sub-project or
     * a 明细 line, as the documents name it), or null.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record AddGoal(PlanId plan, String text, Points weight, String fundedBy, Long expectedVersion)
            implements PlanCommand {

        /** A goal with no points of its own, not tied to a part of the budget. */
        public AddGoal(PlanId plan, String text, Long expectedVersion) {
            this(plan, text, null, null, expectedVersion);
        }

        /** A goal not tied to a part of the budget. */
        public AddGoal(PlanId plan, String text, Points weight, Long expectedVersion) {
            this(plan, text, weight, null, expectedVersion);
        }
    }

    /**
     * Add an indicator, or change one, while the targets are being drafted.
     *
     * @param code      the indicator's stable code, or null to have one given (G{goal}.{n})
     * @param direction which way it is better, where stated; null: its target's sign says
     * @param library   the code of the library indicator (指标库) it is picked from, or null
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record SetAnnualTarget(PlanId plan, IndicatorCode code, int goal, IndicatorLevel1 level1,
                                  IndicatorLevel2 level2, String name, Points weight, Target target,
                                  Direction direction, IndicatorCode library, Long expectedVersion)
            implements PlanCommand {

        public SetAnnualTarget(PlanId plan, IndicatorCode code, int goal, IndicatorLevel1 level1,
                               IndicatorLevel2 level2, String name, Points weight, Target target,
                               Direction direction, Long expectedVersion) {
            this(plan, code, goal, level1, level2, name, weight, target, direction, null, expectedVersion);
        }

        public SetAnnualTarget(PlanId plan, IndicatorCode code, int goal, IndicatorLevel1 level1,
                               IndicatorLevel2 level2, String name, Points weight, Target target,
                               Long expectedVersion) {
            this(plan, code, goal, level1, level2, name, weight, target, null, null, expectedVersion);
        }
    }

    /**
     * Add an indicator the approved targets did not hold, as the self-evaluation is drawn up (自评时补充), saying why:
     * it is measured and scored with the others, and shown as added then, never as approved.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record AddIndicatorAtSelfEvaluation(PlanId plan, IndicatorCode code, int goal, IndicatorLevel1 level1,
                                               IndicatorLevel2 level2, String name, Points weight, Target target,
                                               Direction direction, String reason, Long expectedVersion)
            implements PlanCommand {
    }

    /** Record what an indicator has reached by a date. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record RecordCompletion(PlanId plan, IndicatorCode indicator, Target actual, String narrative,
                                   LocalDate asOf, String evidence, Achievement achievement, boolean asPrinted,
                                   Long expectedVersion)
            implements PlanCommand {
    }

    /** Submit the monitoring report (绩效运行监控) of a period finance scheduled. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record SubmitMonitoringReport(PlanId plan, String period, LocalDate asOf, List<IndicatorProgress> indicators,
                                         String deviations, String correctiveMeasures, Long expectedVersion)
            implements PlanCommand {

        public SubmitMonitoringReport {
            indicators = List.copyOf(indicators);
        }
    }

    /** Ask district finance to change an approved target (and optionally its weight), saying why. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record RequestTargetAdjustment(PlanId plan, IndicatorCode indicator, Target target, Points weight,
                                          String reason, Long expectedVersion) implements PlanCommand {
    }

    /** District finance approves target adjustment request {@code number}. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ApproveTargetAdjustment(PlanId plan, int number, String comment, Long expectedVersion)
            implements PlanCommand {
    }

    /** District finance refuses target adjustment request {@code number}, saying why. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record RejectTargetAdjustment(PlanId plan, int number, String reason, Long expectedVersion)
            implements PlanCommand {
    }

    /**
     * State the plan's 年度总体目标 (narrative goals, not scored), each with the fund it is for where the documents name
     * one; a later statement replaces the earlier one.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record StateOverallGoals(PlanId plan, List<OverallGoal> goals, Long expectedVersion) implements PlanCommand {

        public StateOverallGoals {
            goals = goals == null ? List.of() : goals.stream().toList();
        }
    }
}
