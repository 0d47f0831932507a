package org.perfledger.command.platform;

import java.util.Objects;
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

    public DomainRejection(Kind kind, String code, String field, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.field = field;
    }

    /** A field whose value broke a rule of the published language, refused as a business rule (422). */
    public static DomainRejection brokenRule(String field, InvalidValueException e) {
        return new DomainRejection(Kind.RULE, e.rule(), field, e.getMessage());
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
}
