package org.perfledger.query.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.WarningLevel;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.readmodel.RowJson;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.replay.ViewChanges;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's dashboard for a year: each plan's budget with 序时进度, its indicators with their latest actuals,
 * 偏差率 and provisional scores, and its open items; and what changed on it between two instants.
 */
@RestController
class DepartmentDashboardController {

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final ReadAccess access;
    private final PlanFigures figures;
    private final ViewChanges changes;

    DepartmentDashboardController(JdbcTemplate jdbc, AsOfReads reads, ReadAccess access, PlanFigures figures,
                                  ViewChanges changes) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.figures = figures;
        this.changes = changes;
    }

    record IndicatorLine(String code, String name, BigDecimal weight, String target, String latestActual,
                         LocalDate latestAsOf, BigDecimal completion, BigDecimal deviationRate, BigDecimal score,
                         String note) {
    }

    record PlanDashboard(String plan, String kind, String name, String phase, WanYuan initialBudget,
                         WanYuan adjustedBudget, WanYuan received, WanYuan executed, BigDecimal executionRate,
                         boolean overBudget, PlanFigures.TimeProgress timeProgress, List<IndicatorLine> indicators, BigDecimal score, String grade, String status,
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
        LocalDate day = figures.day(fiscalYear, asOf, instant);
        return reads.inDistrict(district, instant,
                Scope.departmentYear(DepartmentId.of(district, department), fiscalYear), () -> {
            List<Map<String, Object>> plans = figures.plans(district, fiscalYear, department);
            if (plans.isEmpty()) {
                throw new NotFoundException("department", "dashboard.not-found", "department " + department
                        + " has no plan for " + fiscalYear);
            }
            Percentage margin = jdbc.queryForList("SELECT deviation_margin FROM reporting_calendar WHERE district = ? "
                    + "AND fiscal_year = ?", BigDecimal.class, district, fiscalYear.value()).stream().findFirst()
                    .map(Percentage::new).orElse(Deviation.DEFAULT_MARGIN);
            List<PlanDashboard> dashboards = new ArrayList<>();
            Map<String, BigDecimal[]> dated = figures.datedMovements(district, fiscalYear, department, day);
            List<ScorecardView> cards = figures.scorecards(district, plans);
            Map<String, List<OpenItem>> warnings = unansweredWarnings(district, department, fiscalYear);
            for (int i = 0; i < plans.size(); i++) {
                dashboards.add(planDashboard(district, fiscalYear, plans.get(i), day, dated, margin, cards.get(i),
                        warnings.getOrDefault((String) plans.get(i).get("plan_key"), List.of())));
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
        AsOfReads.Span span = reads.span(from, to);
        return changes.between(span.from(), span.to(), dashboard(district, department, year, null, from),
                dashboard(district, department, year, null, to),
                Scope.departmentYear(DepartmentId.of(district, department), FiscalYear.parse(year)));
    }

    /**
     * Finance's warnings on the department's plans of the year still waiting for an answer, with the day it is due, by
     * plan: read once for the dashboard, not once a plan.
     */
    private Map<String, List<OpenItem>> unansweredWarnings(String district, String department, FiscalYear year) {
        Map<String, List<OpenItem>> byPlan = new HashMap<>();
        jdbc.query("SELECT plan_key, number, level, respond_by FROM plan_warning WHERE district = ? AND "
                + "department_id = ? AND fiscal_year = ? AND response IS NULL ORDER BY number", (ResultSet row) -> {
                    String due = row.getObject("respond_by", LocalDate.class).toString();
                    byPlan.computeIfAbsent(row.getString("plan_key"), key -> new ArrayList<>()).add(new OpenItem(
                            "warning-unanswered", null, row.getInt("number") + "|" + due,
                            WarningLevel.valueOf(row.getString("level")).label() + " " + row.getInt("number")
                                    + " waits for an answer by " + due));
                }, district, department, year.value());
        return byPlan;
    }

    private PlanDashboard planDashboard(String district, FiscalYear year, Map<String, Object> plan, LocalDate day,
                                        Map<String, BigDecimal[]> dated, Percentage margin, ScorecardView card,
                                        List<OpenItem> warnings) {
        PlanFigures.TimeProgress progress = figures.progress(plan, day, dated);
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
        open.addAll(warnings);
        if (plan.get("funds_hold") != null) {
            FundsHold hold = FundsHold.valueOf((String) plan.get("funds_hold"));
            open.add(new OpenItem("funds-held", null, hold.name(), "district finance holds the funds back: "
                    + hold.label()));
        }
        return new PlanDashboard((String) plan.get("plan_key"), (String) plan.get("kind"), (String) plan.get("name"),
                (String) plan.get("phase"), PlanFigures.money(plan.get("initial_budget")), PlanFigures.money(plan.get("adjusted_budget")),
                PlanFigures.money(plan.get("received")), PlanFigures.money(plan.get("executed")),
                PlanFigures.rate(PlanFigures.money(plan.get("executed")), PlanFigures.money(plan.get("adjusted_budget"))),
                Boolean.TRUE.equals(plan.get("over_budget")), progress, lines,
                PlanFigures.score(card), PlanFigures.grade(card),
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
        return json == null ? null : RowJson.read(json, TargetValue.class);
    }
}
