package org.perfledger.query.scoring;

import org.perfledger.query.readmodel.RowJson;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.scoring.PlanFacts;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.ScoringEngine;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.Verdict;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A plan's score, computed from its read model under the district's scheme: provisional during the year (the latest
 * scheme, the latest completions and spending), final once a self-evaluation is submitted (the scheme version it was
 * submitted under). Every part explains its formula; every figure the department reported is held against the
 * recomputed one.
 */
@Component
public class Scorecards {

    private static final String KEY = PlanKeys.WHERE;

    private final JdbcTemplate jdbc;
    private final Map<String, ScoringScheme> schemes = new ConcurrentHashMap<>();
    /**
     * Provisional scorecards by what they rest on (see {@link #current}). A key names a state that never changes, so
     * entries are never stale; the bound only keeps memory in check.
     */
    private final Cache<String, ScorecardView> current = Caffeine.newBuilder().maximumSize(20_000).build();

    Scorecards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param status   {@code provisional} during the year, {@code final} for a submitted self-evaluation
     * @param reported each figure the department reported, with the recomputed one and the verdict
     */
    public record ScorecardView(String plan, String kind, int schemeVersion, int latestSchemeVersion, String status,
                         Scorecard scorecard, List<ReportedFigure> reported, boolean consistent) {
    }

    public record ReportedFigure(String figure, BigDecimal reported, BigDecimal recomputed, String verdict, String rule) {
    }

    /**
     * The plan's scorecard under the given scheme version (null: the one its self-evaluation was submitted under, else
     * the latest). Call inside {@link TenantReads#inDistrict}.
     *
     * @throws NotFoundException when the plan or the scheme does not exist
     */
    public ScorecardView compute(PlanId plan, Integer schemeVersion) {
        Object[] key = PlanKeys.of(plan);
        Map<String, Object> figures = figures(plan, key);
        EvaluationKind kind = EvaluationKind.of(plan);
        List<Map<String, Object>> evaluations = jdbc.queryForList("SELECT * FROM self_evaluation WHERE " + KEY
                + " ORDER BY round DESC LIMIT 1", key);
        Map<String, Object> evaluation = evaluations.isEmpty() ? null : evaluations.get(0);
        Integer latest = jdbc.queryForObject("SELECT max(version) FROM scoring_scheme WHERE district = ? AND "
                + "fiscal_year = ? AND kind = ?", Integer.class, key[0], key[2], kind.name());
        if (latest == null) {
            throw new NotFoundException("schemeVersion", "scheme.not-set", "district finance has not set a scoring "
                    + "scheme for " + kind.label() + " evaluations of " + plan.year());
        }
        Integer submittedUnder = evaluation == null ? null : (Integer) evaluation.get("scheme_version");
        int version = schemeVersion != null ? schemeVersion : submittedUnder != null ? submittedUnder : latest;
        ScoringScheme scheme = scheme(plan, kind, version);
        if (scheme == null) {
            throw new NotFoundException("schemeVersion", "scheme.not-found", "there is no version " + version
                    + " of the scoring scheme; the latest is " + latest);
        }

        Indicators indicators = indicators(key);
        Scorecard card = score(plan, figures, indicators, scheme);
        List<ReportedFigure> reported = evaluation == null ? List.of() : ReportedFigures.of(evaluation, card,
                indicators.facts(), scheme, indicators.levels(), figures);
        return new ScorecardView(plan.aggregateId(), kind.name(), version, latest,
                evaluation == null ? "provisional" : "final", card, reported,
                reported.stream().noneMatch(figure -> figure.verdict().equals(Verdict.Kind.DIFFERENT.name())
                        || figure.verdict().equals(Verdict.Kind.CANNOT_CHECK.name())));
    }

    /**
     * The plan's scorecard under a scheme that is not (yet) set: how its score would come out, for finance's preview of
     * a new version. Call inside {@link TenantReads#inDistrict}.
     *
     * @throws NotFoundException when the plan does not exist
     */
    public Scorecard preview(PlanId plan, ScoringScheme scheme) {
        Object[] key = PlanKeys.of(plan);
        return score(plan, figures(plan, key), indicators(key), scheme);
    }

    /** The plan's budget figures as scoring and the printed checks read them. */
    private Map<String, Object> figures(PlanId plan, Object[] key) {
        List<Map<String, Object>> plans = jdbc.queryForList(
                "SELECT initial_budget, adjusted_budget, received, executed, budget_unstated FROM plan WHERE " + KEY, key);
        if (plans.isEmpty()) {
            throw new NotFoundException("plan", "plan.not-found", "no " + plan.year() + " plan " + plan + " is known");
        }
        return plans.get(0);
    }

    /**
     * The plan's indicators as scoring reads them, from one read of its indicator rows.
     *
     * @param levels     code → its 一级指标 as the tables print it
     * @param goalPoints goal → what its indicators' 分值 add up to (goals with none set absent)
     * @param addedLate  the flags of indicators added at the self-evaluation, in their order
     */
    private record Indicators(List<IndicatorFacts> facts, Map<String, String> levels, Map<Integer, BigDecimal> goalPoints,
                              List<String> addedLate) {
    }

    private Indicators indicators(Object[] key) {
        Indicators read = new Indicators(new ArrayList<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>());
        jdbc.query("SELECT code, name, weight, target_value::text, latest_actual_value::text, latest_achievement, "
                + "level1, goal, added_at_self_evaluation FROM indicator WHERE " + KEY + " ORDER BY position",
                (ResultSet row) -> {
                    String code = row.getString(1);
                    BigDecimal weight = row.getBigDecimal(3);
                    read.levels().put(code, IndicatorLevel1.valueOf(row.getString(7)).label());
                    read.facts().add(new IndicatorFacts(code, row.getString(2), weight,
                            RowJson.read(row.getString(4), TargetValue.class),
                            row.getString(5) == null ? null : RowJson.read(row.getString(5), TargetValue.class),
                            row.getString(6) == null ? null : Achievement.valueOf(row.getString(6))));
                    if (weight != null) {
                        read.goalPoints().merge(row.getInt(8), weight, BigDecimal::add);
                    }
                    if (row.getString(9) != null) {
                        read.addedLate().add("indicator " + code + " " + row.getString(2) + " was added at the "
                                + "self-evaluation (自评时补充), not among the targets finance approved: "
                                + row.getString(9));
                    }
                }, key);
        return read;
    }

    private Scorecard score(PlanId plan, Map<String, Object> figures, Indicators indicators, ScoringScheme scheme) {
        PlanFacts facts = new PlanFacts(money(figures.get("initial_budget")), money(figures.get("adjusted_budget")),
                money(figures.get("executed")), indicators.facts(), Boolean.TRUE.equals(figures.get("budget_unstated")));
        // a plan the scheme names is scored on its own layout (another template, another budget base), and says so
        ScoringScheme own = scheme.forPlan(plan.department().code().value(), PlanKeys.planKey(plan));
        Scorecard card = ScoringEngine.score(facts, own);
        List<String> flags = new ArrayList<>();
        if (own != scheme) {
            flags.add("scored on this plan's own layout (执行率 " + own.execution().weight()
                    .stripTrailingZeros().toPlainString() + " 分 over " + card.execution().base() + "): " + own.source());
        }
        flags.addAll(indicators.addedLate());
        // a goal printed with points of its own whose indicators' 分值 add up to something else
        jdbc.query("SELECT number, weight FROM goal WHERE " + KEY + " AND weight IS NOT NULL ORDER BY number",
                (ResultSet goal) -> {
                    BigDecimal points = indicators.goalPoints().get(goal.getInt(1));
                    if (points != null && points.compareTo(goal.getBigDecimal(2)) != 0) {
                        flags.add("年度目标" + goal.getInt(1) + " is printed at "
                                + goal.getBigDecimal(2).stripTrailingZeros().toPlainString()
                                + " points, but its indicators' 分值 add up to "
                                + points.stripTrailingZeros().toPlainString());
                    }
                }, PlanKeys.of(plan));
        card = withFlags(card, flags);
        return plan.departmentWide() ? withProjectsCheck(card, plan) : card;
    }

    private static Scorecard withFlags(Scorecard card, List<String> more) {
        if (more.isEmpty()) {
            return card;
        }
        List<String> flags = new ArrayList<>(card.flags());
        flags.addAll(more);
        return new Scorecard(card.execution(), card.indicators(), card.total(), card.maxTotal(), card.grade(), flags,
                card.unweighted());
    }

    /**
     * What the plans of some rows of the plan table rest on, for {@link #current}: the latest scheme version of each
     * year and kind of the district (one query), and from one pass over the rows each plan's version and, per
     * department and year, the number of its projects and the sum of their versions.
     *
     * @param plans rows of the plan table of the district
     */
    public Foundations foundations(String district, List<Map<String, Object>> plans) {
        Foundations foundations = new Foundations();
        jdbc.query("SELECT fiscal_year, kind, max(version) FROM scoring_scheme WHERE district = ? GROUP BY fiscal_year, "
                + "kind", row -> {
                    foundations.latestSchemes.put(row.getInt(1) + "/" + row.getString(2), row.getInt(3));
                }, district);
        for (Map<String, Object> row : plans) {
            String departmentYear = row.get("department_id") + "/" + ((Number) row.get("fiscal_year")).intValue();
            long version = ((Number) row.get("version")).longValue();
            foundations.versions.put(departmentYear + "/" + row.get("plan_key"), version);
            if ("PROJECT".equals(row.get("kind"))) {
                long[] projects = foundations.projects.computeIfAbsent(departmentYear, key -> new long[2]);
                projects[0]++;
                projects[1] += version;
            }
        }
        return foundations;
    }

    /** See {@link #foundations}. */
    public static final class Foundations {
        /** "year/KIND" → the latest scheme version. */
        private final Map<String, Integer> latestSchemes = new HashMap<>();
        private final Map<String, Long> versions = new HashMap<>();
        private final Map<String, long[]> projects = new HashMap<>();

        private Foundations() {
        }
    }

    /**
     * The plan's scorecard under the version in force, as {@link #compute compute(plan, null)}, remembered for as
     * long as nothing it rests on changes: the plan's version, the latest scheme of its year and kind, and for a
     * department-wide plan its department's projects of the year (their number and versions, so the scorecard is
     * computed again when one of its projects changes). An overview of hundreds of plans then reads the plan table
     * once and scores only what changed.
     *
     * @param foundations {@link #foundations} of rows holding at least the plan's department and year
     * @return null when no scheme is set for the plan's year and kind
     */
    public ScorecardView current(PlanId plan, Foundations foundations) {
        EvaluationKind kind = EvaluationKind.of(plan);
        Integer scheme = foundations.latestSchemes.get(plan.year().value() + "/" + kind.name());
        if (scheme == null) {
            return null;
        }
        String departmentYear = plan.department().code().value() + "/" + plan.year().value();
        long version = foundations.versions.getOrDefault(departmentYear + "/" + PlanKeys.planKey(plan), -1L);
        String rests = plan.aggregateId() + "@" + version + "|scheme " + scheme;
        if (plan.departmentWide()) {
            long[] projects = foundations.projects.getOrDefault(departmentYear, new long[2]);
            rests += "|projects " + projects[0] + "/" + projects[1];
        }
        return current.get(rests, ignored -> compute(plan, null));
    }

    /**
     * A version of a scheme, read once: versions never change once set, so an overview scoring many plans parses
     * each version one time. Null when the version does not exist.
     */
    private ScoringScheme scheme(PlanId plan, EvaluationKind kind, int version) {
        String cacheKey = plan.district() + "/" + plan.year() + "/" + kind + "/" + version;
        ScoringScheme cached = schemes.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        List<String> found = jdbc.queryForList("SELECT scheme::text FROM scoring_scheme WHERE district = ? AND "
                + "fiscal_year = ? AND kind = ? AND version = ?", String.class, plan.district().value(),
                plan.year().value(), kind.name(), version);
        if (found.isEmpty()) {
            return null;
        }
        ScoringScheme scheme = RowJson.read(found.get(0), ScoringScheme.class);
        schemes.put(cacheKey, scheme);
        return scheme;
    }

    /**
     * A department-wide plan's 项目支出 should be what its projects spent. Where the department has projects on
     * PerfLedger and the two differ, the scorecard says so.
     */
    private Scorecard withProjectsCheck(Scorecard card, PlanId plan) {
        Map<String, Object> projects = jdbc.queryForMap("SELECT count(*) AS projects, coalesce(sum(executed), 0) "
                + "AS executed FROM plan WHERE district = ? AND department_id = ? AND fiscal_year = ? AND kind = 'PROJECT'",
                plan.district().value(), plan.department().code().value(), plan.year().value());
        long count = ((Number) projects.get("projects")).longValue();
        if (count == 0) {
            return card;
        }
        BigDecimal byProjects = (BigDecimal) projects.get("executed");
        List<BigDecimal> own = jdbc.queryForList("SELECT executed FROM plan_budget_part WHERE " + KEY
                + " AND dimension = 'class' AND part = 'PROJECT'", BigDecimal.class, PlanKeys.of(plan));
        BigDecimal projectSpending = own.isEmpty() ? BigDecimal.ZERO : own.get(0);
        if (projectSpending.compareTo(byProjects) == 0) {
            return card;
        }
        return withFlags(card, List.of("项目支出 " + projectSpending.toPlainString() + " of the department-wide plan differs from "
                + "the " + byProjects.toPlainString() + " its " + count + " projects spent (by "
                + projectSpending.subtract(byProjects).toPlainString() + ")"));
    }

    private static WanYuan money(Object value) {
        return new WanYuan((BigDecimal) value);
    }

}
