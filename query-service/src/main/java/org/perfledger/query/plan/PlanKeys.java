package org.perfledger.query.plan;

import org.perfledger.kernel.plan.PlanId;

/** How read-model tables key a plan: district, department, fiscal year and 'department' or the project's code. */
public final class PlanKeys {

    /** The WHERE clause matching one plan's rows, with four parameters from {@link #of}. */
    public static final String WHERE = "district = ? AND department_id = ? AND fiscal_year = ? AND plan_key = ?";

    private PlanKeys() {
    }

    public static String planKey(PlanId plan) {
        return plan.departmentWide() ? PlanId.DEPARTMENT_WIDE : plan.project();
    }

    public static Object[] of(PlanId plan) {
        return new Object[] {plan.district().value(), plan.department().code().value(), plan.year().value(),
                planKey(plan)};
    }
}
