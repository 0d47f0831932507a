package org.perfledger.query.congress;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.query.external.EvaluationViews;
import org.perfledger.query.external.EvaluationViews.EvaluationView;
import org.perfledger.query.external.EvaluationViews.Scores;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.security.Caller;
import org.perfledger.query.figures.DistrictNames;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.overview.OverviewRows;
import org.perfledger.query.overview.OverviewRows.OverviewRow;
import org.perfledger.query.platform.ForbiddenException;
import org.perfledger.query.platform.PathYear;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The district's report of a year for the people's congress (人大): how many plans were evaluated and how they were
 * graded, the key evaluations (every plan finance accepted, largest budget first), the use of their results
 * (finance's latest proposal for each plan) and the rectification items not yet closed.
 */
@Component
public class CongressReports {

    /** The year at a glance. {@code grades}: label → how many evaluated plans have it (final grades only). */
    public record Summary(int plans, int evaluated, Map<String, Integer> grades, WanYuan adjustedBudget,
                          WanYuan executed, BigDecimal executionRate, int proposals, int proposalsCutting,
                          int openRectifications, int lateRectifications) {
    }

    public record Evaluation(String department, String departmentName, String plan, String name, String phase,
                      WanYuan adjustedBudget, WanYuan executed, BigDecimal executionRate, BigDecimal score,
                      String grade, String status) {
    }

    /** Finance's latest proposal for a plan: the grade, the action in words, this year's budget and next year's. */
    public record Proposal(String department, String departmentName, String plan, String name, String grade, String action,
                    BigDecimal base, BigDecimal proposed, String overrideReason) {
    }

    public record Rectification(String department, String departmentName, String plan, String name, int number, String issue,
                         String owner, LocalDate deadline, String status, boolean late) {
    }

    /**
     * A 财政重点评价 of the year: by whom, where it stands, its score and grade (once reported) and the self-evaluation's
     * beside it, with the difference and whether it is large.
     */
    public record KeyEvaluation(String department, String departmentName, String plan, String name, int number,
                                String evaluator, String agency, String status, BigDecimal score, String grade,
                                BigDecimal selfScore, String selfGrade, BigDecimal difference, boolean large) {
    }

    public record CongressReport(String district, String districtName, int year, LocalDate asOf, Summary summary,
                          List<Evaluation> evaluations, List<KeyEvaluation> keyEvaluations, List<Proposal> proposals,
                          List<Rectification> rectifications) {
    }

    private static final List<String> EVALUATED = List.of(PlanPhase.SELF_EVALUATION_ACCEPTED.name(),
            PlanPhase.PUBLISHED.name());

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;
    private final OverviewRows overview;
    private final PlanFigures figures;
    private final DistrictNames names;
    private final EvaluationViews external;

    CongressReports(JdbcTemplate jdbc, TenantReads reads, ReadAccess access, OverviewRows overview,
                    PlanFigures figures, DistrictNames names, EvaluationViews external) {
        this.names = names;
        this.external = external;
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.overview = overview;
        this.figures = figures;
    }

    /**
     * The report of the year the path names, as it stands today, for district finance and auditors, who read the whole
     * district: a department's staff are refused (403).
     */
    public CongressReport report(String district, String pathYear) {
        Caller reader = access.requireDistrict(district);
        if (!reader.readsWholeDistrict()) {
            throw new ForbiddenException("the report to the people's congress covers the whole district: district "
                    + "finance and auditors read it");
        }
        return report(district, PathYear.of(district, pathYear), reader);
    }

    private CongressReport report(String district, FiscalYear year, Caller reader) {
        LocalDate day = figures.day(year, null, null);
        List<OverviewRow> rows = overview.rows(district, year, reader, null, day);
        return reads.inDistrict(district, () -> {
            DistrictNames.Names named = names.of(district);
            Map<String, String> departments = named.departments();
            List<Evaluation> evaluations = rows.stream().filter(row -> EVALUATED.contains(row.phase()))
                    .sorted(Comparator.comparing(OverviewRow::adjustedBudget,
                            Comparator.comparing(WanYuan::amount)).reversed())
                    .map(row -> new Evaluation(row.department(), departments.get(row.department()), row.plan(), row.name(),
                            row.phase(), row.adjustedBudget(), row.executed(), row.executionRate(), row.score(),
                            row.grade(), row.status())).toList();
            List<Proposal> proposals = jdbc.query("""
                    SELECT DISTINCT ON (b.department_id, b.plan_key) b.department_id, b.plan_key, p.name, b.grade,
                           b.action, b.base, b.proposed, b.override_reason
                      FROM budget_proposal b
                      JOIN plan p ON p.district = b.district AND p.department_id = b.department_id
                                 AND p.fiscal_year = b.fiscal_year AND p.plan_key = b.plan_key
                     WHERE b.district = ? AND b.fiscal_year = ?
                     ORDER BY b.department_id, b.plan_key, b.number DESC""", (row, n) -> new Proposal(
                    row.getString(1), departments.get(row.getString(1)), row.getString(2), row.getString(3),
                    Grade.valueOf(row.getString(4)).label(), row.getString(5), row.getBigDecimal(6),
                    row.getBigDecimal(7), row.getString(8)), district, year.value());
            List<Rectification> rectifications = jdbc.query("""
                    SELECT r.department_id, r.plan_key, p.name, r.number, r.issue, r.owner, r.deadline, r.status
                      FROM rectification r
                      JOIN plan p ON p.district = r.district AND p.department_id = r.department_id
                                 AND p.fiscal_year = r.fiscal_year AND p.plan_key = r.plan_key
                     WHERE r.district = ? AND r.fiscal_year = ? AND r.status <> 'closed'
                     ORDER BY r.deadline, r.department_id, r.plan_key, r.number""", (row, n) -> {
                LocalDate deadline = row.getObject(7, Date.class).toLocalDate();
                return new Rectification(row.getString(1), departments.get(row.getString(1)), row.getString(2),
                        row.getString(3), row.getInt(4), row.getString(5), row.getString(6), deadline,
                        row.getString(8), "open".equals(row.getString(8)) && day.isAfter(deadline));
            }, district, year.value());
            List<KeyEvaluation> keyEvaluations = external.keyEvaluations(district, year.value()).stream()
                    .map(CongressReports::keyEvaluation).toList();
            return new CongressReport(district, named.district(), year.value(), day, summary(rows, evaluations,
                    proposals, rectifications), evaluations, keyEvaluations, proposals, rectifications);
        });
    }

    private static KeyEvaluation keyEvaluation(EvaluationView v) {
        Scores scores = Scores.of(v);
        return new KeyEvaluation(v.department(), v.departmentName(), v.planKey(), v.planName(), v.number(),
                v.evaluatorName() != null ? v.evaluatorName() : v.evaluator(), v.agency(), v.status(),
                scores.score(), scores.grade(), scores.selfScore(), scores.selfGrade(), scores.difference(),
                scores.large());
    }

    private static Summary summary(List<OverviewRow> rows, List<Evaluation> evaluations, List<Proposal> proposals,
                                   List<Rectification> rectifications) {
        Map<String, Integer> grades = new LinkedHashMap<>();
        for (Grade grade : Grade.values()) {
            grades.put(grade.label(), 0);
        }
        evaluations.stream().filter(evaluation -> evaluation.grade() != null)
                .forEach(evaluation -> grades.merge(evaluation.grade(), 1, Integer::sum));
        WanYuan adjusted = rows.stream().map(OverviewRow::adjustedBudget).reduce(WanYuan.ZERO, WanYuan::plus);
        WanYuan executed = rows.stream().map(OverviewRow::executed).reduce(WanYuan.ZERO, WanYuan::plus);
        int cutting = (int) proposals.stream().filter(proposal -> proposal.proposed().compareTo(proposal.base()) < 0)
                .count();
        int late = (int) rectifications.stream().filter(Rectification::late).count();
        return new Summary(rows.size(), evaluations.size(), grades, adjusted, executed,
                PlanFigures.rate(executed, adjusted), proposals.size(), cutting, rectifications.size(), late);
    }
}
