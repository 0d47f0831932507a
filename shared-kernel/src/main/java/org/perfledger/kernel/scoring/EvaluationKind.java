package org.perfledger.kernel.scoring;

import java.util.List;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.validation.Labelled;

/** What a scheme scores: project self-evaluations (项目自评) or department-wide ones (部门整体自评). */
public enum EvaluationKind implements Labelled {
    PROJECT("项目"),
    DEPARTMENT_WIDE("部门整体");

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
