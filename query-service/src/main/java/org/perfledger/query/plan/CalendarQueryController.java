package org.perfledger.query.plan;

import org.perfledger.query.readmodel.RowJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The reporting calendar district finance set for a year: monitoring rounds, self-evaluation due date, margin. */
@RestController
class CalendarQueryController {


    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;

    CalendarQueryController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
    }

    record Calendar(String district, int year, JsonNode monitoring, LocalDate selfEvaluationDue,
                    String deviationMargin) {
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/reporting-calendar")
    Calendar calendar(@PathVariable("district") String district, @PathVariable("year") String year) {
        access.requireDistrict(district);
        FiscalYear fiscalYear;
        try {
            DistrictId.of(district);
            fiscalYear = FiscalYear.parse(year);
        } catch (InvalidValueException e) {
            throw new NotFoundException("year", "calendar.not-found", "no such calendar: " + e.getMessage());
        }
        List<Calendar> found = reads.inDistrict(district, () -> jdbc.query("""
                SELECT monitoring, self_evaluation_due, deviation_margin FROM reporting_calendar
                 WHERE district = ? AND fiscal_year = ?""",
                (row, n) -> new Calendar(district, fiscalYear.value(), RowJson.tree(row.getString(1)),
                        row.getDate(2).toLocalDate(), row.getBigDecimal(3).toPlainString()),
                district, fiscalYear.value()));
        if (found.isEmpty()) {
            throw new NotFoundException("year", "calendar.not-found",
                    "district finance has not set a reporting calendar for " + fiscalYear);
        }
        return found.get(0);
    }

}
