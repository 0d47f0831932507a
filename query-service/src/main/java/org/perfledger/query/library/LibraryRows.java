package org.perfledger.query.library;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indicator library's rows and the plans' indicators picked from it: the SQL of the library's views. */
final class LibraryRows {

    /** A version of a library indicator, retired or not as it stands now. */
    record Entry(String code, int version, String kind, String sector, String level1, String level2, String name,
                 String unit, String direction, String basis, String guidance, Instant definedAt, String definedBy,
                 String retiredReason, Instant retiredAt, int uses, int departments, int years) {
    }

    /** A plan's indicator picked from the library, with its target and latest actual. */
    record Use(String department, String departmentName, int year, String plan, String planName, String code,
               String name, String target, String targetValue, String latestActual, String latestActualValue,
               LocalDate latestAsOf, int libraryVersion) {
    }

    private static final String ENTRY = """
            SELECT l.code, l.version, l.kind, l.sector, l.level1, l.level2, l.name, l.unit, l.direction, l.basis,
                   l.guidance, l.defined_at, l.defined_by, r.reason, r.retired_at,
                   (SELECT count(*) FROM indicator i WHERE i.district = l.district AND i.library_code = l.code
                       AND (CAST(? AS TEXT) IS NULL OR i.department_id = ?)) AS uses,
                   (SELECT count(DISTINCT i.department_id) FROM indicator i WHERE i.district = l.district
                       AND i.library_code = l.code AND (CAST(? AS TEXT) IS NULL OR i.department_id = ?)) AS departments,
                   (SELECT count(DISTINCT i.fiscal_year) FROM indicator i WHERE i.district = l.district
                       AND i.library_code = l.code AND (CAST(? AS TEXT) IS NULL OR i.department_id = ?)) AS years
              FROM library_indicator l
              LEFT JOIN library_retirement r ON r.district = l.district AND r.code = l.code
            """;

    private final JdbcTemplate jdbc;

    LibraryRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Each library indicator at its latest version, in code order; uses counted in {@code department} (null: all). */
    List<Entry> current(String district, String department) {
        return jdbc.query(ENTRY + """
                 WHERE l.district = ? AND l.version = (SELECT max(version) FROM library_indicator m
                                                        WHERE m.district = l.district AND m.code = l.code)
                 ORDER BY l.code""", LibraryRows::entry, department, department, department, department, department,
                department, district);
    }

    /** Every version of one library indicator, oldest first. */
    List<Entry> versions(String district, String code, String department) {
        return jdbc.query(ENTRY + " WHERE l.district = ? AND l.code = ? ORDER BY l.version", LibraryRows::entry,
                department, department, department, department, department, department, district, code);
    }

    /** The plans' indicators picked from one library indicator, by year, department and plan. */
    List<Use> uses(String district, String code, String department) {
        return jdbc.query("""
                SELECT i.department_id, d.name AS department_name, i.fiscal_year, i.plan_key, p.name AS plan_name,
                       i.code, i.name, i.target_text, i.target_value::text, i.latest_actual_text,
                       i.latest_actual_value::text, i.latest_as_of, i.library_version
                  FROM indicator i
                  JOIN plan p ON p.district = i.district AND p.department_id = i.department_id
                             AND p.fiscal_year = i.fiscal_year AND p.plan_key = i.plan_key
                  LEFT JOIN department d ON d.district = i.district AND d.department_id = i.department_id
                 WHERE i.district = ? AND i.library_code = ? AND (CAST(? AS TEXT) IS NULL OR i.department_id = ?)
                 ORDER BY i.fiscal_year, i.department_id, i.plan_key, i.code""",
                (row, n) -> new Use(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                        row.getString(10), row.getString(11), row.getObject(12, LocalDate.class), row.getInt(13)),
                district, code, department, department);
    }

    private static Entry entry(ResultSet row, int n) throws SQLException {
        return new Entry(row.getString(1), row.getInt(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                row.getString(11), row.getTimestamp(12).toInstant(), row.getString(13), row.getString(14),
                row.getTimestamp(15) == null ? null : row.getTimestamp(15).toInstant(), row.getInt(16),
                row.getInt(17), row.getInt(18));
    }
}
