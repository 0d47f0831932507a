package org.perfledger.kernel.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/** The district's reporting calendar, and each plan's year-end self-evaluation (自评) and its review. */
public final class EvaluationEvents {

    private EvaluationEvents() {
    }

    /** A monitoring round finance asks for, e.g. {@code H1} due 2020-07-15. */
    public record MonitoringPeriod(String period, String label, LocalDate due) {

        public MonitoringPeriod {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(due, "due");
        }
    }

    /**
     * District finance set the year's reporting calendar: when monitoring reports and self-evaluations are due, and
     * how far an indicator may be off its target before its self-evaluation must say why.
     */
    @EventType(name = "ReportingCalendarSet", version = 1)
    public record ReportingCalendarSet(DistrictId district, FiscalYear year, List<MonitoringPeriod> monitoring,
                                       LocalDate selfEvaluationDue, Percentage deviationMargin)
            implements PerfLedgerEvent {

        public ReportingCalendarSet {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            monitoring = List.copyOf(monitoring);
            Objects.requireNonNull(selfEvaluationDue, "selfEvaluationDue");
            Objects.requireNonNull(deviationMargin, "deviationMargin");
        }
    }

    /**
     * The department's view of one indicator at year end: the 得分 and 偏差率 it reports and, where needed, the
     * deviation reason.
     *
     * @param deviationRate the 偏差率 as the department reports it, in percent (e.g. -2.1), or null
     */
    public record IndicatorEvaluation(IndicatorCode indicator, Points score, BigDecimal deviationRate,
                                      String deviationReason) {

        public IndicatorEvaluation {
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    /**
     * The department submitted its self-evaluation (round 1, or a later round after it was returned).
     *
     * @param score          the total the department reports (自评得分), which scoring recomputes and compares
     * @param executionRate  the 执行率 it reports, in percent, or null
     * @param executionScore the 执行率 得分 it reports, or null
     * @param schemeVersion  the district's scoring scheme version in force when it was submitted, or null if none
     * @param printed        the other figures its table or report prints (sums, rates, quotients), to be checked
     */
    @EventType(name = "SelfEvaluationSubmitted", version = 2)
    public record SelfEvaluationSubmitted(PlanId plan, int round, List<IndicatorEvaluation> indicators, TotalScore score,
                                          Grade grade, BigDecimal executionRate, Points executionScore,
                                          Integer schemeVersion, String deviationAnalysis, String improvementMeasures,
                                          String resultsUse, String publicationPlan, List<PrintedFigure> printed)
            implements PlanEvent {

        public SelfEvaluationSubmitted {
            Objects.requireNonNull(plan, "plan");
            indicators = List.copyOf(indicators);
            printed = printed == null ? List.of() : List.copyOf(printed);
            Objects.requireNonNull(improvementMeasures, "improvementMeasures");
            Objects.requireNonNull(resultsUse, "resultsUse");
            Objects.requireNonNull(publicationPlan, "publicationPlan");
        }
    }

    /** A self-evaluation that prints no figures of its own beyond its scores. */
    public static SelfEvaluationSubmitted submitted(PlanId plan, int round, List<IndicatorEvaluation> indicators,
                                                    TotalScore score, Grade grade, BigDecimal executionRate,
                                                    Points executionScore, Integer schemeVersion,
                                                    String deviationAnalysis, String improvementMeasures,
                                                    String resultsUse, String publicationPlan) {
        return new SelfEvaluationSubmitted(plan, round, indicators, score, grade, executionRate, executionScore,
                schemeVersion, deviationAnalysis, improvementMeasures, resultsUse, publicationPlan, List.of());
    }

    /** District finance returned the self-evaluation for rework. */
    @EventType(name = "SelfEvaluationReturned", version = 1)
    public record SelfEvaluationReturned(PlanId plan, int round, String reason) implements PlanEvent {

        public SelfEvaluationReturned {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** District finance accepted the self-evaluation. */
    @EventType(name = "SelfEvaluationAccepted", version = 1)
    public record SelfEvaluationAccepted(PlanId plan, int round, String comment) implements PlanEvent {

        public SelfEvaluationAccepted {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** The accepted self-evaluation was made public (随部门预决算公开, 官网公示…). */
    @EventType(name = "SelfEvaluationPublished", version = 1)
    public record SelfEvaluationPublished(PlanId plan, String channels) implements PlanEvent {

        public SelfEvaluationPublished {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(channels, "channels");
        }
    }
}
