package org.perfledger.query.warning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.warning.MonitoringThresholds;
import org.perfledger.query.platform.PathYear;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * District finance's thresholds of monitoring warnings (预警阈值) for a year: those in force, finance's latest version
 * or, where it has set none, the default ({@code version} 0), and every version set.
 */
@RestController
class MonitoringThresholdsController {

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    MonitoringThresholdsController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    record Version(int version, BigDecimal yellow, BigDecimal red, String source, Instant setAt, String setBy) {
    }

    /** {@code yellow}, {@code red}: percentage points behind time; {@code version} 0: the default stands. */
    record ThresholdsView(int version, BigDecimal yellow, BigDecimal red, String source, List<Version> versions) {
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/monitoring-thresholds")
    ThresholdsView thresholds(@PathVariable("district") String district, @PathVariable("year") String year) {
        access.requireDistrict(district);
        FiscalYear fiscalYear = PathYear.of(district, year);
        List<Version> versions = reads.inDistrict(district, () -> jdbc.query("""
                SELECT version, yellow, red, source, set_at, set_by FROM monitoring_thresholds
                 WHERE district = ? AND fiscal_year = ? ORDER BY version""", (row, n) -> new Version(row.getInt(1),
                row.getBigDecimal(2), row.getBigDecimal(3), row.getString(4), row.getTimestamp(5).toInstant(),
                row.getString(6)), district, fiscalYear.value()));
        if (versions.isEmpty()) {
            MonitoringThresholds standing = MonitoringThresholds.DEFAULT;
            return new ThresholdsView(0, standing.yellow().value(), standing.red().value(), null, List.of());
        }
        Version latest = versions.get(versions.size() - 1);
        return new ThresholdsView(latest.version(), latest.yellow(), latest.red(), latest.source(), versions);
    }
}
