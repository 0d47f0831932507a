package org.perfledger.command.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.perfledger.command.plan.SeedPlans.DONGHU_WIDE;
import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.PROMOTION;
import static org.perfledger.command.plan.SeedPlans.budgetOpened;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.goal;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.indicator;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.registered;
import static org.perfledger.command.plan.SeedPlans.rejection;

import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.plan.AnnualPlan;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.StateOverallGoals;
import org.perfledger.command.performance.PerformanceCommands.RecordCompletion;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.plan.PlanCommands.ApproveTargets;
import org.perfledger.command.plan.PlanCommands.ReturnTargets;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.kernel.performance.Comparator;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoalsStated;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.LibraryRef;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;

/** Goals, indicators and the targets' approval. */
class PlanTargetsTest {

    private AggregateTestFixture<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = SeedPlans.fixture();
    }

    private static SetAnnualTarget target(IndicatorCode code, int goal, String name, String weight, String target) {
        return new SetAnnualTarget(FOOD_SAFETY, code, goal, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, name,
                Points.parse(weight), Target.parse(target), null);
    }

    @Test
    void addsNumberedGoals() {
        fixture.given(registered(), goal())
                .when(new AddGoal(FOOD_SAFETY, "保障药品医疗器械安全", null))
                .expectEvents(new GoalAdded(FOOD_SAFETY, 2, "保障药品医疗器械安全"));
    }

    /** 硚口 2020 prints points for a goal as a whole: 年度绩效目标1 (80分). */
    @Test
    void aGoalMayCarryThePointsATablePrintsForIt() {
        fixture.given(registered(), goal())
                .when(new AddGoal(FOOD_SAFETY, "开展药械日常监督检查", Points.parse("80"), null))
                .expectEvents(new GoalAdded(FOOD_SAFETY, 2, "开展药械日常监督检查", Points.parse("80")));
    }

    /** 天心 2020 ties each goal to a fund: "2.食品安全监管检测经费，2020年度总体目标：…". */
    @Test
    void aGoalMayBeTiedToThePartOfTheBudgetItIsFor() {
        fixture.given(registered(), goal())
                .when(new AddGoal(FOOD_SAFETY, "依法加强食品、药品安全监管", null, "食品安全监管检测经费", null))
                .expectEvents(new GoalAdded(FOOD_SAFETY, 2, "依法加强食品、药品安全监管", null, "食品安全监管检测经费"));
        SeedPlans.fixture().given(registered(), goal())
                .when(new AddGoal(FOOD_SAFETY, "依法加强食品、药品安全监管", null, "经".repeat(101), null))
                .expectNoEvents()
                .expectException(rejection("text.length", "fundedBy must be at most 100 characters"));
    }

    /**
     * 天心 2020 states nine 年度总体目标, each for a fund ("1.信息化工作经费，2020年度总体目标：夯实信息化建设基础…"): narrative,
     * so stated as printed without indicators; a goal with no text is refused.
     */
    @Test
    void theOverallGoalsAreStatedEachForTheFundItNames() {
        List<OverallGoal> goals = List.of(new OverallGoal("信息化工作经费", "夯实信息化建设基础"),
                new OverallGoal(null, "优化营商环境"));
        fixture.given(registered(), goal())
                .when(new StateOverallGoals(FOOD_SAFETY, goals, null))
                .expectEvents(new OverallGoalsStated(FOOD_SAFETY, goals));
        SeedPlans.fixture().given(registered(), goal())
                .when(new StateOverallGoals(FOOD_SAFETY, List.of(), null))
                .expectNoEvents()
                .expectException(rejection("overall-goals.count", "state 1 to 100 overall goals, not 0"));
        SeedPlans.fixture().given(registered(), goal())
                .when(new StateOverallGoals(FOOD_SAFETY, List.of(new OverallGoal("党建经费", " ")), null))
                .expectNoEvents()
                .expectException(rejection("text.required", "goals[0].text is required"));
    }

    @Test
    void theDepartmentWidePlanBeginsWithItsFirstGoal() {
        // seed 000 (蔡甸 2020), 年度目标1
        fixture.givenNoPriorActivity()
                .when(new AddGoal(DONGHU_WIDE, "全区有效商标注册量、发明专利申请量和授权量均达到市考核要求", null))
                .expectEvents(new DepartmentPlanStarted(DONGHU_WIDE),
                        new GoalAdded(DONGHU_WIDE, 1, "全区有效商标注册量、发明专利申请量和授权量均达到市考核要求"));
    }

    @Test
    void rejectsAGoalAgainstAStaleVersion() {
        fixture.given(registered(), goal())
                .when(new AddGoal(FOOD_SAFETY, "保障药品医疗器械安全", 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void rejectsAGoalAfterTheTargetsWereSubmitted() {
        fixture.given(plus(drafted(), new TargetsSubmitted(FOOD_SAFETY, 1, 5, new BigDecimal("50.00"))))
                .when(new AddGoal(FOOD_SAFETY, "再加一个目标", null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot add a goal: the plan is 目标已报送 (TARGETS_SUBMITTED)"));
    }

    @Test
    void setsAnIndicatorWithItsParsedTarget() {
        fixture.given(registered(), budgetOpened(), goal())
                .when(target(new IndicatorCode("SPAQ.CJ"), 1, "食品监督抽检", "5", "1800 批次"))
                .expectEvents(new IndicatorTargetSet(FOOD_SAFETY, indicator(new IndicatorCode("SPAQ.CJ"),
                        IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "食品监督抽检", "5", "1800 批次")));
    }

    /** Seed 003 (硚口 2020): 农贸市场中心城区排名 "≥4" is a rank, better lower; so stated, it reads 第4名 or better. */
    @Test
    void setsAnIndicatorWithTheDirectionItsTableStates() {
        IndicatorCode rank = new IndicatorCode("QK.07");
        Indicator expected = new Indicator(rank, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUALITY, "农贸市场中心城区排名",
                null, Target.parse("≥4"), Direction.LOWER_IS_BETTER);
        fixture.given(registered(), budgetOpened(), goal())
                .when(new SetAnnualTarget(FOOD_SAFETY, rank, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUALITY,
                        "农贸市场中心城区排名", null, Target.parse("≥4"), Direction.LOWER_IS_BETTER, null))
                .expectEvents(new IndicatorTargetSet(FOOD_SAFETY, expected));
        assertThat(((TargetValue.Quantity) expected.target().value()).comparator()).isEqualTo(Comparator.AT_MOST);
        // third place is better than fourth: met, 25% under the rank aimed at
        fixture.given(plus(inExecution(), new IndicatorTargetSet(FOOD_SAFETY, expected)))
                .when(new RecordCompletion(FOOD_SAFETY, rank, Target.parse("3"), null, null, null, null, false, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(hasToString(containsString("outcome=MET")));
    }

    @Test
    void givesACodeToAnIndicatorThatHasNone() {
        fixture.given(registered(), goal())
                .when(target(null, 1, "设置过期药品回收点", "5", "11 个"))
                .expectEvents(new IndicatorTargetSet(FOOD_SAFETY, indicator(new IndicatorCode("G1.1"),
                        IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "设置过期药品回收点", "5", "11 个")));
    }

    @Test
    void changesATargetWhileDrafting() {
        fixture.given(drafted())
                .when(target(PROMOTION, 1, "食品安全宣传品", "5", "6000 份"))
                .expectEvents(new IndicatorTargetSet(FOOD_SAFETY, indicator(PROMOTION, IndicatorLevel1.OUTPUT,
                        IndicatorLevel2.QUANTITY, "食品安全宣传品", "5", "6000 份")));
    }

    @Test
    void settingTheSameTargetAgainChangesNothing() {
        fixture.given(drafted())
                .when(target(PROMOTION, 1, "食品安全宣传品", "5", "5000 份"))
                .expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void rejectsAnIndicatorUnderAGoalThatDoesNotExist() {
        fixture.given(registered(), goal())
                .when(target(null, 2, "某指标", "5", "1次"))
                .expectNoEvents()
                .expectException(rejection("indicator.unknown-goal", "goal must be one of the plan's goals, 1 to 1; got 2"));
    }

    private static SetAnnualTarget picked(String library, IndicatorLevel2 level2) {
        return new SetAnnualTarget(FOOD_SAFETY, new IndicatorCode("SPAQ.ZJ"), 1, IndicatorLevel1.OUTPUT, level2,
                "抽检资金到位率", Points.parse("10"), Target.parse("100%"), null, new IndicatorCode(library), null);
    }

    /** An indicator picked from the district's library records the library's code and the version in force. */
    @Test
    void picksAnIndicatorFromTheLibrary() {
        fixture.given(registered(), goal())
                .when(picked("GX.ZJDWL", IndicatorLevel2.QUALITY))
                .expectEvents(new IndicatorTargetSet(FOOD_SAFETY, new Indicator(new IndicatorCode("SPAQ.ZJ"), 1,
                        IndicatorLevel1.OUTPUT, IndicatorLevel2.QUALITY, "抽检资金到位率", Points.parse("10"),
                        Target.parse("100%"), null, new LibraryRef(new IndicatorCode("GX.ZJDWL"), 2))));
    }

    @Test
    void refusesALibraryIndicatorThatIsUnknownRetiredOrOfAnotherClass() {
        fixture.given(registered(), goal())
                .when(picked("GX.NONE", IndicatorLevel2.QUALITY))
                .expectNoEvents()
                .expectException(rejection("indicator.library-unknown", "library has no GX.NONE"));
        fixture.given(registered(), goal())
                .when(picked("GX.JSX", IndicatorLevel2.TIMELINESS))
                .expectNoEvents()
                .expectException(rejection("indicator.library-retired", "GX.JSX (完成及时性) is retired"));
        fixture.given(registered(), goal())
                .when(picked("GX.ZJDWL", IndicatorLevel2.QUANTITY))
                .expectNoEvents()
                .expectException(rejection("indicator.library-class", "is a 产出指标 / 质量指标, not 产出指标 / 数量指标"));
    }

    @Test
    void rejectsASecondLevelThatIsNotUnderTheFirst() {
        fixture.given(registered(), goal())
                .when(new SetAnnualTarget(FOOD_SAFETY, null, 1, IndicatorLevel1.SATISFACTION, IndicatorLevel2.QUANTITY,
                        "满意度", Points.parse("10"), Target.parse("80%"), null))
                .expectNoEvents()
                .expectException(rejection("indicator.level2", "二级指标 数量指标 is not one of 满意度指标"));
    }

    @Test
    void rejectsChangingATargetOnceApproved() {
        fixture.given(inExecution())
                .when(target(PROMOTION, 1, "食品安全宣传品", "5", "6000 份"))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot set a target: the plan is 执行中 (IN_EXECUTION)"));
    }

    /** 硚口 2020's tables print no 分值: an indicator may have none, which is not 0. */
    @Test
    void setsAnIndicatorWithoutAWeightAndSubmitsWithTheWeightsThatAreSet() {
        IndicatorCode unweighted = new IndicatorCode("SPAQ.WQ");
        Indicator set = new Indicator(unweighted, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "投诉处置率", null,
                Target.parse("100%"));
        fixture.given(drafted())
                .when(new SetAnnualTarget(FOOD_SAFETY, unweighted, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY,
                        "投诉处置率", null, Target.parse("100%"), null))
                .expectEvents(new IndicatorTargetSet(FOOD_SAFETY, set));
        fixture.given(plus(drafted(), new IndicatorTargetSet(FOOD_SAFETY, set)))
                .when(new SubmitTargets(FOOD_SAFETY, null))
                // six indicators, the five weighted ones adding up to 50
                .expectEvents(new TargetsSubmitted(FOOD_SAFETY, 1, 6, new BigDecimal("50.00")));
    }

    @Test
    void submitsTheTargetsWithTheirTotalWeight() {
        fixture.given(drafted())
                .when(new SubmitTargets(FOOD_SAFETY, null))
                .expectEvents(new TargetsSubmitted(FOOD_SAFETY, 1, 5, new BigDecimal("50.00")));
    }

    @Test
    void rejectsSubmittingWithoutIndicators() {
        fixture.given(registered(), goal())
                .when(new SubmitTargets(FOOD_SAFETY, null))
                .expectNoEvents()
                .expectException(rejection("targets.no-indicators", "there are no indicators to submit"));
    }

    @Test
    void rejectsSubmittingAGoalWithoutIndicators() {
        fixture.given(plus(drafted(), new GoalAdded(FOOD_SAFETY, 2, "第二个目标")))
                .when(new SubmitTargets(FOOD_SAFETY, null))
                .expectNoEvents()
                .expectException(rejection("targets.goal-without-indicator", "annual goal 2 has no indicator"));
    }

    @Test
    void financeApprovesTheTargets() {
        fixture.given(plus(drafted(), new TargetsSubmitted(FOOD_SAFETY, 1, 5, new BigDecimal("50.00"))))
                .when(new ApproveTargets(FOOD_SAFETY, "同意", null))
                .expectEvents(new TargetsApproved(FOOD_SAFETY, "同意"));
    }

    @Test
    void rejectsApprovingTargetsNotSubmitted() {
        fixture.given(drafted())
                .when(new ApproveTargets(FOOD_SAFETY, null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot approve the targets: the plan is 目标编制中 (DRAFTING)"));
    }

    @Test
    void financeReturnsTheTargetsForRework() {
        fixture.given(plus(drafted(), new TargetsSubmitted(FOOD_SAFETY, 1, 5, new BigDecimal("50.00"))))
                .when(new ReturnTargets(FOOD_SAFETY, "指标值设置不准确", null))
                .expectEvents(new TargetsReturned(FOOD_SAFETY, "指标值设置不准确"));
    }

    @Test
    void rejectsReturningTargetsWithoutAReason() {
        fixture.given(plus(drafted(), new TargetsSubmitted(FOOD_SAFETY, 1, 5, new BigDecimal("50.00"))))
                .when(new ReturnTargets(FOOD_SAFETY, "", null))
                .expectNoEvents()
                .expectException(rejection("text.required", "reason is required"));
    }
}
