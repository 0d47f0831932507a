package org.perfledger.kernel.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * Figures in points with at most two decimals, as the tables print them, from 0 to a maximum: the checks that
 * {@link Points} (out of 100) and {@link TotalScore} (a sum of them) share. Each names its rules by its own prefix.
 */
final class PointFigures {

    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

    private PointFigures() {
    }

    /**
     * The value at the decimals it was given with (a printed "100.0" keeps its one decimal, so it is judged at that
     * precision), at most two; {@code what} is how a refusal names it ("points", "a total score").
     */
    static BigDecimal checked(BigDecimal value, BigDecimal max, String rules, String what) {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(max) > 0) {
            throw new InvalidValueException(rules + ".range", what + " must be between 0 and " + max.toPlainString()
                    + ", got " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException(rules + ".scale", what + ": at most 2 decimals, got "
                    + value.toPlainString());
        }
        if (value.scale() > 2) {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        }
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    /** Plain decimal text, at most three integer digits and two decimals. */
    static BigDecimal parsed(String text, String rules, String what, String example) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(rules + ".required", what + " is required");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidValueException(rules + ".format", what + " must be a decimal such as " + example
                    + ", got '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
        return new BigDecimal(text);
    }
}
