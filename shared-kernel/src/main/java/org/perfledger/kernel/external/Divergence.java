package org.perfledger.kernel.external;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.Scorecard.IndicatorScore;

/**
 * An evaluation's score beside the self-evaluation's: the difference of the totals and of each part, and whether it
 * is large (差异较大). Large is a different grade, or totals {@value #LARGE_POINTS} points or more apart — the width
 * of a grade band under the default grades (90 / 80 / 60). That line is this platform's choice, not a published
 * rule; every difference is listed whatever its size.
 *
 * @param difference the evaluation's total less the self-evaluation's; null where either has no total
 * @param parts      each part scored differently: its name, the self-evaluation's score, the evaluation's
 */
public record Divergence(BigDecimal selfTotal, Grade selfGrade, BigDecimal evaluationTotal, Grade evaluationGrade,
                         BigDecimal difference, boolean large, List<Part> parts) {

    public static final int LARGE_POINTS = 10;

    /** One part scored differently. */
    public record Part(String part, String name, BigDecimal self, BigDecimal evaluation) {
    }

    public static Divergence of(Scorecard self, Scorecard evaluation) {
        BigDecimal selfTotal = self.recomputedTotal();
        BigDecimal evaluationTotal = evaluation.recomputedTotal();
        BigDecimal difference = selfTotal == null || evaluationTotal == null ? null
                : evaluationTotal.subtract(selfTotal);
        boolean large = difference != null && (difference.abs().compareTo(BigDecimal.valueOf(LARGE_POINTS)) >= 0
                || self.recomputedGrade() != evaluation.recomputedGrade());
        List<Part> parts = new ArrayList<>();
        if (self.execution() != null && evaluation.execution() != null
                && !same(self.execution().score(), evaluation.execution().score())) {
            parts.add(new Part("execution", "预算执行率", self.execution().score(), evaluation.execution().score()));
        }
        Map<String, IndicatorScore> selfScores = new HashMap<>();
        self.indicators().forEach(indicator -> selfScores.put(indicator.code(), indicator));
        for (IndicatorScore indicator : evaluation.indicators()) {
            IndicatorScore mine = selfScores.get(indicator.code());
            BigDecimal before = mine == null ? null : mine.score();
            if (!same(before, indicator.score())) {
                parts.add(new Part(indicator.code(), indicator.name(), before, indicator.score()));
            }
        }
        return new Divergence(selfTotal, self.recomputedGrade(), evaluationTotal, evaluation.recomputedGrade(),
                difference, large, parts);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
