package org.perfledger.kernel.assessment;

import org.perfledger.kernel.validation.Labelled;

/**
 * What an ex-ante assessment (事前绩效评估) of a new project looks at, as the national framework names it: whether the
 * project is needed, whether its inputs are economical, whether its performance goals are reasonable, whether its plan
 * can be carried out, and whether its funding is compliant.
 */
public enum AssessmentCriterion implements Labelled {
    NECESSITY("立项必要性"),
    ECONOMY("投入经济性"),
    GOALS("绩效目标合理性"),
    FEASIBILITY("实施方案可行性"),
    COMPLIANCE("筹资合规性");

    private final String label;

    AssessmentCriterion(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
