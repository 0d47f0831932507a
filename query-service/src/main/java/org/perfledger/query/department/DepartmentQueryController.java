package org.perfledger.query.department;

import java.util.List;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DepartmentQueryController {

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    DepartmentQueryController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
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
        Caller reader = access.requireDistrict(district);
        List<Department> departments = reads.inDistrict(district, () -> jdbc.query(
                "SELECT department_id, name FROM department WHERE district = ? ORDER BY department_id",
                (row, n) -> new Department(row.getString(1), row.getString(2)), district));
        // A department-bound reader sees its own department only.
        return reader.readsWholeDistrict() ? departments
                : departments.stream().filter(d -> d.department().equals(reader.department())).toList();
    }
}
