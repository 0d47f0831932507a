package org.perfledger.command.platform;

import java.util.List;

/** A request with malformed fields; nothing was sent to the domain. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
