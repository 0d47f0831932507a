package org.perfledger.kernel.plan;

import java.util.Objects;
import java.util.regex.Pattern;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.Checks;

/**
 * One department's performance and budget plan for one fiscal year: either its department-wide plan (部门整体) or one
 * of its projects (项目). Each plan is evaluated on its own (部门整体自评表, 项目自评表), so each is one event stream.
 *
 * @param project the project's code, stable across years (e.g. {@code SPAQ}), or null for the department-wide plan
 */
public record PlanId(DepartmentId department, FiscalYear year, String project) {

    public static final String DEPARTMENT_WIDE = "department";
    private static final Pattern PROJECT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    public PlanId {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(year, "year");
        if (project != null) {
            Checks.requireCode(project, "project code", PROJECT_CODE, "1 to 63 letters, digits, '.', '_' or '-'");
        }
    }

    public static PlanId departmentWide(DepartmentId department, FiscalYear year) {
        return new PlanId(department, year, null);
    }

    public static PlanId project(DepartmentId department, FiscalYear year, String project) {
        return new PlanId(department, year, Objects.requireNonNull(project, "project"));
    }

    public boolean departmentWide() {
        return project == null;
    }

    public DistrictId district() {
        return department.district();
    }

    /** The event stream's id; it starts with the department's stream key so that one department stays in order. */
    public String aggregateId() {
        return department.streamKey() + "/" + year + "/" + (project == null ? DEPARTMENT_WIDE : "projects/" + project);
    }

    @Override
    public String toString() {
        return aggregateId();
    }
}
