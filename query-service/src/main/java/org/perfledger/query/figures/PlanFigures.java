package org.perfledger.query.figures;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.sql.ResultSet;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.warning.MonitoringThresholds;
import org.perfledger.kernel.warning.TrafficLight;
import org.perfledger.query.platform.InvalidParameterException;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.scoring.Scorecards;
import org.perfledger.query.scoring.Scorecards.ScorecardView;

import org.springframework.jdbc.core.ColumnMapRowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * What the overview, the dashboards, year over year and what is due read alike from a plan's row: its plans of a year,
 * 执行率, 序时进度 on a day, its alerts, and the day a view stands on. Call inside a district's read.
 */
@Component
public class PlanFigures {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * 序时进度: the share of the year elapsed by {@code asOf} against 执行率; {@code light} by how far execution
     * trails the year (percentage points) under finance's thresholds, {@code lagging} when that is 红灯.
     */
    public record TimeProgress(LocalDate asOf, BigDecimal yearElapsed, BigDecimal executionRate, BigDecimal lag,
                               TrafficLight light, boolean lagging) {
    }

    /** The thresholds a year's lights are shown under: finance's latest version, or the default ({@code version} 0). */
    public record ThresholdsInForce(MonitoringThresholds thresholds, int version, String source) {
    }

    private final JdbcTemplate jdbc;
    private final AsOfReads reads;
    private final Scorecards scorecards;
    private final Clock clock;

    PlanFigures(JdbcTemplate jdbc, AsOfReads reads, Scorecards scorecards, Clock clock) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.scorecards = scorecards;
        this.clock = clock;
    }

    /** The year's thresholds of monitoring warnings in force, read in the caller's district and instant. */
    public ThresholdsInForce thresholds(String district, FiscalYear year) {
        return jdbc.query("SELECT yellow, red, version, source FROM monitoring_thresholds WHERE district = ? AND "
                        + "fiscal_year = ? ORDER BY version DESC LIMIT 1", (ResultSet row, int n) ->
                        new ThresholdsInForce(new MonitoringThresholds(new Percentage(row.getBigDecimal(1)),
                                new Percentage(row.getBigDecimal(2))), row.getInt(3), row.getString(4)),
                district, year.value()).stream().findFirst()
                .orElse(new ThresholdsInForce(MonitoringThresholds.DEFAULT, 0, null));
    }

    /**
     * A row as a plain map from its column names (PostgreSQL's, lower case) to its values. Spring's default keeps a
     * case-insensitive map per row, two lookups and a lower-casing per read; an overview reads 600 rows of 25 columns.
     */
    private static final RowMapper<Map<String, Object>> ROW = new ColumnMapRowMapper() {
        @Override
        protected Map<String, Object> createColumnMap(int columnCount) {
            return new HashMap<>(columnCount * 2);
        }
    };

    /**
     * The columns of a plan row the views of many plans read: not the headcounts (JSON, which the driver maps through
     * a type lookup per cell), the review notes or the write time, which an overview of 600 plans would read for
     * nothing.
     */
    private static final String PLAN_COLUMNS = "district, department_id, fiscal_year, plan_key, kind, name, phase, "
            + "budget_opened, budget_unstated, initial_budget, adjusted_budget, received, executed, over_budget, version, "
            + "funds_hold";

    /** The plan rows of a year: the district's (department null) or one department's, in department and plan order. */
    public List<Map<String, Object>> plans(String district, FiscalYear year, String department) {
        return department == null
                ? jdbc.query("SELECT " + PLAN_COLUMNS + " FROM plan WHERE district = ? AND fiscal_year = ? "
                + "ORDER BY department_id, kind, plan_key", ROW, district, year.value())
                : jdbc.query("SELECT " + PLAN_COLUMNS + " FROM plan WHERE district = ? AND fiscal_year = ? AND "
                + "department_id = ? ORDER BY kind, plan_key", ROW, district, year.value(), department);
    }

    /**
     * The scorecards under the schemes in force of some rows of the plan table of a district ({@link #plans}, or rows
     * with the same columns), in their order; null for a plan whose kind and year have no scheme.
     */
    public List<ScorecardView> scorecards(String district, List<Map<String, Object>> plans) {
        return scorecards.current(plans.stream().map(plan -> planId(district,
                FiscalYear.of(((Number) plan.get("fiscal_year")).intValue()), plan)).toList(),
                scorecards.foundations(district, plans));
    }

    /** The plan's scorecard under the scheme in force, or null when finance has set none for its kind and year. */
    public ScorecardView scorecard(PlanId id) {
        try {
            return scorecards.compute(id, null);
        } catch (NotFoundException e) {
            return null; // no scheme for this kind and year: shown without a score
        }
    }

    /**
     * The plan's score as views show it: the recomputed 总分, or null where it cannot be the plan's (no scheme, or an
     * indicator with no 分值 set; its flags say why).
     */
    public static BigDecimal score(ScorecardView card) {
        return card == null ? null : card.scorecard().recomputedTotal();
    }

    /** The grade of {@link #score}, as its label, or null. */
    public static String grade(ScorecardView card) {
        return card == null || card.scorecard().recomputedGrade() == null ? null
                : card.scorecard().recomputedGrade().label();
    }

    /**
     * What a plan is flagged for: {@code over-budget}, {@code zero-budget-with-spending}, {@code spending-lags},
     * {@code funds-held}, {@code rectification-late} (one of {@link #lateRectifications}), {@code no-scheme},
     * {@code scoring-flags}, {@code reported-differs}.
     */
    public List<String> alerts(Map<String, Object> plan, ScorecardView card, TimeProgress progress,
                               Set<String> lateRectifications) {
        List<String> alerts = new ArrayList<>();
        if (Boolean.TRUE.equals(plan.get("over_budget"))) {
            alerts.add("over-budget");
        }
        // a budget the documents do not state is not a budget of 0
        if (money(plan.get("adjusted_budget")).isZero() && !money(plan.get("executed")).isZero()
                && !Boolean.TRUE.equals(plan.get("budget_unstated"))) {
            alerts.add("zero-budget-with-spending");
        }
        if (progress != null && progress.lagging()) {
            alerts.add("spending-lags");
        }
        // district finance holds its funds back (暂缓拨付 / 停止拨付)
        if (plan.get("funds_hold") != null) {
            alerts.add("funds-held");
        }
        // a rectification item past its deadline without the department's report (整改逾期)
        if (lateRectifications.contains(plan.get("department_id") + "/" + plan.get("plan_key"))) {
            alerts.add("rectification-late");
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

    /**
     * The plans of a year (a department's, or the district's when {@code department} is null) with a rectification
     * item still open after its deadline on {@code day}, as "department/plan".
     */
    public Set<String> lateRectifications(String district, FiscalYear year, String department, LocalDate day) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT department_id || '/' || plan_key FROM rectification "
                + "WHERE district = ? AND fiscal_year = ? AND (CAST(? AS TEXT) IS NULL OR department_id = ?) AND "
                + "status = 'open' AND deadline < ?", String.class, district, year.value(), department, department,
                day));
    }

    /**
     * What each plan of a year had spent by {@code day}, and by how much its budget changed after it: for 序时进度 on
     * that day, which counts only what is dated up to it. One query for all the plans (of a department, or of the
     * district when {@code department} is null); null on the year's last day, when the plans' totals are the answer.
     */
    public Map<String, BigDecimal[]> datedMovements(String district, FiscalYear year, String department,
                                                    LocalDate day) {
        if (!day.isBefore(year.lastDay())) {
            return null;
        }
        Map<String, BigDecimal[]> dated = new HashMap<>();
        jdbc.query("""
                SELECT department_id || '/' || plan_key,
                       coalesce(sum(CASE movement WHEN 'spent' THEN amount WHEN 'corrected' THEN -amount END)
                                FILTER (WHERE movement_date <= ?), 0),
                       coalesce(sum(to_amount - from_amount) FILTER (WHERE movement = 'adjusted' AND movement_date > ?), 0)
                  FROM budget_movement
                 WHERE district = ? AND fiscal_year = ? AND (CAST(? AS TEXT) IS NULL OR department_id = ?)
                 GROUP BY department_id, plan_key""",
                (ResultSet row) -> {
                    dated.put(row.getString(1), new BigDecimal[] {row.getBigDecimal(2), row.getBigDecimal(3)});
                }, day, day, district, year.value(), department, department);
        return dated;
    }

    /** The share of the year elapsed by the end of {@code day} (时间进度), in percent, unrounded. */
    public static BigDecimal elapsed(LocalDate day) {
        LocalDate first = day.withDayOfYear(1);
        return BigDecimal.valueOf(ChronoUnit.DAYS.between(first, day) + 1).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(first.lengthOfYear()), MathContext.DECIMAL64);
    }

    /**
     * 序时进度 while the plan is in execution, with its light under {@code thresholds}; null before approval and after
     * the close. {@code dated}: the plans' {@link #datedMovements} on {@code day} (null: the plan's totals stand).
     */
    public TimeProgress progress(Map<String, Object> plan, LocalDate day, Map<String, BigDecimal[]> dated,
                                 MonitoringThresholds thresholds) {
        if (!PlanPhase.IN_EXECUTION.name().equals(plan.get("phase"))) {
            return null;
        }
        BigDecimal elapsed = elapsed(day);
        WanYuan executedThen = money(plan.get("executed"));
        WanYuan budgetThen = money(plan.get("adjusted_budget"));
        if (dated != null) {
            BigDecimal[] then = dated.getOrDefault(plan.get("department_id") + "/" + plan.get("plan_key"),
                    new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            executedThen = new WanYuan(then[0]);
            budgetThen = new WanYuan(budgetThen.amount().subtract(then[1]));
        }
        BigDecimal rate = rate(executedThen, budgetThen);
        BigDecimal executed = rate == null ? BigDecimal.ZERO : rate;
        BigDecimal lag = elapsed.subtract(executed);
        TrafficLight light = thresholds.light(lag);
        return new TimeProgress(day, elapsed.setScale(2, RoundingMode.HALF_UP), rate,
                lag.setScale(2, RoundingMode.HALF_UP), light, light == TrafficLight.RED);
    }

    /** The day a view stands on: asOf, or the day of the instant it is read at, or today; within the year. */
    public LocalDate day(FiscalYear year, String asOf, Instant at) {
        LocalDate day = asOf != null ? date(asOf) : at != null ? reads.day(at) : today();
        if (day.isBefore(year.firstDay())) {
            return year.firstDay();
        }
        return day.isAfter(year.lastDay()) ? year.lastDay() : day;
    }

    /** Today on the services' clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("asOf", "date.format", "asOf is written YYYY-MM-DD; got '"
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
        }
    }

    public static PlanId planId(String district, FiscalYear year, Map<String, Object> plan) {
        String key = (String) plan.get("plan_key");
        return new PlanId(DepartmentId.of(district, (String) plan.get("department_id")), year,
                "PROJECT".equals(plan.get("kind")) ? key : null);
    }

    public static WanYuan money(Object value) {
        return new WanYuan((BigDecimal) value);
    }

    /** part / whole in percent, HALF_UP to two decimals from the unrounded ratio; null over a zero whole. */
    public static BigDecimal rate(WanYuan part, WanYuan whole) {
        return whole.isZero() ? null : Percentage.ofRatio(part, whole).rounded(2);
    }
}
