package org.perfledger.query.disclosure;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.query.external.EvaluationViews;
import org.perfledger.query.external.EvaluationViews.EvaluationView;
import org.perfledger.query.external.EvaluationViews.Scores;
import org.perfledger.query.figures.DistrictNames;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.replay.AsOfReads;
import org.perfledger.query.replay.EventStoreReader;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a district has published (绩效信息公开), and nothing else: the plans whose self-evaluation finance published,
 * with their budget as approved, adjusted and executed, the final score and grade, the day and channels of
 * publication, and the district's chain head of that day, which anyone who kept it can compare with the chain; and
 * the evaluations (部门评价, 财政重点评价) their commissioners published, likewise.
 */
@Component
public class PublishedPlans {

    private static final Logger log = LoggerFactory.getLogger(PublishedPlans.class);

    /**
     * The district's chain head at the end of the publication day ({@code dayOver} false: the day is not over, and
     * this is the head so far); null where the chain cannot be read.
     */
    public record DayHead(LocalDate day, boolean dayOver, Long position, String hash) {
    }

    public record PublishedPlan(String department, String departmentName, String plan, String name, String kind,
                                WanYuan approved, WanYuan adjusted, WanYuan executed, BigDecimal executionRate,
                                BigDecimal score, String grade, LocalDate publishedOn, String channels,
                                DayHead chainHead) {
    }

    /**
     * A published evaluation (部门评价 or 财政重点评价): its type and agency (the evaluator's name and user id stay
     * inside), the spending it verified, its score and grade under the scheme of evaluations, the self-evaluation's
     * score beside it, what it found, and its day of publication with that day's chain head.
     *
     * @param planPublished whether the plan's self-evaluation is published too (its page is public)
     */
    public record PublishedEvaluation(String department, String departmentName, String plan, String name,
                                      boolean planPublished, int number, String type, String typeLabel,
                                      String agency, WanYuan executed, BigDecimal score, String grade,
                                      BigDecimal selfScore, String selfGrade, BigDecimal difference,
                                      List<VerifiedLine> verified, String findings, String problems,
                                      String suggestions, LocalDate publishedOn, String channels, DayHead chainHead) {
    }

    /** An indicator as the evaluator verified it. */
    public record VerifiedLine(String indicator, String actual, String achievement, String note) {
    }

    public record PublishedYear(String district, String districtName, int year, List<PublishedPlan> plans,
                                List<PublishedEvaluation> evaluations) {
    }

    /** A line of the published 自评表: the indicator as approved, its actual and its final score. */
    public record Line(String code, String level1, String level2, String name, BigDecimal weight, String target,
                       String actual, BigDecimal score) {
    }

    public record PublishedDetail(PublishedPlan plan, List<Line> indicators, List<PublishedEvaluation> evaluations) {
    }

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final AsOfReads days;
    private final PlanFigures figures;
    private final DistrictNames names;
    private final EventStoreReader store;
    private final EvaluationViews evaluations;

    PublishedPlans(JdbcTemplate jdbc, TenantReads reads, AsOfReads days, PlanFigures figures, DistrictNames names,
                   EventStoreReader store, EvaluationViews evaluations) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.days = days;
        this.figures = figures;
        this.names = names;
        this.store = store;
        this.evaluations = evaluations;
    }

    /**
     * The years the district published in: how many self-evaluations and how many evaluations each; a year with only
     * one kind published counts 0 of the other. Both empty for a district that published nothing.
     */
    public record Years(Map<Integer, Integer> selfEvaluations, Map<Integer, Integer> evaluations) {
    }

    public Years years(String district) {
        return reads.inDistrict(district, () -> {
            Map<Integer, Integer> plans = new TreeMap<>();
            jdbc.query("SELECT fiscal_year, count(*) FROM plan WHERE district = ? AND phase = 'PUBLISHED' "
                    + "GROUP BY fiscal_year", (row, n) -> plans.put(row.getInt(1), row.getInt(2)), district);
            Map<Integer, Integer> evaluated = new TreeMap<>(evaluations.publishedYears(district));
            evaluated.keySet().forEach(year -> plans.putIfAbsent(year, 0));
            plans.keySet().forEach(year -> evaluated.putIfAbsent(year, 0));
            return new Years(plans, evaluated);
        });
    }

    /** The year as its path names it; 404 for a year that is none, as for one with nothing published. */
    public PublishedYear year(String district, String year) {
        try {
            return year(district, FiscalYear.parse(year));
        } catch (InvalidValueException e) {
            throw new NotFoundException("year", "public.nothing-published", "no such year: " + e.getMessage());
        }
    }

    /**
     * The year's published plans, in department and plan order, and its published evaluations; 404 when the district
     * published nothing that year.
     */
    public PublishedYear year(String district, FiscalYear year) {
        PublishedYear published = reads.inDistrict(district, () -> {
            DistrictNames.Names named = names.of(district);
            List<Map<String, Object>> plans = figures.plans(district, year, null).stream()
                    .filter(plan -> PlanPhase.PUBLISHED.name().equals(plan.get("phase"))).toList();
            List<ScorecardView> cards = figures.scorecards(district, plans);
            Map<String, Object[]> publications = new HashMap<>();
            jdbc.query("SELECT department_id || '/' || plan_key, published_at, published_channels FROM self_evaluation "
                    + "WHERE district = ? AND fiscal_year = ? AND published_channels IS NOT NULL",
                    (row, n) -> publications.put(row.getString(1), new Object[] {row.getTimestamp(2) == null ? null
                            : row.getTimestamp(2).toInstant(), row.getString(3)}), district, year.value());
            // one chain head a publication day, read from the event store
            Map<LocalDate, DayHead> heads = new HashMap<>();
            List<PublishedEvaluation> evaluated = published(district, evaluations.published(district, year.value()),
                    plans, heads);
            List<PublishedPlan> rows = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                Map<String, Object> plan = plans.get(i);
                String department = (String) plan.get("department_id");
                Object[] publication = publications.getOrDefault(department + "/" + plan.get("plan_key"),
                        new Object[2]);
                LocalDate day = publication[0] == null ? null : days.day((Instant) publication[0]);
                WanYuan adjusted = PlanFigures.money(plan.get("adjusted_budget"));
                WanYuan executed = PlanFigures.money(plan.get("executed"));
                rows.add(new PublishedPlan(department, named.department(department), (String) plan.get("plan_key"),
                        (String) plan.get("name"), (String) plan.get("kind"),
                        PlanFigures.money(plan.get("initial_budget")), adjusted, executed,
                        PlanFigures.rate(executed, adjusted), PlanFigures.score(cards.get(i)),
                        PlanFigures.grade(cards.get(i)), day, (String) publication[1],
                        day == null ? null : heads.computeIfAbsent(day, on -> head(district, on))));
            }
            return new PublishedYear(district, named.district(), year.value(), rows, evaluated);
        });
        if (published.plans().isEmpty() && published.evaluations().isEmpty()) {
            throw new NotFoundException("year", "public.nothing-published", "the district published nothing for "
                    + year);
        }
        return published;
    }

    /** That the plan is published: 404, as for a plan that is not there, when it is not. */
    public void requirePublished(String district, PlanId id) {
        List<String> phase = reads.inDistrict(district, () -> jdbc.queryForList("SELECT phase FROM plan WHERE "
                + PlanKeys.WHERE, String.class, PlanKeys.of(id)));
        if (!phase.contains(PlanPhase.PUBLISHED.name())) {
            throw notPublished(id);
        }
    }

    /** One published plan of the year; 404 for a plan that is not published (or not there: the same answer). */
    public PublishedPlan plan(String district, PlanId id) {
        return plan(year(district, id.year()), id);
    }

    private static PublishedPlan plan(PublishedYear year, PlanId id) {
        String key = id.departmentWide() ? PlanId.DEPARTMENT_WIDE : id.project();
        return year.plans().stream()
                .filter(plan -> plan.department().equals(id.department().code().value()) && plan.plan().equals(key))
                .findFirst().orElseThrow(() -> notPublished(id));
    }

    private static NotFoundException notPublished(PlanId id) {
        return new NotFoundException("plan", "public.not-published", "no published " + id.year() + " plan " + id);
    }

    /** A published plan with the lines of its 自评表; 404 for a plan that is not published. */
    public PublishedDetail detail(String district, PlanId id) {
        PublishedYear year = year(district, id.year());
        PublishedPlan plan = plan(year, id);
        ScorecardView card = reads.inDistrict(district, () -> figures.scorecard(id));
        Map<String, BigDecimal> scores = new HashMap<>();
        if (card != null) {
            card.scorecard().indicators().forEach(line -> scores.put(line.code(), line.score()));
        }
        List<Line> lines = reads.inDistrict(district, () -> jdbc.query("SELECT code, level1, level2, name, weight, "
                + "target_text, latest_actual_text FROM indicator WHERE " + PlanKeys.WHERE + " ORDER BY position",
                (row, n) -> new Line(row.getString(1), IndicatorLevel1.valueOf(row.getString(2)).label(),
                        IndicatorLevel2.valueOf(row.getString(3)).label(), row.getString(4), row.getBigDecimal(5),
                        row.getString(6), row.getString(7), scores.get(row.getString(1))), PlanKeys.of(id)));
        return new PublishedDetail(plan, lines, year.evaluations().stream()
                .filter(evaluation -> evaluation.department().equals(plan.department())
                        && evaluation.plan().equals(plan.plan())).toList());
    }

    /** The evaluations published, each with the chain head of its publication day. */
    private List<PublishedEvaluation> published(String district, List<EvaluationView> views,
                                                List<Map<String, Object>> publishedPlans, Map<LocalDate, DayHead> heads) {
        Set<String> plansPublished = new HashSet<>();
        publishedPlans.forEach(plan -> plansPublished.add(plan.get("department_id") + "/" + plan.get("plan_key")));
        List<PublishedEvaluation> published = new ArrayList<>(views.size());
        for (EvaluationView view : views) {
            LocalDate day = days.day(view.publishedAt());
            Scores scores = Scores.of(view);
            published.add(new PublishedEvaluation(view.department(), view.departmentName(), view.planKey(),
                    view.planName(), plansPublished.contains(view.department() + "/" + view.planKey()),
                    view.number(), view.type().code(), view.type().label(), view.agency(),
                    view.executed() == null ? null : new WanYuan(view.executed()), scores.score(), scores.grade(),
                    scores.selfScore(), scores.selfGrade(), scores.difference(),
                    view.verified().stream().map(line -> new VerifiedLine(line.indicator().value(),
                            line.actual() == null ? null : line.actual().text(),
                            line.achievement() == null ? null : line.achievement().label(), line.note())).toList(),
                    view.findings(), view.problems(), view.suggestions(), day, view.publishedChannels(),
                    heads.computeIfAbsent(day, on -> head(district, on))));
        }
        return published;
    }

    private DayHead head(String district, LocalDate day) {
        Instant end = days.startOf(day.plusDays(1));
        boolean over = !end.isAfter(Instant.now());
        try {
            return store.chainHead(district, over ? end : Instant.now())
                    .map(head -> new DayHead(day, over, head.position(), head.hash()))
                    .orElse(new DayHead(day, over, null, null));
        } catch (DataAccessException e) {
            // the figures stay public; the head is shown as not known rather than the page failing
            log.warn("the chain head of {} on {} cannot be read: {}", district, day, e.getMessage());
            return new DayHead(day, over, null, null);
        }
    }
}
