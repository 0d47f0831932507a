package org.perfledger.kernel.budget;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * The economic split of a department's spending: 基本支出 (人员经费 and 公用经费) and 项目支出. A project's money is
 * all 项目支出.
 */
public enum ExpenditureClass implements Labelled {
    PERSONNEL("人员经费"),
    PUBLIC_FUNDS("公用经费"),
    PROJECT("项目支出");

    private final String label;

    ExpenditureClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return this == PROJECT ? List.of("项目支出总额") : List.of();
    }
}
