package org.perfledger.query.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.query.plan.PlanKeys;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.security.Caller;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.excel.SummaryWorkbook;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.replay.ViewChanges;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.perfledger.query.scoring.Scorecards;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The year at a glance: the district overview (every plan with its score, grade, 执行率 and alerts; filtered, sorted,
 * paged), a department's dashboard (budget with 序时进度, indicators with their latest actuals and provisional scores,
 * open items), year over year per plan and per indicator, and what is due against finance's calendar. Scores are computed on read under the scheme in force, so
 * they follow every completion and expenditure.
 */
@RestController
class DashboardQueryController {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final ReadAccess access;
    private final Scorecards scorecards;
    private final ViewChanges changes;
    private final Clock clock;
    private final BigDecimal lagMargin;

    DashboardQueryController(JdbcTemplate jdbc, AsOfReads reads, ReadAccess access, Scorecards scorecards,
                             ViewChanges changes,
                             Clock clock,
                             @Value("${perfledger.dashboard.time-progress-margin:10}") BigDecimal lagMargin) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.scorecards = scorecards;
        this.changes = changes;
        this.clock = clock;
        this.lagMargin = lagMargin;
    }

    /**
     * 序时进度: the share of the year elapsed by {@code asOf} against 执行率; {@code lagging} when execution trails
     * the year by more than the margin (percentage points).
     */
    record TimeProgress(LocalDate asOf, BigDecimal yearElapsed, BigDecimal executionRate, BigDecimal lag,
                        boolean lagging) {
    }

    record OverviewRow(String department, String plan, String kind, String name, String phase, WanYuan adjustedBudget,
                       WanYuan executed, BigDecimal executionRate, BigDecimal score, String grade, String status,
                       List<String> alerts) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record DistrictYear(int year, int plans) {
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
        if (page < 0) {
            throw new InvalidParameterException("page", "page.range", "page is 0 or more; got " + page);
        }
        if (size < 1 || size > 200) {
            throw new InvalidParameterException("size", "page.range", "size is 1 to 200; got " + size);
        }
        Comparator<OverviewRow> comparator = switch (sort) {
            case "score" -> Comparator.comparing(OverviewRow::score, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "executionRate" -> Comparator.comparing(OverviewRow::executionRate,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "name" -> Comparator.comparing(row -> row.name() == null ? "" : row.name());
            case "department" -> Comparator.comparing(OverviewRow::department).thenComparing(OverviewRow::plan);
            default -> throw new InvalidParameterException("sort", "sort.unknown",
                    "sort is one of department, name, score, executionRate; got '" + sort + "'");
        };
        if (order.equals("desc")) {
            comparator = comparator.reversed();
        } else if (!order.equals("asc")) {
            throw new InvalidParameterException("order", "order.unknown", "order is asc or desc; got '" + order + "'");
        }
        List<OverviewRow> rows = new ArrayList<>(overviewRows(district, fiscalYear, reader, instant,
                day(fiscalYear, asOf, instant)));
        rows.removeIf(row -> wantedGrade != null && !wantedGrade.label().equals(row.grade())
                || alert != null && !row.alerts().contains(alert));
        rows.sort(comparator);
        int from = Math.min(page * size, rows.size());
        return new Page<>(rows.subList(from, Math.min(from + size, rows.size())), page, size, rows.size());
    }

    /** Every plan of the year the reader may see, in department and plan order, at {@code instant} (null: now). */
    private List<OverviewRow> overviewRows(String district, FiscalYear year, Caller reader, Instant instant,
                                           LocalDate day) {
        return reads.inDistrict(district, instant, Scope.year(DistrictId.of(district), year), () -> {
            List<OverviewRow> rows = new ArrayList<>();
            List<Map<String, Object>> plans = plans(district, year, reader.readsWholeDistrict() ? null
                    : reader.department());
            Scorecards.Foundations foundations = scorecards.foundations(district, plans);
            for (Map<String, Object> plan : plans) {
                rows.add(row(district, year, plan, day, scorecards.current(planId(district, year, plan), foundations)));
            }
            return rows;
        });
    }

    record IndicatorLine(String code, String name, BigDecimal weight, String target, String latestActual,
                         LocalDate latestAsOf, BigDecimal completion, BigDecimal deviationRate, BigDecimal score,
                         String note) {
    }

    record PlanDashboard(String plan, String kind, String name, String phase, WanYuan initialBudget,
                         WanYuan adjustedBudget, WanYuan received, WanYuan executed, BigDecimal executionRate,
                         boolean overBudget, TimeProgress timeProgress, List<IndicatorLine> indicators, BigDecimal score, String grade, String status,
                         List<OpenItem> openItems) {
    }

    /**
     * Something the department still has to do on a plan: {@code missing-completion}, {@code missing-deviation-reason}
     * (an indicator not met, unknown or beyond finance's margin, with no 偏差原因 yet; {@code detail} the 偏差率 or why),
     * {@code target-adjustment-pending} ({@code detail} its number) or {@code spending-lags}; {@code text} says it in
     * words.
     */
    record OpenItem(String kind, String indicator, String detail, String text) {
    }

    record DepartmentDashboard(String district, String department, int year, LocalDate asOf,
                               List<PlanDashboard> plans) {
    }

    @GetMapping("/api/v1/districts/{district}/departments/{department}/years/{year}/dashboard")
    DepartmentDashboard dashboard(@PathVariable("district") String district,
                                  @PathVariable("department") String department, @PathVariable("year") String year,
                                  @RequestParam(value = "asOf", required = false) String asOf,
                                  @RequestParam(value = "at", required = false) String at) {
        access.requireDepartment(district, department);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        Instant instant = reads.instant("at", at);
        LocalDate day = day(fiscalYear, asOf, instant);
        return reads.inDistrict(district, instant,
                Scope.departmentYear(DepartmentId.of(district, department), fiscalYear), () -> {
            List<Map<String, Object>> plans = plans(district, fiscalYear, department);
            if (plans.isEmpty()) {
                throw new NotFoundException("department", "dashboard.not-found", "department " + department
                        + " has no plan for " + fiscalYear);
            }
            Percentage margin = jdbc.queryForList("SELECT deviation_margin FROM reporting_calendar WHERE district = ? "
                    + "AND fiscal_year = ?", BigDecimal.class, district, fiscalYear.value()).stream().findFirst()
                    .map(Percentage::new).orElse(Deviation.DEFAULT_MARGIN);
            List<PlanDashboard> dashboards = new ArrayList<>();
            Scorecards.Foundations foundations = scorecards.foundations(district, plans);
            for (Map<String, Object> plan : plans) {
                dashboards.add(planDashboard(district, fiscalYear, plan, day, margin,
                        scorecards.current(planId(district, fiscalYear, plan), foundations)));
            }
            return new DepartmentDashboard(district, department, fiscalYear.value(), day, dashboards);
        });
    }

    /**
     * What changed on the department's dashboard between two instants ({@code to} absent: now): each figure that
     * differs, and the events recorded in between.
     */
    @GetMapping("/api/v1/districts/{district}/departments/{department}/years/{year}/dashboard/changes")
    ViewChanges.Difference dashboardChanges(@PathVariable("district") String district,
                                            @PathVariable("department") String department,
                                            @PathVariable("year") String year,
                                            @RequestParam(value = "from", required = false) String from,
                                            @RequestParam(value = "to", required = false) String to) {
        access.requireDepartment(district, department);
        Instant[] span = span(from, to);
        return changes.between(span[0], span[1], dashboard(district, department, year, null, from),
                dashboard(district, department, year, null, to),
                Scope.departmentYear(DepartmentId.of(district, department), FiscalYear.parse(year)));
    }

    /** What changed in the district overview of a year between two instants ({@code to} absent: now). */
    @GetMapping("/api/v1/districts/{district}/years/{year}/overview/changes")
    ViewChanges.Difference overviewChanges(@PathVariable("district") String district, @PathVariable("year") String year,
                                           @RequestParam(value = "from", required = false) String from,
                                           @RequestParam(value = "to", required = false) String to) {
        Caller reader = access.requireDistrict(district);
        Instant[] span = span(from, to);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        List<OverviewRow> before = overviewRows(district, fiscalYear, reader, span[0], day(fiscalYear, null, span[0]));
        List<OverviewRow> after = overviewRows(district, fiscalYear, reader, span[1], day(fiscalYear, null, span[1]));
        return changes.between(span[0], span[1], before, after, reader.readsWholeDistrict()
                ? Scope.year(DistrictId.of(district), fiscalYear)
                : Scope.departmentYear(DepartmentId.of(district, reader.department()), fiscalYear));
    }

    private Instant[] span(String from, String to) {
        Instant start = reads.instant("from", from);
        if (start == null) {
            throw new InvalidParameterException("from", "required", "from is the instant to compare from");
        }
        Instant end = reads.instant("to", to);
        if (end != null && !end.isAfter(start)) {
            throw new InvalidParameterException("to", "instant.order", "to (" + end + ") comes after from (" + start
                    + ")");
        }
        return new Instant[] {start, end};
    }

    record DueItem(String department, String plan, String name, String item, LocalDate due, String status) {
    }

    /** Monitoring reports and self-evaluations against the dates finance set: done, open, or late. */
    @GetMapping("/api/v1/districts/{district}/years/{year}/due")
    List<DueItem> due(@PathVariable("district") String district, @PathVariable("year") String year,
                      @RequestParam(value = "asOf", required = false) String asOf,
                      @RequestParam(value = "at", required = false) String at) {
        Caller reader = access.requireDistrict(district);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        Instant instant = reads.instant("at", at);
        LocalDate day = asOf != null ? date(asOf) : instant != null ? reads.day(instant) : LocalDate.now(clock);
        return reads.inDistrict(district, instant, Scope.year(DistrictId.of(district), fiscalYear), () -> {
            List<Date> calendars = jdbc.queryForList("SELECT self_evaluation_due FROM reporting_calendar "
                    + "WHERE district = ? AND fiscal_year = ?", Date.class, district, fiscalYear.value());
            if (calendars.isEmpty()) {
                throw new NotFoundException("year", "calendar.not-found",
                        "district finance has not set a reporting calendar for " + fiscalYear);
            }
            LocalDate selfEvaluationDue = calendars.get(0).toLocalDate();
            List<Map<String, Object>> periods = jdbc.queryForList("SELECT p->>'period' AS period, (p->>'due')::date "
                    + "AS due FROM reporting_calendar, jsonb_array_elements(monitoring) p WHERE district = ? AND "
                    + "fiscal_year = ? ORDER BY due", district, fiscalYear.value());
            // Every report submitted this year, read once: "department/plan/period".
            Set<String> reported = new HashSet<>(jdbc.queryForList("SELECT department_id || '/' || plan_key || '/' || "
                    + "period FROM monitoring_report WHERE district = ? AND fiscal_year = ?", String.class, district,
                    fiscalYear.value()));
            List<DueItem> items = new ArrayList<>();
            for (Map<String, Object> plan : plans(district, fiscalYear, reader.readsWholeDistrict() ? null
                    : reader.department())) {
                String department = (String) plan.get("department_id");
                String key = (String) plan.get("plan_key");
                for (Map<String, Object> period : periods) {
                    LocalDate due = ((Date) period.get("due")).toLocalDate();
                    boolean done = reported.contains(department + "/" + key + "/" + period.get("period"));
                    items.add(new DueItem(department, key, (String) plan.get("name"),
                            "monitoring " + period.get("period"), due, status(done, due, day)));
                }
                PlanPhase phase = PlanPhase.valueOf((String) plan.get("phase"));
                boolean submitted = phase.compareTo(PlanPhase.SELF_EVALUATION_SUBMITTED) >= 0
                        && phase != PlanPhase.SELF_EVALUATION_RETURNED;
                items.add(new DueItem(department, key, (String) plan.get("name"), "self-evaluation",
                        selfEvaluationDue, status(submitted, selfEvaluationDue, day)));
            }
            return items;
        });
    }

    record YearRow(int year, String plan, String name, WanYuan initialBudget, WanYuan adjustedBudget,
                   WanYuan executed, BigDecimal executionRate, BigDecimal score, String grade,
                   BigDecimal executionRateChange, BigDecimal scoreChange, String trend) {
    }

    /** A department's plans year by year, each against the same plan's previous year: change and trend. */
    @GetMapping("/api/v1/districts/{district}/departments/{department}/years")
    List<YearRow> yearOverYear(@PathVariable("district") String district,
                               @PathVariable("department") String department,
                               @RequestParam(value = "at", required = false) String at) {
        access.requireDepartment(district, department);
        return reads.inDistrict(district, reads.instant("at", at),
                Scope.department(DepartmentId.of(district, department)), () -> {
            List<Map<String, Object>> plans = jdbc.queryForList("SELECT * FROM plan WHERE district = ? AND "
                    + "department_id = ? ORDER BY kind, plan_key, fiscal_year", district, department);
            if (plans.isEmpty()) {
                throw new NotFoundException("department", "department.not-found", "no plans of " + department);
            }
            List<YearRow> rows = new ArrayList<>();
            YearRow previous = null;
            Scorecards.Foundations foundations = scorecards.foundations(district, plans);
            for (Map<String, Object> plan : plans) {
                FiscalYear year = FiscalYear.of(((Number) plan.get("fiscal_year")).intValue());
                ScorecardView card = scorecards.current(planId(district, year, plan), foundations);
                WanYuan adjusted = money(plan.get("adjusted_budget"));
                WanYuan executed = money(plan.get("executed"));
                BigDecimal rate = rate(executed, adjusted);
                BigDecimal score = card == null ? null : card.scorecard().total();
                boolean samePlan = previous != null && previous.plan().equals(plan.get("plan_key"));
                BigDecimal rateChange = samePlan ? change(rate, previous.executionRate()) : null;
                BigDecimal scoreChange = samePlan ? change(score, previous.score()) : null;
                YearRow row = new YearRow(year.value(), (String) plan.get("plan_key"), (String) plan.get("name"),
                        money(plan.get("initial_budget")), adjusted, executed, rate, score,
                        card == null ? null : card.scorecard().grade().label(), rateChange, scoreChange,
                        trend(scoreChange != null ? scoreChange : rateChange));
                rows.add(row);
                previous = row;
            }
            return rows;
        });
    }

    record IndicatorYear(int year, String plan, String code, String name, String target, String latestActual,
                         BigDecimal completion, BigDecimal deviationRate, BigDecimal score) {
    }

    /**
     * One indicator followed across the department's years by its stable code, or by its name where the code is
     * not found ({@code ?name=}).
     */
    @GetMapping("/api/v1/districts/{district}/departments/{department}/indicators/{code}/years")
    List<IndicatorYear> indicatorOverYears(@PathVariable("district") String district,
                                           @PathVariable("department") String department,
                                           @PathVariable("code") String code,
                                           @RequestParam(value = "name", required = false) String name,
                                           @RequestParam(value = "at", required = false) String at) {
        access.requireDepartment(district, department);
        return reads.inDistrict(district, reads.instant("at", at),
                Scope.department(DepartmentId.of(district, department)), () -> {
            List<Map<String, Object>> found = jdbc.queryForList("SELECT i.*, p.kind FROM indicator i JOIN plan p USING "
                    + "(district, department_id, fiscal_year, plan_key) WHERE i.district = ? AND i.department_id = ? "
                    + "AND i.code = ? ORDER BY i.fiscal_year", district, department, code);
            if (found.isEmpty() && name != null) {
                found = jdbc.queryForList("SELECT i.*, p.kind FROM indicator i JOIN plan p USING "
                        + "(district, department_id, fiscal_year, plan_key) WHERE i.district = ? AND "
                        + "i.department_id = ? AND i.name = ? ORDER BY i.fiscal_year", district, department, name);
            }
            List<IndicatorYear> years = new ArrayList<>();
            for (Map<String, Object> indicator : found) {
                FiscalYear year = FiscalYear.of(((Number) indicator.get("fiscal_year")).intValue());
                ScorecardView card = scorecard(planId(district, year, indicator));
                String indicatorCode = (String) indicator.get("code");
                var scored = card == null ? null : card.scorecard().indicators().stream()
                        .filter(s -> s.code().equals(indicatorCode)).findFirst().orElse(null);
                years.add(new IndicatorYear(year.value(), (String) indicator.get("plan_key"), indicatorCode,
                        (String) indicator.get("name"), (String) indicator.get("target_text"),
                        (String) indicator.get("latest_actual_text"),
                        scored == null || scored.ratio() == null ? null : scored.ratio().setScale(2, RoundingMode.HALF_UP),
                        scored == null ? null : scored.deviationRate(), scored == null ? null : scored.score()));
            }
            if (years.isEmpty()) {
                throw new NotFoundException("code", "indicator.not-found", "department " + department
                        + " has no indicator " + code + (name == null ? "" : " nor one named " + name));
            }
            return years;
        });
    }

    private static BigDecimal change(BigDecimal now, BigDecimal before) {
        return now == null || before == null ? null : now.subtract(before);
    }

    private static String trend(BigDecimal change) {
        return change == null ? null : change.signum() > 0 ? "up" : change.signum() < 0 ? "down" : "flat";
    }

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
                        row.getDate(11).toLocalDate(), row.getString(12), row.getString(13),
                        row.getTimestamp(14).toInstant()),
                district, department, fiscalYear.value()));
    }

    /**
     * The district summary workbook: one row per plan of the year with 预算数, 执行数, 执行率, 得分, 等级 and alerts,
     * as finance passes it on. Editors and viewers get their department's rows only.
     */
    @GetMapping("/api/v1/districts/{district}/years/{year}/summary.xlsx")
    ResponseEntity<byte[]> summary(@PathVariable("district") String district, @PathVariable("year") String year,
                                   @RequestParam(value = "lang", required = false) String lang) {
        Caller reader = access.requireDistrict(district);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        List<OverviewRow> rows = overviewRows(district, fiscalYear, reader, null, day(fiscalYear, null, null));
        Map<String, String> names = new HashMap<>();
        String districtName = reads.inDistrict(district, null, null, () -> {
            jdbc.query("SELECT department_id, name FROM department WHERE district = ?",
                    (row, n) -> names.put(row.getString(1), row.getString(2)), district);
            return jdbc.queryForList("SELECT name FROM district WHERE district = ?", String.class, district).stream()
                    .findFirst().orElse(district);
        });
        List<SummaryWorkbook.Line> lines = rows.stream().map(row -> new SummaryWorkbook.Line(row.department(),
                names.get(row.department()), row.plan(), "PROJECT".equals(row.kind()) ? row.name() : null,
                PlanPhase.valueOf(row.phase()), row.adjustedBudget(), row.executed(), row.executionRate(),
                row.score(), row.grade(), row.alerts())).toList();
        boolean english = "en".equals(lang);
        byte[] workbook = SummaryWorkbook.write(districtName, fiscalYear.value(), lines, english);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fiscalYear + "-" + district + (english ? "-summary.xlsx" : "-汇总.xlsx"),
                                StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }

    private static String status(boolean done, LocalDate due, LocalDate day) {
        return done ? "done" : day.isAfter(due) ? "late" : "open";
    }

    private List<Map<String, Object>> plans(String district, FiscalYear year, String department) {
        return department == null
                ? jdbc.queryForList("SELECT * FROM plan WHERE district = ? AND fiscal_year = ? "
                + "ORDER BY department_id, kind, plan_key", district, year.value())
                : jdbc.queryForList("SELECT * FROM plan WHERE district = ? AND fiscal_year = ? AND department_id = ? "
                + "ORDER BY kind, plan_key", district, year.value(), department);
    }

    private OverviewRow row(String district, FiscalYear year, Map<String, Object> plan, LocalDate day,
                            ScorecardView card) {
        WanYuan adjusted = money(plan.get("adjusted_budget"));
        WanYuan executed = money(plan.get("executed"));
        List<String> alerts = alerts(plan, card, progress(plan, day));
        return new OverviewRow((String) plan.get("department_id"), (String) plan.get("plan_key"),
                (String) plan.get("kind"), (String) plan.get("name"), (String) plan.get("phase"), adjusted, executed,
                rate(executed, adjusted), card == null ? null : card.scorecard().total(),
                card == null ? null : card.scorecard().grade().label(), card == null ? null : card.status(), alerts);
    }

    private PlanDashboard planDashboard(String district, FiscalYear year, Map<String, Object> plan, LocalDate day,
                                        Percentage margin, ScorecardView card) {
        TimeProgress progress = progress(plan, day);
        Object[] key = {district, plan.get("department_id"), year.value(), plan.get("plan_key")};
        List<IndicatorLine> lines = new ArrayList<>();
        List<Deviation> deviations = new ArrayList<>();
        jdbc.query("SELECT code, name, weight, target_text, latest_actual_text, latest_as_of, target_value, "
                        + "latest_actual_value, latest_achievement FROM indicator WHERE district = ? AND "
                        + "department_id = ? AND fiscal_year = ? AND plan_key = ? ORDER BY position",
                row -> {
                    String code = row.getString(1);
                    var scored = card == null ? null : card.scorecard().indicators().stream()
                            .filter(s -> s.code().equals(code)).findFirst().orElse(null);
                    Deviation deviation = Deviation.of(value(row.getString(7)), value(row.getString(8)),
                            row.getString(9) == null ? null : Achievement.valueOf(row.getString(9)));
                    // 偏差率 shown once, rounded from the unrounded rate, the same in the column and the open item
                    BigDecimal deviationRate = deviation.rate() != null ? deviation.rate().rounded(2)
                            : scored == null ? null : scored.deviationRate();
                    lines.add(new IndicatorLine(code, row.getString(2), row.getBigDecimal(3), row.getString(4),
                            row.getString(5), row.getDate(6) == null ? null : row.getDate(6).toLocalDate(),
                            scored == null || scored.ratio() == null ? null
                                    : scored.ratio().setScale(2, RoundingMode.HALF_UP),
                            deviationRate, scored == null ? null : scored.score(),
                            scored == null ? null : scored.unscorable()));
                    deviations.add(deviation);
                }, key);
        PlanPhase phase = PlanPhase.valueOf((String) plan.get("phase"));
        Set<String> explained = phase == PlanPhase.SELF_EVALUATION_RETURNED ? Set.of() : reasonsGiven(key);
        boolean reasonsDue = phase == PlanPhase.IN_EXECUTION || phase == PlanPhase.CLOSED
                || phase == PlanPhase.SELF_EVALUATION_RETURNED;
        List<OpenItem> open = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            IndicatorLine line = lines.get(i);
            Deviation deviation = deviations.get(i);
            if (line.latestActual() == null) {
                open.add(new OpenItem("missing-completion", line.code(), null,
                        "missing completion: " + line.code() + " " + line.name()));
            } else if (reasonsDue && deviation.needsReason(margin) && !explained.contains(line.code())) {
                String detail = deviation.rate() == null ? deviation.reason()
                        : deviation.rate().rounded(2).toPlainString() + "%";
                open.add(new OpenItem("missing-deviation-reason", line.code(), detail, "missing deviation reason "
                        + "(偏差原因): " + line.code() + " " + line.name() + " (" + (deviation.rate() == null
                        ? detail : "偏差率 " + detail) + ")"));
            }
        }
        jdbc.queryForList("SELECT number, code FROM target_adjustment WHERE district = ? AND department_id = ? AND "
                        + "fiscal_year = ? AND plan_key = ? AND status = 'requested' ORDER BY number", key)
                .forEach(row -> open.add(new OpenItem("target-adjustment-pending", (String) row.get("code"),
                        String.valueOf(row.get("number")), "target adjustment " + row.get("number") + " of "
                        + row.get("code") + " waits for finance")));
        if (progress != null && progress.lagging()) {
            open.add(new OpenItem("spending-lags", null, progress.lag().toPlainString(), "spending trails the year: "
                    + "执行率 " + progress.executionRate() + "% against 序时进度 " + progress.yearElapsed() + "%"));
        }
        return new PlanDashboard((String) plan.get("plan_key"), (String) plan.get("kind"), (String) plan.get("name"),
                (String) plan.get("phase"), money(plan.get("initial_budget")), money(plan.get("adjusted_budget")),
                money(plan.get("received")), money(plan.get("executed")),
                rate(money(plan.get("executed")), money(plan.get("adjusted_budget"))),
                Boolean.TRUE.equals(plan.get("over_budget")), progress, lines,
                card == null ? null : card.scorecard().total(), card == null ? null : card.scorecard().grade().label(),
                card == null ? null : card.status(), open);
    }

    /** The indicators the latest self-evaluation gave a 偏差原因 for. */
    private Set<String> reasonsGiven(Object[] key) {
        Set<String> given = new HashSet<>();
        for (String indicators : jdbc.queryForList("SELECT indicators::text FROM self_evaluation WHERE "
                + PlanKeys.WHERE + " ORDER BY round DESC LIMIT 1", String.class, key)) {
            try {
                for (JsonNode node : EventEnvelopeCodec.mapper().readTree(indicators)) {
                    if (node.hasNonNull("deviationReason") && !node.get("deviationReason").asText().isBlank()) {
                        given.add(node.get("indicator").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return given;
    }

    private static TargetValue value(String json) {
        try {
            return json == null ? null : EventEnvelopeCodec.mapper().readValue(json, TargetValue.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ScorecardView scorecard(PlanId id) {
        try {
            return scorecards.compute(id, null);
        } catch (NotFoundException e) {
            return null; // no scheme for this kind and year: shown without a score
        }
    }

    private List<String> alerts(Map<String, Object> plan, ScorecardView card, TimeProgress progress) {
        List<String> alerts = new ArrayList<>();
        if (Boolean.TRUE.equals(plan.get("over_budget"))) {
            alerts.add("over-budget");
        }
        if (money(plan.get("adjusted_budget")).isZero() && !money(plan.get("executed")).isZero()) {
            alerts.add("zero-budget-with-spending");
        }
        if (progress != null && progress.lagging()) {
            alerts.add("spending-lags");
        }
        if (card == null) {
            alerts.add("no-scheme");
        } else {
            if (!card.scorecard().flags().isEmpty()) {
                alerts.add("scoring-flags");
            }
            if (!card.consistent()) {
                alerts.add("reported-differs");
            }
        }
        return alerts;
    }

    /** 序时进度 while the plan is in execution; null before approval and after the close. */
    private TimeProgress progress(Map<String, Object> plan, LocalDate day) {
        if (!PlanPhase.IN_EXECUTION.name().equals(plan.get("phase"))) {
            return null;
        }
        LocalDate first = day.withDayOfYear(1);
        long days = first.lengthOfYear();
        BigDecimal elapsed = BigDecimal.valueOf(ChronoUnit.DAYS.between(first, day) + 1).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(days), MathContext.DECIMAL64);
        // 序时进度 on a day counts the spending and the budget changes dated up to that day, not those after it
        WanYuan executedThen = money(plan.get("executed"));
        WanYuan budgetThen = money(plan.get("adjusted_budget"));
        if (day.isBefore(FiscalYear.of((Integer) plan.get("fiscal_year")).lastDay())) {
            Map<String, Object> then = jdbc.queryForMap("""
                    SELECT coalesce(sum(CASE movement WHEN 'spent' THEN amount WHEN 'corrected' THEN -amount END)
                                    FILTER (WHERE movement_date <= ?), 0) AS executed,
                           coalesce(sum(to_amount - from_amount)
                                    FILTER (WHERE movement = 'adjusted' AND movement_date > ?), 0) AS adjusted_later
                      FROM budget_movement WHERE\s""" + KEY_OF_PLAN, day, day, plan.get("district"),
                    plan.get("department_id"), plan.get("fiscal_year"), plan.get("plan_key"));
            executedThen = money(then.get("executed"));
            budgetThen = new WanYuan(budgetThen.amount().subtract((BigDecimal) then.get("adjusted_later")));
        }
        BigDecimal rate = rate(executedThen, budgetThen);
        BigDecimal executed = rate == null ? BigDecimal.ZERO : rate;
        BigDecimal lag = elapsed.subtract(executed);
        return new TimeProgress(day, elapsed.setScale(2, RoundingMode.HALF_UP), rate,
                lag.setScale(2, RoundingMode.HALF_UP), lag.compareTo(lagMargin) > 0);
    }

    /** The day the dashboard stands on: asOf, or the day of the instant it is read at, or today; within the year. */
    private static final String KEY_OF_PLAN = "district = ? AND department_id = ? AND fiscal_year = ? AND plan_key = ?";

    private LocalDate day(FiscalYear year, String asOf, Instant at) {
        LocalDate day = asOf != null ? date(asOf) : at != null ? reads.day(at) : LocalDate.now(clock);
        if (day.isBefore(year.firstDay())) {
            return year.firstDay();
        }
        return day.isAfter(year.lastDay()) ? year.lastDay() : day;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("asOf", "date.format", "asOf is written YYYY-MM-DD; got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
    }

    private static PlanId planId(String district, FiscalYear year, Map<String, Object> plan) {
        String key = (String) plan.get("plan_key");
        return new PlanId(DepartmentId.of(district, (String) plan.get("department_id")), year,
                "PROJECT".equals(plan.get("kind")) ? key : null);
    }

    private static WanYuan money(Object value) {
        return new WanYuan((BigDecimal) value);
    }

    private static BigDecimal rate(WanYuan part, WanYuan whole) {
        return whole.isZero() ? null : Percentage.ofRatio(part, whole).rounded(2);
    }
}
