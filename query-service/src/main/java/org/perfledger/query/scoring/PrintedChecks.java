package org.perfledger.query.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.perfledger.kernel.evaluation.PrintedFigure.Kind;
import org.perfledger.kernel.scoring.PlanFacts.IndicatorFacts;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.query.readmodel.RowJson;
import org.perfledger.query.scoring.Scorecards.ReportedFigure;

/**
 * The figures a self-evaluation prints beyond its scores, each held against what it should be: the plan's own facts
 * (资金到位率, the 偏差率 of 执行率, a 小计, the 合计 of 分值, the execution row's 分值, the 执行数, the 调整后预算) or the
 * other figures printed beside it (a sum of its parts, a quotient of its numerator and denominator). Judged at the
 * precision each was printed with, like every reported figure.
 */
final class PrintedChecks {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PrintedChecks() {
    }

    /**
     * @param printed    the self-evaluation's printed figures (JSON)
     * @param levels     each indicator's 一级指标, by code, as the tables print it
     * @param scores     each indicator's reported 得分, by code (absent: not reported)
     * @param plan       the plan's row: initial_budget, adjusted_budget, received, executed
     */
    static List<ReportedFigure> of(Object printed, Scorecard card, List<IndicatorFacts> facts,
                                   Map<String, String> levels, Map<String, BigDecimal> scores,
                                   Map<String, Object> plan) {
        List<ReportedFigure> figures = new ArrayList<>();
        if (printed == null) {
            return figures;
        }
        // the figures' numbers are stored as decimal strings (PrintedFigure), so they keep their printed decimals
        for (JsonNode figure : RowJson.tree(printed.toString())) {
            Kind kind = Kind.valueOf(figure.get("kind").asText());
            String label = figure.get("label").asText();
            String subject = figure.path("subject").isNull() ? null : figure.path("subject").asText(null);
            BigDecimal value = new BigDecimal(figure.get("value").asText());
            List<BigDecimal> parts = new ArrayList<>();
            figure.path("parts").forEach(part -> parts.add(new BigDecimal(part.asText())));
            figures.add(check(label, kind, subject, value, parts, card, facts, levels, scores, plan));
        }
        return figures;
    }

    private static ReportedFigure check(String label, Kind kind, String subject, BigDecimal value,
                                        List<BigDecimal> parts, Scorecard card, List<IndicatorFacts> facts,
                                        Map<String, String> levels, Map<String, BigDecimal> scores,
                                        Map<String, Object> plan) {
        BigDecimal adjusted = (BigDecimal) plan.get("adjusted_budget");
        return switch (kind) {
            case FUNDING_RATE -> {
                BigDecimal received = (BigDecimal) plan.get("received");
                yield ReportedFigures.figure(label, value, percent(received, adjusted),
                        adjusted.signum() == 0 ? "no 调整后预算 to divide by" : "到位 " + received.toPlainString()
                                + " ÷ 调整后预算 " + adjusted.toPlainString() + " × 100");
            }
            case EXECUTION_DEVIATION -> card.execution() == null || card.execution().rate() == null
                    ? ReportedFigures.figure(label, value, null, card.execution() == null ? "execution is not scored"
                    : card.execution().unscorable())
                    : ReportedFigures.figure(label, value, card.execution().rate().subtract(HUNDRED),
                    "执行率 − 100% (执行率 " + card.execution().rateShown().toPlainString() + "%)");
            case SUBTOTAL_WEIGHT -> {
                BigDecimal sum = sum(facts, levels, subject, fact -> fact.weight());
                yield ReportedFigures.figure(label, value, sum, sum == null ? why(facts, levels, subject, "分值")
                        : "the 分值 of the " + subject + " indicators");
            }
            case SUBTOTAL_SCORE -> {
                BigDecimal sum = sum(facts, levels, subject, fact -> scores.get(fact.code()));
                yield ReportedFigures.figure(label, value, sum, sum == null ? why(facts, levels, subject, "得分")
                        : "the reported 得分 of the " + subject + " indicators");
            }
            case SUBTOTAL_RATE -> {
                BigDecimal weight = sum(facts, levels, subject, fact -> fact.weight());
                BigDecimal score = sum(facts, levels, subject, fact -> scores.get(fact.code()));
                yield ReportedFigures.figure(label, value, weight == null || score == null ? null
                        : percent(score, weight), weight == null || score == null
                        ? why(facts, levels, subject, weight == null ? "分值" : "得分")
                        : "小计得分 " + score.toPlainString() + " ÷ 小计分值 " + weight.toPlainString() + " × 100");
            }
            case TOTAL_WEIGHT -> ReportedFigures.figure(label, value, card.unweighted() > 0 ? null : card.maxTotal(),
                    card.unweighted() > 0 ? card.unweighted() + " indicators have no 分值 set (not printed)"
                            : "the execution row's 分值 and every indicator's");
            case EXECUTION_WEIGHT -> ReportedFigures.figure(label, value, card.execution() == null ? null
                    : card.execution().weight(), card.execution() == null ? "execution is not scored"
                    : "the scheme's 执行率 分值 for this plan");
            case EXECUTED -> ReportedFigures.figure(label, value, (BigDecimal) plan.get("executed"),
                    "the plan's spending, less its reversals");
            case ADJUSTED_BUDGET -> ReportedFigures.figure(label, value, adjusted,
                    "年初预算 " + ((BigDecimal) plan.get("initial_budget")).toPlainString() + " with every adjustment");
            case SUM -> ReportedFigures.figure(label, value, parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add),
                    "the sum of the printed parts " + parts.stream().map(BigDecimal::toPlainString).toList());
            case QUOTIENT -> ReportedFigures.figure(label, value, percent(parts.get(0), parts.get(1)),
                    parts.get(1).signum() == 0 ? "a denominator of 0" : parts.get(0).toPlainString() + " ÷ "
                            + parts.get(1).toPlainString() + " × 100");
        };
    }

    private static BigDecimal percent(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.multiply(HUNDRED).divide(denominator, MathContext.DECIMAL128);
    }

    /** The sum over the indicators under the 一级指标, or null when there are none or one lacks the figure. */
    private static BigDecimal sum(List<IndicatorFacts> facts, Map<String, String> levels, String subject,
                                  Function<IndicatorFacts, BigDecimal> points) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (IndicatorFacts fact : facts) {
            if (subject != null && subject.equals(levels.get(fact.code()))) {
                BigDecimal value = points.apply(fact);
                if (value == null) {
                    return null;
                }
                sum = sum.add(value);
                any = true;
            }
        }
        return any ? sum : null;
    }

    private static String why(List<IndicatorFacts> facts, Map<String, String> levels, String subject, String what) {
        boolean any = facts.stream().anyMatch(fact -> subject != null && subject.equals(levels.get(fact.code())));
        return any ? "an indicator under " + subject + " has no " + what + ("分值".equals(what) ? " set (not printed)"
                : " reported") : "no indicator under " + subject;
    }
}
