package org.perfledger.query.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.event.Streams.Scope;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.IndicatorLight;
import org.perfledger.kernel.warning.MonitoringThresholds;
import org.perfledger.kernel.warning.TrafficLight;
import org.perfledger.query.figures.PlanFigures;
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

    /**
     * {@code light}, {@code progress} and {@code behind}: the indicator's progress against time while its plan is in
     * execution ({@link IndicatorLight}), {@code lightBasis} what the light rests on or why there is none.
     */
    record IndicatorLine(String code, String name, BigDecimal weight, String target, String latestActual,
                         LocalDate latestAsOf, BigDecimal completion, BigDecimal deviationRate, BigDecimal score,
                         String note, TrafficLight light, BigDecimal progress, BigDecimal behind, String lightBasis) {
    }

    record PlanDashboard(String plan, String kind, String name, String phase, WanYuan initialBudget,
                         WanYuan adjustedBudget, WanYuan received, WanYuan executed, BigDecimal executionRate,
                         boolean overBudget, PlanFigures.TimeProgress timeProgress, List<IndicatorLine> indicators, BigDecimal score, String grade, String status,
                         List<OpenItem> openItems) {
    }

    /**
     * Something the department still has to do on a plan: {@code missing-completion}, {@code missing-deviation-reason}
     * (an indicator not met, unknown or beyond finance's margin, with no 偏差原因 yet; {@code detail} the 偏差率 or why),
     * {@code target-adjustment-pending} ({@code detail} its number), {@code spending-lags}, {@code warning-unanswered}
     * or {@code rectification-open} / {@code rectification-late} ({@code detail} number|deadline), {@code funds-held};
     * {@code text} says it in words.
     */
    record OpenItem(String kind, String indicator, String detail, String text) {
    }

    /** {@code thresholds}: the year's thresholds of the lights, finance's or the default (version 0). */
    record DepartmentDashboard(String district, String department, int year, LocalDate asOf,
                               PlanFigures.ThresholdsInForce thresholds, List<PlanDashboard> plans) {
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
            DashboardRows rows = DashboardRows.read(jdbc, district, department, fiscalYear);
            PlanFigures.ThresholdsInForce thresholds = figures.thresholds(district, fiscalYear);
            for (int i = 0; i < plans.size(); i++) {
                dashboards.add(planDashboard(plans.get(i), day, dated, margin, thresholds.thresholds(), cards.get(i),
                        rows));
            }
            return new DepartmentDashboard(district, department, fiscalYear.value(), day, thresholds, dashboards);
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

    private PlanDashboard planDashboard(Map<String, Object> plan, LocalDate day, Map<String, BigDecimal[]> dated,
                                        Percentage margin, MonitoringThresholds thresholds, ScorecardView card,
                                        DashboardRows rows) {
        PlanFigures.TimeProgress progress = figures.progress(plan, day, dated, thresholds);
        BigDecimal elapsed = PlanFigures.elapsed(day);
        String planKey = (String) plan.get("plan_key");
        List<IndicatorLine> lines = new ArrayList<>();
        List<Deviation> deviations = new ArrayList<>();
        for (DashboardRows.Indicator row : rows.indicators(planKey)) {
            var scored = card == null ? null : card.scorecard().indicators().stream()
                    .filter(s -> s.code().equals(row.code())).findFirst().orElse(null);
            Deviation deviation = Deviation.of(row.targetValue(), row.latestValue(), row.achievement());
            // 偏差率 shown once, rounded from the unrounded rate, the same in the column and the open item
            BigDecimal deviationRate = deviation.rate() != null ? deviation.rate().rounded(2)
                    : scored == null ? null : scored.deviationRate();
            IndicatorLight light = progress == null ? null : IndicatorLight.of(row.targetValue(),
                    row.latestValue(), row.achievement(), elapsed, thresholds);
            lines.add(new IndicatorLine(row.code(), row.name(), row.weight(), row.target(), row.latestActual(),
                    row.latestAsOf(), scored == null || scored.ratio() == null ? null
                            : scored.ratio().setScale(2, RoundingMode.HALF_UP),
                    deviationRate, scored == null ? null : scored.score(), scored == null ? null : scored.unscorable(),
                    light == null ? null : light.light(), light == null ? null : light.progress(),
                    light == null ? null : light.behind(), light == null ? null : light.basis()));
            deviations.add(deviation);
        }
        PlanPhase phase = PlanPhase.valueOf((String) plan.get("phase"));
        Set<String> explained = phase == PlanPhase.SELF_EVALUATION_RETURNED ? Set.of() : rows.reasonsGiven(planKey);
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
        for (DashboardRows.PendingAdjustment pending : rows.pendingAdjustments(planKey)) {
            open.add(new OpenItem("target-adjustment-pending", pending.code(), String.valueOf(pending.number()),
                    "target adjustment " + pending.number() + " of " + pending.code() + " waits for finance"));
        }
        if (progress != null && progress.lagging()) {
            open.add(new OpenItem("spending-lags", null, progress.lag().toPlainString(), "spending trails the year: "
                    + "执行率 " + progress.executionRate() + "% against 序时进度 " + progress.yearElapsed() + "%"));
        }
        for (DashboardRows.UnansweredWarning warning : rows.unansweredWarnings(planKey)) {
            open.add(new OpenItem("warning-unanswered", null, warning.number() + "|" + warning.respondBy(),
                    warning.level().label() + " " + warning.number() + " waits for an answer by "
                            + warning.respondBy()));
        }
        for (DashboardRows.OpenRectification item : rows.openRectifications(planKey)) {
            boolean late = day.isAfter(item.deadline());
            open.add(new OpenItem(late ? "rectification-late" : "rectification-open", null, item.number() + "|"
                    + item.deadline(), "rectification item " + item.number() + " (" + item.issue() + ") waits for the "
                    + "department's report by " + item.deadline() + (late ? ": late" : "")));
        }
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
}
