package org.perfledger.kernel.library;

import org.perfledger.kernel.validation.Labelled;

/**
 * Whether a library indicator belongs to the common framework every plan may use (共性指标) or to one sector's
 * indicators (个性指标).
 */
public enum LibraryKind implements Labelled {
    COMMON("共性指标"),
    SECTOR("个性指标");

    private final String label;

    LibraryKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
