package org.perfledger.kernel.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * A rate in percent (98.75 means 98.75%). It keeps the unrounded value of a ratio; rounding happens once, where the
 * figure is shown or scored ({@link #rounded(int)}), never from an already rounded rate.
 */
public record Percentage(BigDecimal value) implements Comparable<Percentage> {

    /** Enough digits that rounding to 2 decimals later is exact for any ratio of two money amounts. */
    private static final MathContext RATIO = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Percentage {
        Objects.requireNonNull(value, "value");
    }

    @JsonCreator
    public static Percentage parse(String text) {
        try {
            return new Percentage(new BigDecimal(text));
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidValueException("percentage.format", "a percentage must be a decimal such as 98.75, got '" + text + "'");
        }
    }

    /** numerator / denominator × 100, unrounded. The denominator must not be zero: the caller decides what that means. */
    public static Percentage ofRatio(BigDecimal numerator, BigDecimal denominator) {
        if (denominator.signum() == 0) {
            throw new InvalidValueException("percentage.zero-denominator", "a rate over zero is undefined");
        }
        return new Percentage(numerator.multiply(HUNDRED).divide(denominator, RATIO));
    }

    public static Percentage ofRatio(WanYuan numerator, WanYuan denominator) {
        return ofRatio(numerator.amount(), denominator.amount());
    }

    /** Decimal HALF_UP to the given number of decimals, as the tables print it. */
    public BigDecimal rounded(int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Percentage other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    public String toPlainString() {
        return value.toPlainString();
    }

    @Override
    public String toString() {
        return value.toPlainString() + "%";
    }
}
