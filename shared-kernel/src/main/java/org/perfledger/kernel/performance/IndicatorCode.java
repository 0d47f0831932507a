package org.perfledger.kernel.performance;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.perfledger.kernel.validation.Checks;

/**
 * The stable code of an indicator (e.g. {@code SPAQ.KJJC} for 食品安全快速检测), kept from year to year so that the same
 * indicator can be followed across years even when its wording changes.
 */
public record IndicatorCode(@JsonValue String value) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    @JsonCreator
    public IndicatorCode {
        Checks.requireCode(value, "indicator code", CODE, "1 to 63 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
