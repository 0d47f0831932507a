package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Comparator;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.performance.TargetValue.Compound;
import org.perfledger.kernel.performance.TargetValue.Qualitative;
import org.perfledger.kernel.performance.TargetValue.Quantity;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.scoring.Scorecard.ExecutionScore;
import org.perfledger.kernel.scoring.Scorecard.IndicatorScore;
import org.perfledger.kernel.scoring.ScoringScheme.Band;
import org.perfledger.kernel.scoring.ScoringScheme.BudgetBase;
import org.perfledger.kernel.scoring.ScoringScheme.ExecutionRule;
import org.perfledger.kernel.scoring.ScoringScheme.GradeBand;
import org.perfledger.kernel.scoring.ScoringScheme.IndicatorRule;
import org.perfledger.kernel.scoring.ScoringScheme.RuleType;

/**
 * Scores a plan under a scheme. Every ratio is kept unrounded; each part's score is rounded once, HALF_UP to the
 * scheme's score decimals, and the total is the sum of those rounded parts, as the tables add them.
 */
public final class ScoringEngine {

    private static final MathContext RATIO = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Why an indicator without a weight has no score. */
    public static final String NO_WEIGHT = "no 分值 (weight) set: the indicator cannot be scored";

    private ScoringEngine() {
    }

    public static Scorecard score(PlanFacts facts, ScoringScheme scheme) {
        int scoreDecimals = scheme.precision().scoreDecimals();
        List<String> flags = new ArrayList<>();
        ExecutionScore execution = scheme.execution() == null ? null : execution(facts, scheme);
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal max = BigDecimal.ZERO;
        if (execution != null) {
            max = max.add(execution.weight());
            total = total.add(execution.score());
            if (execution.unscorable() != null) {
                flags.add("执行率: " + execution.unscorable());
            }
        }
        List<IndicatorScore> indicators = new ArrayList<>();
        int unweighted = 0;
        for (IndicatorFacts indicator : facts.indicators()) {
            IndicatorScore scored = indicator(indicator, scheme);
            indicators.add(scored);
            if (indicator.weight() == null) {
                unweighted++;
                continue;
            }
            max = max.add(indicator.weight());
            total = total.add(scored.score());
            if (scored.unscorable() != null) {
                flags.add(indicator.code() + ": " + scored.unscorable());
            }
        }
        total = total.setScale(scoreDecimals, RoundingMode.HALF_UP);
        if (unweighted > 0) {
            flags.add(unweighted + " of " + indicators.size() + " indicators have no 分值 (weight) set: they are not "
                    + "scored, and the 总分 covers only the parts that have one");
        } else if (max.compareTo(HUNDRED) != 0) {
            flags.add("the weights add up to " + max.stripTrailingZeros().toPlainString() + ", not 100");
        }
        return new Scorecard(execution, indicators, total, max.setScale(scoreDecimals, RoundingMode.HALF_UP),
                grade(total, scheme), flags, unweighted);
    }

    static ExecutionScore execution(PlanFacts facts, ScoringScheme scheme) {
        ExecutionRule rule = scheme.execution();
        int scoreDecimals = scheme.precision().scoreDecimals();
        BigDecimal budget = (rule.base() == BudgetBase.INITIAL ? facts.initialBudget() : facts.adjustedBudget()).amount();
        BigDecimal executed = facts.executed().amount();
        String base = rule.base() == BudgetBase.INITIAL ? "年初预算" : "调整后预算";
        BigDecimal zero = BigDecimal.ZERO.setScale(scoreDecimals, RoundingMode.UNNECESSARY);
        if (facts.budgetUnstated()) {
            return new ExecutionScore(rule.weight(), base, null, executed, null, null, null, zero, null,
                    "the documents state no budget: there is no 执行率 to compute, and none is made up");
        }
        if (budget.signum() == 0) {
            String reason = executed.signum() == 0
                    ? "no " + base + " and nothing spent: 执行率 is undefined"
                    : "a " + base + " of 0 with " + executed.toPlainString() + " spent: 执行率 is undefined, not 100%";
            return new ExecutionScore(rule.weight(), base, budget, executed, null, null, null, zero, null, reason);
        }
        BigDecimal rate = executed.multiply(HUNDRED).divide(budget, RATIO);
        BigDecimal rateShown = rate.setScale(scheme.precision().rateDecimals(), RoundingMode.HALF_UP);
        BigDecimal raw;
        String formula;
        if (!rule.bands().isEmpty()) {
            Band band = band(rule.bands(), rate);
            BigDecimal credit = band == null ? BigDecimal.ZERO : band.credit();
            raw = rule.weight().multiply(credit).divide(HUNDRED, RATIO);
            formula = rule.weight().toPlainString() + " × " + credit.toPlainString() + "% (执行率 " + rateShown
                    .toPlainString() + "% in the band from " + (band == null ? "—" : band.atLeast().toPlainString() + "%")
                    + ")";
        } else {
            BigDecimal effective = rule.capped() ? rate.min(HUNDRED) : rate;
            raw = rule.weight().multiply(effective).divide(HUNDRED, RATIO);
            formula = rule.weight().toPlainString() + " × 执行率 (" + executed.toPlainString() + " / "
                    + budget.toPlainString() + " = " + rateShown.toPlainString() + "%"
                    + (rule.capped() && rate.compareTo(HUNDRED) > 0 ? ", capped at 100%" : "") + ")";
        }
        return new ExecutionScore(rule.weight(), base, budget, executed, rate, rateShown, raw,
                raw.setScale(scoreDecimals, RoundingMode.HALF_UP), formula, null);
    }

    static IndicatorScore indicator(IndicatorFacts facts, ScoringScheme scheme) {
        int scoreDecimals = scheme.precision().scoreDecimals();
        BigDecimal weight = facts.weight();
        IndicatorRule rule = scheme.overrides().get(facts.code());
        RuleType type = rule != null ? rule.type() : defaultType(facts.target(), scheme);
        List<Band> bands = rule != null && rule.type() == RuleType.BANDED ? rule.bands() : scheme.shortfallBands();

        if (weight == null) {
            return new IndicatorScore(facts.code(), facts.name(), null, type.name(), null, null, null, null, null,
                    NO_WEIGHT);
        }
        if (facts.actual() == null && !(facts.target() instanceof Qualitative && facts.achievement() != null)) {
            return unscorable(facts, type, "no actual value (实际完成值) recorded", scoreDecimals);
        }
        return switch (type) {
            case QUALITATIVE -> qualitative(facts, scheme, scoreDecimals);
            case REVERSE -> reverse(facts, scoreDecimals, scheme);
            case PROPORTIONAL, BANDED -> higherIsBetter(facts, type, bands, scoreDecimals, scheme);
        };
    }

    private static RuleType defaultType(TargetValue target, ScoringScheme scheme) {
        if (target instanceof Qualitative) {
            return RuleType.QUALITATIVE;
        }
        if (target instanceof Quantity quantity && quantity.comparator().isCeiling()) {
            return RuleType.REVERSE;
        }
        return scheme.shortfallBands().isEmpty() ? RuleType.PROPORTIONAL : RuleType.BANDED;
    }

    private static IndicatorScore qualitative(IndicatorFacts facts, ScoringScheme scheme, int decimals) {
        Achievement achievement = facts.achievement();
        if (achievement == null && facts.actual() instanceof Qualitative said && facts.target() instanceof Qualitative
                wanted && said.statement().equals(wanted.statement())) {
            achievement = Achievement.ACHIEVED;
        }
        if (achievement == null) {
            return unscorable(facts, RuleType.QUALITATIVE, "a qualitative target needs a judgement "
                    + "(达成 / 部分达成 / 未达成): the actual does not repeat the target", decimals);
        }
        BigDecimal credit = switch (achievement) {
            case ACHIEVED -> HUNDRED;
            case PARTIALLY_ACHIEVED -> scheme.partialCredit();
            case NOT_ACHIEVED -> BigDecimal.ZERO;
        };
        BigDecimal raw = facts.weight().multiply(credit).divide(HUNDRED, RATIO);
        return new IndicatorScore(facts.code(), facts.name(), facts.weight(), RuleType.QUALITATIVE.name(), null, null, raw,
                raw.setScale(decimals, RoundingMode.HALF_UP), facts.weight().toPlainString() + " × "
                + credit.stripTrailingZeros().toPlainString() + "% (" + achievement.label() + ")", null);
    }

    private static IndicatorScore reverse(IndicatorFacts facts, int decimals, ScoringScheme scheme) {
        if (!(facts.target() instanceof Quantity target) || !(facts.actual() instanceof Quantity actual)
                || target.percent() != actual.percent()) {
            return unscorable(facts, RuleType.REVERSE, "the actual value is not of the target's kind", decimals);
        }
        BigDecimal ceiling = target.value();
        BigDecimal got = actual.value();
        BigDecimal raw;
        String formula;
        if (got.compareTo(ceiling) <= 0) {
            raw = facts.weight();
            formula = facts.weight().toPlainString() + " (" + got.toPlainString() + " within the ceiling of "
                    + ceiling.toPlainString() + ")";
        } else if (ceiling.signum() == 0) {
            raw = BigDecimal.ZERO;
            formula = "0 (" + got.toPlainString() + " against a ceiling of 0)";
        } else {
            raw = facts.weight().multiply(ceiling).divide(got, RATIO);
            formula = facts.weight().toPlainString() + " × " + ceiling.toPlainString() + " / " + got.toPlainString()
                    + " (above the ceiling)";
        }
        BigDecimal deviation = ceiling.signum() == 0 ? null : deviation(got, ceiling, scheme);
        return new IndicatorScore(facts.code(), facts.name(), facts.weight(), RuleType.REVERSE.name(), null, deviation, raw,
                raw.setScale(decimals, RoundingMode.HALF_UP), formula, null);
    }

    private static IndicatorScore higherIsBetter(IndicatorFacts facts, RuleType type, List<Band> bands, int decimals,
                                                 ScoringScheme scheme) {
        BigDecimal ratio;
        BigDecimal deviation;
        String inputs;
        if (facts.target() instanceof Compound wanted && facts.actual() instanceof Compound got
                && wanted.parts().size() == got.parts().size()) {
            // Each part is held against its own target; the indicator earns the mean of the parts' capped ratios.
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 0; i < wanted.parts().size(); i++) {
                if (wanted.parts().get(i).signum() == 0) {
                    return unscorable(facts, type, "part " + (i + 1) + " has a target of 0 where higher is better",
                            decimals);
                }
                sum = sum.add(got.parts().get(i).multiply(HUNDRED).divide(wanted.parts().get(i), RATIO).min(HUNDRED));
            }
            ratio = sum.divide(BigDecimal.valueOf(wanted.parts().size()), RATIO);
            deviation = null;
            inputs = "mean of the parts' completion, each capped at 100%";
        } else if (facts.target() instanceof Quantity wanted && facts.actual() instanceof Quantity got
                && wanted.percent() == got.percent()) {
            if (wanted.value().signum() == 0) {
                return unscorable(facts, type, "a target of 0 where higher is better cannot be scored as a ratio",
                        decimals);
            }
            ratio = got.value().multiply(HUNDRED).divide(wanted.value(), RATIO);
            if (wanted.comparator() == Comparator.EQUAL && ratio.compareTo(HUNDRED) > 0) {
                ratio = wanted.value().multiply(HUNDRED).divide(got.value(), RATIO);
            }
            deviation = deviation(got.value(), wanted.value(), scheme);
            inputs = got.value().toPlainString() + " / " + wanted.value().toPlainString();
        } else {
            return unscorable(facts, type, "the actual value is not of the target's kind (e.g. a percentage against a "
                    + "count)", decimals);
        }
        BigDecimal raw;
        String formula;
        if (type == RuleType.BANDED && ratio.compareTo(HUNDRED) < 0) {
            Band band = band(bands, ratio);
            BigDecimal credit = band == null ? BigDecimal.ZERO : band.credit();
            raw = facts.weight().multiply(credit).divide(HUNDRED, RATIO);
            formula = facts.weight().toPlainString() + " × " + credit.stripTrailingZeros().toPlainString()
                    + "% (completion " + ratio.setScale(2, RoundingMode.HALF_UP).toPlainString() + "% = " + inputs
                    + ", in the band from " + (band == null ? "—" : band.atLeast().toPlainString() + "%") + ")";
        } else {
            raw = facts.weight().multiply(ratio.min(HUNDRED)).divide(HUNDRED, RATIO);
            formula = facts.weight().toPlainString() + " × min(1, " + inputs + ")";
        }
        return new IndicatorScore(facts.code(), facts.name(), facts.weight(), type.name(), ratio, deviation, raw,
                raw.setScale(decimals, RoundingMode.HALF_UP), formula, null);
    }

    private static BigDecimal deviation(BigDecimal actual, BigDecimal target, ScoringScheme scheme) {
        return actual.subtract(target).multiply(HUNDRED).divide(target, RATIO)
                .setScale(scheme.precision().rateDecimals(), RoundingMode.HALF_UP);
    }

    private static Band band(List<Band> bands, BigDecimal ratio) {
        Band best = null;
        for (Band band : bands) {
            if (ratio.compareTo(band.atLeast()) >= 0 && (best == null || band.atLeast().compareTo(best.atLeast()) > 0)) {
                best = band;
            }
        }
        return best;
    }

    private static IndicatorScore unscorable(IndicatorFacts facts, RuleType type, String reason, int decimals) {
        return new IndicatorScore(facts.code(), facts.name(), facts.weight(), type.name(), null, null, null,
                BigDecimal.ZERO.setScale(decimals, RoundingMode.UNNECESSARY), null, reason);
    }

    /** The scheme's grade for a total. */
    public static Grade grade(BigDecimal total, ScoringScheme scheme) {
        for (GradeBand band : scheme.grades()) {
            if (total.compareTo(band.atLeast()) >= 0) {
                return band.grade();
            }
        }
        return Grade.POOR;
    }
}
