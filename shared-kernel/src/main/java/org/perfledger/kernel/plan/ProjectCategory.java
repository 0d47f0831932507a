package org.perfledger.kernel.plan;

import org.perfledger.kernel.validation.Labelled;

/** 项目类别, as ticked on the 项目自评表. */
public enum ProjectCategory implements Labelled {
    DEPARTMENT_BUDGET("部门预算项目"),
    SPECIAL_FUND("财政专项资金");

    private final String label;

    ProjectCategory(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
