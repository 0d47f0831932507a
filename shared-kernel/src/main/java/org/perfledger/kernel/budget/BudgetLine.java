package org.perfledger.kernel.budget;

import java.util.Objects;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.validation.Checks;

/** One line of a project's 项目支出明细, e.g. 商标广告及综合业务费 68.00. */
public record BudgetLine(String name, WanYuan amount) {

    public static final int MAX_NAME_LENGTH = 100;

    public BudgetLine {
        Checks.requireText(name, "budget line name", MAX_NAME_LENGTH);
        Objects.requireNonNull(amount, "amount");
    }
}
