package org.perfledger.command.external;

import java.time.LocalDate;
import java.util.List;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;

/**
 * The commands of evaluations beyond the self-evaluation. Who may send each is the roles below and then the
 * evaluation's own rule ({@link PlanExternalEvaluations}): district finance commissions, accepts and publishes
 * 财政重点评价, the department its 部门评价, and only the evaluator commissioned writes the report.
 */
public final class ExternalEvaluationCommands {

    private ExternalEvaluationCommands() {
    }

    /** Commission an evaluation of the plan from an evaluator (their user id), due by a day. */
    @SentBy({Role.DISTRICT_FINANCE, Role.DEPARTMENT_EDITOR})
    public record CommissionEvaluation(PlanId plan, EvaluationType type, String evaluator, String evaluatorName,
                                       String agency, LocalDate due, String focus, Long expectedVersion)
            implements PlanCommand {
    }

    /** The evaluator reports: the figures it verified, and what it found. */
    @SentBy({Role.EVALUATOR, Role.DISTRICT_FINANCE, Role.DEPARTMENT_EDITOR})
    public record ReportEvaluation(PlanId plan, int number, WanYuan executed, List<VerifiedIndicator> indicators,
                                   String findings, String problems, String suggestions, Long expectedVersion)
            implements PlanCommand {

        public ReportEvaluation {
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
        }
    }

    /** Whoever commissioned it returns a report, saying why: the evaluator reports again. */
    @SentBy({Role.DISTRICT_FINANCE, Role.DEPARTMENT_EDITOR})
    public record ReturnEvaluation(PlanId plan, int number, String reason, Long expectedVersion)
            implements PlanCommand {
    }

    /** Whoever commissioned it accepts the report (验收). */
    @SentBy({Role.DISTRICT_FINANCE, Role.DEPARTMENT_EDITOR})
    public record AcceptEvaluation(PlanId plan, int number, String comment, Long expectedVersion)
            implements PlanCommand {
    }

    /** Whoever commissioned it publishes the accepted evaluation on the district's public pages. */
    @SentBy({Role.DISTRICT_FINANCE, Role.DEPARTMENT_EDITOR})
    public record PublishEvaluation(PlanId plan, int number, String channels, Long expectedVersion)
            implements PlanCommand {
    }
}
