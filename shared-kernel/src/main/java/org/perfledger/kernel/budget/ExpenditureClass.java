package org.perfledger.kernel.budget;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * The economic split of a department's spending: 基本支出 (人员经费 and 公用经费) and 项目支出. A project's money is
 * all 项目支出.
 */
public enum ExpenditureClass implements Labelled {
    PERSONNEL("人员经费", true),
    PUBLIC_FUNDS("公用经费", true),
    PROJECT("项目支出", false);

    private final String label;
    private final boolean basic;

    ExpenditureClass(String label, boolean basic) {
        this.label = label;
        this.basic = basic;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return this == PROJECT ? List.of("项目支出总额") : List.of();
    }

    /** Part of 基本支出. */
    public boolean isBasic() {
        return basic;
    }
}
