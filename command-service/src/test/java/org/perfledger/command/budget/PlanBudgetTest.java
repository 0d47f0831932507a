package org.perfledger.command.budget;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.perfledger.command.plan.SeedPlans.DONGHU;
import static org.perfledger.command.plan.SeedPlans.DONGHU_WIDE;
import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.Y2018;
import static org.perfledger.command.plan.SeedPlans.budgetOpened;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.registered;
import static org.perfledger.command.plan.SeedPlans.rejection;

import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.plan.AnnualPlan;
import org.perfledger.command.planning.Receipt;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.budget.BudgetCommands.StateSpendingBySource;
import org.perfledger.command.budget.BudgetCommands.AdjustBudget;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.NoteBudgetAdjustment;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.plan.PlanCommands.RegisterProject;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.AdjustmentPart;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjustmentNoted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;

/** Registering projects and the budget of a plan, with the figures of seeds 000, 001 and 003. */
class PlanBudgetTest {

    private static final DocumentNumber DOC = new DocumentNumber("武新管财字[2018]56号");
    private static final LocalDate JUNE = LocalDate.of(2018, 6, 30);
    private AggregateTestFixture<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = SeedPlans.fixture();
    }

    private static RegisterProject register(PlanId plan, String name) {
        return new RegisterProject(plan, name, List.of("食品科", "药械科"), ProjectCategory.DEPARTMENT_BUDGET,
                ProjectAttribute.CONTINUING, List.of(ProjectType.RECURRING), "东湖高新区财政局行财科");
    }

    private static AdjustBudget adjust(AdjustmentKind kind, String amount, LocalDate date) {
        return new AdjustBudget(FOOD_SAFETY, kind, WanYuan.of(amount), null, null, "上级转移支付资金", DOC, date, null);
    }

    private static BudgetAdjusted transferred() {
        return new BudgetAdjusted(FOOD_SAFETY, 1, AdjustmentKind.UPPER_LEVEL_TRANSFER,
                FundingSource.UPPER_LEVEL_TRANSFER, ExpenditureClass.PROJECT, WanYuan.of("20.91"),
                WanYuan.of("149.60"), WanYuan.of("170.51"), "上级转移支付资金", DOC, JUNE);
    }

    @Test
    void registersAProjectWithTheHeadOfItsSelfEvaluationTable() {
        fixture.givenNoPriorActivity()
                .when(register(FOOD_SAFETY, "食品药品安全专项"))
                .expectEvents(registered())
                .expectResultMessagePayload(Receipt.of(FOOD_SAFETY.aggregateId(), 0, "name", "食品药品安全专项",
                        "phase", "DRAFTING"));
    }

    @Test
    void rejectsRegisteringAProjectTwice() {
        fixture.given(registered())
                .when(register(FOOD_SAFETY, "食品药品安全专项"))
                .expectNoEvents()
                .expectException(rejection("project.already-registered", "SPAQ of donghu/scjgj is already registered"));
    }

    @Test
    void rejectsAProjectOfAnUnregisteredDepartment() {
        fixture.givenNoPriorActivity()
                .when(register(PlanId.project(SeedPlans.UNREGISTERED, Y2018, "X"), "某项目"))
                .expectNoEvents()
                .expectException(rejection("department.unknown", "donghu/nobody is not registered"));
    }

    @Test
    void rejectsAProjectWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(register(FOOD_SAFETY, " "))
                .expectNoEvents()
                .expectException(rejection("text.required", "name is required"));
    }

    @Test
    void opensAProjectBudgetByFundingSource() {
        fixture.given(registered())
                .when(new OpenBudget(FOOD_SAFETY, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("149.60")),
                        Map.of(), null))
                .expectEvents(budgetOpened());
    }

    @Test
    void theDepartmentWidePlanBeginsWithItsBudget() {
        // seed 002 (如皋 2023): 年初预算 15326.63 = 14446.63 + 880; 基本支出 12256.45 + 项目支出 3070.18
        Map<FundingSource, WanYuan> sources = Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("14446.63"),
                FundingSource.GOVERNMENT_FUND, WanYuan.of("880.00"));
        // its 基本支出 is not divided into 人员经费 and 公用经费: kept whole
        Map<ExpenditureClass, WanYuan> classes = Map.of(ExpenditureClass.BASIC, WanYuan.of("12256.45"),
                ExpenditureClass.PROJECT, WanYuan.of("3070.18"));
        fixture.givenNoPriorActivity()
                .when(new OpenBudget(DONGHU_WIDE, sources, classes, null))
                .expectEvents(new DepartmentPlanStarted(DONGHU_WIDE),
                        new BudgetOpened(DONGHU_WIDE, sources, classes, WanYuan.of("15326.63")));
    }

    @Test
    void basicSpendingIsDividedOrKeptWholeNeverBoth() {
        Map<FundingSource, WanYuan> sources = Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00"));
        fixture.givenNoPriorActivity()
                .when(new OpenBudget(DONGHU_WIDE, sources, Map.of(ExpenditureClass.BASIC, WanYuan.of("60.00"),
                        ExpenditureClass.PERSONNEL, WanYuan.of("40.00")), null))
                .expectNoEvents()
                .expectException(rejection("budget.basic-divided-and-whole", "not both"));
        Object[] whole = {new DepartmentPlanStarted(DONGHU_WIDE), new BudgetOpened(DONGHU_WIDE, sources,
                Map.of(ExpenditureClass.BASIC, WanYuan.of("60.00"), ExpenditureClass.PROJECT, WanYuan.of("40.00")),
                WanYuan.of("100.00")), new TargetsSubmitted(DONGHU_WIDE, 0, 0, BigDecimal.ZERO),
                new TargetsApproved(DONGHU_WIDE, null)};
        fixture.given(whole)
                .when(new RecordExpenditure(DONGHU_WIDE, WanYuan.of("1.00"), JUNE, ExpenditureClass.PERSONNEL, null,
                        "工资", null, false, null))
                .expectNoEvents()
                .expectException(rejection("expenditure.basic-whole", "charge 基本支出 (BASIC)"));
        fixture.given(whole)
                .when(new RecordExpenditure(DONGHU_WIDE, WanYuan.of("59.00"), null, ExpenditureClass.BASIC, null,
                        "基本支出总额", null, false, null))
                .expectEvents(new ExpenditureRecorded(DONGHU_WIDE, WanYuan.of("59.00"), null, ExpenditureClass.BASIC,
                        null, "基本支出总额", null, WanYuan.of("59.00"), WanYuan.of("100.00"), false));
        fixture.given(new DepartmentPlanStarted(DONGHU_WIDE), new BudgetOpened(DONGHU_WIDE, sources,
                        Map.of(ExpenditureClass.PERSONNEL, WanYuan.of("60.00"), ExpenditureClass.PROJECT,
                                WanYuan.of("40.00")), WanYuan.of("100.00")),
                        new TargetsSubmitted(DONGHU_WIDE, 0, 0, BigDecimal.ZERO), new TargetsApproved(DONGHU_WIDE, null))
                .when(new RecordExpenditure(DONGHU_WIDE, WanYuan.of("1.00"), JUNE, ExpenditureClass.BASIC, null,
                        "基本支出", null, false, null))
                .expectNoEvents()
                .expectException(rejection("expenditure.basic-divided", "name which of them"));
    }

    @Test
    void rejectsABudgetOfAnUnregisteredProject() {
        fixture.givenNoPriorActivity()
                .when(new OpenBudget(FOOD_SAFETY, Map.of(FundingSource.OTHER, WanYuan.of("1.00")), Map.of(), null))
                .expectNoEvents()
                .expectException(rejection("project.unknown", "project SPAQ of donghu/scjgj is not registered for 2018"));
    }

    @Test
    void rejectsOpeningABudgetTwice() {
        fixture.given(registered(), budgetOpened())
                .when(new OpenBudget(FOOD_SAFETY, Map.of(FundingSource.OTHER, WanYuan.of("1.00")), Map.of(), null))
                .expectNoEvents()
                .expectException(rejection("budget.already-opened", "already open at 149.60"));
    }

    /**
     * 天心 2020's report prints its spending and no budget: the budget is opened as not stated, spending is recorded
     * against none (never over it), and what only a stated budget allows is refused.
     */
    @Test
    void aBudgetTheDocumentsDoNotStateTakesSpendingButNoAdjustment() {
        fixture.given(registered())
                .when(new OpenBudget(FOOD_SAFETY, Map.of(), Map.of(), true, null))
                .expectEvents(new BudgetOpened(FOOD_SAFETY, Map.of(), Map.of(), WanYuan.ZERO, true));
        Object[] unstated = replaced(inExecution(), budgetOpened(),
                new BudgetOpened(FOOD_SAFETY, Map.of(), Map.of(), WanYuan.ZERO, true));
        fixture.given(unstated)
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("1527.20"), JUNE, null, null, "业务工作经费", null,
                        false, null))
                .expectEvents(new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("1527.20"), JUNE,
                        ExpenditureClass.PROJECT, null, "业务工作经费", null, WanYuan.of("1527.20"), WanYuan.ZERO, false));
        fixture.given(unstated)
                .when(adjust(AdjustmentKind.SUPPLEMENT, "1.00", JUNE))
                .expectNoEvents()
                .expectException(rejection("budget.unstated", "state no budget"));
        fixture.given(registered())
                .when(new OpenBudget(FOOD_SAFETY, Map.of(FundingSource.OTHER, WanYuan.of("1.00")), Map.of(), true, null))
                .expectNoEvents()
                .expectException(rejection("budget.unstated-with-amounts", "no sources or classes"));
    }

    /** The events with one of them swapped for another. */
    private static Object[] replaced(Object[] events, Object old, Object replacement) {
        Object[] copy = events.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i].equals(old)) {
                copy[i] = replacement;
            }
        }
        return copy;
    }

    @Test
    void rejectsABudgetWithoutFundingSources() {
        fixture.given(registered())
                .when(new OpenBudget(FOOD_SAFETY, Map.of(), Map.of(), null))
                .expectNoEvents()
                .expectException(rejection("budget.sources-required", "at least one funding source"));
    }

    @Test
    void rejectsAnExpenditureSplitOnAProject() {
        fixture.given(registered())
                .when(new OpenBudget(FOOD_SAFETY, Map.of(FundingSource.OTHER, WanYuan.of("1.00")),
                        Map.of(ExpenditureClass.PERSONNEL, WanYuan.of("1.00")), null))
                .expectNoEvents()
                .expectException(rejection("budget.classes-project", "a project's budget is all 项目支出"));
    }

    @Test
    void rejectsAnExpenditureSplitThatDoesNotAddUp() {
        fixture.givenNoPriorActivity()
                .when(new OpenBudget(DONGHU_WIDE, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00")),
                        Map.of(ExpenditureClass.PERSONNEL, WanYuan.of("60.00"), ExpenditureClass.PROJECT,
                                WanYuan.of("30.00")), null))
                .expectNoEvents()
                .expectException(rejection("budget.classes-sum", "the classes sum to 90.00 but the funding sources to 100.00"));
    }

    /**
     * 如皋 2023 prints its 决算 by funding source (一般公共预算财政拨款 14962.36, 政府性基金预算 1140.04) beside the spending
     * by class: stated as printed, with their sum and the 执行数 they are to add up to; none below 0, at least one.
     */
    @Test
    void theSpendingByFundingSourceIsStatedAsPrinted() {
        Map<FundingSource, WanYuan> bySource = Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00"),
                FundingSource.UPPER_LEVEL_TRANSFER, WanYuan.of("20.91"));
        fixture.given(inExecution())
                .when(new StateSpendingBySource(FOOD_SAFETY, bySource, null))
                .expectEvents(new SpendingBySourceStated(FOOD_SAFETY, bySource, WanYuan.of("120.91"), WanYuan.ZERO));
        SeedPlans.fixture().given(inExecution())
                .when(new StateSpendingBySource(FOOD_SAFETY, Map.of(), null))
                .expectNoEvents()
                .expectException(rejection("spending-by-source.empty", "at least one funding source"));
        SeedPlans.fixture().given(inExecution())
                .when(new StateSpendingBySource(FOOD_SAFETY, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET,
                        WanYuan.of("-1.00")), null))
                .expectNoEvents()
                .expectException(rejection("money.non-negative", "bySource.GENERAL_PUBLIC_BUDGET"));
        SeedPlans.fixture().given(registered())
                .when(new StateSpendingBySource(FOOD_SAFETY, bySource, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot state the spending by funding source"));
    }

    @Test
    void adjustsTheBudgetByAnUpperLevelTransfer() {
        // seed 001: 年初预算 149.6 万元, 加上级转移支付资金 20.91 万元, 调整后预算资金为 170.51 万元
        fixture.given(inExecution())
                .when(adjust(AdjustmentKind.UPPER_LEVEL_TRANSFER, "20.91", JUNE))
                .expectEvents(transferred())
                .expectResultMessagePayloadMatching(hasToString(containsString("from=149.60, to=170.51")));
    }

    /** 东湖 2018's reports date no adjustment: the adjustment is recorded without a date, not with a made-up one. */
    @Test
    void adjustsWithoutADateWhereTheDocumentsGiveNone() {
        fixture.given(inExecution())
                .when(adjust(AdjustmentKind.UPPER_LEVEL_TRANSFER, "20.91", null))
                .expectEvents(new BudgetAdjusted(FOOD_SAFETY, 1, AdjustmentKind.UPPER_LEVEL_TRANSFER,
                        FundingSource.UPPER_LEVEL_TRANSFER, ExpenditureClass.PROJECT, WanYuan.of("20.91"),
                        WanYuan.of("149.60"), WanYuan.of("170.51"), "上级转移支付资金", DOC, null));
    }

    @Test
    void aReductionTakesMoneyAway() {
        // seed 001, 综合事务管理: 439.53 + 27.09 (新增) − 109.58 (减少九峰所、豹澥所维修费) = 357.04
        PlanId general = PlanId.project(DONGHU, Y2018, "ZHSW");
        BudgetAdjusted supplement = new BudgetAdjusted(general, 1, AdjustmentKind.SUPPLEMENT,
                FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureClass.PROJECT, WanYuan.of("27.09"),
                WanYuan.of("439.53"), WanYuan.of("466.62"), "新增打击传销购买服务经费", DOC, JUNE);
        fixture.given(new ProjectRegistered(general, "市场局综合事务管理专项",
                        List.of(), ProjectCategory.DEPARTMENT_BUDGET, ProjectAttribute.CONTINUING,
                        List.of(ProjectType.RECURRING), null),
                new BudgetOpened(general, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("439.53")), Map.of(),
                        WanYuan.of("439.53")),
                new TargetsSubmitted(general, 0, 0, BigDecimal.ZERO), new TargetsApproved(general, null),
                supplement)
                .when(new AdjustBudget(general, AdjustmentKind.REDUCTION, WanYuan.of("109.58"), null, null,
                        "减少九峰所、豹澥所维修费", DOC, LocalDate.of(2018, 11, 30), null))
                .expectEvents(new BudgetAdjusted(general, 2, AdjustmentKind.REDUCTION,
                        FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureClass.PROJECT, WanYuan.of("109.58"),
                        WanYuan.of("466.62"), WanYuan.of("357.04"), "减少九峰所、豹澥所维修费", DOC,
                        LocalDate.of(2018, 11, 30)));
    }

    /**
     * 蔡甸 2020 names a 压减 of four projects' funds under 《区财政局关于应对疫情影响平衡公共预算收支的工作方案》 and prints
     * no amount: it is kept as stated, no figure moves, and an item named twice is refused.
     */
    @Test
    void anAdjustmentNamedWithoutItsAmountIsKeptAndMovesNoFigure() {
        List<String> items = List.of("农贸市场以奖代补资金", "智慧食药监信息化工程");
        fixture.given(inExecution())
                .when(new NoteBudgetAdjustment(FOOD_SAFETY, AdjustmentKind.REDUCTION, items, "压缩非刚性开支",
                        "《区财政局关于应对疫情影响平衡公共预算收支的工作方案》", null, null))
                .expectEvents(new BudgetAdjustmentNoted(FOOD_SAFETY, AdjustmentKind.REDUCTION, items, "压缩非刚性开支",
                        "《区财政局关于应对疫情影响平衡公共预算收支的工作方案》", null));
        // the next adjustment starts from the budget as it was, and is the plan's first
        fixture.given(plus(inExecution(), new BudgetAdjustmentNoted(FOOD_SAFETY, AdjustmentKind.REDUCTION, items,
                        "压缩非刚性开支", null, null)))
                .when(adjust(AdjustmentKind.REDUCTION, "20.00", JUNE))
                .expectEvents(new BudgetAdjusted(FOOD_SAFETY, 1, AdjustmentKind.REDUCTION,
                        FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureClass.PROJECT, WanYuan.of("20.00"),
                        WanYuan.of("149.60"), WanYuan.of("129.60"), "上级转移支付资金", DOC, JUNE));
        fixture.given(inExecution())
                .when(new NoteBudgetAdjustment(FOOD_SAFETY, AdjustmentKind.REDUCTION, List.of("智慧食药监信息化工程",
                        "智慧食药监信息化工程"), "压缩非刚性开支", null, null, null))
                .expectNoEvents()
                .expectException(rejection("adjustment.item-duplicate", "named twice"));
    }

    /** Seed 001 itemises that reduction: 九峰所维修费 51.08 + 豹澥所维修费 58.50 = 109.58; parts must add up to it. */
    @Test
    void anItemisedAdjustmentKeepsItsPartsWhichAddUpToIt() {
        List<AdjustmentPart> parts = List.of(new AdjustmentPart("九峰所维修费", WanYuan.of("51.08")),
                new AdjustmentPart("豹澥所维修费", WanYuan.of("58.50")));
        fixture.given(inExecution())
                .when(new AdjustBudget(FOOD_SAFETY, AdjustmentKind.REDUCTION, WanYuan.of("109.58"), null, null,
                        "减少九峰所、豹澥所维修费", DOC, null, parts, null))
                .expectEvents(new BudgetAdjusted(FOOD_SAFETY, 1, AdjustmentKind.REDUCTION,
                        FundingSource.GENERAL_PUBLIC_BUDGET, ExpenditureClass.PROJECT, WanYuan.of("109.58"),
                        WanYuan.of("149.60"), WanYuan.of("40.02"), "减少九峰所、豹澥所维修费", DOC, null, parts));
        fixture.given(inExecution())
                .when(new AdjustBudget(FOOD_SAFETY, AdjustmentKind.REDUCTION, WanYuan.of("109.58"), null, null,
                        "减少九峰所、豹澥所维修费", DOC, null, List.of(parts.get(0),
                        new AdjustmentPart("豹澥所维修费", WanYuan.of("58.05"))), null))
                .expectNoEvents()
                .expectException(rejection("adjustment.parts-sum", "add up to 109.13 万元, not to the adjustment's "
                        + "109.58"));
        fixture.given(inExecution())
                .when(new AdjustBudget(FOOD_SAFETY, AdjustmentKind.REDUCTION, WanYuan.of("109.58"), null, null,
                        "减少九峰所、豹澥所维修费", DOC, null, List.of(parts.get(0), parts.get(0)), null))
                .expectNoEvents()
                .expectException(rejection("adjustment.part-duplicate", "九峰所维修费"));
    }

    @Test
    void rejectsAnAdjustmentWhileTargetsAreDrafted() {
        fixture.given(drafted())
                .when(adjust(AdjustmentKind.SUPPLEMENT, "1.00", JUNE))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot adjust the budget: the plan is 目标编制中 (DRAFTING); "
                        + "that is possible only when it is 执行中 (IN_EXECUTION)"));
    }

    @Test
    void rejectsAnAdjustmentWithoutABudget() {
        fixture.given(registered())
                .when(adjust(AdjustmentKind.SUPPLEMENT, "1.00", JUNE))
                .expectNoEvents()
                .expectException(rejection("budget.not-opened", "the plan's budget has not been opened"));
    }

    @Test
    void rejectsAReductionBelowZero() {
        fixture.given(inExecution())
                .when(adjust(AdjustmentKind.REDUCTION, "149.61", JUNE))
                .expectNoEvents()
                .expectException(rejection("budget.negative", "would take the budget of 149.60 below zero"));
    }

    @Test
    void rejectsAnAdjustmentDatedOutsideTheFiscalYear() {
        fixture.given(inExecution())
                .when(adjust(AdjustmentKind.SUPPLEMENT, "1.00", LocalDate.of(2019, 1, 2)))
                .expectNoEvents()
                .expectException(rejection("date.outside-year", "date must fall within the fiscal year 2018"));
    }

    @Test
    void rejectsAnAdjustmentOfNothing() {
        fixture.given(inExecution())
                .when(adjust(AdjustmentKind.SUPPLEMENT, "0.00", JUNE))
                .expectNoEvents()
                .expectException(rejection("money.positive", "amount must be more than 0"));
    }

    @Test
    void rejectsAnAdjustmentAgainstAStaleVersion() {
        Object[] given = inExecution();
        fixture.given(given)
                .when(new AdjustBudget(FOOD_SAFETY, AdjustmentKind.SUPPLEMENT, WanYuan.of("1.00"), null, null, "追加",
                        DOC, JUNE, 2L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void recordsFundsReceived() {
        fixture.given(plus(inExecution(), transferred()))
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("170.51"), null, JUNE, "全额到位", null))
                .expectEvents(new FundsReceived(FOOD_SAFETY, WanYuan.of("170.51"), FundingSource.GENERAL_PUBLIC_BUDGET,
                        JUNE, "全额到位", WanYuan.of("170.51")));
    }

    /** A year's totals as a self-evaluation table prints them: no day is stated, and none is made up. */
    @Test
    void recordsFundsAndSpendingWhoseSourceStatesNoDate() {
        fixture.given(plus(inExecution(), transferred()))
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("170.51"), null, null, null, null))
                .expectEvents(new FundsReceived(FOOD_SAFETY, WanYuan.of("170.51"), FundingSource.GENERAL_PUBLIC_BUDGET,
                        null, null, WanYuan.of("170.51")));
        fixture.given(plus(inExecution(), transferred()))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("170.51"), null, null, null, "全年执行", null,
                        false, null))
                .expectEvents(new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("170.51"), null,
                        ExpenditureClass.PROJECT, null, "全年执行", null, WanYuan.of("170.51"), WanYuan.of("170.51"),
                        false));
    }

    @Test
    void rejectsFundsBeforeExecution() {
        fixture.given(drafted())
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("1.00"), null, JUNE, null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot record funds received"));
    }

    @Test
    void recordsSpendingWithItsRunningTotal() {
        fixture.given(plus(inExecution(), transferred()))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("23.00"), JUNE, null, null, "药品医疗器械监管",
                        "记-0612", false, null))
                .expectEvents(new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("23.00"), JUNE, ExpenditureClass.PROJECT,
                        null, "药品医疗器械监管", "记-0612", WanYuan.of("23.00"), WanYuan.of("170.51"), false));
    }

    /** An expenditure of the largest amount the ledger holds, already recorded: the running total is at the edge. */
    private static ExpenditureRecorded spentToTheEdge() {
        return new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("9999999999999.99"), JUNE, ExpenditureClass.PROJECT,
                null, "全部", null, WanYuan.of("9999999999999.99"), WanYuan.of("170.51"), true);
    }

    @Test
    void rejectsSpendingThatWouldTakeTheTotalPastTheMoneyRange() {
        fixture.given(plus(inExecution(), transferred(), spentToTheEdge()))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("0.01"), JUNE, null, null, "再一笔", null, true,
                        null))
                .expectNoEvents()
                .expectException(rejection("money.total-range", "would leave the range"));
    }

    @Test
    void rejectsFundsThatWouldTakeTheTotalPastTheMoneyRange() {
        fixture.given(plus(inExecution(), transferred(), new FundsReceived(FOOD_SAFETY,
                        WanYuan.of("9999999999999.99"), FundingSource.GENERAL_PUBLIC_BUDGET, JUNE, null,
                        WanYuan.of("9999999999999.99"))))
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("0.01"), null, JUNE, null, null))
                .expectNoEvents()
                .expectException(rejection("money.total-range", "would leave the range"));
    }

    @Test
    void rejectsAnIncreaseThatWouldTakeTheBudgetPastTheMoneyRange() {
        fixture.given(plus(inExecution(), transferred()))
                .when(adjust(AdjustmentKind.UPPER_LEVEL_TRANSFER, "9999999999999.99", JUNE))
                .expectNoEvents()
                .expectException(rejection("money.total-range", "would leave the range"));
    }

    @Test
    void rejectsSpendingPastTheBudgetThatNobodyConfirmed() {
        // a 100,000 万元 payment on a 212.80 万元 project (a slip of digits) is caught before it is recorded
        fixture.given(plus(inExecution(), transferred()))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("100000.00"), JUNE, null, null, "快检服务费", null,
                        false, null))
                .expectNoEvents()
                .expectException(rejection("expenditure.over-budget", "past the budget of 170.51 万元"));
    }

    @Test
    void spendingAboveTheBudgetIsKeptAndFlagged() {
        // seed 003 (硚口 2020 部门整体): 预算数 8488.43, 执行数 10269.28 = 121%; stored as spent, flagged, not capped
        Map<FundingSource, WanYuan> sources = Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("8488.43"));
        fixture.given(new DepartmentPlanStarted(DONGHU_WIDE),
                        new BudgetOpened(DONGHU_WIDE, sources, Map.of(), WanYuan.of("8488.43")),
                        new TargetsSubmitted(DONGHU_WIDE, 0, 0, BigDecimal.ZERO),
                        new TargetsApproved(DONGHU_WIDE, null))
                .when(new RecordExpenditure(DONGHU_WIDE, WanYuan.of("10269.28"), LocalDate.of(2018, 12, 31),
                        ExpenditureClass.PERSONNEL, null, "全年支出", null, true, null))
                .expectEvents(new ExpenditureRecorded(DONGHU_WIDE, WanYuan.of("10269.28"), LocalDate.of(2018, 12, 31),
                        ExpenditureClass.PERSONNEL, null, "全年支出", null, WanYuan.of("10269.28"),
                        WanYuan.of("8488.43"), true))
                .expectResultMessagePayloadMatching(hasToString(containsString("executionRate=120.98, overBudget=true")));
    }

    @Test
    void aDepartmentWideExpenditureNamesItsClass() {
        Map<FundingSource, WanYuan> sources = Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00"));
        fixture.given(new DepartmentPlanStarted(DONGHU_WIDE),
                        new BudgetOpened(DONGHU_WIDE, sources, Map.of(), WanYuan.of("100.00")),
                        new TargetsSubmitted(DONGHU_WIDE, 0, 0, BigDecimal.ZERO),
                        new TargetsApproved(DONGHU_WIDE, null))
                .when(new RecordExpenditure(DONGHU_WIDE, WanYuan.of("1.00"), JUNE, null, null, "办公费", null, false,
                        null))
                .expectNoEvents()
                .expectException(rejection("expenditure.class-required", "人员经费 (PERSONNEL)"));
    }

    @Test
    void rejectsSpendingOnALineTheProjectDoesNotHave() {
        fixture.given(plus(inExecution(), new BudgetLinesSet(FOOD_SAFETY,
                        List.of(new BudgetLine("食品安全宣传费", WanYuan.of("149.60"))), WanYuan.of("149.60"))))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("1.00"), JUNE, null, "执法办案费", "办案", null,
                        false, null))
                .expectNoEvents()
                .expectException(rejection("expenditure.unknown-line", "'执法办案费' is not a line"));
    }

    @Test
    void rejectsSpendingAfterTheYearIsClosed() {
        fixture.given(plus(inExecution(), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"),
                        WanYuan.ZERO, WanYuan.ZERO)))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("1.00"), JUNE, null, null, "办案", null, false,
                        null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "the plan is 年度已结束 (CLOSED)"));
    }

    private static ExpenditureRecorded spentOnPromotion() {
        return new ExpenditureRecorded(FOOD_SAFETY, WanYuan.of("10.00"), JUNE, ExpenditureClass.PROJECT,
                "食品安全宣传费", "宣传品", "记-0601", WanYuan.of("10.00"), WanYuan.of("149.60"), false);
    }

    private static Object[] withPromotionLine() {
        return plus(inExecution(), new BudgetLinesSet(FOOD_SAFETY, List.of(
                new BudgetLine("食品安全宣传费", WanYuan.of("10.00")), new BudgetLine("其他", WanYuan.of("139.60"))),
                WanYuan.of("149.60")), spentOnPromotion());
    }

    @Test
    void correctsSpendingRecordedInError() {
        fixture.given(withPromotionLine())
                .when(new CorrectExpenditure(FOOD_SAFETY, WanYuan.of("2.50"), JUNE, null, "食品安全宣传费", "重复录入",
                        "记-0601", null))
                .expectEvents(new ExpenditureCorrected(FOOD_SAFETY, WanYuan.of("2.50"), JUNE, ExpenditureClass.PROJECT,
                        "食品安全宣传费", "重复录入", "记-0601", WanYuan.of("7.50"), WanYuan.of("149.60"), false));
    }

    @Test
    void rejectsACorrectionOfMoreThanWasSpent() {
        fixture.given(withPromotionLine())
                .when(new CorrectExpenditure(FOOD_SAFETY, WanYuan.of("10.01"), JUNE, null, null, "冲销", "记-0601", null))
                .expectNoEvents()
                .expectException(rejection("correction.more-than-spent", "only 10.00 was spent as 项目支出"));
    }

    @Test
    void rejectsACorrectionOfALineThatSpentLess() {
        fixture.given(withPromotionLine())
                .when(new CorrectExpenditure(FOOD_SAFETY, WanYuan.of("1.00"), JUNE, null, "其他", "冲销", "记-0601", null))
                .expectNoEvents()
                .expectException(rejection("correction.more-than-spent", "only 0.00 was charged to '其他'"));
    }

    @Test
    void rejectsACorrectionWithoutTheOriginalVoucher() {
        fixture.given(withPromotionLine())
                .when(new CorrectExpenditure(FOOD_SAFETY, WanYuan.of("1.00"), JUNE, null, null, "冲销", " ", null))
                .expectNoEvents()
                .expectException(rejection("text.required", "originalVoucher is required"));
    }

    @Test
    void rejectsACorrectionAfterTheYearIsClosed() {
        fixture.given(plus(withPromotionLine(), new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"),
                        WanYuan.ZERO, WanYuan.of("10.00"))))
                .when(new CorrectExpenditure(FOOD_SAFETY, WanYuan.of("1.00"), JUNE, null, null, "冲销", "记-0601", null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot correct an expenditure: the plan is 年度已结束"));
    }

    @Test
    void setsSubProjectLinesThatAddUpToTheBudget() {
        // seed 001 项目支出明细: 137.51 + 10.00 + 23.00 = 170.51
        List<BudgetLine> lines = List.of(new BudgetLine("食品餐饮监管、规划协调工作", WanYuan.of("137.51")),
                new BudgetLine("食品安全宣传费", WanYuan.of("10.00")), new BudgetLine("药品医疗器械监管", WanYuan.of("23.00")));
        fixture.given(plus(inExecution(), transferred()))
                .when(new SetBudgetLines(FOOD_SAFETY, lines, null))
                .expectEvents(new BudgetLinesSet(FOOD_SAFETY, lines, WanYuan.of("170.51")));
    }

    @Test
    void rejectsLinesThatDoNotAddUp() {
        List<BudgetLine> lines = List.of(new BudgetLine("商标广告及综合业务费", WanYuan.of("68.00")),
                new BudgetLine("执法办案费", WanYuan.of("25.00")));
        fixture.given(inExecution())
                .when(new SetBudgetLines(FOOD_SAFETY, lines, null))
                .expectNoEvents()
                .expectException(rejection("budget.lines-sum", "the lines sum to 93.00 but the budget is 149.60"));
    }

    @Test
    void rejectsALineListedTwice() {
        List<BudgetLine> lines = List.of(new BudgetLine("执法办案费", WanYuan.of("100.00")),
                new BudgetLine("执法办案费", WanYuan.of("49.60")));
        fixture.given(inExecution())
                .when(new SetBudgetLines(FOOD_SAFETY, lines, null))
                .expectNoEvents()
                .expectException(rejection("budget.lines-duplicate", "the line '执法办案费' is listed twice"));
    }
}
