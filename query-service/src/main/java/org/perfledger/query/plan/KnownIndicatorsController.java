package org.perfledger.query.plan;

import java.util.List;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators a department has used, by stable code, as last set: what an editor picks from when drafting a new
 * year, so one indicator keeps one code across years (and can be compared year over year).
 */
@RestController
class KnownIndicatorsController {

    record KnownIndicator(String code, String name, String level1, String level2, String target, String weight,
                          int lastYear, String lastPlan, String lastPlanName, int years) {
    }

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    KnownIndicatorsController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    @GetMapping("/api/v1/districts/{district}/departments/{department}/indicators")
    List<KnownIndicator> known(@PathVariable("district") String district,
                               @PathVariable("department") String department) {
        access.requireDepartment(district, department);
        try {
            DepartmentId.of(district, department);
        } catch (InvalidValueException e) {
            throw new NotFoundException("department", "department.not-found", "no such department: " + e.getMessage());
        }
        return reads.inDistrict(district, () -> jdbc.query("""
                SELECT DISTINCT ON (i.code) i.code, i.name, i.level1, i.level2, i.target_text, i.weight,
                       i.fiscal_year, i.plan_key, p.name AS plan_name,
                       COUNT(*) OVER (PARTITION BY i.code) AS years
                  FROM indicator i JOIN plan p ON p.district = i.district AND p.department_id = i.department_id
                                              AND p.fiscal_year = i.fiscal_year AND p.plan_key = i.plan_key
                 WHERE i.district = ? AND i.department_id = ?
                 ORDER BY i.code, i.fiscal_year DESC, i.plan_key""",
                (row, n) -> new KnownIndicator(row.getString("code"), row.getString("name"), row.getString("level1"),
                        row.getString("level2"), row.getString("target_text"),
                        row.getBigDecimal("weight") == null ? null
                                : row.getBigDecimal("weight").stripTrailingZeros().toPlainString(), row.getInt("fiscal_year"),
                        row.getString("plan_key"), row.getString("plan_name"), row.getInt("years")),
                district, department));
    }
}
