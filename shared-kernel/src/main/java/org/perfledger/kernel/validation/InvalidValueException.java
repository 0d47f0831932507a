package org.perfledger.kernel.validation;

import java.util.Objects;

/**
 * A value that breaks a rule of the published language. It names the rule with a stable code; the caller that knows
 * which field the value came from (the REST layer, an import) adds the field.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String rule;

    public InvalidValueException(String rule, String message) {
        super(message);
        this.rule = Objects.requireNonNull(rule, "rule");
    }

    /** A stable, machine-readable rule code such as {@code money.scale}. */
    public String rule() {
        return rule;
    }
}
