package org.perfledger.kernel.external;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/**
 * Evaluations of a plan beyond its self-evaluation (部门评价, 财政重点评价), numbered within the plan: commissioned
 * from an evaluator (a person who signs in, often of a third-party agency), reported by that evaluator with the
 * figures it verified and its findings, and accepted or returned by whoever commissioned it. The report is scored by
 * the same engine as the self-evaluation, under the district's scheme of evaluations (its kind
 * {@code EXTERNAL}), from the plan's figures with the evaluator's verified ones in their place.
 */
public final class ExternalEvaluationEvents {

    private ExternalEvaluationEvents() {
    }

    /** Marks the events of this family, for what reads them together. */
    public sealed interface ExternalEvaluationEvent extends PlanEvent permits EvaluationCommissioned,
            EvaluationReported, EvaluationReturned, EvaluationAccepted, EvaluationPublished {

        int number();
    }

    /**
     * @param evaluator the subject (user id at the identity provider) of who writes the evaluation: only they can
     *                  report it, and an evaluator reads only the plans commissioned from them
     * @param agency    the agency the evaluator works for (第三方机构), or null
     * @param focus     what the evaluation looks at, or null
     */
    @EventType(name = "EvaluationCommissioned", version = 1)
    public record EvaluationCommissioned(PlanId plan, int number, EvaluationType type, String evaluator,
                                         String evaluatorName, String agency, LocalDate due, String focus)
            implements ExternalEvaluationEvent {

        public EvaluationCommissioned {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(evaluator, "evaluator");
            Objects.requireNonNull(due, "due");
        }
    }

    /**
     * One indicator as the evaluator verified it: the 实际完成值 it found (null: it found the department's figure
     * right) and, for a qualitative target, its judgement.
     */
    public record VerifiedIndicator(IndicatorCode indicator, Target actual, Achievement achievement, String note) {

        public VerifiedIndicator {
            Objects.requireNonNull(indicator, "indicator");
        }
    }

    /**
     * @param schemeVersion the version of the district's scheme of evaluations in force when it was reported
     * @param executed      the spending the evaluator verified, or null: the plan's recorded spending stands
     */
    @EventType(name = "EvaluationReported", version = 1)
    public record EvaluationReported(PlanId plan, int number, int schemeVersion, WanYuan executed,
                                     List<VerifiedIndicator> indicators, String findings, String problems,
                                     String suggestions) implements ExternalEvaluationEvent {

        public EvaluationReported {
            Objects.requireNonNull(plan, "plan");
            indicators = indicators == null ? List.of() : List.copyOf(indicators);
            Objects.requireNonNull(findings, "findings");
        }
    }

    @EventType(name = "EvaluationReturned", version = 1)
    public record EvaluationReturned(PlanId plan, int number, String reason) implements ExternalEvaluationEvent {

        public EvaluationReturned {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The commissioner accepts the report (验收): its score and grade are the evaluation's. */
    @EventType(name = "EvaluationAccepted", version = 1)
    public record EvaluationAccepted(PlanId plan, int number, String comment) implements ExternalEvaluationEvent {

        public EvaluationAccepted {
            Objects.requireNonNull(plan, "plan");
        }
    }

    /**
     * Whoever commissioned it publishes the accepted evaluation (绩效评价结果公开): from then on anyone reads its
     * score, grade and findings on the district's public pages.
     *
     * @param channels where it is published besides (门户网站, 部门决算公开…)
     */
    @EventType(name = "EvaluationPublished", version = 1)
    public record EvaluationPublished(PlanId plan, int number, String channels) implements ExternalEvaluationEvent {

        public EvaluationPublished {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(channels, "channels");
        }
    }

    /** The short name of each event, as the record shows it. */
    public static String title(String name) {
        return switch (name) {
            case "EvaluationCommissioned" -> "委托绩效评价";
            case "EvaluationReported" -> "绩效评价报告";
            case "EvaluationReturned" -> "绩效评价报告退回";
            case "EvaluationAccepted" -> "绩效评价报告验收";
            case "EvaluationPublished" -> "绩效评价结果公开";
            default -> null;
        };
    }

    /** The event in words, as an auditor reads the record. */
    public static String describe(ExternalEvaluationEvent event) {
        String number = "第 " + event.number() + " 号";
        if (event instanceof EvaluationCommissioned e) {
            return number + e.type().label() + "：评价人 " + (e.evaluatorName() == null ? e.evaluator()
                    : e.evaluatorName() + "（" + e.evaluator() + "）") + (e.agency() == null ? "" : "，" + e.agency())
                    + "，" + e.due() + " 前报告" + (e.focus() == null ? "" : "，重点：" + e.focus());
        }
        if (event instanceof EvaluationReported e) {
            return number + "（评价办法第 " + e.schemeVersion() + " 版）：" + (e.executed() == null ? ""
                    : "核实支出 " + e.executed() + " 万元，") + (e.indicators().isEmpty() ? "" : "核实指标 "
                    + String.join("、", e.indicators().stream().map(v -> v.indicator() + (v.actual() == null ? ""
                    : " " + v.actual().text()) + (v.achievement() == null ? "" : " " + v.achievement().label()))
                    .toList()) + "，") + "发现：" + e.findings();
        }
        if (event instanceof EvaluationReturned e) {
            return number + "，原因：" + e.reason();
        }
        if (event instanceof EvaluationPublished e) {
            return number + "公开，渠道：" + e.channels();
        }
        EvaluationAccepted e = (EvaluationAccepted) event;
        return number + (e.comment() == null ? "" : "：" + e.comment());
    }
}
