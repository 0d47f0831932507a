package org.perfledger.kernel.money;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * An amount of money in 万元 (ten thousand yuan) with exactly two decimals, as the budget tables print it.
 * The scale is fixed so that equal amounts are equal records. It travels as a decimal string ("6352.76").
 */
public record WanYuan(BigDecimal amount) implements Comparable<WanYuan> {

    public static final int SCALE = 2;
    /** NUMERIC(15,2) in the database: 13 integer digits, far above any district budget. */
    public static final int MAX_INTEGER_DIGITS = 13;
    public static final WanYuan ZERO = new WanYuan(BigDecimal.ZERO.setScale(SCALE));

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    public WanYuan {
        Objects.requireNonNull(amount, "amount");
        if (amount.scale() > SCALE && amount.stripTrailingZeros().scale() > SCALE) {
            throw new InvalidValueException("money.scale",
                    "an amount in 万元 has at most " + SCALE + " decimals, got " + amount.toPlainString());
        }
        amount = amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            throw new InvalidValueException("money.range",
                    "an amount in 万元 has at most " + MAX_INTEGER_DIGITS + " integer digits, got " + amount.toPlainString());
        }
    }

    /**
     * Parses the decimal text the seeds and the API use. Plain digits only: no exponent, grouping, sign "+", currency
     * or surrounding spaces, so that what a user typed is what is stored.
     */
    @JsonCreator
    public static WanYuan parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidValueException("money.required", "an amount in 万元 is required");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidValueException("money.format",
                    "an amount in 万元 must be a plain decimal such as 6352.76, got '" + abbreviate(text) + "'");
        }
        int dot = text.indexOf('.');
        if (dot >= 0 && text.length() - dot - 1 > SCALE) {
            throw new InvalidValueException("money.scale",
                    "an amount in 万元 has at most " + SCALE + " decimals, got '" + abbreviate(text) + "'");
        }
        return new WanYuan(new BigDecimal(text));
    }

    public static WanYuan of(String text) {
        return parse(text);
    }

    /** Parses an amount that must not be negative (budgets, appropriations, spending). */
    public static WanYuan parseNonNegative(String text) {
        WanYuan value = parse(text);
        if (value.isNegative()) {
            throw new InvalidValueException("money.non-negative", "an amount in 万元 must not be negative, got " + text);
        }
        return value;
    }

    public WanYuan plus(WanYuan other) {
        return new WanYuan(amount.add(other.amount));
    }

    public WanYuan minus(WanYuan other) {
        return new WanYuan(amount.subtract(other.amount));
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(WanYuan other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return amount.toPlainString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
