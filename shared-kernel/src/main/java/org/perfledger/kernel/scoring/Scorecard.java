package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;
import org.perfledger.kernel.evaluation.Grade;

/**
 * A plan's score with every part explained: what was scored, by which rule, from which inputs. A part that cannot be
 * scored says why and counts 0 — it is never taken for full marks. An indicator with no 分值 set has no score at all
 * (its score is null) and is left out of the total and of the weights.
 *
 * @param total      the sum of the parts' rounded scores, as the tables add them
 * @param maxTotal   the sum of the weights that are set
 * @param unweighted how many indicators have no 分值 set; while any has none, the total is not the plan's 总分
 */
public record Scorecard(ExecutionScore execution, List<IndicatorScore> indicators, BigDecimal total,
                        BigDecimal maxTotal, Grade grade, List<String> flags, int unweighted) {

    public Scorecard {
        indicators = List.copyOf(indicators);
        flags = List.copyOf(flags);
    }

    /**
     * The plan's 总分 as recomputed, or null while an indicator has no 分值 set: then {@link #total} covers only the parts
     * that have one, and is not the plan's. What views show as the plan's score.
     */
    public BigDecimal recomputedTotal() {
        return unweighted > 0 ? null : total;
    }

    /** The grade of the {@link #recomputedTotal}, or null when there is none. */
    public Grade recomputedGrade() {
        return unweighted > 0 ? null : grade;
    }

    /**
     * @param rate      执行率 in percent, unrounded, or null when it cannot be computed
     * @param rateShown the rate as the tables print it (the scheme's rate decimals, HALF_UP from {@code rate})
     * @param exact     the score unrounded, what a reported score is held against; null when unscorable
     */
    public record ExecutionScore(BigDecimal weight, String base, BigDecimal budget, BigDecimal executed,
                                 BigDecimal rate, BigDecimal rateShown, BigDecimal exact, BigDecimal score,
                                 String formula, String unscorable) {
    }

    /**
     * @param ratio         actual / target in percent, unrounded, or null
     * @param deviationRate 偏差率 (actual / target − 1) in percent, at the scheme's rate decimals, or null
     * @param weight        the 分值, or null when none is set
     * @param exact         the score unrounded; null when unscorable
     * @param score         the score rounded, 0 when unscorable, null when no weight is set
     */
    public record IndicatorScore(String code, String name, BigDecimal weight, String rule, BigDecimal ratio,
                                 BigDecimal deviationRate, BigDecimal exact, BigDecimal score, String formula,
                                 String unscorable) {
    }
}
