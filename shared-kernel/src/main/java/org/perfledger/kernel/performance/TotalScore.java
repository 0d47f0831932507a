package org.perfledger.kernel.performance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * A self-evaluation's 总分 as the department reports it: the sum of its parts, so above 100 where a plan's weights add
 * up to more than 100 (如皋's weights add up to 103; the scorecard flags such plans, and PerfLedger's own 自评表
 * export prints such a total). A single weight or score is {@link Points}, out of 100. It travels as a decimal string,
 * as {@link Points} does, so events that carried a {@link Points} total read as this unchanged.
 */
public record TotalScore(BigDecimal value) implements Comparable<TotalScore> {

    public static final BigDecimal MAX = new BigDecimal("999.99");

    public TotalScore {
        value = PointFigures.checked(value, MAX, "score", "a total score");
    }

    @JsonCreator
    public static TotalScore parse(String text) {
        return new TotalScore(PointFigures.parsed(text, "score", "a total score", "96.25"));
    }

    /** Over 100: the plan's weights add up to more than 100. */
    public boolean aboveHundred() {
        return value.compareTo(Points.MAX) > 0;
    }

    @Override
    public int compareTo(TotalScore other) {
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
