package org.perfledger.kernel.budget;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * The economic split of a department's spending: 基本支出 (人员经费 and 公用经费) and 项目支出. A project's money is
 * all 项目支出. {@link #BASIC} is 基本支出 where the source does not divide it into 人员经费 and 公用经费 (蔡甸 2020 and
 * 如皋 2023 print only 基本支出): one budget divides it or does not, never both.
 */
public enum ExpenditureClass implements Labelled {
    PERSONNEL("人员经费"),
    PUBLIC_FUNDS("公用经费"),
    BASIC("基本支出"),
    PROJECT("项目支出");

    private final String label;

    ExpenditureClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** 人员经费 or 公用经费: a part of 基本支出 that divides it. */
    public boolean dividesBasic() {
        return this == PERSONNEL || this == PUBLIC_FUNDS;
    }

    @Override
    public List<String> aliases() {
        return switch (this) {
            case PROJECT -> List.of("项目支出总额");
            case BASIC -> List.of("基本支出总额");
            default -> List.of();
        };
    }
}
