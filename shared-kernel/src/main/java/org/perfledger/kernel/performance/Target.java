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

    @Override
    public String toString() {
        return text;
    }
}
