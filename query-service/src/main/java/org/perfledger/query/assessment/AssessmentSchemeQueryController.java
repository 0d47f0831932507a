package org.perfledger.query.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.PathYear;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.readmodel.RowJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** District finance's scheme of ex-ante assessments (事前绩效评估) for a year: the version in force and its history. */
@RestController
class AssessmentSchemeQueryController {

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    AssessmentSchemeQueryController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    record Version(int version, Instant setAt, String setBy) {
    }

    /** {@code weights}: criterion code → its points. */
    record SchemeView(int version, JsonNode weights, String source, List<Version> versions) {
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/assessment-scheme")
    SchemeView scheme(@PathVariable("district") String district, @PathVariable("year") String year) {
        access.requireDistrict(district);
        FiscalYear fiscalYear = PathYear.of(district, year);
        List<Map<String, Object>> rows = reads.inDistrict(district, () -> jdbc.queryForList("""
                SELECT version, weights::text AS weights, source, set_at, set_by FROM assessment_scheme
                 WHERE district = ? AND fiscal_year = ? ORDER BY version""", district, fiscalYear.value()));
        if (rows.isEmpty()) {
            throw new NotFoundException("year", "assessment-scheme.not-set", "district finance has not set a scheme of "
                    + "ex-ante assessments for " + fiscalYear);
        }
        Map<String, Object> latest = rows.get(rows.size() - 1);
        return new SchemeView((Integer) latest.get("version"), RowJson.tree((String) latest.get("weights")),
                (String) latest.get("source"), rows.stream().map(row -> new Version((Integer) row.get("version"),
                ((Timestamp) row.get("set_at")).toInstant(), (String) row.get("set_by"))).toList());
    }
}
