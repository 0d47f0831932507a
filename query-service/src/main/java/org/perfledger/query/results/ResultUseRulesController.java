package org.perfledger.query.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
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

/** District finance's rules of using a year's results (评价结果应用规则): the version in force and every version. */
@RestController
class ResultUseRulesController {

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    ResultUseRulesController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    /** {@code rules}: grade → {action, share}. */
    record Version(int version, JsonNode rules, String source, Instant setAt, String setBy) {
    }

    record RulesView(int version, JsonNode rules, String source, List<Version> versions) {
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/result-use-rules")
    RulesView rules(@PathVariable("district") String district, @PathVariable("year") String year) {
        access.requireDistrict(district);
        FiscalYear fiscalYear = PathYear.of(district, year);
        List<Version> versions = reads.inDistrict(district, () -> jdbc.query("""
                SELECT version, rules::text, source, set_at, set_by FROM result_use_rules
                 WHERE district = ? AND fiscal_year = ? ORDER BY version""", (row, n) -> new Version(row.getInt(1),
                RowJson.tree(row.getString(2)), row.getString(3), row.getTimestamp(4).toInstant(), row.getString(5)),
                district, fiscalYear.value()));
        if (versions.isEmpty()) {
            throw new NotFoundException("year", "result-use-rules.not-set", "district finance has not set the rules "
                    + "of using the results of " + fiscalYear);
        }
        Version latest = versions.get(versions.size() - 1);
        return new RulesView(latest.version(), latest.rules(), latest.source(), versions);
    }
}
