package org.perfledger.query.scoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.PlanFacts;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.Verdict;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.readmodel.RowJson;
import org.perfledger.query.replay.ReadModelRebuilds.ReadModelsRebuilding;
import org.perfledger.query.scoring.ScoringInputs.Inputs;
import org.springframework.context.event.EventListener;
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

    private final JdbcTemplate jdbc;
    private final ScoringInputs inputs;
    private final Map<String, ScoringScheme> schemes = new ConcurrentHashMap<>();
    /**
     * Provisional scorecards by what they rest on (see {@link #current}). A key names a state that never changes, so
     * entries are never stale; the bound only keeps memory in check.
     */
    private final Cache<String, ScorecardView> current = Caffeine.newBuilder().maximumSize(20_000).build();

    Scorecards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.inputs = new ScoringInputs(jdbc);
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
        Inputs inputs = known(plan, this.inputs.one(plan));
        EvaluationKind kind = EvaluationKind.of(plan);
        Integer latest = latestVersion(plan, kind);
        if (latest == null) {
            throw new NotFoundException("schemeVersion", "scheme.not-set", "district finance has not set a scoring "
                    + "scheme for " + kind.label() + " evaluations of " + plan.year());
        }
        return view(plan, inputs, schemeVersion, latest);
    }

    /** The latest version of the district's scheme of the year and kind; null while none is set. */
    private Integer latestVersion(PlanId plan, EvaluationKind kind) {
        return jdbc.queryForObject("SELECT max(version) FROM scoring_scheme WHERE district = ? AND fiscal_year = ? AND "
                + "kind = ?", Integer.class, plan.district().value(), plan.year().value(), kind.name());
    }

    /** The scorecard from the plan's inputs, under {@code schemeVersion} (null: as {@link #compute}). */
    private ScorecardView view(PlanId plan, Inputs inputs, Integer schemeVersion, int latest) {
        EvaluationKind kind = EvaluationKind.of(plan);
        Map<String, Object> evaluation = inputs.evaluation();
        Integer submittedUnder = evaluation == null ? null : (Integer) evaluation.get("scheme_version");
        int version = schemeVersion != null ? schemeVersion : submittedUnder != null ? submittedUnder : latest;
        ScoringScheme scheme = scheme(plan, kind, version);
        if (scheme == null) {
            throw new NotFoundException("schemeVersion", "scheme.not-found", "there is no version " + version
                    + " of the scoring scheme; the latest is " + latest);
        }
        Scorecard card = PlanScoring.score(plan, inputs, scheme);
        List<ReportedFigure> reported = evaluation == null ? List.of() : ReportedFigures.of(evaluation, card,
                inputs.indicators().facts(), scheme, inputs.indicators().levels(), inputs.figures());
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
        return PlanScoring.score(plan, known(plan, inputs.one(plan)), scheme);
    }

    /** @throws NotFoundException when the plan's inputs are not there: the plan is not in the read model */
    private static Inputs known(PlanId plan, Inputs inputs) {
        if (inputs == null) {
            throw new NotFoundException("plan", "plan.not-found", "no " + plan.year() + " plan " + plan + " is known");
        }
        return inputs;
    }

    /**
     * An evaluation (部门评价, 财政重点评价) to score: the plan, the version of the district's scheme of evaluations it
     * was reported under, and how the evaluator's verified figures replace the plan's own.
     */
    public record Verified(PlanId plan, int schemeVersion, UnaryOperator<PlanFacts> facts) {
    }

    /**
     * An evaluation's score, and beside it the plan's self-evaluation scorecard as {@link #compute compute(plan,
     * null)} gives it, or null while the plan's kind has no scheme set.
     */
    public record Beside(Scorecard evaluation, Scorecard self) {
    }

    /**
     * Evaluations scored, each beside its plan's self-evaluation, in their order. The plans' figures are read once
     * for all of them, in a few queries whatever their number. Call inside {@link TenantReads#inDistrict}.
     *
     * @param evaluations evaluations of plans of one district
     * @throws NotFoundException when a plan or a version of the scheme of evaluations does not exist
     */
    public List<Beside> beside(List<Verified> evaluations) {
        Map<PlanId, Inputs> read = inputs.many(evaluations.stream().map(Verified::plan).distinct().toList());
        Map<String, Optional<Integer>> latest = new HashMap<>();
        List<Beside> scored = new ArrayList<>(evaluations.size());
        for (Verified evaluation : evaluations) {
            PlanId plan = evaluation.plan();
            Inputs inputs = known(plan, read.get(plan));
            ScoringScheme scheme = scheme(plan, EvaluationKind.EXTERNAL, evaluation.schemeVersion());
            if (scheme == null) {
                throw new NotFoundException("schemeVersion", "scheme.not-found", "there is no version "
                        + evaluation.schemeVersion() + " of the scheme of evaluations of " + plan.year());
            }
            EvaluationKind kind = EvaluationKind.of(plan);
            Optional<Integer> version = latest.computeIfAbsent(plan.year().value() + "/" + kind,
                    key -> Optional.ofNullable(latestVersion(plan, kind)));
            scored.add(new Beside(PlanScoring.score(plan, inputs, scheme, evaluation.facts()),
                    version.map(at -> view(plan, inputs, null, at).scorecard()).orElse(null)));
        }
        return scored;
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
     * The scorecards of many plans of one district under the version in force, in their order, each as
     * {@link #compute compute(plan, null)}, remembered for as long as nothing it rests on changes: the plan's version,
     * the latest scheme of its year and kind, and for a department-wide plan its department's projects of the year
     * (their number and versions, so the scorecard is computed again when one of its projects changes). An overview of
     * hundreds of plans then reads the plan table once and scores only what changed; the plans not remembered are
     * scored together, their inputs read in a few queries whatever their number.
     *
     * @param foundations {@link #foundations} of rows holding at least the plans' departments and years
     * @return null for a plan whose year and kind have no scheme set
     */
    public List<ScorecardView> current(List<PlanId> plans, Foundations foundations) {
        List<ScorecardView> cards = new ArrayList<>(plans.size());
        Map<PlanId, String> missing = new LinkedHashMap<>();
        for (PlanId plan : plans) {
            String rests = rests(plan, foundations);
            ScorecardView card = rests == null ? null : current.getIfPresent(rests);
            if (card == null && rests != null) {
                missing.put(plan, rests);
            }
            cards.add(card);
        }
        if (missing.isEmpty()) {
            return cards;
        }
        Map<PlanId, Inputs> read = inputs.many(missing.keySet());
        for (int i = 0; i < plans.size(); i++) {
            PlanId plan = plans.get(i);
            String rests = missing.get(plan);
            if (rests == null) {
                continue;
            }
            ScorecardView card = view(plan, known(plan, read.get(plan)), null,
                    foundations.latestSchemes.get(plan.year().value() + "/" + EvaluationKind.of(plan).name()));
            current.put(rests, card);
            cards.set(i, card);
        }
        return cards;
    }

    /** What a plan's provisional scorecard rests on, as its key among those remembered; null: no scheme is set. */
    private static String rests(PlanId plan, Foundations foundations) {
        Integer scheme = foundations.latestSchemes.get(plan.year().value() + "/" + EvaluationKind.of(plan).name());
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
        return rests;
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

    /** A rebuild needs the memory: what is remembered goes, and comes back as it is read again. */
    @EventListener(ReadModelsRebuilding.class)
    void forget() {
        current.invalidateAll();
    }
}
