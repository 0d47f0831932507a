package org.perfledger.kernel.results;

import org.perfledger.kernel.validation.Labelled;

/**
 * What a plan's final grade does to next year's budget for it (评价结果应用): 优先保障 and 据实安排 keep the money,
 * 压减 cuts it by a share, 取消 and 暂停 leave none.
 */
public enum ResultAction implements Labelled {
    PRIORITISE("优先保障"),
    AS_NEEDED("据实安排"),
    REDUCE("压减"),
    CANCEL("取消"),
    SUSPEND("暂停");

    private final String label;

    ResultAction(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether next year's budget for the project is not to be opened at all. */
    public boolean leavesNoBudget() {
        return this == CANCEL || this == SUSPEND;
    }
}
