package org.perfledger.kernel.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.perfledger.kernel.validation.Checks;

/** A district (区/县/市): the tenant. Everything in PerfLedger belongs to exactly one. */
public record DistrictId(@JsonValue String value) {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    static final String EXPECTED = "1 to 63 lower-case letters, digits or '-', starting with a letter or digit";

    @JsonCreator
    public DistrictId {
        Checks.requireCode(value, "district", CODE, EXPECTED);
    }

    public static DistrictId of(String value) {
        return new DistrictId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
