package org.perfledger.query.platform;

/** A read of something that is not there: 404, naming the field that addressed it. */
public class NotFoundException extends RuntimeException {

    private final String field;
    private final String rule;

    public NotFoundException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
