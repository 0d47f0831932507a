package org.perfledger.kernel.evaluation;

import org.perfledger.kernel.validation.Labelled;

/** 自评等级. */
public enum Grade implements Labelled {
    EXCELLENT("优秀"),
    GOOD("良好"),
    FAIR("中"),
    POOR("差");

    private final String label;

    Grade(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
