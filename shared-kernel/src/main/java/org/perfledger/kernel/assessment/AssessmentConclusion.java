package org.perfledger.kernel.assessment;

import org.perfledger.kernel.validation.Labelled;

/** What an ex-ante assessment concludes: 予以支持, 调整后支持 (supported once adjusted) or 不予支持. */
public enum AssessmentConclusion implements Labelled {
    SUPPORTED("予以支持"),
    SUPPORTED_AFTER_ADJUSTMENT("调整后支持"),
    NOT_SUPPORTED("不予支持");

    private final String label;

    AssessmentConclusion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** Whether a budget may be arranged on it: "没有事前评估或评估未通过的，不得安排预算". */
    public boolean supports() {
        return this != NOT_SUPPORTED;
    }
}
