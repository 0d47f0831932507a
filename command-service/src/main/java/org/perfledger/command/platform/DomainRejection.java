package org.perfledger.command.platform;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * A command refused by a business rule. It names the rule with a stable code, the request field it concerns and what
 * kind of refusal it is; the REST layer turns it into problem+json with the matching status.
 */
public class DomainRejection extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind {
        /** The thing addressed does not exist (404). */
        NOT_FOUND,
        /** The caller may not do this, or not here (403). */
        FORBIDDEN,
        /** The request conflicts with the current state (409). */
        CONFLICT,
        /** The request is well-formed but breaks a business rule (422). */
        RULE
    }

    private final Kind kind;
    private final String code;
    private final String field;
    private final List<FieldError> errors;

    public DomainRejection(Kind kind, String code, String field, String message) {
        this(kind, code, field, message, List.of(new FieldError(field, code, message)));
    }

    private DomainRejection(Kind kind, String code, String field, String message, List<FieldError> errors) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.field = field;
        this.errors = List.copyOf(errors);
    }

    /** A refusal for several reasons at once (e.g. every bad row of an imported table), each naming its field. */
    public static DomainRejection ofAll(Kind kind, String code, String message, List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a refusal names at least one reason");
        }
        return new DomainRejection(kind, code, null, message, errors);
    }

    /** A field whose value broke a rule of the published language, refused as a business rule (422). */
    public static DomainRejection brokenRule(String field, InvalidValueException e) {
        return new DomainRejection(Kind.RULE, e.rule(), field, e.getMessage());
    }

    /** The value {@code check} makes, or the {@link #brokenRule} of {@code field} it found. */
    public static <T> T checked(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidValueException e) {
            throw brokenRule(field, e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    /** Every reason, each with its field; one for a refusal of a single rule. */
    public List<FieldError> errors() {
        return errors;
    }
}
