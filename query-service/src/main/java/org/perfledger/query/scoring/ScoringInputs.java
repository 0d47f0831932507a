package org.perfledger.query.scoring;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.readmodel.RowJson;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a plan's scorecard is computed from, read from the read model: for many plans of a district at once, in six
 * queries whatever their number, so that an overview scoring hundreds of plans it has not scored before does not pay a
 * round trip per plan and table; one plan is read the same way.
 */
final class ScoringInputs {

    /**
     * @param figures     the plan's budget figures (initial, adjusted, received, executed, budget_unstated)
     * @param evaluation  its latest self-evaluation round, or null
     * @param goalWeights goal → the points printed for it, in goal order (goals with none absent)
     * @param projects    for a department-wide plan, what its department's projects of the year spent; else null
     */
    record Inputs(Map<String, Object> figures, Map<String, Object> evaluation, Indicators indicators,
                  Map<Integer, BigDecimal> goalWeights, Projects projects) {
    }

    /**
     * The plan's indicators as scoring reads them.
     *
     * @param levels     code → its 一级指标 as the tables print it
     * @param goalPoints goal → what its indicators' 分值 add up to (goals with none set absent)
     * @param addedLate  the flags of indicators added at the self-evaluation, in their order
     */
    record Indicators(List<IndicatorFacts> facts, Map<String, String> levels, Map<Integer, BigDecimal> goalPoints,
                      List<String> addedLate) {

        static Indicators none() {
            return new Indicators(new ArrayList<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>());
        }
    }

    /**
     * @param count          how many projects the department has on PerfLedger that year
     * @param byProjects     what they spent
     * @param projectSpending the department-wide plan's own 项目支出
     */
    record Projects(long count, BigDecimal byProjects, BigDecimal projectSpending) {
    }

    private static final String INDICATOR_COLUMNS = "code, name, weight, target_value::text AS target, "
            + "latest_actual_value::text AS actual, latest_achievement, level1, goal, added_at_self_evaluation";
    private static final String KEYS = "district, department_id, fiscal_year, plan_key";

    private final JdbcTemplate jdbc;

    ScoringInputs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One plan's inputs, read as those of many are, or null when the plan is not in the read model. */
    Inputs one(PlanId plan) {
        return many(List.of(plan)).get(plan);
    }

    /**
     * Many plans' inputs, in six queries whatever their number; plans not in the read model are absent.
     *
     * @param plans plans of one district
     */
    Map<PlanId, Inputs> many(Collection<PlanId> plans) {
        if (plans.isEmpty()) {
            return Map.of();
        }
        String district = plans.iterator().next().district().value();
        Map<String, PlanId> byKey = new HashMap<>();
        for (PlanId plan : plans) {
            byKey.put(key(PlanKeys.of(plan)), plan);
        }
        String keys = PlanKeys.json(plans);
        Map<PlanId, Map<String, Object>> figures = new HashMap<>();
        jdbc.query("SELECT " + KEYS + ", initial_budget, adjusted_budget, received, executed, budget_unstated FROM "
                + PlanKeys.MANY + " JOIN plan USING (" + KEYS + ")", (ResultSet row) -> {
                    Map<String, Object> values = new HashMap<>();
                    for (String column : List.of("initial_budget", "adjusted_budget", "received", "executed",
                            "budget_unstated")) {
                        values.put(column, row.getObject(column));
                    }
                    figures.put(byKey.get(key(row)), values);
                }, keys);
        Map<PlanId, Map<String, Object>> evaluations = new HashMap<>();
        for (Map<String, Object> evaluation : jdbc.queryForList("SELECT DISTINCT ON (" + KEYS + ") s.* FROM "
                + PlanKeys.MANY + " JOIN self_evaluation s USING (" + KEYS + ") ORDER BY " + KEYS + ", round DESC",
                keys)) {
            evaluations.put(byKey.get(key(evaluation)), evaluation);
        }
        Map<PlanId, Indicators> indicators = new HashMap<>();
        jdbc.query("SELECT " + KEYS + ", " + INDICATOR_COLUMNS + " FROM " + PlanKeys.MANY + " JOIN indicator USING ("
                + KEYS + ") ORDER BY " + KEYS + ", position", (ResultSet row) -> {
                    indicator(row, indicators.computeIfAbsent(byKey.get(key(row)), plan -> Indicators.none()));
                }, keys);
        Map<PlanId, Map<Integer, BigDecimal>> goals = new HashMap<>();
        jdbc.query("SELECT " + KEYS + ", number, weight FROM " + PlanKeys.MANY + " JOIN goal USING (" + KEYS
                + ") WHERE weight IS NOT NULL", (ResultSet row) -> {
                    goals.computeIfAbsent(byKey.get(key(row)), plan -> new TreeMap<>())
                            .put(row.getInt("number"), row.getBigDecimal("weight"));
                }, keys);
        Map<String, Projects> projects = departmentProjects(district, plans, keys);
        Map<PlanId, Inputs> inputs = new HashMap<>();
        for (Map.Entry<PlanId, Map<String, Object>> plan : figures.entrySet()) {
            PlanId id = plan.getKey();
            inputs.put(id, new Inputs(plan.getValue(), evaluations.get(id),
                    indicators.getOrDefault(id, Indicators.none()), goals.getOrDefault(id, Map.of()),
                    id.departmentWide() ? projects.getOrDefault(departmentYear(id),
                            new Projects(0, BigDecimal.ZERO, BigDecimal.ZERO)) : null));
        }
        return inputs;
    }

    /** For the department-wide plans among {@code plans}: what their department's projects spent, and their own 项目支出. */
    private Map<String, Projects> departmentProjects(String district, Collection<PlanId> plans, String keys) {
        Map<String, Projects> projects = new HashMap<>();
        if (plans.stream().noneMatch(PlanId::departmentWide)) {
            return projects;
        }
        Map<String, BigDecimal> own = new HashMap<>();
        jdbc.query("SELECT " + KEYS + ", executed FROM " + PlanKeys.MANY + " JOIN plan_budget_part USING (" + KEYS
                + ") WHERE dimension = 'class' AND part = 'PROJECT'", (ResultSet row) -> {
                    own.put(row.getString("department_id") + "/" + row.getInt("fiscal_year"),
                            row.getBigDecimal("executed"));
                }, keys);
        jdbc.query("SELECT p.department_id, p.fiscal_year, count(*) AS projects, coalesce(sum(p.executed), 0) AS "
                + "executed FROM plan p WHERE p.district = ? AND p.kind = 'PROJECT' AND (p.department_id, "
                + "p.fiscal_year) IN (SELECT k.department_id, k.fiscal_year FROM " + PlanKeys.MANY + " WHERE "
                + "k.plan_key = ?) GROUP BY p.department_id, p.fiscal_year", (ResultSet row) -> {
                    String departmentYear = row.getString(1) + "/" + row.getInt(2);
                    projects.put(departmentYear, new Projects(row.getLong(3), row.getBigDecimal(4),
                            own.getOrDefault(departmentYear, BigDecimal.ZERO)));
                }, district, keys, PlanId.DEPARTMENT_WIDE);
        return projects;
    }

    private static void indicator(ResultSet row, Indicators into) throws SQLException {
        String code = row.getString("code");
        String name = row.getString("name");
        BigDecimal weight = row.getBigDecimal("weight");
        into.levels().put(code, IndicatorLevel1.valueOf(row.getString("level1")).label());
        String actual = row.getString("actual");
        String achievement = row.getString("latest_achievement");
        into.facts().add(new IndicatorFacts(code, name, weight, RowJson.read(row.getString("target"), TargetValue.class),
                actual == null ? null : RowJson.read(actual, TargetValue.class),
                achievement == null ? null : Achievement.valueOf(achievement)));
        if (weight != null) {
            into.goalPoints().merge(row.getInt("goal"), weight, BigDecimal::add);
        }
        String addedLate = row.getString("added_at_self_evaluation");
        if (addedLate != null) {
            into.addedLate().add("indicator " + code + " " + name + " was added at the self-evaluation (自评时补充), "
                    + "not among the targets finance approved: " + addedLate);
        }
    }

    private static String departmentYear(PlanId plan) {
        return plan.department().code().value() + "/" + plan.year().value();
    }

    private static String key(Object[] key) {
        return key[0] + "/" + key[1] + "/" + key[2] + "/" + key[3];
    }

    private static String key(ResultSet row) throws SQLException {
        return row.getString("district") + "/" + row.getString("department_id") + "/" + row.getInt("fiscal_year") + "/"
                + row.getString("plan_key");
    }

    private static String key(Map<String, Object> row) {
        return row.get("district") + "/" + row.get("department_id") + "/" + ((Number) row.get("fiscal_year")).intValue()
                + "/" + row.get("plan_key");
    }
}
