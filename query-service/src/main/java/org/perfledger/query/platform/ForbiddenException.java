package org.perfledger.query.platform;

/** A caller whose role reads nothing here: 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
