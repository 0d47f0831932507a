package org.perfledger.command.results;

import java.util.Collection;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReported;
import org.perfledger.kernel.external.VerifiedFacts;
import org.perfledger.command.budget.PlanBudget;
import org.perfledger.command.performance.PlanTargets.IndicatorState;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.scoring.ScoringSchemeVersions;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.PlanFacts;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.ScoringEngine;
import org.perfledger.kernel.scoring.ScoringScheme;

/**
 * A plan's final grade, as every view shows it: its score computed again by the scoring engine from its figures, under
 * the scheme version its accepted self-evaluation recorded (on the plan's own layout where the scheme names it), not
 * the grade the department wrote; or an evaluation's, from the figures its evaluator verified.
 */
public final class FinalGrade {

    private FinalGrade() {
    }

    public static Grade of(PlanId plan, Integer schemeVersion, Collection<IndicatorState> indicators, PlanBudget budget,
                    ScoringSchemeVersions schemes) {
        if (schemeVersion == null) {
            throw new DomainRejection(Kind.RULE, "results.no-scheme", "plan", "the self-evaluation of " + plan
                    + " was submitted while finance had set no scoring scheme: its final grade cannot be computed");
        }
        return grade(plan, scheme(plan, EvaluationKind.of(plan), schemeVersion, schemes),
                facts(indicators, budget));
    }

    /**
     * The grade of an evaluation's report: the plan's figures with what the evaluator verified in their place (its
     * spending, its indicators' 实际完成值 and judgements), under the scheme of evaluations the report was written
     * under.
     */
    public static Grade of(PlanId plan, EvaluationReported report, Collection<IndicatorState> indicators,
                           PlanBudget budget, ScoringSchemeVersions schemes) {
        return grade(plan, scheme(plan, EvaluationKind.EXTERNAL, report.schemeVersion(), schemes),
                VerifiedFacts.of(facts(indicators, budget), report.executed(), report.indicators()));
    }

    private static ScoringScheme scheme(PlanId plan, EvaluationKind kind, int version, ScoringSchemeVersions schemes) {
        return schemes.scheme(plan.district(), plan.year(), kind, version)
                .orElseThrow(() -> new IllegalStateException("scheme version " + version + " of " + plan.year()
                        + " is recorded but not known"));
    }

    private static PlanFacts facts(Collection<IndicatorState> indicators, PlanBudget budget) {
        return new PlanFacts(budget.initial(), budget.adjusted(), budget.executed(), indicators.stream()
                .map(state -> new IndicatorFacts(state.indicator().code().value(), state.indicator().name(),
                        state.indicator().weight() == null ? null : state.indicator().weight().value(),
                        state.indicator().target().value(),
                        state.latestActual() == null ? null : state.latestActual().value(),
                        state.latestAchievement())).toList(), budget.unstated());
    }

    private static Grade grade(PlanId plan, ScoringScheme scheme, PlanFacts facts) {
        Scorecard card = ScoringEngine.score(facts, scheme.forPlan(plan.department().code().value(),
                plan.departmentWide() ? PlanId.DEPARTMENT_WIDE : plan.project()));
        if (card.recomputedGrade() == null) {
            throw new DomainRejection(Kind.RULE, "results.no-grade", "plan", "the final score of " + plan
                    + " cannot be computed: " + String.join("; ", card.flags()));
        }
        return card.recomputedGrade();
    }
}
