package org.perfledger.kernel.library;

import org.perfledger.kernel.validation.Labelled;

/**
 * How a library indicator's target is best set (绩效指标目标值的确定依据): from the plan's own 计划标准, the
 * sector's 行业标准, the 历史标准 of earlier years, or another standard (其他标准).
 */
public enum TargetBasis implements Labelled {
    PLANNED("计划标准"),
    INDUSTRY("行业标准"),
    HISTORICAL("历史标准"),
    OTHER("其他标准");

    private final String label;

    TargetBasis(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
