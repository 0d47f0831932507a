package org.perfledger.query.projection;

import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentConcluded;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSubmitted;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.results.RectificationEvents.RectificationClosed;
import org.perfledger.kernel.results.RectificationEvents.RectificationRaised;
import org.perfledger.kernel.results.RectificationEvents.RectificationReported;
import org.perfledger.kernel.results.RectificationEvents.RectificationReturned;
import org.perfledger.kernel.results.ResultEvents.BudgetBasedOnResults;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationAccepted;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationCommissioned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationPublished;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReported;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReturned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.ExternalEvaluationEvent;
import org.perfledger.kernel.warning.WarningEvents.FundsHeld;
import org.perfledger.kernel.warning.WarningEvents.FundsResumed;
import org.perfledger.kernel.warning.WarningEvents.WarningAnswered;
import org.perfledger.kernel.warning.WarningEvents.WarningIssued;

/**
 * The part of {@link ReadModelFold} around the year's middle: a new project's ex-ante assessment, round by round,
 * finance's measures during the year (its warnings with their answers, funds held back), and after it the use of the
 * plan's result (finance's proposals for next year, the budget that rests on last year's, and rectification items)
 * and the evaluations beyond the self-evaluation.
 */
final class CycleFold {

    private CycleFold() {
    }

    /** Folds an event of the assessment or of finance's measures into the plan's rows; false for another's. */
    static boolean apply(PlanEvent event, EventEnvelope envelope, PlanRows plan) {
        if (event instanceof AssessmentSubmitted submitted) {
            plan.assessments.put(submitted.round(), new Object[] {submitted.round(), Json.of(submitted.statements()),
                    envelope.timestamp(), envelope.actor(), null, null, null, null, null, null, null, null, null});
        } else if (event instanceof AssessmentConcluded concluded) {
            fill(plan.assessments.get(concluded.round()), 4, concluded.conclusion().name(), concluded.total(),
                    Json.of(concluded.scores()), Json.of(concluded.weights()), concluded.schemeVersion(),
                    concluded.opinion(), concluded.assessor(), envelope.timestamp(), envelope.actor());
        } else if (event instanceof WarningIssued warning) {
            plan.warnings.put(warning.number(), new Object[] {warning.number(), warning.level().name(), warning.text(),
                    warning.respondBy(), envelope.timestamp(), envelope.actor(), null, null, null});
        } else if (event instanceof WarningAnswered answer) {
            fill(plan.warnings.get(answer.number()), 6, answer.response(), envelope.timestamp(), envelope.actor());
        } else if (event instanceof FundsHeld held) {
            plan.fundsHold = held.hold().name();
            plan.fundsHoldReason = held.reason();
        } else if (event instanceof BudgetProposed proposed) {
            plan.proposals.put(proposed.number(), new Object[] {proposed.number(), proposed.grade().name(),
                    proposed.rulesVersion(), proposed.ruleAction().describe(), proposed.base().amount(),
                    proposed.ruleProposed().amount(), proposed.action().describe(), proposed.proposed().amount(),
                    proposed.overrideReason(), envelope.timestamp(), envelope.actor(), proposed.evaluation()});
        } else if (event instanceof RectificationRaised raised) {
            plan.rectifications.put(raised.number(), new Object[] {raised.number(), raised.issue(), raised.owner(),
                    raised.deadline(), envelope.timestamp(), envelope.actor(), "open", null, null, null, null, null,
                    null, null, null});
        } else if (event instanceof RectificationReported reported) {
            fill(plan.rectifications.get(reported.number()), 6, "reported", reported.measures(), reported.evidence(),
                    envelope.timestamp(), envelope.actor());
        } else if (event instanceof RectificationReturned returned) {
            fill(plan.rectifications.get(returned.number()), 6, "open");
            fill(plan.rectifications.get(returned.number()), 11, returned.reason());
        } else if (event instanceof RectificationClosed closed) {
            fill(plan.rectifications.get(closed.number()), 6, "closed");
            fill(plan.rectifications.get(closed.number()), 12, closed.note(), envelope.timestamp(), envelope.actor());
        } else if (event instanceof ExternalEvaluationEvent external) {
            evaluation(external, envelope, plan);
        } else if (event instanceof BudgetBasedOnResults basis) {
            plan.budgetBasis = Json.of(basis);
        } else if (event instanceof FundsResumed) {
            plan.fundsHold = null;
            plan.fundsHoldReason = null;
        } else {
            return false;
        }
        return true;
    }

    /** 部门评价 and 财政重点评价: commissioned, reported, returned, accepted, published. */
    private static void evaluation(ExternalEvaluationEvent event, EventEnvelope envelope, PlanRows plan) {
        Object[] row = plan.externalEvaluations.get(event.number());
        if (event instanceof EvaluationCommissioned commissioned) {
            plan.externalEvaluations.put(commissioned.number(), new Object[] {commissioned.number(),
                    commissioned.type().name(), commissioned.evaluator(), commissioned.evaluatorName(),
                    commissioned.agency(), commissioned.due(), commissioned.focus(), envelope.timestamp(),
                    envelope.actor(), "commissioned", null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null});
        } else if (event instanceof EvaluationReported reported) {
            fill(row, 9, "reported", reported.schemeVersion(), reported.executed() == null ? null
                    : reported.executed().amount(), Json.of(reported.indicators()), reported.findings(),
                    reported.problems(), reported.suggestions(), envelope.timestamp());
        } else if (event instanceof EvaluationReturned returned) {
            fill(row, 9, "returned");
            fill(row, 17, returned.reason(), null, envelope.timestamp(), envelope.actor());
        } else if (event instanceof EvaluationAccepted accepted) {
            fill(row, 9, "accepted");
            fill(row, 18, accepted.comment(), envelope.timestamp(), envelope.actor());
        } else if (event instanceof EvaluationPublished published) {
            fill(row, 21, published.channels(), envelope.timestamp(), envelope.actor());
        }
    }

    /** Sets a row's columns from {@code from} on, where the row is there (an answer to a round never held is lost). */
    private static void fill(Object[] row, int from, Object... values) {
        if (row != null) {
            System.arraycopy(values, 0, row, from, values.length);
        }
    }
}
