package org.perfledger.command.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.evaluation.PrintedFigure;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;

/** The year-end self-evaluation with its review. */
public final class EvaluationCommands {

    private EvaluationCommands() {
    }

    /** Submit the self-evaluation (自评) with the figures the department reports (得分, 执行率, 偏差率, 总分, 等级). */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record SubmitSelfEvaluation(PlanId plan, List<IndicatorEvaluation> indicators, TotalScore score, Grade grade,
                                       BigDecimal executionRate, Points executionScore, String deviationAnalysis, String improvementMeasures, String resultsUse,
                                       String publicationPlan, List<PrintedFigure> printed, Long expectedVersion)
            implements PlanCommand {

        public SubmitSelfEvaluation {
            indicators = List.copyOf(indicators);
            printed = printed == null ? List.of() : List.copyOf(printed);
        }
    }

    /**
     * Import a filled-in 自评表: each 实际完成值 that differs from the latest completion becomes a completion dated
     * {@code asOf}, then the self-evaluation is submitted with the table's scores, 偏差原因 and texts, all in one
     * transaction. {@code file} names the workbook, kept as the completions' evidence.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record ImportSelfEvaluationTable(PlanId plan, SelfEvaluationTable table, String file, LocalDate asOf,
                                            Long expectedVersion) implements PlanCommand {

        public ImportSelfEvaluationTable {
            Objects.requireNonNull(table, "table");
        }
    }

    /** District finance returns the self-evaluation for rework. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ReturnSelfEvaluation(PlanId plan, String reason, Long expectedVersion) implements PlanCommand {
    }

    /** District finance accepts the self-evaluation. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record AcceptSelfEvaluation(PlanId plan, String comment, Long expectedVersion) implements PlanCommand {
    }

    /** Publish the accepted self-evaluation. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record PublishSelfEvaluation(PlanId plan, String channels, Long expectedVersion) implements PlanCommand {
    }
}
