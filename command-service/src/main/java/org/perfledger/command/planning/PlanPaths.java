package org.perfledger.command.planning;

/** Where plans live in the API: a department's department-wide plan, and its projects, per fiscal year. */
public final class PlanPaths {

    public static final String YEAR = "/api/v1/districts/{district}/departments/{department}/years/{year}";
    /** The department-wide plan (部门整体). */
    public static final String DEPARTMENT = YEAR + "/department";
    /** One project (项目). */
    public static final String PROJECT = YEAR + "/projects/{project}";

    private PlanPaths() {
    }

    public static String of(PlanTarget target) {
        var plan = target.plan();
        String year = "/api/v1/districts/" + plan.district() + "/departments/" + plan.department().code()
                + "/years/" + plan.year();
        return plan.departmentWide() ? year + "/department" : year + "/projects/" + plan.project();
    }
}
