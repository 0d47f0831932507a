package org.perfledger.query.figures;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** What a district and its departments are called, for the documents that print names rather than codes. */
@Component
public class DistrictNames {

    /** A district's name and its departments' names by code. */
    public record Names(String district, Map<String, String> departments) {

        /** The department's name, or its code where it has none. */
        public String department(String code) {
            return departments.getOrDefault(code, code);
        }
    }

    private final JdbcTemplate jdbc;

    DistrictNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Read in the caller's district transaction; a district without a registered name is called by its code. */
    public Names of(String district) {
        Map<String, String> departments = new HashMap<>();
        jdbc.query("SELECT department_id, name FROM department WHERE district = ?",
                (row, n) -> departments.put(row.getString(1), row.getString(2)), district);
        String name = jdbc.queryForList("SELECT name FROM district WHERE district = ?", String.class, district)
                .stream().findFirst().orElse(district);
        return new Names(name, departments);
    }
}
