package org.perfledger.command.external;

import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.PASS_RATE;
import static org.perfledger.command.plan.SeedPlans.SATISFACTION;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.command.external.ExternalEvaluationCommands.AcceptEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.CommissionEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.PublishEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReportEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReturnEvaluation;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.results.ResultCommands.ProposeBudget;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationAccepted;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationCommissioned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationPublished;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReported;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReturned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.kernel.results.ResultRule;

/**
 * 部门评价 and 财政重点评价 of 东湖 2018 食品药品安全专项 (budget 149.60, four of five indicators met; its
 * self-evaluation recomputes to 65, 中, under scheme version 3): who commissions, who reports, who accepts, and whose
 * grade the use of results goes by.
 */
class PlanExternalEvaluationsTest {

    private static final Map<String, String> FINANCE = Map.of(EventMetadata.ACTOR, "finance-1",
            EventMetadata.ROLE, "DISTRICT_FINANCE");
    private static final Map<String, String> EDITOR = Map.of(EventMetadata.ACTOR, "editor-1",
            EventMetadata.ROLE, "DEPARTMENT_EDITOR");
    private static final Map<String, String> EVALUATOR = Map.of(EventMetadata.ACTOR, "agency-7",
            EventMetadata.ROLE, "EVALUATOR");
    private static final Map<String, String> OTHER_EVALUATOR = Map.of(EventMetadata.ACTOR, "agency-8",
            EventMetadata.ROLE, "EVALUATOR");
    private static final WanYuan BUDGET = WanYuan.of("149.60");
    private static final LocalDate DUE = LocalDate.of(2019, 6, 30);

    private static EvaluationCommissioned commissioned(int number, EvaluationType type) {
        return new EvaluationCommissioned(FOOD_SAFETY, number, type, "agency-7", "李评", "武汉某评估公司", DUE,
                "资金使用");
    }

    private static CommissionEvaluation commission(EvaluationType type) {
        return new CommissionEvaluation(FOOD_SAFETY, type, " agency-7 ", "李评", "武汉某评估公司", DUE, "资金使用", null);
    }

    /** Spending 74.80 verified, half the budget; 合格率 verified at 99.5%, met. */
    private static final List<VerifiedIndicator> VERIFIED = List.of(
            new VerifiedIndicator(PASS_RATE, Target.parse("99.5%"), null, "抽查台账"));

    private static EvaluationReported reported(int number) {
        return new EvaluationReported(FOOD_SAFETY, number, 3, WanYuan.of("74.80"), VERIFIED, "资金支出进度慢",
                "预算执行率低", "加快支出");
    }

    private static ReportEvaluation report(int number) {
        return new ReportEvaluation(FOOD_SAFETY, number, WanYuan.of("74.80"), VERIFIED, "资金支出进度慢", "预算执行率低",
                "加快支出", null);
    }

    @Test
    void financeCommissionsItsKeyEvaluationAndTheDepartmentItsOwn() {
        SeedPlans.fixture().given(inExecution())
                .when(commission(EvaluationType.FINANCE_KEY), FINANCE)
                .expectEvents(commissioned(1, EvaluationType.FINANCE_KEY));
        SeedPlans.fixture().given(inExecution())
                .when(commission(EvaluationType.DEPARTMENT), EDITOR)
                .expectEvents(commissioned(1, EvaluationType.DEPARTMENT));
        SeedPlans.fixture().given(inExecution())
                .when(commission(EvaluationType.FINANCE_KEY), EDITOR)
                .expectNoEvents()
                .expectException(rejection("evaluation.commissioner", "财政重点评价 is district finance's"));
        SeedPlans.fixture().given(plus(inExecution(), commissioned(1, EvaluationType.FINANCE_KEY)))
                .when(commission(EvaluationType.FINANCE_KEY), FINANCE)
                .expectNoEvents()
                .expectException(rejection("evaluation.open", "第 1 号"));
        SeedPlans.fixture().given(inExecution())
                .when(new CommissionEvaluation(FOOD_SAFETY, EvaluationType.FINANCE_KEY, "agency-7", null, null,
                        LocalDate.of(2030, 1, 1), null, null), FINANCE)
                .expectNoEvents()
                .expectException(rejection("evaluation.due", "from 2018 to 2020"));
        // not before the targets are approved
        SeedPlans.fixture().given(SeedPlans.drafted())
                .when(commission(EvaluationType.FINANCE_KEY), FINANCE)
                .expectNoEvents()
                .expectException(rejection("plan.phase", "commission an evaluation"));
    }

    @Test
    void onlyTheEvaluatorCommissionedReportsAndEachFigureIsOneOfThePlans() {
        Object[] commissioned = plus(inExecution(), commissioned(1, EvaluationType.FINANCE_KEY));
        SeedPlans.fixture().given(commissioned)
                .when(report(1), EVALUATOR)
                .expectEvents(reported(1));
        SeedPlans.fixture().given(commissioned)
                .when(report(1), OTHER_EVALUATOR)
                .expectNoEvents()
                .expectException(rejection("evaluation.not-yours", "commissioned from another evaluator"));
        SeedPlans.fixture().given(commissioned)
                .when(report(1), FINANCE)
                .expectNoEvents()
                .expectException(rejection("evaluation.not-yours", "only they report it"));
        SeedPlans.fixture().given(commissioned)
                .when(report(2), EVALUATOR)
                .expectNoEvents()
                .expectException(rejection("evaluation.unknown", "第 2 号"));
        SeedPlans.fixture().given(commissioned)
                .when(new ReportEvaluation(FOOD_SAFETY, 1, null, List.of(new VerifiedIndicator(
                        new IndicatorCode("SPAQ.NONE"), Target.parse("1 次"), null, null)), "发现", null, null, null),
                        EVALUATOR)
                .expectNoEvents()
                .expectException(rejection("indicator.unknown", "SPAQ.NONE"));
        SeedPlans.fixture().given(commissioned)
                .when(new ReportEvaluation(FOOD_SAFETY, 1, null, List.of(new VerifiedIndicator(PASS_RATE,
                        Target.parse("达成"), null, null)), "发现", null, null, null), EVALUATOR)
                .expectNoEvents()
                .expectException(rejection("completion.kind-mismatch", "no 实际完成值"));
        SeedPlans.fixture().given(commissioned)
                .when(new ReportEvaluation(FOOD_SAFETY, 1, null, List.of(new VerifiedIndicator(SATISFACTION, null,
                        Achievement.ACHIEVED, null)), "发现", null, null, null), EVALUATOR)
                .expectNoEvents()
                .expectException(rejection("completion.achievement-quantitative", "numeric target"));
        // reported, it waits for the commissioner: not reported twice
        SeedPlans.fixture().given(plus(commissioned, reported(1)))
                .when(report(1), EVALUATOR)
                .expectNoEvents()
                .expectException(rejection("evaluation.reported", "reported"));
    }

    @Test
    void theCommissionerAcceptsOrReturnsTheReport() {
        Object[] reported = plus(inExecution(), commissioned(1, EvaluationType.FINANCE_KEY), reported(1));
        SeedPlans.fixture().given(reported)
                .when(new AcceptEvaluation(FOOD_SAFETY, 1, "验收通过", null), FINANCE)
                .expectEvents(new EvaluationAccepted(FOOD_SAFETY, 1, "验收通过"));
        SeedPlans.fixture().given(reported)
                .when(new AcceptEvaluation(FOOD_SAFETY, 1, null, null), EDITOR)
                .expectNoEvents()
                .expectException(rejection("evaluation.commissioner", "to accept"));
        SeedPlans.fixture().given(reported)
                .when(new ReturnEvaluation(FOOD_SAFETY, 1, "未核实满意度", null), FINANCE)
                .expectEvents(new EvaluationReturned(FOOD_SAFETY, 1, "未核实满意度"));
        // returned, the evaluator reports again
        SeedPlans.fixture().given(plus(reported, new EvaluationReturned(FOOD_SAFETY, 1, "未核实满意度")))
                .when(report(1), EVALUATOR)
                .expectEvents(reported(1));
        SeedPlans.fixture().given(plus(inExecution(), commissioned(1, EvaluationType.FINANCE_KEY)))
                .when(new AcceptEvaluation(FOOD_SAFETY, 1, null, null), FINANCE)
                .expectNoEvents()
                .expectException(rejection("evaluation.not-reported", "commissioned"));
        // accepted, the next of its type may be commissioned
        SeedPlans.fixture().given(plus(reported, new EvaluationAccepted(FOOD_SAFETY, 1, null)))
                .when(commission(EvaluationType.FINANCE_KEY), FINANCE)
                .expectEvents(commissioned(2, EvaluationType.FINANCE_KEY));
    }

    /** Accepted, its commissioner publishes it, once; the department does not publish finance's. */
    @Test
    void theCommissionerPublishesTheAcceptedEvaluationOnce() {
        Object[] reported = plus(inExecution(), commissioned(1, EvaluationType.FINANCE_KEY), reported(1));
        Object[] accepted = plus(reported, new EvaluationAccepted(FOOD_SAFETY, 1, null));
        SeedPlans.fixture().given(accepted)
                .when(new PublishEvaluation(FOOD_SAFETY, 1, "区政府门户网站", null), FINANCE)
                .expectEvents(new EvaluationPublished(FOOD_SAFETY, 1, "区政府门户网站"));
        SeedPlans.fixture().given(accepted)
                .when(new PublishEvaluation(FOOD_SAFETY, 1, "部门网站", null), EDITOR)
                .expectNoEvents()
                .expectException(rejection("evaluation.commissioner", "to publish"));
        SeedPlans.fixture().given(reported)
                .when(new PublishEvaluation(FOOD_SAFETY, 1, "区政府门户网站", null), FINANCE)
                .expectNoEvents()
                .expectException(rejection("evaluation.not-accepted", "is reported"));
        SeedPlans.fixture().given(plus(accepted, new EvaluationPublished(FOOD_SAFETY, 1, "区政府门户网站")))
                .when(new PublishEvaluation(FOOD_SAFETY, 1, "部门网站", null), FINANCE)
                .expectNoEvents()
                .expectException(rejection("evaluation.published", "published already"));
        SeedPlans.fixture().given(accepted)
                .when(new PublishEvaluation(FOOD_SAFETY, 1, " ", null), FINANCE)
                .expectNoEvents()
                .expectException(rejection("text.required", "channels"));
        // the department publishes its own 部门评价
        SeedPlans.fixture().given(plus(inExecution(), commissioned(1, EvaluationType.DEPARTMENT), reported(1),
                        new EvaluationAccepted(FOOD_SAFETY, 1, null)))
                .when(new PublishEvaluation(FOOD_SAFETY, 1, "部门网站", null), EDITOR)
                .expectEvents(new EvaluationPublished(FOOD_SAFETY, 1, "部门网站"));
    }

    private static Object[] selfEvaluationAccepted() {
        return plus(plus(inExecution(), SeedPlans.actuals()),
                new ExpenditureRecorded(FOOD_SAFETY, BUDGET, LocalDate.of(2018, 12, 20), ExpenditureClass.PROJECT,
                        null, "抽检费", null, BUDGET, BUDGET, false),
                new YearClosed(FOOD_SAFETY, BUDGET, BUDGET, WanYuan.ZERO, BUDGET),
                new SelfEvaluationSubmitted(FOOD_SAFETY, 1, List.of(), TotalScore.parse("99.94"), Grade.EXCELLENT,
                        new BigDecimal("100"), null, 3, "合格率略低于目标", "加强抽检", "用于预算安排", "公开", List.of()),
                new SelfEvaluationAccepted(FOOD_SAFETY, 1, "通过"));
    }

    /**
     * The self-evaluation recomputes to 65 (中); the 财政重点评价 verified half the spending (74.80 of 149.60: 10 of
     * the 20 points) and 合格率 met (all 50): 60, 中. A 部门评价 never decides; a 财政重点评价 decides once accepted.
     */
    @Test
    void theAcceptedKeyEvaluationsGradeIsTheOneTheResultsGoBy() {
        Object[] keyAccepted = plus(selfEvaluationAccepted(), commissioned(1, EvaluationType.FINANCE_KEY),
                reported(1), new EvaluationAccepted(FOOD_SAFETY, 1, null));
        SeedPlans.fixture().given(keyAccepted)
                .when(new ProposeBudget(FOOD_SAFETY, null, null, null, null))
                .expectEvents(new BudgetProposed(FOOD_SAFETY, 1, Grade.FAIR, 1, ResultRule.parse("压减 10%"), BUDGET,
                        WanYuan.of("134.64"), ResultRule.parse("压减 10%"), WanYuan.of("134.64"), null, 1));
        // verified lower still (37.40 spent: 5 points; 合格率 as the department had it, 45): 50, 差, 取消
        EvaluationReported lower = new EvaluationReported(FOOD_SAFETY, 1, 3, WanYuan.of("37.40"), List.of(),
                "支出严重滞后", null, null);
        SeedPlans.fixture().given(plus(selfEvaluationAccepted(), commissioned(1, EvaluationType.FINANCE_KEY), lower,
                        new EvaluationAccepted(FOOD_SAFETY, 1, null)))
                .when(new ProposeBudget(FOOD_SAFETY, null, null, null, null))
                .expectEvents(new BudgetProposed(FOOD_SAFETY, 1, Grade.POOR, 1, ResultRule.parse("取消"), BUDGET,
                        WanYuan.ZERO, ResultRule.parse("取消"), WanYuan.ZERO, null, 1));
        // reported but not accepted, or a 部门评价: the self-evaluation's grade
        SeedPlans.fixture().given(plus(selfEvaluationAccepted(), commissioned(1, EvaluationType.FINANCE_KEY), lower))
                .when(new ProposeBudget(FOOD_SAFETY, null, null, null, null))
                .expectEvents(new BudgetProposed(FOOD_SAFETY, 1, Grade.FAIR, 1, ResultRule.parse("压减 10%"), BUDGET,
                        WanYuan.of("134.64"), ResultRule.parse("压减 10%"), WanYuan.of("134.64"), null));
        SeedPlans.fixture().given(plus(selfEvaluationAccepted(), commissioned(1, EvaluationType.DEPARTMENT), lower,
                        new EvaluationAccepted(FOOD_SAFETY, 1, null)))
                .when(new ProposeBudget(FOOD_SAFETY, null, null, null, null))
                .expectEvents(new BudgetProposed(FOOD_SAFETY, 1, Grade.FAIR, 1, ResultRule.parse("压减 10%"), BUDGET,
                        WanYuan.of("134.64"), ResultRule.parse("压减 10%"), WanYuan.of("134.64"), null));
    }
}
