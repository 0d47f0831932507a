package org.perfledger.query.library;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * How far apart some figures of one indicator lie (benchmarking, 对标): how many, the lowest, the median and the
 * highest, and the range between them; the median of an even count is the mean of the middle two, rounded HALF_UP to
 * two decimals once. Null figures (not comparable, not reported) are left out and not counted.
 */
public record Spread(int count, BigDecimal min, BigDecimal median, BigDecimal max, BigDecimal range) {

    public static Spread of(Collection<BigDecimal> figures) {
        List<BigDecimal> sorted = new ArrayList<>(figures.stream().filter(Objects::nonNull).toList());
        if (sorted.isEmpty()) {
            return new Spread(0, null, null, null, null);
        }
        sorted.sort(BigDecimal::compareTo);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        BigDecimal min = sorted.get(0);
        BigDecimal max = sorted.get(n - 1);
        return new Spread(n, round(min), round(median), round(max), round(max.subtract(min)));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
