package org.perfledger.kernel.budget;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/** Where a budget's money comes from (资金来源), as the 年初预算 and 调整 tables break it down. */
public enum FundingSource implements Labelled {
    GENERAL_PUBLIC_BUDGET("一般公共预算财政拨款", "一般公共预算", "区级公共预算财政拨款", "当年财政拨款", "财政拨款"),
    GOVERNMENT_FUND("政府性基金预算", "政府性基金预算财政拨款"),
    UPPER_LEVEL_TRANSFER("上级转移支付", "上级转移支付资金"),
    PRIOR_YEAR_CARRYOVER("上年结转", "上年结转资金", "结转"),
    OTHER("其他资金", "其他");

    private final String label;
    private final List<String> aliases;

    FundingSource(String label, String... aliases) {
        this.label = label;
        this.aliases = List.of(aliases);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
