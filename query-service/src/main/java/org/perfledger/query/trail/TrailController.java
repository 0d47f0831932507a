package org.perfledger.query.trail;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A department's budget adjustment trail (预算调整轨迹): from → to, kind, reason, 文号, date, who. */
@RestController
class TrailController {

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final ReadAccess access;

    TrailController(JdbcTemplate jdbc, AsOfReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    /** One adjustment of the trail; {@code date} is null where the documents date it nowhere. */
    record TrailStep(String plan, String name, int number, String kind, String source, WanYuan amount, WanYuan from,
                     WanYuan to, String reason, String documentNumber, LocalDate date, String actor,
                     String correlationId, Instant recordedAt) {
    }

    /** Every budget adjustment of a department's plans in a year, in the order they were made: from → to and why. */
    @GetMapping("/api/v1/districts/{district}/departments/{department}/years/{year}/adjustments")
    List<TrailStep> adjustments(@PathVariable("district") String district,
                                @PathVariable("department") String department, @PathVariable("year") String year,
                                @RequestParam(value = "at", required = false) String at) {
        access.requireDepartment(district, department);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        return reads.inDistrict(district, reads.instant("at", at),
                Scope.departmentYear(DepartmentId.of(district, department), fiscalYear), () -> jdbc.query("""
                SELECT m.plan_key, p.name, m.adjustment_no, m.kind, m.source, m.amount, m.from_amount, m.to_amount,
                       m.reason, m.document_number, m.movement_date, m.actor, m.correlation_id, m.recorded_at
                  FROM budget_movement m JOIN plan p USING (district, department_id, fiscal_year, plan_key)
                 WHERE m.district = ? AND m.department_id = ? AND m.fiscal_year = ? AND m.movement = 'adjusted'
                 ORDER BY m.recorded_at, m.plan_key, m.sequence_number""",
                (row, n) -> new TrailStep(row.getString(1), row.getString(2), row.getInt(3), row.getString(4),
                        row.getString(5), new WanYuan(row.getBigDecimal(6)), new WanYuan(row.getBigDecimal(7)),
                        new WanYuan(row.getBigDecimal(8)), row.getString(9), row.getString(10),
                        // an adjustment the documents date nowhere has no date
                        row.getDate(11) == null ? null : row.getDate(11).toLocalDate(), row.getString(12),
                        row.getString(13),
                        row.getTimestamp(14).toInstant()),
                district, department, fiscalYear.value()));
    }
}
