package org.perfledger.query.platform;

/** A query parameter that breaks a rule: 400, naming the parameter and the rule. */
public class InvalidParameterException extends FieldRefusal {

    public InvalidParameterException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
