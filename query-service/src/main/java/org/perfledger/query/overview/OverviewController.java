package org.perfledger.query.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.warning.TrafficLight;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.overview.OverviewRows.OverviewRow;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.replay.ViewChanges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district overview: the years with plans, and every plan of a year with its score, grade, 执行率 and alerts;
 * filtered, sorted and paged; and what changed in it between two instants. Scores are computed on read under the
 * scheme in force, so they follow every completion and expenditure.
 */
@RestController
class OverviewController {

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record DistrictYear(int year, int plans) {
    }

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final ReadAccess access;
    private final OverviewRows overview;
    private final PlanFigures figures;
    private final ViewChanges changes;

    OverviewController(JdbcTemplate jdbc, AsOfReads reads, ReadAccess access, OverviewRows overview,
                       PlanFigures figures, ViewChanges changes) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.overview = overview;
        this.figures = figures;
        this.changes = changes;
    }

    /** The fiscal years the district has plans for, with how many (the caller's department's only, for its staff). */
    @GetMapping("/api/v1/districts/{district}/years")
    List<DistrictYear> years(@PathVariable("district") String district) {
        Caller reader = access.requireDistrict(district);
        return reads.inDistrict(district, null, null, () -> reader.readsWholeDistrict()
                ? jdbc.query("SELECT fiscal_year, count(*) AS plans FROM plan WHERE district = ? GROUP BY fiscal_year "
                        + "ORDER BY fiscal_year", (rs, n) -> new DistrictYear(rs.getInt(1), rs.getInt(2)), district)
                : jdbc.query("SELECT fiscal_year, count(*) AS plans FROM plan WHERE district = ? AND department_id = ? "
                        + "GROUP BY fiscal_year ORDER BY fiscal_year",
                        (rs, n) -> new DistrictYear(rs.getInt(1), rs.getInt(2)), district, reader.department()));
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/overview")
    Page<OverviewRow> overview(@PathVariable("district") String district, @PathVariable("year") String year,
                               @RequestParam(value = "grade", required = false) String grade,
                               @RequestParam(value = "alert", required = false) String alert,
                               @RequestParam(value = "light", required = false) String light,
                               @RequestParam(value = "sort", defaultValue = "department") String sort,
                               @RequestParam(value = "order", defaultValue = "asc") String order,
                               @RequestParam(value = "page", defaultValue = "0") int page,
                               @RequestParam(value = "size", defaultValue = "50") int size,
                               @RequestParam(value = "asOf", required = false) String asOf,
                               @RequestParam(value = "at", required = false) String at) {
        Caller reader = access.requireDistrict(district);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        Instant instant = reads.instant("at", at);
        Grade wantedGrade = grade == null ? null : Labelled.parse(Grade.class, grade, "value.unknown", "grade");
        TrafficLight wantedLight = light == null ? null
                : Labelled.parse(TrafficLight.class, light, "value.unknown", "light");
        if (page < 0) {
            throw new InvalidParameterException("page", "page.range", "page is 0 or more; got " + page);
        }
        if (size < 1 || size > 200) {
            throw new InvalidParameterException("size", "page.range", "size is 1 to 200; got " + size);
        }
        Comparator<OverviewRow> comparator = OverviewOrder.of(sort, order);
        List<OverviewRow> rows = new ArrayList<>(overview.rows(district, fiscalYear, reader, instant,
                figures.day(fiscalYear, asOf, instant)));
        rows.removeIf(row -> wantedGrade != null && !wantedGrade.label().equals(row.grade())
                || alert != null && !row.alerts().contains(alert)
                || wantedLight != null && wantedLight != row.light());
        rows.sort(comparator);
        int from = Math.min(page * size, rows.size());
        return new Page<>(rows.subList(from, Math.min(from + size, rows.size())), page, size, rows.size());
    }

    /** What changed in the district overview of a year between two instants ({@code to} absent: now). */
    @GetMapping("/api/v1/districts/{district}/years/{year}/overview/changes")
    ViewChanges.Difference overviewChanges(@PathVariable("district") String district, @PathVariable("year") String year,
                                           @RequestParam(value = "from", required = false) String from,
                                           @RequestParam(value = "to", required = false) String to) {
        Caller reader = access.requireDistrict(district);
        AsOfReads.Span span = reads.span(from, to);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        List<OverviewRow> before = overview.rows(district, fiscalYear, reader, span.from(),
                figures.day(fiscalYear, null, span.from()));
        List<OverviewRow> after = overview.rows(district, fiscalYear, reader, span.to(),
                figures.day(fiscalYear, null, span.to()));
        return changes.between(span.from(), span.to(), before, after, reader.readsWholeDistrict()
                ? Scope.year(DistrictId.of(district), fiscalYear)
                : Scope.departmentYear(DepartmentId.of(district, reader.department()), fiscalYear));
    }
}
