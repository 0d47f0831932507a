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
        Comparator turned = switch (quantity.comparator()) {
            case AT_LEAST -> direction == Direction.LOWER_IS_BETTER ? Comparator.AT_MOST : Comparator.AT_LEAST;
            case MORE_THAN -> direction == Direction.LOWER_IS_BETTER ? Comparator.LESS_THAN : Comparator.MORE_THAN;
            case AT_MOST -> direction == Direction.HIGHER_IS_BETTER ? Comparator.AT_LEAST : Comparator.AT_MOST;
            case LESS_THAN -> direction == Direction.HIGHER_IS_BETTER ? Comparator.MORE_THAN : Comparator.LESS_THAN;
            case EQUAL, ABOUT -> quantity.comparator();
        };
        return turned == quantity.comparator() ? this : new Target(text, new TargetValue.Quantity(turned,
                quantity.value(), quantity.percent(), quantity.unit(), quantity.subject()));
    }

    @Override
    public String toString() {
        return text;
    }
}
