package org.perfledger.kernel.performance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A weight (分值) or a score (得分) in points out of 100, with at most two decimals, kept as the tables print them
 * ("17" and "17.0" are the same points printed at another precision: compare them with {@link #compareTo}).
 */
public record Points(BigDecimal value) implements Comparable<Points> {

    public static final BigDecimal MAX = BigDecimal.valueOf(100);
    public static final Points ZERO = new Points(BigDecimal.ZERO);

    public Points {
        value = PointFigures.checked(value, MAX, "points", "points");
    }

    @JsonCreator
    public static Points parse(String text) {
        return new Points(PointFigures.parsed(text, "points", "points", "20 or 9.79"));
    }

    @Override
    public int compareTo(Points other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    public String toPlainString() {
        return value.toPlainString();
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
