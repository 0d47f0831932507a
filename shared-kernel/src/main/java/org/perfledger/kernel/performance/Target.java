package org.perfledger.kernel.performance;

import java.util.Objects;

/**
 * A target or actual value as written (the text the department typed or the table printed) together with its typed
 * reading. Both are stored: the text is what was approved, the value is what scoring compares.
 */
public record Target(String text, TargetValue value) {

    public Target {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
    }

    /** @throws org.perfledger.kernel.validation.InvalidValueException saying what was expected */
    public static Target parse(String text) {
        return new Target(text, TargetParser.parse(text));
    }

    /**
     * The target read the way a stated direction says, its text as printed: a sign that points the other way is turned
     * ("≥4" of a 排名 that is better lower reads ≤ 4; "≤5" better higher reads ≥ 5); a bare number takes the direction;
     * exact, approximate, compound and qualitative targets are read as they are. Null direction: as the sign says.
     */
    public Target directed(Direction direction) {
        if (direction == null || !(value instanceof TargetValue.Quantity quantity)) {
            return this;
        }
        Comparator sign = quantity.comparator();
        if (sign.opposite() == sign || sign.isCeiling() == (direction == Direction.LOWER_IS_BETTER)) {
            return this;
        }
        return new Target(text, new TargetValue.Quantity(sign.opposite(), quantity.value(), quantity.percent(),
                quantity.unit(), quantity.subject()));
    }

    @Override
    public String toString() {
        return text;
    }
}
