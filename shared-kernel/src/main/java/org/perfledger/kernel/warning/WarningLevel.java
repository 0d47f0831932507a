package org.perfledger.kernel.warning;

import org.perfledger.kernel.validation.Labelled;

/** How strongly district finance warns a plan during the year: a 提示 (notice) or a 警示 (caution). */
public enum WarningLevel implements Labelled {
    NOTICE("提示"),
    CAUTION("警示");

    private final String label;

    WarningLevel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
