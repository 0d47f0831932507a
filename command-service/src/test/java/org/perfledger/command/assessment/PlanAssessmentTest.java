package org.perfledger.command.assessment;

import static org.perfledger.command.plan.SeedPlans.DONGHU;
import static org.perfledger.command.plan.SeedPlans.TWENTY_EACH;
import static org.perfledger.command.plan.SeedPlans.Y2018;
import static org.perfledger.command.plan.SeedPlans.rejection;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.command.assessment.AssessmentCommands.ConcludeAssessment;
import org.perfledger.command.assessment.AssessmentCommands.SubmitAssessment;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.kernel.assessment.AssessmentConclusion;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentConcluded;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSubmitted;
import org.perfledger.kernel.assessment.AssessmentEvents.Statement;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectType;

/**
 * 事前绩效评估: a new project (新增性项目) is assessed before it gets money. Its department states the five criteria,
 * district finance scores them under the year's scheme and concludes; "没有事前评估或评估未通过的，不得安排预算".
 */
class PlanAssessmentTest {

    private static final PlanId SMART_MARKET = PlanId.project(DONGHU, Y2018, "ZHSC");
    private static final Map<FundingSource, WanYuan> BUDGET = Map.of(FundingSource.GENERAL_PUBLIC_BUDGET,
            WanYuan.of("80.00"));

    private static ProjectRegistered registered(PlanId plan, ProjectAttribute attribute) {
        return new ProjectRegistered(plan, "智慧农贸市场建设", List.of("东湖高新区市场监督管理局"), null, attribute,
                List.of(ProjectType.ONE_OFF), null);
    }

    private static Map<AssessmentCriterion, Statement> statements() {
        Map<AssessmentCriterion, Statement> statements = new LinkedHashMap<>();
        for (AssessmentCriterion criterion : AssessmentCriterion.values()) {
            statements.put(criterion, new Statement(criterion.label() + "：见可行性研究报告", null));
        }
        statements.put(AssessmentCriterion.NECESSITY, new Statement("辖区 12 个农贸市场尚无快检室", "调研报告"));
        return statements;
    }

    private static Map<AssessmentCriterion, Points> scores(String... points) {
        Map<AssessmentCriterion, Points> scores = new LinkedHashMap<>();
        for (int i = 0; i < points.length; i++) {
            scores.put(AssessmentCriterion.values()[i], Points.parse(points[i]));
        }
        return scores;
    }

    private static AssessmentSubmitted submitted(int round) {
        return new AssessmentSubmitted(SMART_MARKET, round, statements());
    }

    private static AssessmentConcluded concluded(int round, AssessmentConclusion conclusion, String total) {
        return new AssessmentConcluded(SMART_MARKET, round, 2, TWENTY_EACH, scores("18", "16", "15", "12", "10"),
                new BigDecimal(total), conclusion, "实施方案需细化", null);
    }

    @Test
    void aNewProjectWithoutAnAssessmentGetsNoBudgetAndTheRefusalNamesTheRule() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW))
                .when(new OpenBudget(SMART_MARKET, BUDGET, Map.of(), false, null))
                .expectNoEvents()
                .expectException(rejection("budget.assessment-missing", "没有事前评估或评估未通过的，不得安排预算"));
    }

    @Test
    void theDepartmentSubmitsEveryCriterionAndFinanceScoresAndConcludesUnderTheYearsScheme() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW))
                .when(new SubmitAssessment(SMART_MARKET, statements(), null))
                .expectEvents(submitted(1));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1))
                .when(new ConcludeAssessment(SMART_MARKET, scores("18", "16", "15", "12", "10"),
                        AssessmentConclusion.SUPPORTED_AFTER_ADJUSTMENT, "实施方案需细化", null, null))
                .expectEvents(concluded(1, AssessmentConclusion.SUPPORTED_AFTER_ADJUSTMENT, "71"));
    }

    @Test
    void aSupportedAssessmentOpensTheWayToTheBudget() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1),
                        concluded(1, AssessmentConclusion.SUPPORTED_AFTER_ADJUSTMENT, "71"))
                .when(new OpenBudget(SMART_MARKET, BUDGET, Map.of(), false, null))
                .expectEvents(new BudgetOpened(SMART_MARKET, BUDGET, Map.of(), WanYuan.of("80.00")));
    }

    @Test
    void anAssessmentNotSupportedOrStillWaitingHoldsTheBudgetBack() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1),
                        concluded(1, AssessmentConclusion.NOT_SUPPORTED, "71"))
                .when(new OpenBudget(SMART_MARKET, BUDGET, Map.of(), false, null))
                .expectNoEvents()
                .expectException(rejection("budget.assessment-not-supported", "round 1 of the ex-ante assessment of "
                        + SMART_MARKET + " concluded 不予支持 (71 points)"));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1))
                .when(new OpenBudget(SMART_MARKET, BUDGET, Map.of(), false, null))
                .expectNoEvents()
                .expectException(rejection("budget.assessment-pending", "awaits district finance's conclusion"));
    }

    @Test
    void anAssessmentNotSupportedMayBeSubmittedAgainAsANewRoundAndASupportedOneIsDone() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1),
                        concluded(1, AssessmentConclusion.NOT_SUPPORTED, "71"))
                .when(new SubmitAssessment(SMART_MARKET, statements(), null))
                .expectEvents(submitted(2));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1),
                        concluded(1, AssessmentConclusion.SUPPORTED, "71"))
                .when(new SubmitAssessment(SMART_MARKET, statements(), null))
                .expectNoEvents()
                .expectException(rejection("assessment.supported", "round 1 concluded 予以支持"));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1))
                .when(new SubmitAssessment(SMART_MARKET, statements(), null))
                .expectNoEvents()
                .expectException(rejection("assessment.awaiting", "round 1"));
    }

    @Test
    void aContinuingProjectAndTheDepartmentWidePlanNeedNoAssessment() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.CONTINUING))
                .when(new OpenBudget(SMART_MARKET, BUDGET, Map.of(), false, null))
                .expectSuccessfulHandlerExecution();
        PlanId wide = PlanId.departmentWide(DONGHU, Y2018);
        SeedPlans.fixture().given(new DepartmentPlanStarted(wide))
                .when(new SubmitAssessment(wide, statements(), null))
                .expectNoEvents()
                .expectException(rejection("assessment.project-only", "department-wide plan has none"));
    }

    @Test
    void everyCriterionIsStatedAndScoredWithinItsPoints() {
        Map<AssessmentCriterion, Statement> four = new LinkedHashMap<>(statements());
        four.remove(AssessmentCriterion.COMPLIANCE);
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW))
                .when(new SubmitAssessment(SMART_MARKET, four, null))
                .expectNoEvents()
                .expectException(rejection("text.required", "筹资合规性 is required"));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1))
                .when(new ConcludeAssessment(SMART_MARKET, scores("21", "16", "15", "12", "10"),
                        AssessmentConclusion.SUPPORTED, "好", null, null))
                .expectNoEvents()
                .expectException(rejection("assessment.score", "立项必要性 scores 21, more than its 20 points"));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW), submitted(1))
                .when(new ConcludeAssessment(SMART_MARKET, scores("18", "16", "15", "12"),
                        AssessmentConclusion.SUPPORTED, "好", null, null))
                .expectNoEvents()
                .expectException(rejection("assessment.score", "筹资合规性 needs its score"));
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.NEW))
                .when(new ConcludeAssessment(SMART_MARKET, scores("18", "16", "15", "12", "10"),
                        AssessmentConclusion.SUPPORTED, "好", null, null))
                .expectNoEvents()
                .expectException(rejection("assessment.nothing-submitted", "awaits a conclusion"));
    }

    @Test
    void financeConcludesOnlyUnderASchemeItHasSet() {
        PlanId later = PlanId.project(DONGHU, FiscalYear.of(2019), "ZHSC");
        Map<AssessmentCriterion, Statement> statements = statements();
        SeedPlans.fixture().given(registered(later, ProjectAttribute.NEW), new AssessmentSubmitted(later, 1, statements))
                .when(new ConcludeAssessment(later, scores("18", "16", "15", "12", "10"),
                        AssessmentConclusion.SUPPORTED, "好", null, null))
                .expectNoEvents()
                .expectException(rejection("assessment.no-scheme", "no scheme of ex-ante assessments for 2019"));
    }

    @Test
    void anAssessmentComesBeforeTheBudget() {
        SeedPlans.fixture().given(registered(SMART_MARKET, ProjectAttribute.CONTINUING),
                        new BudgetOpened(SMART_MARKET, BUDGET, Map.of(), WanYuan.of("80.00")))
                .when(new SubmitAssessment(SMART_MARKET, statements(), null))
                .expectNoEvents()
                .expectException(rejection("assessment.after-budget", "already open"));
    }
}
