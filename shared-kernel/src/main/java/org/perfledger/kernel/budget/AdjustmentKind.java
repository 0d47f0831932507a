package org.perfledger.kernel.budget;

import java.util.List;
import org.perfledger.kernel.validation.Labelled;

/**
 * Why a budget changes during the year. The kind fixes the direction: an amount is always given as a positive figure
 * and 调减 takes it away, the others add it.
 */
public enum AdjustmentKind implements Labelled {
    /** 追加: more money from the district (e.g. 新增打击传销购买服务经费 27.09). */
    SUPPLEMENT("追加", FundingSource.GENERAL_PUBLIC_BUDGET, 1, "新增", "增加"),
    /** 调减: money taken back (e.g. 减少九峰所、豹澥所维修费 109.58). */
    REDUCTION("调减", FundingSource.GENERAL_PUBLIC_BUDGET, -1, "减少", "压减"),
    /** 上级转移支付: money passed down from the city, province or state (e.g. 20.91). */
    UPPER_LEVEL_TRANSFER("上级转移支付", FundingSource.UPPER_LEVEL_TRANSFER, 1),
    /** 结转: unspent money of the previous year carried into this one. */
    CARRYOVER("结转", FundingSource.PRIOR_YEAR_CARRYOVER, 1, "上年结转");

    private final String label;
    private final FundingSource defaultSource;
    private final int direction;
    private final List<String> aliases;

    AdjustmentKind(String label, FundingSource defaultSource, int direction, String... aliases) {
        this.label = label;
        this.defaultSource = defaultSource;
        this.direction = direction;
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

    /** The source the money comes from (or goes back to) unless the adjustment names another. */
    public FundingSource defaultSource() {
        return defaultSource;
    }

    /** +1 when the kind adds money, -1 when it takes money away. */
    public int direction() {
        return direction;
    }
}
