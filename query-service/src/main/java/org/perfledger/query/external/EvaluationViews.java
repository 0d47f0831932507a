package org.perfledger.query.external;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.external.Divergence;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.external.VerifiedFacts;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.query.external.EvaluationRows.Row;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.scoring.Scorecards;
import org.springframework.stereotype.Component;

/**
 * Each evaluation as its readers see it: who evaluates, what they verified and found, its score and grade by the
 * scoring engine under the scheme of evaluations it was reported under, and beside it the self-evaluation's, with
 * the difference and whether it is large ({@link Divergence}).
 */
@Component
public class EvaluationViews {

    private final Scorecards scorecards;
    private final EvaluationRows rows;

    EvaluationViews(Scorecards scorecards, EvaluationRows rows) {
        this.scorecards = scorecards;
        this.rows = rows;
    }

    /**
     * @param scorecard  the evaluation's score, once reported (null before)
     * @param divergence beside the self-evaluation's score; null before the report, or while the plan's own kind has
     *                   no scheme set
     * @param yours      the reader is the evaluator it was commissioned from: theirs to report
     */
    public record EvaluationView(String plan, String department, String departmentName, int year, String planKey,
                                 String planName, int number, Coded type, String evaluator, String evaluatorName,
                                 String agency, LocalDate due, String focus, Instant commissionedAt,
                                 String commissionedBy, String status, Integer schemeVersion, BigDecimal executed,
                                 List<VerifiedIndicator> verified, String findings, String problems,
                                 String suggestions, Instant reportedAt, String returnReason, String decisionNote,
                                 Instant decidedAt, String decidedBy, String publishedChannels, Instant publishedAt,
                                 Scorecard scorecard, Divergence divergence, boolean yours) {
    }

    /** A value with its code and its label in Chinese. */
    public record Coded(String code, String label) {
    }

    /**
     * An evaluation's score and grade (its label) beside the self-evaluation's, as reports and the public pages print
     * them: null where it is not reported yet, where an indicator has no 分值, or where the plan's own kind has no
     * scheme.
     */
    public record Scores(BigDecimal score, String grade, BigDecimal selfScore, String selfGrade,
                         BigDecimal difference, boolean large) {

        public static Scores of(EvaluationView view) {
            Scorecard card = view.scorecard();
            Divergence beside = view.divergence();
            return new Scores(card == null ? null : card.recomputedTotal(),
                    card == null || card.recomputedGrade() == null ? null : card.recomputedGrade().label(),
                    beside == null ? null : beside.selfTotal(),
                    beside == null || beside.selfGrade() == null ? null : beside.selfGrade().label(),
                    beside == null ? null : beside.difference(), beside != null && beside.large());
        }
    }

    /** The year's 财政重点评价 of the district, by due day. Call inside the district's tenant scope. */
    public List<EvaluationView> keyEvaluations(String district, int year) {
        return views(district, rows.visible(district, year, null, null).stream()
                .filter(row -> row.type().equals(EvaluationType.FINANCE_KEY.name())).toList(), null);
    }

    /** The year's evaluations the district published, scored. Call inside the district's tenant scope. */
    public List<EvaluationView> published(String district, int year) {
        return views(district, rows.published(district, year), null);
    }

    /** The years of the district with evaluations published, with how many each. Call inside its tenant scope. */
    public Map<Integer, Integer> publishedYears(String district) {
        return rows.publishedYears(district);
    }

    /**
     * The evaluations as {@code reader} (their subject) reads them, those reported scored together
     * ({@link Scorecards#beside}). Call inside the district's tenant scope.
     */
    List<EvaluationView> views(String district, List<Row> rows, String reader) {
        List<Scorecards.Verified> reported = new ArrayList<>();
        for (Row row : rows) {
            if (row.reported()) {
                WanYuan executed = row.executed() == null ? null : new WanYuan(row.executed());
                reported.add(new Scorecards.Verified(plan(district, row), row.schemeVersion(),
                        facts -> VerifiedFacts.of(facts, executed, row.verified())));
            }
        }
        Iterator<Scorecards.Beside> scored = scorecards.beside(reported).iterator();
        List<EvaluationView> views = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Scorecards.Beside beside = row.reported() ? scored.next() : null;
            views.add(view(district, row, reader, beside));
        }
        return views;
    }

    private static PlanId plan(String district, Row row) {
        return PlanKeys.fromPath(district, row.department(), String.valueOf(row.year()),
                PlanId.DEPARTMENT_WIDE.equals(row.planKey()) ? null : row.planKey());
    }

    private static EvaluationView view(String district, Row row, String reader, Scorecards.Beside beside) {
        Scorecard card = beside == null ? null : beside.evaluation();
        Divergence divergence = beside == null || beside.self() == null ? null
                : Divergence.of(beside.self(), beside.evaluation());
        EvaluationType type = EvaluationType.valueOf(row.type());
        return new EvaluationView(plan(district, row).aggregateId(), row.department(), row.departmentName(),
                row.year(), row.planKey(), row.planName(), row.number(), new Coded(type.name(), type.label()),
                row.evaluator(), row.evaluatorName(), row.agency(), row.due(), row.focus(), row.commissionedAt(),
                row.commissionedBy(), row.status(), row.schemeVersion(), row.executed(), row.verified(),
                row.findings(), row.problems(), row.suggestions(), row.reportedAt(), row.returnReason(),
                row.decisionNote(), row.decidedAt(), row.decidedBy(), row.publishedChannels(), row.publishedAt(), card,
                divergence, row.evaluator().equals(reader));
    }
}
