package org.perfledger.query.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.scoring.Scorecard.IndicatorScore;
import org.perfledger.kernel.scoring.ScoringEngine;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.Verdict;
import org.perfledger.query.readmodel.RowJson;
import org.perfledger.query.scoring.Scorecards.ReportedFigure;

/**
 * The figures a self-evaluation reports (执行率, its score, each indicator's 得分 and 偏差率, 总分, 等级), each beside
 * what the scheme recomputes from the plan's facts, with its verdict at the precision it was given and the rule.
 */
final class ReportedFigures {

    private ReportedFigures() {
    }

    static List<ReportedFigure> of(Map<String, Object> evaluation, Scorecard card, List<IndicatorFacts> facts,
                                   ScoringScheme scheme, Map<String, String> levels, Map<String, Object> plan) {
        Map<String, BigDecimal> reported = new HashMap<>();
        List<ReportedFigure> figures = scores(evaluation, card, facts, scheme, reported);
        figures.addAll(PrintedChecks.of(evaluation.get("printed"), card, facts, levels, reported, plan));
        return figures;
    }

    /**
     * The reported scores, 执行率 and grade against the recomputed ones; each indicator's reported 得分 goes into
     * {@code reported} on the way.
     */
    private static List<ReportedFigure> scores(Map<String, Object> evaluation, Scorecard card,
                                               List<IndicatorFacts> facts, ScoringScheme scheme,
                                               Map<String, BigDecimal> reported) {
        // no rule was published for these scores: they are recomputed under the closest published convention, and
        // each verdict that rests on it says so
        UnaryOperator<String> ruled = rule -> scheme.unpublished()
                ? "rule not published; under " + scheme.source() + ": " + rule : rule;
        List<ReportedFigure> figures = new ArrayList<>();
        BigDecimal rate = (BigDecimal) evaluation.get("execution_rate");
        if (rate != null && card.execution() != null) {
            // judged at the precision it was given with: the column keeps the event's scale (100.0 stays 100.0)
            figures.add(figure("执行率", rate, card.execution().rate(), card.execution().unscorable() != null
                    ? card.execution().unscorable()
                    : "执行数 / " + card.execution().base() + " × 100"));
        }
        BigDecimal executionScore = (BigDecimal) evaluation.get("execution_score");
        if (executionScore != null && card.execution() != null) {
            figures.add(figure("执行率得分", executionScore, card.execution().exact(), ruled.apply(
                    card.execution().unscorable() != null ? card.execution().unscorable() : card.execution().formula())));
        }
        JsonNode given = RowJson.tree(evaluation.get("indicators").toString());
        // the printed parts, to hold the printed 总分 against their sum whatever the weights
        BigDecimal printedParts = card.execution() == null ? BigDecimal.ZERO : executionScore;
        int printedIndicators = 0;
        for (JsonNode indicator : given) {
            String code = indicator.get("indicator").asText();
            IndicatorScore score = card.indicators().stream().filter(s -> s.code().equals(code)).findFirst().orElse(null);
            IndicatorFacts fact = facts.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
            if (score == null || fact == null) {
                continue;
            }
            if (indicator.hasNonNull("score")) {
                BigDecimal printed = new BigDecimal(indicator.get("score").asText());
                reported.put(code, printed);
                printedIndicators++;
                printedParts = printedParts == null ? null : printedParts.add(printed);
                figures.add(figure(code + " 得分", printed, score.exact(),
                        ruled.apply(score.unscorable() != null ? score.unscorable() : score.formula())));
            }
            if (indicator.hasNonNull("deviationRate")) {
                figures.add(deviationFigure(code, new BigDecimal(indicator.get("deviationRate").asText()), fact));
            }
        }
        BigDecimal total = (BigDecimal) evaluation.get("score");
        if (total != null) {
            figures.add(card.unweighted() > 0
                    ? figure("总分", total, null, ruled.apply(card.unweighted() + " indicators have no 分值 set (not "
                            + "printed): the 总分 cannot be recomputed from the weights"))
                    : figure("总分", total, card.total(), ruled.apply("the sum of the parts' scores, each rounded")));
            if (printedParts != null && printedIndicators == card.indicators().size() && printedIndicators > 0) {
                figures.add(figure("总分 = Σ 得分", total, printedParts, "the sum of the printed 得分"
                        + (card.execution() == null ? "" : " (执行率得分 and each indicator's)")));
            }
        }
        String grade = (String) evaluation.get("grade");
        if (grade != null) {
            Grade reportedGrade = Grade.valueOf(grade);
            // without every weight there is no recomputed 总分: the grade is held against the printed one's band
            BigDecimal basis = card.unweighted() > 0 ? total : card.total();
            if (basis == null) {
                figures.add(new ReportedFigure("等级", null, null, Verdict.Kind.CANNOT_CHECK.name(), ruled.apply(
                        "reported " + reportedGrade.label() + "; no 总分 to grade: it is neither printed nor "
                        + "recomputable")));
            } else {
                Grade expected = ScoringEngine.grade(basis, scheme);
                figures.add(new ReportedFigure("等级", null, null, reportedGrade == expected
                        ? Verdict.Kind.REPRODUCED.name() : Verdict.Kind.DIFFERENT.name(), ruled.apply("reported "
                        + reportedGrade.label() + ", " + (basis == total ? "the scheme's grade for the printed 总分 "
                        : "recomputed ") + expected.label() + " for " + basis.toPlainString())));
            }
        }
        return figures;
    }

    /**
     * 偏差率 = 实际完成值 / 年初目标值 − 1. Where it has no ratio — a statement, or a ceiling of 0 — the tables print 0 for
     * a target met, and so does PerfLedger; for one not met it cannot say.
     */
    private static ReportedFigure deviationFigure(String code, BigDecimal reported, IndicatorFacts fact) {
        Deviation deviation = Deviation.of(fact.target(), fact.actual(), fact.achievement());
        if (deviation.rate() != null) {
            return figure(code + " 偏差率", reported, deviation.rate().value(), "实际完成值 / 年初目标值 − 1");
        }
        if (deviation.outcome() == Deviation.Outcome.MET) {
            return figure(code + " 偏差率", reported, BigDecimal.ZERO, "target met without a ratio (a statement or a "
                    + "ceiling of 0): 偏差率 0");
        }
        return figure(code + " 偏差率", reported, null, "no 偏差率: " + (deviation.reason() == null
                ? "the target is not met and has no ratio" : deviation.reason()));
    }

    static ReportedFigure figure(String name, BigDecimal reported, BigDecimal recomputed, String rule) {
        Verdict verdict = Verdict.of(reported, recomputed, rule);
        return new ReportedFigure(name, reported, verdict.recomputedShown(), verdict.kind().name(), rule);
    }

}
