package org.perfledger.command.plan;

import static org.perfledger.command.plan.SeedPlans.DONGHU;
import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.RAPID_TESTS;
import static org.perfledger.command.plan.SeedPlans.Y2018;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.registered;
import static org.perfledger.command.plan.SeedPlans.rejection;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.RecordCompletion;
import org.perfledger.command.performance.PerformanceCommands.RequestTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.SubmitMonitoringReport;
import org.perfledger.command.plan.PlanCommands.CloseYear;
import org.perfledger.command.plan.PlanCommands.RegisterProject;
import org.perfledger.command.plan.PlanCommands.StateStaffing;
import org.perfledger.command.plan.PlanCommands.StateSubProjects;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.plan.PlanEvents.StaffingStated;
import org.perfledger.kernel.plan.PlanEvents.SubProjectsStated;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;

/** The remaining guards of each command, one refusal per test, with its code and message. */
class AnnualPlanGuardsTest {

    private static final LocalDate JUNE = LocalDate.of(2018, 6, 30);
    private AggregateTestFixture<AnnualPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = SeedPlans.fixture();
    }

    private static YearClosed closed() {
        return new YearClosed(FOOD_SAFETY, WanYuan.of("149.60"), WanYuan.of("149.60"), WanYuan.ZERO, WanYuan.ZERO);
    }

    /** 东湖 2018's reports print "常年性项目、延续性项目" and no 项目类别 or 项目属性: both types, nothing made up. */
    /**
     * 天心 2020's 基本情况: 在职人员 168 (行政编制 108, 事业参公编制 7, 非参公事业人员 53), 离休人员 1, 编外人员 92 — stated on
     * the department-wide plan, as printed; not on a project, and no count below 0.
     */
    @Test
    void theDepartmentsHeadcountsAreStatedOnItsDepartmentWidePlanOnly() {
        PlanId wide = SeedPlans.DONGHU_WIDE;
        Map<StaffCategory, Integer> counts = Map.of(StaffCategory.IN_SERVICE, 168, StaffCategory.ADMINISTRATIVE, 108,
                StaffCategory.PUBLIC_SERVICE_MANAGED, 7, StaffCategory.OTHER_INSTITUTION, 53,
                StaffCategory.RETIRED_VETERAN, 1, StaffCategory.OUTSIDE_ESTABLISHMENT, 92);
        fixture.given(new DepartmentPlanStarted(wide))
                .when(new StateStaffing(wide, counts, null))
                .expectEvents(new StaffingStated(wide, counts));
        SeedPlans.fixture().given(registered())
                .when(new StateStaffing(FOOD_SAFETY, counts, null))
                .expectNoEvents()
                .expectException(rejection("staffing.department-wide", "not on project SPAQ"));
        fixture.given(new DepartmentPlanStarted(wide))
                .when(new StateStaffing(wide, Map.of(StaffCategory.IN_SERVICE, -1), null))
                .expectNoEvents()
                .expectException(rejection("staffing.count", "在职人员 is a whole number of people from 0"));
    }

    /**
     * 东湖 2018: "综合事务管理专项包括党务经费、购买服务及劳务费专项经费和基层站所专项经费三个子项目" — named on the project, in
     * their order, each once; a department-wide plan has projects, not sub-projects.
     */
    @Test
    void aProjectsSubProjectsAreNamedOnTheProjectEachOnce() {
        List<String> names = List.of("党务经费", "购买服务及劳务费专项经费", "基层站所专项经费");
        SeedPlans.fixture().given(registered())
                .when(new StateSubProjects(FOOD_SAFETY, List.of(" 党务经费", "购买服务及劳务费专项经费", "基层站所专项经费 "), null))
                .expectEvents(new SubProjectsStated(FOOD_SAFETY, names));
        SeedPlans.fixture().given(new DepartmentPlanStarted(SeedPlans.DONGHU_WIDE))
                .when(new StateSubProjects(SeedPlans.DONGHU_WIDE, names, null))
                .expectNoEvents()
                .expectException(rejection("sub-projects.project", "name them on the project"));
        SeedPlans.fixture().given(registered())
                .when(new StateSubProjects(FOOD_SAFETY, List.of("党务经费", "党务经费"), null))
                .expectNoEvents()
                .expectException(rejection("sub-projects.duplicate", "'党务经费' is named twice"));
        SeedPlans.fixture().given(registered())
                .when(new StateSubProjects(FOOD_SAFETY, List.of(), null))
                .expectNoEvents()
                .expectException(rejection("sub-projects.count", "name 1 to 100 sub-projects, not 0"));
        SeedPlans.fixture().given(registered())
                .when(new StateSubProjects(FOOD_SAFETY, Collections.singletonList(null), null))
                .expectNoEvents()
                .expectException(rejection("text.required", "names[0] is required"));
    }

    @Test
    void registersAProjectOfSeveralTypesWhoseCategoryAndAttributeAreNotStated() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(FOOD_SAFETY, "食品药品安全专项", List.of("东湖高新区市场监督管理局"), null, null,
                        List.of(ProjectType.RECURRING, ProjectType.MULTI_YEAR, ProjectType.RECURRING), null))
                .expectEvents(new ProjectRegistered(FOOD_SAFETY, "食品药品安全专项", List.of("东湖高新区市场监督管理局"),
                        null, null, List.of(ProjectType.RECURRING, ProjectType.MULTI_YEAR), null));
    }

    @Test
    void rejectsAProjectWithMoreThanTwentyImplementingUnits() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProject(FOOD_SAFETY, "食品药品安全专项", Collections.nCopies(21, "食品科"),
                        ProjectCategory.DEPARTMENT_BUDGET, ProjectAttribute.CONTINUING, List.of(ProjectType.RECURRING), null))
                .expectNoEvents()
                .expectException(rejection("list.length", "at most 20 implementing units"));
    }

    @Test
    void rejectsOpeningABudgetAfterTheYearIsClosed() {
        fixture.given(plus(inExecution(), closed()))
                .when(new OpenBudget(FOOD_SAFETY, Map.of(FundingSource.OTHER, WanYuan.of("1.00")), Map.of(), null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot open the budget: the plan is 年度已结束 (CLOSED)"));
    }

    @Test
    void opensABudgetLateForAPlanAlreadyInExecution() {
        // seed 003, 硚口 病虫害控制: a special fund whose budget arrives during the year
        PlanId pests = PlanId.project(DONGHU, Y2018, "BCHKZ");
        fixture.given(new ProjectRegistered(pests, "病虫害控制", List.of(),
                        ProjectCategory.SPECIAL_FUND, ProjectAttribute.CONTINUING, List.of(ProjectType.MULTI_YEAR), null),
                new TargetsSubmitted(pests, 0, 0, BigDecimal.ZERO), new TargetsApproved(pests, null))
                .when(new OpenBudget(pests, Map.of(FundingSource.OTHER, WanYuan.of("0.00")), Map.of(), null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BudgetOpened(pests, Map.of(FundingSource.OTHER, WanYuan.of("0.00")),
                        Map.of(), WanYuan.of("0.00")));
    }

    @Test
    void rejectsFundsOfNothing() {
        fixture.given(inExecution())
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.ZERO, null, JUNE, null, null))
                .expectNoEvents()
                .expectException(rejection("money.positive", "amount must be more than 0"));
    }

    @Test
    void rejectsFundsDatedOutsideTheYear() {
        fixture.given(inExecution())
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("1.00"), null, LocalDate.of(2017, 12, 31), null,
                        null))
                .expectNoEvents()
                .expectException(rejection("date.outside-year", "date must fall within the fiscal year 2018"));
    }

    /**
     * A command handled by one of the plan's parts (here the budget) passes the plan's lifecycle first, and answers a
     * receipt of the plan: the version it reached and its phase, after the part's own figures.
     */
    @Test
    void aPartsCommandPassesThePlansLifecycleAndAnswersThePlansReceipt() {
        Object[] given = inExecution();
        fixture.given(given)
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("10.00"), null, JUNE, null, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(hasToString(equalTo("Receipt[plan=" + FOOD_SAFETY.aggregateId()
                        + ", version=" + given.length + ", facts={receivedTotal=10.00, receiptRate=6.68, "
                        + "phase=IN_EXECUTION}]")));
        SeedPlans.fixture().given(drafted())
                .when(new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("10.00"), null, JUNE, null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot record funds received: the plan is"));
    }

    /**
     * A stale If-Match is a conflict before anything else, also for a command that may start a plan (Axon checks it
     * only for commands to an existing one), so a client hears "reload", not a rule of the phase it did not see.
     */
    @Test
    void aStaleVersionIsAConflictBeforeThePhaseIsAsked() {
        fixture.given(inExecution())
                .when(new AddGoal(FOOD_SAFETY, "另一个目标", null, null, 0L))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    @Test
    void rejectsBudgetLinesWithoutABudget() {
        fixture.given(registered())
                .when(new SetBudgetLines(FOOD_SAFETY, List.of(new BudgetLine("宣传费", WanYuan.of("1.00"))), null))
                .expectNoEvents()
                .expectException(rejection("budget.not-opened", "cannot set the budget lines"));
    }

    @Test
    void rejectsBudgetLinesOnceTheYearIsClosed() {
        fixture.given(plus(inExecution(), closed()))
                .when(new SetBudgetLines(FOOD_SAFETY, List.of(new BudgetLine("宣传费", WanYuan.of("149.60"))), null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot set the budget lines"));
    }

    @Test
    void rejectsAGoalWithoutText() {
        fixture.given(registered())
                .when(new AddGoal(FOOD_SAFETY, " ", null))
                .expectNoEvents()
                .expectException(rejection("text.required", "text is required"));
    }

    @Test
    void rejectsAGoalOfAnUnregisteredDepartment() {
        fixture.givenNoPriorActivity()
                .when(new AddGoal(PlanId.departmentWide(SeedPlans.UNREGISTERED, Y2018), "目标", null))
                .expectNoEvents()
                .expectException(rejection("department.unknown", "donghu/nobody is not registered"));
    }

    @Test
    void aCompletionCanStillBeRecordedAfterTheYearIsClosed() {
        // seed 001 was written in May and June of the next year, with actuals as of the year's end
        fixture.given(plus(inExecution(), closed()))
                .when(new RecordCompletion(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"), null,
                        LocalDate.of(2018, 12, 31), null, null, false, null))
                .expectEvents(new CompletionRecorded(FOOD_SAFETY, RAPID_TESTS, Target.parse("4944 批次"), null,
                        LocalDate.of(2018, 12, 31), null, null));
    }

    @Test
    void rejectsAMonitoringReportNamingAnUnknownIndicator() {
        fixture.given(inExecution())
                .when(new SubmitMonitoringReport(FOOD_SAFETY, "H1", JUNE,
                        List.of(new IndicatorProgress(new IndicatorCode("NOPE"), "1", null, null)), null, null, null))
                .expectNoEvents()
                .expectException(rejection("indicator.unknown", "the plan has no indicator NOPE"));
    }

    @Test
    void rejectsAMonitoringReportListingAnIndicatorTwice() {
        IndicatorProgress progress = new IndicatorProgress(RAPID_TESTS, "2100 批次", null, null);
        fixture.given(inExecution())
                .when(new SubmitMonitoringReport(FOOD_SAFETY, "H1", JUNE, List.of(progress, progress), null, null, null))
                .expectNoEvents()
                .expectException(rejection("monitoring.duplicate-indicator", "SPAQ.KSJC is listed twice"));
    }

    @Test
    void rejectsAMonitoringReportBeforeTheTargetsAreApproved() {
        fixture.given(drafted())
                .when(new SubmitMonitoringReport(FOOD_SAFETY, "H1", JUNE, List.of(), null, null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot submit a monitoring report"));
    }

    @Test
    void rejectsATargetAdjustmentOfAnUnknownIndicator() {
        fixture.given(inExecution())
                .when(new RequestTargetAdjustment(FOOD_SAFETY, new IndicatorCode("NOPE"), Target.parse("1次"), null,
                        "调整", null))
                .expectNoEvents()
                .expectException(rejection("indicator.unknown", "the plan has no indicator NOPE"));
    }

    @Test
    void rejectsATargetAdjustmentWithoutAReason() {
        fixture.given(inExecution())
                .when(new RequestTargetAdjustment(FOOD_SAFETY, RAPID_TESTS, Target.parse("3000 批次"), null, "", null))
                .expectNoEvents()
                .expectException(rejection("text.required", "reason is required"));
    }

    @Test
    void rejectsClosingAYearWithoutABudget() {
        PlanId wide = PlanId.departmentWide(DONGHU, Y2018);
        fixture.given(new DepartmentPlanStarted(wide), new TargetsSubmitted(wide, 0, 0, BigDecimal.ZERO),
                        new TargetsApproved(wide, null))
                .when(new CloseYear(wide, null))
                .expectNoEvents()
                .expectException(rejection("year.no-budget", "open it before closing the year"));
    }
}
