package org.perfledger.command.results;

import java.util.Collection;
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
 * the grade the department wrote.
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
        ScoringScheme scheme = schemes.scheme(plan.district(), plan.year(), EvaluationKind.of(plan), schemeVersion)
                .orElseThrow(() -> new IllegalStateException("scheme version " + schemeVersion + " of " + plan.year()
                        + " is recorded but not known"));
        PlanFacts facts = new PlanFacts(budget.initial(), budget.adjusted(), budget.executed(), indicators.stream()
                .map(state -> new IndicatorFacts(state.indicator().code().value(), state.indicator().name(),
                        state.indicator().weight() == null ? null : state.indicator().weight().value(),
                        state.indicator().target().value(),
                        state.latestActual() == null ? null : state.latestActual().value(),
                        state.latestAchievement())).toList(), budget.unstated());
        Scorecard card = ScoringEngine.score(facts, scheme.forPlan(plan.department().code().value(),
                plan.departmentWide() ? PlanId.DEPARTMENT_WIDE : plan.project()));
        if (card.recomputedGrade() == null) {
            throw new DomainRejection(Kind.RULE, "results.no-grade", "plan", "the final score of " + plan
                    + " cannot be computed: " + String.join("; ", card.flags()));
        }
        return card.recomputedGrade();
    }
}
