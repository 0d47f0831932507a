package org.perfledger.query.department;

import java.util.List;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DepartmentQueryController {

    private final JdbcTemplate jdbc;
    private final TenantReads reads;

    DepartmentQueryController(JdbcTemplate jdbc, TenantReads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    record Department(String department, String name) {
    }

    @GetMapping("/api/v1/districts/{district}/departments")
    List<Department> departments(@PathVariable("district") String district) {
        try {
            DistrictId.of(district);
        } catch (InvalidValueException e) {
            throw new NotFoundException("district", "district.not-found", "no such district: " + e.getMessage());
        }
        return reads.inDistrict(district, () -> jdbc.query(
                "SELECT department_id, name FROM department WHERE district = ? ORDER BY department_id",
                (row, n) -> new Department(row.getString(1), row.getString(2)), district));
    }
}
