package org.perfledger.query.platform;

/** A refusal that names the field (path or query parameter) it concerns and the rule it broke. */
public abstract class FieldRefusal extends RuntimeException {

    private final String field;
    private final String rule;

    protected FieldRefusal(String field, String rule, String message) {
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
