package org.perfledger.kernel.validation;

import java.util.ArrayList;
import java.util.List;

/**
 * An enumeration whose constants carry the Chinese labels the seed tables print (e.g. {@code 产出指标}). A value can be
 * given by its constant name or by any of its labels, so a form, an API client and an Excel import all speak it.
 */
public interface Labelled {

    /** The label as the tables print it. */
    String label();

    /** Other spellings the tables use for the same thing. */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * @param rule the rule code to fail with, e.g. {@code indicator.level1}
     * @throws InvalidValueException naming every accepted value when the text matches none
     */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String text, String rule, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(rule, what + " is required");
        }
        String wanted = text.strip();
        List<String> accepted = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted) || constant.label().equals(wanted)
                    || constant.aliases().contains(wanted)) {
                return constant;
            }
            accepted.add(constant.label() + " (" + constant.name() + ")");
        }
        throw new InvalidValueException(rule, what + " must be one of " + String.join(", ", accepted)
                + "; got '" + (wanted.length() > 40 ? wanted.substring(0, 40) + "…" : wanted) + "'");
    }
}
