package org.perfledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A refusal names fields and rules, never the code behind them. */
class ProblemTextTest {

    @Test
    void qualifiedJavaNamesAreReplaced() {
        assertThat(ProblemHandler.withoutInternals("Cannot construct instance of "
                + "`org.perfledger.command.budget.BudgetController$ExpenditureRequest`, problem: amount"))
                .isEqualTo("Cannot construct instance of a value, problem: amount");
        assertThat(ProblemHandler.withoutInternals("org.apache.poi.openxml4j.exceptions.InvalidFormatException: x"))
                .isEqualTo("a value: x");
        assertThat(ProblemHandler.withoutInternals("[Ljava.lang.String; cannot be cast")).doesNotContain("java.lang");
    }

    @Test
    void whatPeopleWriteIsLeftAlone() {
        for (String text : new String[] {"your token is for district dh.scjgj.editor", "amount must be more than 0",
                "调减 20.91 would take the budget of 149.60 below zero", "e.g. 2020-07-01T09:30", "武新管财字[2018]56号"}) {
            assertThat(ProblemHandler.withoutInternals(text)).isEqualTo(text);
        }
    }
}
