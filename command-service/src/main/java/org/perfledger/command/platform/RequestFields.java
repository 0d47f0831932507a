package org.perfledger.command.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Labelled;

/**
 * Parses the fields of one request into the published language's types and collects every error, so a client learns
 * all that is wrong with its request at once.
 */
public final class RequestFields {

    private final List<FieldError> errors = new ArrayList<>();

    /**
     * Values keyed by a coded value ({@code {"一般公共预算财政拨款": "149.60"}}: the label or the code), each read by
     * {@code parser} where it stands ({@code field.key}); a key given twice is refused. Empty for none given.
     */
    public <E extends Enum<E> & Labelled, T> Map<E, T> byLabel(String field, Map<String, String> given, Class<E> type,
                                                               Function<String, T> parser) {
        Map<E, T> values = new LinkedHashMap<>();
        if (given == null) {
            return values;
        }
        given.forEach((key, value) -> {
            E parsed = label(field, key, type);
            T read = parse(field + "." + key, value, parser);
            if (parsed != null && read != null && values.put(parsed, read) != null) {
                reject(field + "." + key, "duplicate", key + " is given twice under " + field);
            }
        });
        return values;
    }

    /** A number a path names (an adjustment's, a warning's): a whole number from 1, or null (recorded). */
    public Integer number(String field, String text) {
        return parse(field, text, RequestFields::positive);
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidValueException("number.format", "a request number is a positive whole number, got '"
                + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }

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

    /** Like {@link #parse} but a missing (or empty) field is null, not an error. */
    public <T> T optional(String field, String text, Function<String, T> parser) {
        return text == null || text.isEmpty() ? null : parse(field, text, parser);
    }

    public String text(String field, String text, int maxLength) {
        return parse(field, text, value -> Checks.requireText(value, field, maxLength));
    }

    public String optionalText(String field, String text, int maxLength) {
        return optional(field, text, value -> Checks.requireText(value, field, maxLength));
    }

    /** A value of a labelled enumeration, given by its constant name or its Chinese label. */
    public <E extends Enum<E> & Labelled> E label(String field, String text, Class<E> type) {
        return parse(field, text, value -> Labelled.parse(type, value, "value.unknown", field));
    }

    public <E extends Enum<E> & Labelled> E optionalLabel(String field, String text, Class<E> type) {
        return optional(field, text, value -> Labelled.parse(type, value, "value.unknown", field));
    }

    /** An ISO date, 2020-12-29. */
    public LocalDate date(String field, String text) {
        return parse(field, text, RequestFields::isoDate);
    }

    public LocalDate optionalDate(String field, String text) {
        return optional(field, text, RequestFields::isoDate);
    }

    /**
     * A date that is required unless the sender says the source states none ({@code undated}: a year's total printed
     * in a self-evaluation table); then there is none, and sending one as well is refused. Null when undated.
     */
    public LocalDate dateUnlessUndated(String field, String text, Boolean undated) {
        if (!Boolean.TRUE.equals(undated)) {
            return date(field, text);
        }
        if (text != null) {
            errors.add(new FieldError(field, "date.undated", field + " and undated exclude each other: undated says "
                    + "the source states no date"));
        }
        return null;
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            errors.add(new FieldError(field, "required", field + " is required"));
        }
        return value;
    }

    private static LocalDate isoDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("date.format", "a date is written YYYY-MM-DD, e.g. 2020-12-29; got '"
                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
        }
    }

    public void reject(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
    }

    /** What is wrong so far, in the order found. */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    /** @throws InvalidRequestException naming every field that broke a rule */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }
}
