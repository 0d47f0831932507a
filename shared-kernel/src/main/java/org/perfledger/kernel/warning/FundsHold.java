package org.perfledger.kernel.warning;

import org.perfledger.kernel.validation.Labelled;

/**
 * District finance holding a plan's funds back during the year (绩效运行监控): suspended until it resumes them
 * (暂缓拨付), or stopped for the rest of the year (停止拨付). No receipt is recorded while funds are held.
 */
public enum FundsHold implements Labelled {
    SUSPENDED("暂缓拨付"),
    STOPPED("停止拨付");

    private final String label;

    FundsHold(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
