package org.perfledger.command.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * Parses the fields of one request into the published language's types and collects every error, so a client learns
 * all that is wrong with its request at once.
 */
public final class RequestFields {

    private final List<FieldError> errors = new ArrayList<>();

    /** The parsed value, or null when the field is missing or breaks a rule (recorded). */
    public <T> T parse(String field, String text, Function<String, T> parser) {
        if (text == null) {
            errors.add(new FieldError(field, "required", field + " is required"));
            return null;
        }
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            errors.add(new FieldError(field, e.rule(), field + ": " + e.getMessage()));
            return null;
        }
    }

    public String text(String field, String text, int maxLength) {
        return parse(field, text, value -> Checks.requireText(value, field, maxLength));
    }

    public void reject(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
    }

    /** @throws InvalidRequestException naming every field that broke a rule */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
