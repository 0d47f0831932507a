package org.perfledger.query.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;

/**
 * A plan as one document, as {@link PlanViews} reads it and {@link PlanQueryController} answers it: its head, its
 * budget with its movements and 明细, its goals with their indicators, and what finance decided; codes with their
 * Chinese labels ({@link Coded}). {@code assessments}: a project's ex-ante assessment (事前绩效评估), round by round,
 * with finance's conclusion once drawn.
 */
record PlanView(String district, String department, int year, String project, String kind, String name,
                Coded phase, TargetsReview targetsReview, Profile profile, StaffingView staffing,
                List<SubProjectView> subProjects, Budget budget, List<OverallGoal> overallGoals, List<GoalView> goals,
                List<Map<String, Object>> targetAdjustments, List<Map<String, Object>> monitoringReports,
                List<Map<String, Object>> selfEvaluations, List<AssessmentView> assessments, List<WarningView> warnings,
                Results results, List<Map<String, Object>> rectifications, long version) {

    record Coded(String code, String label) {
    }

    /** {@code executed}: by source, null until the documents state it (spending is recorded by class). */
    record Part(Coded part, WanYuan initial, WanYuan adjusted, WanYuan received, WanYuan executed) {
    }

    /**
     * {@code parts}: the items of an itemised adjustment ({@code [{"name", "amount"}]}), or of one noted without an
     * amount (movement {@code noted}, {@code amount} null: {@code [{"name"}]}), else null.
     */
    record Movement(long sequence, String movement, Integer adjustmentNumber, Coded kind, Coded source,
                    Coded expenditureClass, String line, WanYuan amount, WanYuan from, WanYuan to, String reason,
                    String documentNumber, String voucher, LocalDate date, boolean overBudget, Instant recordedAt,
                    String actor, String correlationId, JsonNode parts) {
    }

    record Line(String name, WanYuan amount, WanYuan executed, String executionRate) {
    }

    /**
     * @param executionRate        执行数 / 调整后预算, the templates' definition; null when the budget is 0
     * @param executionRateInitial 执行数 / 年初预算, which some tables print instead
     * @param flags                what needs attention, e.g. over-budget or zero-budget
     * @param unstated             the documents state no budget: its figures are 0 and no rate is computed from them
     * @param fundsHold            district finance holds the funds back (暂缓拨付 / 停止拨付), with its reason; null
     *                             while they flow
     */
    record Budget(boolean opened, boolean unstated, WanYuan initial, WanYuan adjusted, WanYuan received, WanYuan executed,
                  String executionRate, String executionRateInitial, String receiptRate, boolean overBudget,
                  List<String> flags, List<Part> sources, List<Part> classes, List<Movement> movements,
                  List<Line> lines, Coded fundsHold, String fundsHoldReason) {
    }

    record Value(String text, JsonNode value) {
    }

    record Latest(Value actual, LocalDate asOf, String narrative, String evidence, Coded achievement) {
    }

    /**
     * {@code direction}: which way it is better where stated (越高越好 / 越低越好), or null: its target's sign says;
     * {@code addedAtSelfEvaluation}: why it was added as the self-evaluation was drawn up (自评时补充), its target never
     * approved by finance, or null for an indicator of the approved targets; {@code library}: the library indicator
     * (指标库) it was picked from, or null.
     */
    record IndicatorView(String code, Coded level1, Coded level2, String name, BigDecimal weight, Value target,
                         Coded direction, Latest latest, int completions, String outcome, String deviationRate,
                         String note, String addedAtSelfEvaluation, Library library) {
    }

    /** A library indicator (指标库) at the version a plan's indicator was picked from. */
    record Library(String code, int version) {
    }

    /**
     * {@code weight}: the points printed for the goal as a whole, or null; where it is, {@code indicatorWeights} is what
     * its indicators' 分值 add up to and {@code weightsAgree} whether that is the goal's (null where none is set);
     * {@code fundedBy} the part of the budget the goal is for, as named, or null.
     */
    record GoalView(int number, String text, BigDecimal weight, String fundedBy, List<IndicatorView> indicators,
                    BigDecimal indicatorWeights, Boolean weightsAgree) {
    }

    /**
     * A project's head: category and attribute null where its documents do not say; {@code types} all its 项目类型,
     * {@code type} the first of them (or null).
     */
    record Profile(List<String> implementingUnits, Coded category, Coded attribute, Coded type, List<Coded> types,
                   String financeDesk) {
    }

    /** District finance's last decision on the targets: {@code returned} with its reason, or {@code approved}. */
    record TargetsReview(String decision, String note, String by) {
    }

    record CompletionView(long sequence, Value actual, LocalDate asOf, String narrative, String evidence,
                          Coded achievement, Instant recordedAt, String actor) {
    }

    /**
     * A round of a project's ex-ante assessment: {@code statements} by criterion ({@code {"NECESSITY": {"text",
     * "evidence"}}}); once concluded, the {@code scores} and the scheme's {@code weights} by criterion, the total, the
     * conclusion's code and finance's opinion; those null while it waits.
     */
    record AssessmentView(int round, JsonNode statements, Instant submittedAt, String submittedBy, String conclusion,
                          BigDecimal total, JsonNode scores, JsonNode weights, Integer schemeVersion, String opinion,
                          String assessor, Instant concludedAt, String concludedBy) {
    }

    /** A warning of finance's on the plan (提示 / 警示) and the department's answer, null until given. */
    record WarningView(int number, Coded level, String text, LocalDate respondBy, Instant issuedAt, String issuedBy,
                       String response, Instant answeredAt, String answeredBy) {
    }

    /**
     * The use of the plan's result: {@code basis}, last year's result its budget was opened on (BudgetBasedOnResults:
     * priorYear, proposalNumber, grade, action, proposed, opened) or null; {@code proposals}, finance's proposals for
     * next year's budget from this plan's final grade, the latest last.
     */
    record Results(JsonNode basis, List<ProposalView> proposals) {
    }

    /** {@code ruleAction} and {@code action} in words (压减 10%); amounts in 万元; {@code overrideReason} null: the rules'. */
    /** {@code evaluation}: the accepted 财政重点评价 whose grade it went by; null: the self-evaluation's. */
    record ProposalView(int number, Coded grade, int rulesVersion, String ruleAction, BigDecimal base,
                        BigDecimal ruleProposed, String action, BigDecimal proposed, String overrideReason,
                        Instant drawnAt, String drawnBy, Integer evaluation) {
    }
}
