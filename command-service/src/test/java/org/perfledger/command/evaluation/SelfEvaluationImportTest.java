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
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.SelfEvaluationWorkbook;
import org.perfledger.command.evaluation.TableWorkbook;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.FieldError;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
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
 * A filled-in 自评表 imported into the closed 东湖 2018 食品药品安全专项 (see {@link PlanEvaluationTest} for its
 * actuals): the table's new actuals and its self-evaluation in one go, or every bad cell and nothing recorded.
 */
class SelfEvaluationImportTest {

    private static final LocalDate DEC_31 = LocalDate.of(2018, 12, 31);
    private static final String FILE = "2018-scjgj-SPAQ-自评表.xlsx";
    private AggregateTestFixture<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = SeedPlans.fixture();
    }

    private static Object[] closedWithActuals() {
        return plus(plus(inExecution(), SeedPlans.actuals()), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"), WanYuan.ZERO, WanYuan.ZERO));
    }

    /** The table as the department fills it in: 满意度 now 85.0% (row 11), reasons for 快检 and 合格率. */
    private static TableWorkbook filledIn() {
        return new TableWorkbook()
                .indicator("产出指标", "数量指标", "食品安全宣传品", "5000 份", "5000 份", 5, 5, null)
                .indicator("产出指标", "数量指标", "食品安全快速检测", "3500 批次", "4944 批次", 5, 5, "为保障军运会，增加快检批次")
                .indicator("产出指标", "质量指标", "食品监督抽检合格率", "99.0%以上", "98.4%", 10, 9.94, "部分抽检产品不合格")
                .indicator("效益指标", "社会效益指标", "全区重大食品安全事故", "0 次", "0 次", 10, 10, null)
                .indicator("满意度指标", "服务对象满意度指标", "区群众食品药品安全满意度", "80.0%以上", "85.0%", 20, 20, null)
                .total(49.94, "差")
                .withTexts();
    }

    private static ImportSelfEvaluationTable importing(TableWorkbook table, LocalDate asOf) {
        return new ImportSelfEvaluationTable(FOOD_SAFETY, SelfEvaluationWorkbook.read(table.bytes()), FILE, asOf, null);
    }

    @Test
    void recordsTheTablesNewActualsAndSubmitsItsSelfEvaluation() {
        fixture.given(closedWithActuals())
                .when(importing(filledIn(), DEC_31))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new CompletionRecorded(FOOD_SAFETY, SATISFACTION, Target.parse("85.0%"),
                                "自评表导入（单元格 E11）", DEC_31, "自评表 " + FILE, null),
                        new SelfEvaluationSubmitted(FOOD_SAFETY, 1, List.of(
                                new IndicatorEvaluation(PROMOTION, Points.parse("5"), null, null),
                                new IndicatorEvaluation(RAPID_TESTS, Points.parse("5"), null, "为保障军运会，增加快检批次"),
                                new IndicatorEvaluation(PASS_RATE, Points.parse("9.94"), null, "部分抽检产品不合格"),
                                new IndicatorEvaluation(NO_FOOD_ACCIDENT, Points.parse("10"), null, null),
                                new IndicatorEvaluation(SATISFACTION, Points.parse("20"), null, null)),
                                TotalScore.parse("49.94"), Grade.POOR, new BigDecimal("0.0"), Points.parse("0"), 3,
                                "快检超计划，合格率略低", "创新监管方式，提升监管效能", "作为预算编制的重要依据",
                                "随部门预决算公开", List.of()));
    }

    @Test
    void namesEveryBadCellAndRecordsNothing() {
        TableWorkbook table = new TableWorkbook()
                .budget(149.60, 12.00, "8.0%", 1.6)
                .indicator("产出指标", "数量指标", "食品安全宣传品", "5000 份", "5000 份", "五", 5, null)
                .indicator("产出指标", "数量指标", "食品安全快速检测", "3000 批次", "4944 批次", 5, 5, "增加快检批次")
                .indicator("产出指标", "质量指标", "食品监督抽检合格率", "99.0%以上", "98.4%", 10, 9.94, null)
                .indicator("效益指标", "社会效益指标", "全区重大食品安全事故", "0 次", "0 次", 10, 10, null)
                .indicator("满意度指标", "服务对象满意度指标", "不存在的指标", "80.0%以上", "85.0%", 20, 20, null)
                .withTexts();
        fixture.given(closedWithActuals())
                .when(importing(table, DEC_31))
                .expectNoEvents()
                .expectException(cells("C4", "A6", "F7", "D8", "H9", "C11"));
    }

    @Test
    void theTextsTheSelfEvaluationNeedsAreRequired() {
        TableWorkbook table = filledIn().text("改进措施", "").text("公开计划", " ");
        fixture.given(closedWithActuals())
                .when(importing(table, DEC_31))
                .expectNoEvents()
                .expectException(cells("B14", "B16"));
    }

    @Test
    void aNewActualCannotBeDatedBeforeTheLatestCompletion() {
        fixture.given(closedWithActuals())
                .when(importing(filledIn(), DEC_31.minusDays(1)))
                .expectNoEvents()
                .expectException(cells("E11"));
    }

    @Test
    void onlyAClosedYearTakesItsSelfEvaluationTable() {
        fixture.given(inExecution())
                .when(importing(filledIn(), DEC_31))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "import the self-evaluation table"));
    }

    /** A refusal naming exactly these cells, in this order. */
    private static Matcher<Throwable> cells(String... addresses) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRejection rejection
                        && rejection.errors().stream().map(FieldError::field).toList().equals(List.of(addresses));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal naming the cells " + List.of(addresses));
            }

            @Override
            protected void describeMismatchSafely(Throwable item, Description mismatch) {
                mismatch.appendText(item instanceof DomainRejection rejection ? rejection.errors().toString()
                        : item.toString());
            }
        };
    }
}
