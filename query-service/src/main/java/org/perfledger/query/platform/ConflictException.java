package org.perfledger.query.platform;

/** A request that collides with work already under way: 409, naming what it collides on. */
public class ConflictException extends FieldRefusal {

    public ConflictException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
