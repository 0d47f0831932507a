package org.perfledger.kernel.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/** Goals, indicators and their targets; completions over the year; monitoring reports; target adjustments. */
public final class PerformanceEvents {

    private PerformanceEvents() {
    }

    /**
     * An annual goal (年度目标 N) was added to the plan.
     *
     * @param weight the points a table prints for the goal as a whole (硚口 2020: 年度绩效目标1 (80分)), or null where
     *               none is printed; since version 2
     * @param fundedBy the part of the budget the goal is for, as the documents name it (天心 2020: "2.食品安全监管检测经费，
     *                 2020年度总体目标：…"; a sub-project or a 明细 line), or null; since version 3
     */
    @EventType(name = "GoalAdded", version = 3)
    public record GoalAdded(PlanId plan, int number, String text, Points weight, String fundedBy) implements PlanEvent {

        public GoalAdded {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(text, "text");
        }

        /** A goal with no points of its own, not tied to a part of the budget. */
        public GoalAdded(PlanId plan, int number, String text) {
            this(plan, number, text, null, null);
        }

        /** A goal not tied to a part of the budget. */
        public GoalAdded(PlanId plan, int number, String text, Points weight) {
            this(plan, number, text, weight, null);
        }
    }

    /**
     * The plan's 年度总体目标 as its documents state them: narrative goals, not scored, each for the fund it names where
     * it names one (天心 2020: "1.信息化工作经费，2020年度总体目标：夯实信息化建设基础…", nine of them); a later
     * statement replaces the earlier one. The goals its indicators measure are {@link GoalAdded}.
     */
    @EventType(name = "OverallGoalsStated", version = 1)
    public record OverallGoalsStated(PlanId plan, List<OverallGoal> goals) implements PlanEvent {

        public OverallGoalsStated {
            Objects.requireNonNull(plan, "plan");
            goals = List.copyOf(goals);
        }
    }

    /** One 总体目标: its text, and the fund (经费, sub-project or 明细 line) it is for, or null. */
    public record OverallGoal(String fundedBy, String text) {

        public OverallGoal {
            Objects.requireNonNull(text, "text");
        }

        /** As the reports print it: "信息化工作经费：夯实信息化建设基础…", or the text alone where no fund is named. */
        public String asPrinted() {
            return (fundedBy == null ? "" : fundedBy + "：") + text;
        }
    }

    /** An indicator was added, or changed while the targets were still being drafted. */
    @EventType(name = "IndicatorTargetSet", version = 1)
    public record IndicatorTargetSet(PlanId plan, Indicator indicator) implements PlanEvent {

        public IndicatorTargetSet {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    /**
     * An indicator the approved targets did not hold, added when the self-evaluation was drawn up (自评时补充): the
     * self-evaluation measures and scores it with the others, but finance never approved its target. Documents say so
     * in words such as "上述调整完善措施已在本次自评时予以体现".
     *
     * @param reason why it was added, as the department states it
     */
    @EventType(name = "IndicatorAddedAtSelfEvaluation", version = 1)
    public record IndicatorAddedAtSelfEvaluation(PlanId plan, Indicator indicator, String reason) implements PlanEvent {

        public IndicatorAddedAtSelfEvaluation {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * What an indicator had reached by a date (实际完成值, cumulative). The latest recording counts; earlier ones stay.
     *
     * @param actual      the typed value with its text (e.g. 434例)
     * @param narrative   the department's own words, often with several figures (截止12月29日，药品不良反应434例…), or null
     * @param evidence    where the proof is (佐证材料), or null
     * @param achievement for a qualitative target, the department's judgement, or null
     * @param asOf        the date it was reached by, or null where the source states none (a year's figure printed in
     *                    a self-evaluation table)
     */
    @EventType(name = "CompletionRecorded", version = 1)
    public record CompletionRecorded(PlanId plan, IndicatorCode indicator, Target actual, String narrative,
                                     LocalDate asOf, String evidence, Achievement achievement) implements PlanEvent {

        public CompletionRecorded {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(actual, "actual");
        }
    }

    /** Progress of one indicator in a monitoring report: the latest actual and, where it lags, why and what is done. */
    public record IndicatorProgress(IndicatorCode indicator, String latestActual, String deviation,
                                    String correctiveMeasure) {

        public IndicatorProgress {
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    /**
     * A monitoring report (绩效运行监控, 双监控) for a period finance scheduled: budget execution and target progress
     * as of a date, with deviations and corrective measures.
     */
    @EventType(name = "MonitoringReportSubmitted", version = 1)
    public record MonitoringReportSubmitted(PlanId plan, String period, LocalDate asOf, WanYuan budget,
                                            WanYuan executed, List<IndicatorProgress> indicators, String deviations,
                                            String correctiveMeasures) implements PlanEvent {

        public MonitoringReportSubmitted {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(asOf, "asOf");
            Objects.requireNonNull(budget, "budget");
            Objects.requireNonNull(executed, "executed");
            indicators = List.copyOf(indicators);
        }
    }

    /** The department asked to change an approved target (绩效目标调整), saying why; a null weight: none set. */
    @EventType(name = "TargetAdjustmentRequested", version = 1)
    public record TargetAdjustmentRequested(PlanId plan, int number, IndicatorCode indicator, Target target,
                                            Points weight, String reason) implements PlanEvent {

        public TargetAdjustmentRequested {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * District finance approved a target adjustment; the indicator's target and weight are now {@code to…} (a null
     * weight: none set).
     */
    @EventType(name = "TargetAdjustmentApproved", version = 1)
    public record TargetAdjustmentApproved(PlanId plan, int number, IndicatorCode indicator, Target fromTarget,
                                           Target toTarget, Points fromWeight, Points toWeight, String comment)
            implements PlanEvent {

        public TargetAdjustmentApproved {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(fromTarget, "fromTarget");
            Objects.requireNonNull(toTarget, "toTarget");
        }
    }

    /** District finance refused a target adjustment; the target stays as it was. */
    @EventType(name = "TargetAdjustmentRejected", version = 1)
    public record TargetAdjustmentRejected(PlanId plan, int number, IndicatorCode indicator, String reason)
            implements PlanEvent {

        public TargetAdjustmentRejected {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
