package org.perfledger.kernel.performance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;
import org.perfledger.kernel.validation.InvalidValueException;

/** A weight (分值) or a score (得分) in points out of 100, with at most two decimals as the tables print them. */
public record Points(BigDecimal value) implements Comparable<Points> {

    public static final BigDecimal MAX = BigDecimal.valueOf(100);
    public static final Points ZERO = new Points(BigDecimal.ZERO);
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?");

    public Points {
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0 || value.compareTo(MAX) > 0) {
            throw new InvalidValueException("points.range", "points must be between 0 and 100, got " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidValueException("points.scale", "points have at most 2 decimals, got " + value.toPlainString());
        }
        value = value.setScale(2, RoundingMode.UNNECESSARY);
    }

    @JsonCreator
    public static Points parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("points.required", "points are required");
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new InvalidValueException("points.format", "points must be a decimal such as 20 or 9.79, got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
        return new Points(new BigDecimal(text));
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
