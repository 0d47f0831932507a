package org.perfledger.kernel.scoring;

import java.util.List;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.validation.Labelled;

/**
 * What a scheme scores: project self-evaluations (项目自评), department-wide ones (部门整体自评), or the evaluations
 * beyond them (部门评价 and 财政重点评价 of either kind of plan), which a district scores under a scheme of their own.
 */
public enum EvaluationKind implements Labelled {
    PROJECT("项目"),
    DEPARTMENT_WIDE("部门整体"),
    EXTERNAL("绩效评价");

    private final String label;

    EvaluationKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<String> aliases() {
        return List.of(name().toLowerCase().replace('_', '-'));
    }

    public static EvaluationKind of(PlanId plan) {
        return plan.departmentWide() ? DEPARTMENT_WIDE : PROJECT;
    }
}
