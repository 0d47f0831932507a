package org.perfledger.kernel.plan;

import org.perfledger.kernel.validation.Labelled;

/** Where a plan stands in its fiscal year. Each command is allowed only in some phases. */
public enum PlanPhase implements Labelled {
    /** Goals, indicators and the initial budget are being written (绩效目标编制). */
    DRAFTING("目标编制中"),
    /** Targets sent to district finance for approval (目标已报送). */
    TARGETS_SUBMITTED("目标已报送"),
    /** Targets approved and locked; the year runs: completions, spending, adjustments, monitoring (执行中). */
    IN_EXECUTION("执行中"),
    /** The fiscal year is closed; only the self-evaluation remains (年度已结束). */
    CLOSED("年度已结束"),
    /** Self-evaluation sent to district finance (自评已报送). */
    SELF_EVALUATION_SUBMITTED("自评已报送"),
    /** District finance sent the self-evaluation back for rework (自评已退回). */
    SELF_EVALUATION_RETURNED("自评已退回"),
    /** District finance accepted the self-evaluation (自评已审核). */
    SELF_EVALUATION_ACCEPTED("自评已审核"),
    /** The self-evaluation is public (已公开). */
    PUBLISHED("已公开");

    private final String label;

    PlanPhase(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
