package org.perfledger.kernel.budget;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.perfledger.kernel.validation.Checks;

/** The number of the document (文号) that authorises a budget change, e.g. 蔡财预〔2020〕35号. Kept exactly as written. */
public record DocumentNumber(@JsonValue String value) {

    public static final int MAX_LENGTH = 100;

    @JsonCreator
    public DocumentNumber {
        Checks.requireText(value, "document number (文号)", MAX_LENGTH);
    }

    @Override
    public String toString() {
        return value;
    }
}
