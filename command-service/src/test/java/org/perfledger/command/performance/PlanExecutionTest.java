package org.perfledger.command.performance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.PASS_RATE;
import static org.perfledger.command.plan.SeedPlans.RAPID_TESTS;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.plan.AnnualPlan;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.performance.PerformanceCommands.AddIndicatorAtSelfEvaluation;
import org.perfledger.command.performance.PerformanceCommands.ApproveTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RecordCompletion;
import org.perfledger.command.performance.PerformanceCommands.RejectTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RequestTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.SubmitMonitoringReport;
import org.perfledger.command.plan.PlanCommands.CloseYear;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorAddedAtSelfEvaluation;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;

/** The year in execution: completions, monitoring reports, target adjustments and the close. */
class PlanExecutionTest {

    private static final LocalDate DEC_29 = LocalDate.of(2018, 12, 29);
    private AggregateTestFixture<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = SeedPlans.fixture();
    }

    private static RecordCompletion completion(IndicatorCode code, String value, LocalDate asOf) {
        return new RecordCompletion(FOOD_SAFETY, code, Target.parse(value), "实际开展4944批次，超出计划41.0%", asOf,
                "快检台账", null, false, null);
    }

    private static TargetAdjustmentRequested requested() {
        return new TargetAdjustmentRequested(FOOD_SAFETY, 1, RAPID_TESTS, Target.parse("3000 批次"),
                Points.parse("5"), "上半年疫情影响市场开业");
    }

    @Test
    void recordsACompletionWithItsTextAndValue() {
        // seed 001: 食品安全快速检测 目标值 3500 批次, 实际完成值 4944 批次, 偏差率 +41.0%
        fixture.given(inExecution())
                .when(completion(RAPID_TESTS, "4944 批次", DEC_29))
                .expectEvents(new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"),
                        "实际开展4944批次，超出计划41.0%", DEC_29, "快检台账", null))
                .expectResultMessagePayloadMatching(hasToString(containsString("outcome=MET, deviationRate=41.26")));
    }

    @Test
    void aLaterCompletionReplacesTheEarlierOneAndBothStay() {
        fixture.given(plus(inExecution(), new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("2100 批次"),
                        null, LocalDate.of(2018, 6, 30), null, null)))
                .when(completion(RAPID_TESTS, "4944 批次", DEC_29))
                .expectEvents(new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"),
                        "实际开展4944批次，超出计划41.0%", DEC_29, "快检台账", null));
    }

    /** A year's figure as a self-evaluation table prints it: no day is stated, and none is made up. */
    @Test
    void recordsACompletionWhoseSourceStatesNoDate() {
        fixture.given(inExecution())
                .when(completion(RAPID_TESTS, "4944 批次", null))
                .expectEvents(new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"),
                        "实际开展4944批次，超出计划41.0%", null, "快检台账", null));
        // an undated one after a dated one keeps the date to go by: a later one may still not be dated before it
        fixture.given(plus(inExecution(), new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("4000 批次"),
                        null, DEC_29, null, null), new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS,
                        Target.parse("4944 批次"), null, null, null, null)))
                .when(completion(RAPID_TESTS, "2100 批次", LocalDate.of(2018, 6, 30)))
                .expectNoEvents()
                .expectException(rejection("completion.before-latest", "as of 2018-12-29 is already recorded"));
    }

    @Test
    void rejectsACompletionDatedBeforeTheLatest() {
        fixture.given(plus(inExecution(), new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"),
                        null, DEC_29, null, null)))
                .when(completion(RAPID_TESTS, "2100 批次", LocalDate.of(2018, 6, 30)))
                .expectNoEvents()
                .expectException(rejection("completion.before-latest", "as of 2018-12-29 is already recorded"));
    }

    @Test
    void rejectsACompletionOfAnUnknownIndicator() {
        fixture.given(inExecution())
                .when(completion(new IndicatorCode("NOPE"), "1次", DEC_29))
                .expectNoEvents()
                .expectException(rejection("indicator.unknown", "the plan has no indicator NOPE"));
    }

    @Test
    void rejectsACompletionOutsideTheYear() {
        fixture.given(inExecution())
                .when(completion(RAPID_TESTS, "4944 批次", LocalDate.of(2019, 5, 20)))
                .expectNoEvents()
                .expectException(rejection("date.outside-year", "asOf must fall within the fiscal year 2018"));
    }

    @Test
    void rejectsAJudgementOnANumericTarget() {
        fixture.given(inExecution())
                .when(new RecordCompletion(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"), null, DEC_29, null,
                        Achievement.ACHIEVED, false, null))
                .expectNoEvents()
                .expectException(rejection("completion.achievement-quantitative", "is judged from its value"));
    }

    @Test
    void rejectsAnActualOfAnotherKindThanItsTarget() {
        // "3500 批次" is a count: words, a percentage or another unit are no completion of it
        for (String actual : new String[] {"很多", "100%", "4944 家"}) {
            fixture.given(inExecution())
                    .when(new RecordCompletion(FOOD_SAFETY, RAPID_TESTS, Target.parse(actual), null, DEC_29, null, null,
                            false, null))
                    .expectNoEvents()
                    .expectException(rejection("completion.kind-mismatch", "is no 实际完成值 of '3500 批次'"));
        }
    }

    @Test
    void recordsAnActualOfAnotherKindAsADocumentPrintsIt() {
        // seed 003 (硚口 2020 食品抽检) prints "100%" for a target of "200 批次": kept as printed, for the scorecard to flag
        fixture.given(inExecution())
                .when(new RecordCompletion(FOOD_SAFETY, RAPID_TESTS, Target.parse("100%"), null, DEC_29, null, null,
                        true, null))
                .expectEvents(new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("100%"), null, DEC_29, null,
                        null));
    }

    @Test
    void rejectsACompletionBeforeTheTargetsAreApproved() {
        fixture.given(drafted())
                .when(completion(RAPID_TESTS, "4944 批次", DEC_29))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot record a completion: the plan is 目标编制中 (DRAFTING)"));
    }

    @Test
    void submitsAMonitoringReportWithTheBudgetAsItStands() {
        List<IndicatorProgress> progress = List.of(new IndicatorProgress(RAPID_TESTS, "2100 批次", null, null),
                new IndicatorProgress(PASS_RATE, "98.1%", "低于目标", "加强后处理"));
        LocalDate asOf = LocalDate.of(2018, 6, 30);
        fixture.given(plus(inExecution(), new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("60.00"), asOf,
                        ExpenditureClass.PROJECT, null, "快检服务", null, WanYuan.of("60.00"), WanYuan.of("149.60"), false)))
                .when(new SubmitMonitoringReport(FOOD_SAFETY, "H1", asOf, progress, "合格率低于目标", "加强后处理", null))
                .expectEvents(new MonitoringReportSubmitted(FOOD_SAFETY, "H1", asOf, WanYuan.of("149.60"),
                        WanYuan.of("60.00"), progress, "合格率低于目标", "加强后处理"));
    }

    @Test
    void rejectsAMonitoringReportFinanceDidNotSchedule() {
        fixture.given(inExecution())
                .when(new SubmitMonitoringReport(FOOD_SAFETY, "Q3", LocalDate.of(2018, 9, 30), List.of(), null, null,
                        null))
                .expectNoEvents()
                .expectException(rejection("monitoring.unscheduled", "has not scheduled a monitoring round 'Q3'"));
    }

    @Test
    void rejectsASecondReportForTheSamePeriod() {
        LocalDate asOf = LocalDate.of(2018, 6, 30);
        fixture.given(plus(inExecution(), new MonitoringReportSubmitted(FOOD_SAFETY, "H1", asOf, WanYuan.of("149.60"),
                        WanYuan.ZERO, List.of(), null, null)))
                .when(new SubmitMonitoringReport(FOOD_SAFETY, "H1", asOf, List.of(), null, null, null))
                .expectNoEvents()
                .expectException(rejection("monitoring.already-submitted", "for 'H1' was already submitted"));
    }

    @Test
    void requestsATargetAdjustment() {
        fixture.given(inExecution())
                .when(new RequestTargetAdjustment(FOOD_SAFETY, RAPID_TESTS, Target.parse("3000 批次"), null,
                        "上半年疫情影响市场开业", null))
                .expectEvents(requested());
    }

    @Test
    void rejectsASecondRequestForTheSameIndicatorWhileOneWaits() {
        fixture.given(plus(inExecution(), requested()))
                .when(new RequestTargetAdjustment(FOOD_SAFETY, RAPID_TESTS, Target.parse("2800 批次"), null, "再调",
                        null))
                .expectNoEvents()
                .expectException(rejection("target-adjustment.pending", "is already waiting for district finance"));
    }

    @Test
    void rejectsARequestThatChangesNothing() {
        fixture.given(inExecution())
                .when(new RequestTargetAdjustment(FOOD_SAFETY, RAPID_TESTS, Target.parse("3500 批次"), null, "无变化",
                        null))
                .expectNoEvents()
                .expectException(rejection("target-adjustment.unchanged", "are the ones already approved"));
    }

    @Test
    void rejectsATargetAdjustmentBeforeApproval() {
        fixture.given(drafted())
                .when(new RequestTargetAdjustment(FOOD_SAFETY, RAPID_TESTS, Target.parse("3000 批次"), null, "调整",
                        null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot request a target adjustment"));
    }

    @Test
    void financeApprovesATargetAdjustment() {
        fixture.given(plus(inExecution(), requested()))
                .when(new ApproveTargetAdjustment(FOOD_SAFETY, 1, "同意调整", null))
                .expectEvents(new TargetAdjustmentApproved(FOOD_SAFETY, 1, RAPID_TESTS, Target.parse("3500 批次"),
                        Target.parse("3000 批次"), Points.parse("5"), Points.parse("5"), "同意调整"));
    }

    @Test
    void rejectsDecidingARequestThatDoesNotWait() {
        fixture.given(inExecution())
                .when(new ApproveTargetAdjustment(FOOD_SAFETY, 7, null, null))
                .expectNoEvents()
                .expectException(rejection("target-adjustment.unknown", "no target adjustment 7 is waiting"));
    }

    @Test
    void financeRejectsATargetAdjustment() {
        fixture.given(plus(inExecution(), requested()))
                .when(new RejectTargetAdjustment(FOOD_SAFETY, 1, "理由不充分", null))
                .expectEvents(new TargetAdjustmentRejected(FOOD_SAFETY, 1, RAPID_TESTS, "理由不充分"));
    }

    private static final IndicatorCode STATIONS = new IndicatorCode("SPAQ.HSD2");

    /** Seed 001's wording for what its tables measure that the approved targets did not hold. */
    private static final String REFLECTED = "上述调整完善措施已在本次自评时予以体现";

    private static AddIndicatorAtSelfEvaluation addedLate(IndicatorCode code) {
        return new AddIndicatorAtSelfEvaluation(FOOD_SAFETY, code, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY,
                "设置过期药品回收点", Points.parse("5"), Target.parse("11 个"), null, REFLECTED, null);
    }

    private static Object[] closed() {
        return plus(inExecution(), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.ZERO, WanYuan.ZERO,
                WanYuan.ZERO));
    }

    @Test
    void addsAnIndicatorAtTheSelfEvaluationWithItsReasonAndThenTakesItsCompletion() {
        Indicator added = new Indicator(STATIONS, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "设置过期药品回收点",
                Points.parse("5"), Target.parse("11 个"), null);
        fixture.given(closed())
                .when(addedLate(STATIONS))
                .expectEvents(new IndicatorAddedAtSelfEvaluation(FOOD_SAFETY, added, REFLECTED));
        fixture.given(plus(closed(), new IndicatorAddedAtSelfEvaluation(FOOD_SAFETY, added, REFLECTED)))
                .when(new RecordCompletion(FOOD_SAFETY, STATIONS, Target.parse("11 个"), null, null, null, null, true,
                        null))
                .expectEvents(new CompletionRecorded(FOOD_SAFETY, STATIONS, Target.parse("11 个"), null, null, null,
                        null));
    }

    @Test
    void addsNoIndicatorAtTheSelfEvaluationBeforeTheYearClosesNorOneTheTargetsHold() {
        fixture.given(inExecution())
                .when(addedLate(STATIONS))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "add an indicator at the self-evaluation"));
        fixture.given(closed())
                .when(addedLate(RAPID_TESTS))
                .expectNoEvents()
                .expectException(rejection("indicator.exists", "already has indicator " + RAPID_TESTS));
        fixture.given(closed())
                .when(new AddIndicatorAtSelfEvaluation(FOOD_SAFETY, STATIONS, 1, IndicatorLevel1.OUTPUT,
                        IndicatorLevel2.QUANTITY, "设置过期药品回收点", null, Target.parse("11 个"), null, " ", null))
                .expectNoEvents()
                .expectException(rejection("text.required", "reason"));
    }

    @Test
    void closesTheYearWithItsFigures() {
        fixture.given(plus(inExecution(), new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("149.60"), DEC_29,
                        ExpenditureClass.PROJECT, null, "全年支出", null, WanYuan.of("149.60"), WanYuan.of("149.60"), false)))
                .when(new CloseYear(FOOD_SAFETY, null))
                .expectEvents(new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"), WanYuan.ZERO,
                        WanYuan.of("149.60")));
    }

    @Test
    void rejectsClosingWhileATargetAdjustmentWaits() {
        fixture.given(plus(inExecution(), requested()))
                .when(new CloseYear(FOOD_SAFETY, null))
                .expectNoEvents()
                .expectException(rejection("year.pending-adjustments", "[1] still wait for a decision"));
    }

    @Test
    void rejectsClosingWithLinesThatNoLongerAddUp() {
        DocumentNumber doc = new DocumentNumber("武新管财字[2018]56号");
        fixture.given(plus(inExecution(),
                        new BudgetLinesSet(FOOD_SAFETY, List.of(new BudgetLine("食品安全宣传费", WanYuan.of("149.60"))),
                                WanYuan.of("149.60")),
                        new BudgetAdjusted(FOOD_SAFETY, 1, AdjustmentKind.UPPER_LEVEL_TRANSFER,
                                FundingSource.UPPER_LEVEL_TRANSFER, ExpenditureClass.PROJECT, WanYuan.of("20.91"),
                                WanYuan.of("149.60"), WanYuan.of("170.51"), "上级转移支付", doc, DEC_29)))
                .when(new CloseYear(FOOD_SAFETY, null))
                .expectNoEvents()
                .expectException(rejection("year.lines-unbalanced", "sums to 149.60 but the budget is now 170.51"));
    }

    @Test
    void rejectsClosingTwice() {
        fixture.given(plus(inExecution(), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"),
                        WanYuan.ZERO, WanYuan.ZERO)))
                .when(new CloseYear(FOOD_SAFETY, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot close the year: the plan is 年度已结束 (CLOSED)"));
    }
}
