package org.perfledger.kernel.validation;

import java.util.regex.Pattern;
import org.perfledger.kernel.text.UnicodeText;

/** Small guards shared by the value objects, each failing with a named rule. */
public final class Checks {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200d]]");

    private Checks() {
    }

    public static String requireText(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("text.required", what + " is required and must not be blank");
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidValueException("text.length", what + " must be at most " + maxLength + " characters");
        }
        if (!UnicodeText.isWellFormed(value)) {
            throw new InvalidValueException("text.unicode", what + " is not valid Unicode (an unpaired surrogate)");
        }
        if (CONTROL.matcher(value).find()) {
            throw new InvalidValueException("text.control-characters", what + " must not contain control characters");
        }
        return value;
    }

    public static String requireCode(String value, String what, Pattern pattern, String expected) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("code.required", what + " is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw new InvalidValueException("code.format", what + " must be " + expected + ", got '" + value + "'");
        }
        return value;
    }
}
