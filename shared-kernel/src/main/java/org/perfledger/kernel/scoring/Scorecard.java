package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.util.List;
import org.perfledger.kernel.evaluation.Grade;

/**
 * A plan's score with every part explained: what was scored, by which rule, from which inputs. A part that cannot be
 * scored says why and counts 0 — it is never taken for full marks.
 *
 * @param total    the sum of the parts' rounded scores, as the tables add them
 * @param maxTotal the sum of the weights
 */
public record Scorecard(ExecutionScore execution, List<IndicatorScore> indicators, BigDecimal total,
                        BigDecimal maxTotal, Grade grade, List<String> flags) {

    public Scorecard {
        indicators = List.copyOf(indicators);
        flags = List.copyOf(flags);
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
     * @param exact         the score unrounded; null when unscorable
     */
    public record IndicatorScore(String code, String name, BigDecimal weight, String rule, BigDecimal ratio,
                                 BigDecimal deviationRate, BigDecimal exact, BigDecimal score, String formula,
                                 String unscorable) {
    }
}
