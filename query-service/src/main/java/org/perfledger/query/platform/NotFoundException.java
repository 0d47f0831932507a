package org.perfledger.query.platform;

/** A read of something that is not there: 404, naming the field that addressed it. */
public class NotFoundException extends FieldRefusal {

    public NotFoundException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
