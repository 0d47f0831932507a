package org.perfledger.query.plan;

import static org.perfledger.query.plan.PlanColumns.append;
import static org.perfledger.query.plan.PlanColumns.coded;
import static org.perfledger.query.plan.PlanColumns.json;
import static org.perfledger.query.plan.PlanColumns.money;
import static org.perfledger.query.plan.PlanColumns.nullableMoney;
import static org.perfledger.query.plan.PlanColumns.rate;
import static org.perfledger.query.plan.PlanColumns.types;
import static org.perfledger.query.plan.PlanColumns.units;

import org.perfledger.query.readmodel.RowJson;
import org.perfledger.query.readmodel.PlanKeys;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.query.plan.PlanView.Budget;
import org.perfledger.query.plan.PlanView.Coded;
import org.perfledger.query.plan.PlanView.CompletionView;
import org.perfledger.query.plan.PlanView.GoalView;
import org.perfledger.query.plan.PlanView.IndicatorView;
import org.perfledger.query.plan.PlanView.Latest;
import org.perfledger.query.plan.PlanView.Line;
import org.perfledger.query.plan.PlanView.Movement;
import org.perfledger.query.plan.PlanView.Part;
import org.perfledger.query.plan.PlanView.Profile;
import org.perfledger.query.plan.PlanView.TargetsReview;
import org.perfledger.query.plan.PlanView.Value;
import org.perfledger.query.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read of a plan as one document (see {@link PlanQueryController}) and of an indicator's completions: the SQL in
 * one place, codes with their Chinese labels, rates computed once from the unrounded amounts. Call inside a district's
 * read.
 */
@Component
class PlanViews {

    private static final String KEY = PlanKeys.WHERE;

    private final JdbcTemplate jdbc;
    private final CycleViews cycle;

    PlanViews(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.cycle = new CycleViews(jdbc);
    }

    List<CompletionView> completions(PlanId plan, String code) {
        Object[] key = PlanKeys.of(plan);
        if (jdbc.queryForObject("SELECT count(*) FROM indicator WHERE " + KEY + " AND code = ?", Integer.class,
                append(key, code)) == 0) {
            throw new NotFoundException("code", "indicator.not-found", "the plan has no indicator " + code);
        }
        return jdbc.query("SELECT * FROM completion WHERE " + KEY + " AND code = ? ORDER BY sequence_number",
                (row, n) -> new CompletionView(row.getLong("sequence_number"),
                        new Value(row.getString("actual_text"), RowJson.tree(row.getString("actual_value"))),
                        row.getObject("as_of", LocalDate.class), row.getString("narrative"), row.getString("evidence"),
                        row.getString("achievement") == null ? null
                                : coded(Achievement.valueOf(row.getString("achievement"))),
                        row.getTimestamp("recorded_at").toInstant(), row.getString("actor")),
                append(key, code));
    }

    /** The plan read afresh from its rows (for the record as of an instant, on its replayed copies, too). */
    ResponseEntity<PlanView> view(PlanId plan) {
        Object[] key = PlanKeys.of(plan);
        List<PlanView> found = jdbc.query("SELECT * FROM plan WHERE " + KEY, (row, n) -> {
            WanYuan initial = money(row, "initial_budget");
            WanYuan adjusted = money(row, "adjusted_budget");
            WanYuan received = money(row, "received");
            WanYuan executed = money(row, "executed");
            boolean over = row.getBoolean("over_budget");
            List<String> flags = new ArrayList<>();
            if (over) {
                flags.add("over-budget");
            }
            if (row.getBoolean("budget_opened") && !row.getBoolean("budget_unstated") && adjusted.isZero()
                    && !executed.isZero()) {
                flags.add("zero-budget-with-spending");
            }
            List<Part> sources = parts(key, "source");
            // spending stated by source (决算 by 资金来源) that does not add up to the 执行数
            List<WanYuan> bySource = sources.stream().map(Part::executed).filter(Objects::nonNull).toList();
            if (!bySource.isEmpty() && !bySource.stream().reduce(WanYuan.ZERO, WanYuan::plus).equals(executed)) {
                flags.add("spending-by-source-differs");
            }
            Budget budget = new Budget(row.getBoolean("budget_opened"), row.getBoolean("budget_unstated"), initial,
                    adjusted, received, executed,
                    rate(executed, adjusted), rate(executed, initial), rate(received, adjusted), over, flags,
                    sources, parts(key, "class"), movements(key), lines(key), row.getString("funds_hold") == null
                    ? null : coded(FundsHold.valueOf(row.getString("funds_hold"))), row.getString("funds_hold_reason"));
            List<Coded> types = types(row.getString("project_type"));
            Profile profile = "PROJECT".equals(row.getString("kind")) ? new Profile(
                    units(row.getString("implementing_units")),
                    row.getString("category") == null ? null : coded(ProjectCategory.valueOf(row.getString("category"))),
                    row.getString("attribute") == null ? null
                            : coded(ProjectAttribute.valueOf(row.getString("attribute"))),
                    types.isEmpty() ? null : types.get(0), types, row.getString("finance_desk")) : null;
            return new PlanView(plan.district().value(), plan.department().code().value(), plan.year().value(),
                    plan.project(), row.getString("kind"), row.getString("name"),
                    coded(PlanPhase.valueOf(row.getString("phase"))),
                    row.getString("targets_review") == null ? null : new TargetsReview(row.getString("targets_review"),
                            row.getString("targets_note"), row.getString("targets_reviewed_by")),
                    profile, StaffingView.of(row.getString("staffing")),
                    SubProjectView.of(row.getString("sub_projects"), budget.lines()), budget,
                    row.getString("overall_goals") == null ? null
                            : List.of(RowJson.read(row.getString("overall_goals"), OverallGoal[].class)),
                    goals(key),
                    jdbc.queryForList("SELECT number, code, target_text, weight, reason, status, decision_note, "
                            + "requested_by, decided_by FROM target_adjustment WHERE " + KEY + " ORDER BY number", key),
                    jsonRows("SELECT period, as_of, budget, executed, indicators, deviations, corrective_measures, "
                            + "submitted_at, submitted_by FROM monitoring_report WHERE " + KEY + " ORDER BY as_of", key),
                    jsonRows("SELECT round, status, score, grade, indicators, deviation_analysis, improvement_measures,"
                            + " results_use, publication_plan, review_note, submitted_by, reviewed_by, "
                            + "published_channels FROM self_evaluation WHERE " + KEY + " ORDER BY round", key),
                    cycle.assessments(key), cycle.warnings(key),
                    cycle.results(key, row.getString("budget_basis")), cycle.rectifications(key),
                    row.getLong("version"));
        }, key);
        if (found.isEmpty()) {
            throw notFound(plan);
        }
        return answer(found.get(0));
    }

    /** The document with its version as its ETag: a GET sending it back in If-None-Match is answered 304. */
    static ResponseEntity<PlanView> answer(PlanView view) {
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    static NotFoundException notFound(PlanId plan) {
        return new NotFoundException("plan", "plan.not-found", "no " + plan.year() + " plan "
                + (plan.departmentWide() ? "(部门整体)" : "of project " + plan.project()) + " of department "
                + plan.department() + " is known");
    }

    private List<Part> parts(Object[] key, String dimension) {
        return jdbc.query("SELECT part, initial_amount, adjusted_amount, received, executed FROM plan_budget_part WHERE "
                        + KEY + " AND dimension = ? ORDER BY part",
                (row, n) -> new Part(dimension.equals("source")
                        ? coded(FundingSource.valueOf(row.getString(1)))
                        : coded(ExpenditureClass.valueOf(row.getString(1))),
                        money(row, 2), money(row, 3), money(row, 4), nullableMoney(row, "executed")),
                append(key, dimension));
    }

    private List<Movement> movements(Object[] key) {
        return jdbc.query("SELECT * FROM budget_movement WHERE " + KEY + " ORDER BY sequence_number",
                (row, n) -> new Movement(row.getLong("sequence_number"), row.getString("movement"),
                        (Integer) row.getObject("adjustment_no"),
                        row.getString("kind") == null ? null : coded(AdjustmentKind.valueOf(row.getString("kind"))),
                        row.getString("source") == null ? null : coded(FundingSource.valueOf(row.getString("source"))),
                        row.getString("expenditure_class") == null ? null
                                : coded(ExpenditureClass.valueOf(row.getString("expenditure_class"))),
                        row.getString("line"), nullableMoney(row, "amount"), nullableMoney(row, "from_amount"),
                        nullableMoney(row, "to_amount"), row.getString("reason"), row.getString("document_number"),
                        row.getString("voucher"),
                        row.getObject("movement_date", LocalDate.class),
                        row.getBoolean("over_budget"), row.getTimestamp("recorded_at").toInstant(),
                        row.getString("actor"), row.getString("correlation_id"),
                        json(row, "parts")), key);
    }

    private List<Line> lines(Object[] key) {
        return jdbc.query("SELECT name, amount, executed FROM budget_line WHERE " + KEY + " ORDER BY position",
                (row, n) -> new Line(row.getString(1), money(row, 2), money(row, 3), rate(money(row, 3), money(row, 2))),
                key);
    }

    private List<GoalView> goals(Object[] key) {
        Map<Integer, GoalView> goals = new LinkedHashMap<>();
        jdbc.query("SELECT number, text, weight, funded_by FROM goal WHERE " + KEY + " ORDER BY number",
                (ResultSet row) -> {
                    goals.put(row.getInt(1), new GoalView(row.getInt(1), row.getString(2), row.getBigDecimal(3),
                            row.getString(4), new ArrayList<>(), null, null));
                }, key);
        jdbc.query("SELECT * FROM indicator WHERE " + KEY + " ORDER BY position", (ResultSet row) -> {
            GoalView goal = goals.get(row.getInt("goal"));
            if (goal != null) {
                goal.indicators().add(indicator(row));
            }
        }, key);
        return goals.values().stream().map(PlanViews::withWeightsChecked).toList();
    }

    /** A goal printed with points of its own, beside what its indicators' 分值 add up to. */
    private static GoalView withWeightsChecked(GoalView goal) {
        List<BigDecimal> weights = goal.indicators().stream().map(IndicatorView::weight)
                .filter(Objects::nonNull).toList();
        if (goal.weight() == null || weights.isEmpty()) {
            return goal;
        }
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return new GoalView(goal.number(), goal.text(), goal.weight(), goal.fundedBy(), goal.indicators(), sum,
                sum.compareTo(goal.weight()) == 0);
    }

    private static IndicatorView indicator(ResultSet row) throws SQLException {
        TargetValue target = RowJson.read(row.getString("target_value"), TargetValue.class);
        TargetValue actual = row.getString("latest_actual_value") == null ? null
                : RowJson.read(row.getString("latest_actual_value"), TargetValue.class);
        Achievement achievement = row.getString("latest_achievement") == null ? null
                : Achievement.valueOf(row.getString("latest_achievement"));
        Latest latest = actual == null ? null : new Latest(
                new Value(row.getString("latest_actual_text"), RowJson.tree(row.getString("latest_actual_value"))),
                row.getObject("latest_as_of", LocalDate.class), row.getString("latest_narrative"),
                row.getString("latest_evidence"), achievement == null ? null : coded(achievement));
        Deviation deviation = Deviation.of(target, actual, achievement);
        return new IndicatorView(row.getString("code"), coded(IndicatorLevel1.valueOf(row.getString("level1"))),
                coded(IndicatorLevel2.valueOf(row.getString("level2"))), row.getString("name"),
                row.getBigDecimal("weight"), new Value(row.getString("target_text"), RowJson.tree(row.getString("target_value"))),
                row.getString("direction") == null ? null : coded(Direction.valueOf(row.getString("direction"))),
                latest, row.getInt("completions"), deviation.outcome().name(),
                deviation.rate() == null ? null : deviation.rate().rounded(2).toPlainString(), deviation.reason(),
                row.getString("added_at_self_evaluation"), row.getString("library_code") == null ? null
                        : new PlanView.Library(row.getString("library_code"), row.getInt("library_version")));
    }

    private List<Map<String, Object>> jsonRows(String sql, Object[] key) {
        List<Map<String, Object>> rows = jdbc.queryForList(sql, key);
        for (Map<String, Object> row : rows) {
            Object indicators = row.get("indicators");
            if (indicators != null) {
                row.put("indicators", RowJson.tree(indicators.toString()));
            }
        }
        return rows;
    }
}
