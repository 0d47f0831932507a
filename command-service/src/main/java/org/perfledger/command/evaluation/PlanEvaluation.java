package org.perfledger.command.evaluation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.requireInYear;
import static org.perfledger.command.planning.PlanRules.text;

import org.perfledger.command.planning.PlanLimits;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.command.budget.PlanBudget;
import org.perfledger.command.calendar.ReportingCalendars;
import org.perfledger.command.performance.PlanTargets;
import org.perfledger.command.performance.PlanTargets.IndicatorState;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.scoring.ScoringSchemes;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;

/**
 * A plan's year-end self-evaluation (an aggregate member of {@link AnnualPlan}): submitted, or imported from a
 * filled-in 自评表, with a 偏差原因 wherever an indicator needs one; returned, accepted and published by district
 * finance. The plan checks the phase; this part checks the evaluation.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanEvaluation {

    private int round;
    /** The scheme version the latest self-evaluation was submitted under, or null where finance had set none. */
    private Integer schemeVersion;

    public int round() {
        return round;
    }

    /** The scheme version the latest self-evaluation recorded: its final score is computed under it. */
    public Integer schemeVersion() {
        return schemeVersion;
    }

    /**
     * A filled-in 自评表 at once: every cell that disagrees with the plan or breaks a rule is refused together with its
     * address, and then nothing is recorded; otherwise its new actuals and the self-evaluation are one transaction.
     */
    public Object[] importTable(PlanId plan, ImportSelfEvaluationTable command, PlanTargets targets, PlanBudget budget,
                         ReportingCalendars calendars, ScoringSchemes schemes) {
        requireInYear(plan, "asOf", command.asOf());
        String file = optionalText("file", command.file(), PlanLimits.MAX_SHORT_TEXT);
        SelfEvaluationImport.Outcome outcome = SelfEvaluationImport.check(plan, command.table(), targets.indicators(),
                budget.adjusted(), budget.executed(), calendars.deviationMargin(plan.district(), plan.year()),
                command.asOf());
        if (!outcome.errors().isEmpty()) {
            throw DomainRejection.ofAll(Kind.RULE, "self-evaluation-import.invalid", outcome.errors().size()
                    + " problem(s) in sheet " + command.table().sheet() + "; nothing was imported",
                    outcome.errors());
        }
        String evidence = "自评表" + (file == null ? "" : " " + file);
        for (SelfEvaluationImport.Completion completion : outcome.completions()) {
            apply(new CompletionRecorded(plan, completion.indicator(), completion.actual(),
                    "自评表导入（单元格 " + completion.cell() + "）", command.asOf(), evidence, completion.achievement()));
        }
        submit(plan, outcome.submission(), targets, calendars, schemes);
        return new Object[] {"completions", outcome.completions().size(), "indicators",
                outcome.submission().indicators().size(), "round", round};
    }

    public Object[] submit(PlanId plan, SubmitSelfEvaluation command, PlanTargets targets, ReportingCalendars calendars,
                    ScoringSchemes schemes) {
        Map<String, IndicatorEvaluation> given = new LinkedHashMap<>();
        for (int i = 0; i < command.indicators().size(); i++) {
            IndicatorEvaluation evaluation = command.indicators().get(i);
            String field = "indicators[" + i + "]";
            targets.indicator(field + ".indicator", evaluation.indicator());
            if (given.put(evaluation.indicator().value(), evaluation) != null) {
                throw new DomainRejection(Kind.RULE, "self-evaluation.duplicate-indicator", field + ".indicator",
                        "indicator " + evaluation.indicator() + " is listed twice");
            }
            optionalText(field + ".deviationReason", evaluation.deviationReason(), PlanLimits.MAX_TEXT);
        }
        Percentage margin = calendars.deviationMargin(plan.district(), plan.year());
        List<String> missing = new ArrayList<>();
        boolean anyDeviation = false;
        for (IndicatorState state : targets.indicators()) {
            Deviation deviation = Deviation.of(state.indicator().target().value(),
                    state.latestActual() == null ? null : state.latestActual().value(), state.latestAchievement());
            IndicatorEvaluation evaluation = given.get(state.indicator().code().value());
            boolean explained = evaluation != null && evaluation.deviationReason() != null
                    && !evaluation.deviationReason().isBlank();
            anyDeviation |= deviation.needsReason(margin);
            if (deviation.needsReason(margin) && !explained) {
                missing.add(state.indicator().code() + " (" + describe(deviation, margin) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new DomainRejection(Kind.RULE, "self-evaluation.deviation-reason-required", "indicators",
                    "a deviation reason (偏差原因) is required for " + String.join("; ", missing));
        }
        // 偏差大或目标未完成原因分析: required as soon as one indicator needed a reason.
        String analysis = anyDeviation
                ? text("deviationAnalysis", command.deviationAnalysis(), PlanLimits.MAX_LONG_TEXT)
                : optionalText("deviationAnalysis", command.deviationAnalysis(), PlanLimits.MAX_LONG_TEXT);
        Integer schemeVersion = schemes.currentVersion(plan.district(), plan.year(), EvaluationKind.of(plan));
        apply(new SelfEvaluationSubmitted(plan, round + 1, command.indicators(), command.score(),
                command.grade(), command.executionRate(), command.executionScore(), schemeVersion, analysis,
                text("improvementMeasures", command.improvementMeasures(), PlanLimits.MAX_LONG_TEXT),
                text("resultsUse", command.resultsUse(), PlanLimits.MAX_LONG_TEXT),
                text("publicationPlan", command.publicationPlan(), PlanLimits.MAX_LONG_TEXT), command.printed()));
        return new Object[] {"round", round, "schemeVersion", schemeVersion};
    }

    @CommandHandler
    Object[] giveBack(ReturnSelfEvaluation command) {
        PlanId plan = command.plan();
        apply(new SelfEvaluationReturned(plan, round, text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {"round", round};
    }

    @CommandHandler
    Object[] accept(AcceptSelfEvaluation command) {
        PlanId plan = command.plan();
        apply(new SelfEvaluationAccepted(plan, round,
                optionalText("comment", command.comment(), PlanLimits.MAX_REASON)));
        return new Object[] {"round", round};
    }

    @CommandHandler
    Object[] publish(PublishSelfEvaluation command) {
        PlanId plan = command.plan();
        apply(new SelfEvaluationPublished(plan, text("channels", command.channels(), PlanLimits.MAX_REASON)));
        return new Object[] {};
    }

    public static String describe(Deviation deviation, Percentage margin) {
        return switch (deviation.outcome()) {
            case UNKNOWN -> deviation.reason();
            case NOT_MET -> "target not met" + (deviation.rate() == null ? ""
                    : ", 偏差率 " + deviation.rate().rounded(2).toPlainString() + "%");
            case MET -> "偏差率 " + deviation.rate().rounded(2).toPlainString() + "% is beyond the margin of "
                    + margin.value().toPlainString() + "%";
        };
    }

    @EventSourcingHandler
    void on(SelfEvaluationSubmitted event) {
        round = event.round();
        schemeVersion = event.schemeVersion();
    }
}
