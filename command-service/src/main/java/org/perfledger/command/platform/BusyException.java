package org.perfledger.command.platform;

/** A bounded resource (e.g. the one workbook read at a time) stayed taken: 503 with Retry-After; nothing was stored. */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
