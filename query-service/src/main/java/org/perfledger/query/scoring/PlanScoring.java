package org.perfledger.query.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.PlanFacts;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.ScoringEngine;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.scoring.ScoringInputs.Indicators;
import org.perfledger.query.scoring.ScoringInputs.Inputs;
import org.perfledger.query.scoring.ScoringInputs.Projects;

/** A plan scored from the inputs the read model holds, by the kernel's engine: plain code, no reads. */
final class PlanScoring {

    private PlanScoring() {
    }

    /** The plan's scorecard from its inputs under the scheme. */
    static Scorecard score(PlanId plan, Inputs inputs, ScoringScheme scheme) {
        return score(plan, inputs, scheme, UnaryOperator.identity());
    }

    /**
     * The same with some of its facts replaced ({@code verified}: an evaluation's verified figures in place of the
     * plan's own), flagged with what the scheme or the figures call for: a plan scored on its own layout, indicators
     * added late, a goal whose printed points its indicators do not add up to, a department-wide plan whose 项目支出
     * is not what its projects spent.
     */
    static Scorecard score(PlanId plan, Inputs inputs, ScoringScheme scheme, UnaryOperator<PlanFacts> verified) {
        Map<String, Object> figures = inputs.figures();
        Indicators indicators = inputs.indicators();
        PlanFacts facts = verified.apply(new PlanFacts(money(figures.get("initial_budget")),
                money(figures.get("adjusted_budget")), money(figures.get("executed")), indicators.facts(),
                Boolean.TRUE.equals(figures.get("budget_unstated"))));
        // a plan the scheme names is scored on its own layout (another template, another budget base), and says so
        ScoringScheme own = scheme.forPlan(plan.department().code().value(), PlanKeys.planKey(plan));
        Scorecard card = ScoringEngine.score(facts, own);
        List<String> flags = new ArrayList<>();
        if (own != scheme) {
            flags.add("scored on this plan's own layout (执行率 " + own.execution().weight()
                    .stripTrailingZeros().toPlainString() + " 分 over " + card.execution().base() + "): " + own.source());
        }
        flags.addAll(indicators.addedLate());
        // a goal printed with points of its own whose indicators' 分值 add up to something else
        inputs.goalWeights().forEach((goal, printed) -> {
            BigDecimal points = indicators.goalPoints().get(goal);
            if (points != null && points.compareTo(printed) != 0) {
                flags.add("年度目标" + goal + " is printed at " + printed.stripTrailingZeros().toPlainString()
                        + " points, but its indicators' 分值 add up to " + points.stripTrailingZeros().toPlainString());
            }
        });
        // a department-wide plan's 项目支出 should be what its projects on PerfLedger spent
        Projects projects = inputs.projects();
        if (projects != null && projects.count() > 0 && projects.projectSpending().compareTo(projects.byProjects()) != 0) {
            flags.add("项目支出 " + projects.projectSpending().toPlainString() + " of the department-wide plan differs "
                    + "from the " + projects.byProjects().toPlainString() + " its " + projects.count()
                    + " projects spent (by " + projects.projectSpending().subtract(projects.byProjects()).toPlainString()
                    + ")");
        }
        return withFlags(card, flags);
    }

    private static Scorecard withFlags(Scorecard card, List<String> more) {
        if (more.isEmpty()) {
            return card;
        }
        List<String> flags = new ArrayList<>(card.flags());
        flags.addAll(more);
        return new Scorecard(card.execution(), card.indicators(), card.total(), card.maxTotal(), card.grade(), flags,
                card.unweighted());
    }

    private static WanYuan money(Object value) {
        return new WanYuan((BigDecimal) value);
    }
}
