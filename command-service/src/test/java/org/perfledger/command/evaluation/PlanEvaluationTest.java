package org.perfledger.command.evaluation;

import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.NO_FOOD_ACCIDENT;
import static org.perfledger.command.plan.SeedPlans.PASS_RATE;
import static org.perfledger.command.plan.SeedPlans.PROMOTION;
import static org.perfledger.command.plan.SeedPlans.RAPID_TESTS;
import static org.perfledger.command.plan.SeedPlans.SATISFACTION;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.plan.AnnualPlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;

/**
 * The self-evaluation, with the actuals of seed 001 (东湖 2018 食品药品安全专项): 宣传品 5000 份, 快速检测 4944 批次
 * (+41.3%, beyond a 10% margin), 抽检合格率 98.4% (below 99.0%: not met), 重大食品安全事故 0 次, 满意度 82.1%.
 */
class PlanEvaluationTest {

    private static final LocalDate DEC_31 = LocalDate.of(2018, 12, 31);
    private AggregateTestFixture<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = SeedPlans.fixture();
    }

    private static Object[] closedWithActuals() {
        return plus(plus(inExecution(), SeedPlans.actuals()), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("170.51"), WanYuan.of("170.51"),
                        WanYuan.of("170.51")));
    }

    private static final List<IndicatorEvaluation> EXPLAINED = List.of(
            new IndicatorEvaluation(RAPID_TESTS, Points.parse("5"), new BigDecimal("41.0"), "为保障军运会，增加快检批次"),
            new IndicatorEvaluation(PASS_RATE, Points.parse("9.94"), new BigDecimal("-0.6"), "部分抽检产品不合格，已开展后续核查处置"));

    private static SubmitSelfEvaluation submit(List<IndicatorEvaluation> indicators, String analysis) {
        return new SubmitSelfEvaluation(FOOD_SAFETY, indicators, TotalScore.parse("99.94"), Grade.EXCELLENT,
                new BigDecimal("100.0"), Points.parse("20"), analysis,
                "创新监管方式，提升监管效能", "作为2020年项目预算编制的重要依据", "随部门预决算公开；官网公示", null, null);
    }

    private static SelfEvaluationSubmitted submitted(int round) {
        return new SelfEvaluationSubmitted(FOOD_SAFETY, round, EXPLAINED, TotalScore.parse("99.94"), Grade.EXCELLENT,
                new BigDecimal("100.0"), Points.parse("20"), 3, "快检超计划，合格率略低", "创新监管方式，提升监管效能", "作为2020年项目预算编制的重要依据", "随部门预决算公开；官网公示",
                List.of());
    }

    @Test
    void submitsTheSelfEvaluationWithTheDeviationReasonsItNeeds() {
        fixture.given(closedWithActuals())
                .when(submit(EXPLAINED, "快检超计划，合格率略低"))
                .expectEvents(submitted(1));
    }

    @Test
    void namesEveryIndicatorThatStillNeedsADeviationReason() {
        fixture.given(closedWithActuals())
                .when(submit(List.of(), "快检超计划，合格率略低"))
                .expectNoEvents()
                .expectException(rejection("self-evaluation.deviation-reason-required",
                        "SPAQ.KSJC (偏差率 41.26% is beyond the margin of 10%); SPAQ.HGL (target not met, 偏差率 -0.61%)"));
    }

    @Test
    void anIndicatorWithoutACompletionNeedsAReason() {
        fixture.given(plus(inExecution(), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"),
                        WanYuan.ZERO, WanYuan.ZERO)))
                .when(submit(EXPLAINED, "未完成"))
                .expectNoEvents()
                .expectException(rejection("self-evaluation.deviation-reason-required",
                        "SPAQ.XCP (no completion recorded)"));
    }

    @Test
    void theDeviationAnalysisIsRequiredWhenAnIndicatorDeviates() {
        fixture.given(closedWithActuals())
                .when(submit(EXPLAINED, null))
                .expectNoEvents()
                .expectException(rejection("text.required", "deviationAnalysis is required"));
    }

    @Test
    void rejectsASelfEvaluationBeforeTheYearIsClosed() {
        fixture.given(inExecution())
                .when(submit(EXPLAINED, "x"))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot submit the self-evaluation: the plan is 执行中"));
    }

    @Test
    void rejectsAnIndicatorListedTwice() {
        fixture.given(closedWithActuals())
                .when(submit(List.of(EXPLAINED.get(0), EXPLAINED.get(0)), "x"))
                .expectNoEvents()
                .expectException(rejection("self-evaluation.duplicate-indicator", "SPAQ.KSJC is listed twice"));
    }

    @Test
    void financeReturnsTheSelfEvaluationAndTheDepartmentResubmits() {
        fixture.given(plus(closedWithActuals(), submitted(1), new SelfEvaluationReturned(FOOD_SAFETY, 1, "佐证材料不全")))
                .when(submit(EXPLAINED, "快检超计划，合格率略低"))
                .expectEvents(submitted(2));
    }

    @Test
    void financeReturnsWithAReason() {
        fixture.given(plus(closedWithActuals(), submitted(1)))
                .when(new ReturnSelfEvaluation(FOOD_SAFETY, "佐证材料不全", null))
                .expectEvents(new SelfEvaluationReturned(FOOD_SAFETY, 1, "佐证材料不全"));
    }

    @Test
    void financeAcceptsTheSelfEvaluation() {
        fixture.given(plus(closedWithActuals(), submitted(1)))
                .when(new AcceptSelfEvaluation(FOOD_SAFETY, "审核通过", null))
                .expectEvents(new SelfEvaluationAccepted(FOOD_SAFETY, 1, "审核通过"));
    }

    @Test
    void rejectsAcceptingWhatWasNotSubmitted() {
        fixture.given(closedWithActuals())
                .when(new AcceptSelfEvaluation(FOOD_SAFETY, null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot accept the self-evaluation: the plan is 年度已结束"));
    }

    @Test
    void publishesTheAcceptedSelfEvaluation() {
        fixture.given(plus(closedWithActuals(), submitted(1), new SelfEvaluationAccepted(FOOD_SAFETY, 1, null)))
                .when(new PublishSelfEvaluation(FOOD_SAFETY, "随部门预决算公开；官网公示", null))
                .expectEvents(new SelfEvaluationPublished(FOOD_SAFETY, "随部门预决算公开；官网公示"));
    }

    @Test
    void rejectsPublishingBeforeAcceptance() {
        fixture.given(plus(closedWithActuals(), submitted(1)))
                .when(new PublishSelfEvaluation(FOOD_SAFETY, "官网公示", null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot publish the self-evaluation: the plan is 自评已报送"));
    }
}
