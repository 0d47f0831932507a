package org.perfledger.query.due;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.security.Caller;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What is due in a year by district finance's calendar: monitoring rounds and self-evaluations, done, open or late. */
@RestController
class DueController {

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final ReadAccess access;
    private final PlanFigures figures;

    DueController(JdbcTemplate jdbc, AsOfReads reads, ReadAccess access, PlanFigures figures) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.figures = figures;
    }

    record DueItem(String department, String plan, String name, String item, LocalDate due, String status) {
    }

    /**
     * Monitoring reports, self-evaluations, answers to finance's warnings and reports on rectification items against
     * the dates finance set: done, open, or late.
     */
    @GetMapping("/api/v1/districts/{district}/years/{year}/due")
    List<DueItem> due(@PathVariable("district") String district, @PathVariable("year") String year,
                      @RequestParam(value = "asOf", required = false) String asOf,
                      @RequestParam(value = "at", required = false) String at) {
        Caller reader = access.requireDistrict(district);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        Instant instant = reads.instant("at", at);
        LocalDate day = asOf != null ? PlanFigures.date(asOf) : instant != null ? reads.day(instant) : figures.today();
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
            String scope = reader.readsWholeDistrict() ? null : reader.department();
            // what finance asked of the department by a day: answers to its warnings, reports on rectification items
            Map<String, List<Map<String, Object>>> asked = new HashMap<>();
            jdbc.queryForList("""
                    SELECT department_id, plan_key, 'warning ' || number AS item, respond_by AS due,
                           response IS NOT NULL AS done, number, 1 AS kind
                      FROM plan_warning WHERE district = ? AND fiscal_year = ?
                       AND (CAST(? AS TEXT) IS NULL OR department_id = ?)
                    UNION ALL
                    SELECT department_id, plan_key, 'rectification ' || number, deadline, status <> 'open', number, 2
                      FROM rectification WHERE district = ? AND fiscal_year = ?
                       AND (CAST(? AS TEXT) IS NULL OR department_id = ?)
                     ORDER BY kind, number""", district, fiscalYear.value(), scope, scope, district,
                    fiscalYear.value(), scope, scope).forEach(row -> asked.computeIfAbsent(row.get("department_id")
                    + "/" + row.get("plan_key"), k -> new ArrayList<>()).add(row));
            for (Map<String, Object> plan : figures.plans(district, fiscalYear, scope)) {
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
                for (Map<String, Object> item : asked.getOrDefault(department + "/" + key, List.of())) {
                    LocalDate due = ((Date) item.get("due")).toLocalDate();
                    items.add(new DueItem(department, key, (String) plan.get("name"), (String) item.get("item"), due,
                            status(Boolean.TRUE.equals(item.get("done")), due, day)));
                }
            }
            return items;
        });
    }

    static String status(boolean done, LocalDate due, LocalDate day) {
        return done ? "done" : day.isAfter(due) ? "late" : "open";
    }
}
