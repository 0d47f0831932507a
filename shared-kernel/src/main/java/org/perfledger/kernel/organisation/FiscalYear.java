package org.perfledger.kernel.organisation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import org.perfledger.kernel.validation.InvalidValueException;

/** A fiscal year (预算年度), which in China is the calendar year. */
public record FiscalYear(@JsonValue int value) implements Comparable<FiscalYear> {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    @JsonCreator
    public FiscalYear {
        if (value < FIRST || value > LAST) {
            throw new InvalidValueException("fiscal-year.range",
                    "fiscal year must be between " + FIRST + " and " + LAST + ", got " + value);
        }
    }

    public static FiscalYear of(int value) {
        return new FiscalYear(value);
    }

    public static FiscalYear parse(String text) {
        try {
            return new FiscalYear(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new InvalidValueException("fiscal-year.format", "fiscal year must be a four-digit year, got '" + text + "'");
        }
    }

    public LocalDate firstDay() {
        return LocalDate.of(value, 1, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(value, 12, 31);
    }

    public boolean contains(LocalDate date) {
        return date.getYear() == value;
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
