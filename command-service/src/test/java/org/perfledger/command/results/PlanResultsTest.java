package org.perfledger.command.results;

import static org.perfledger.command.plan.SeedPlans.DONGHU;
import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.results.ResultCommands.ProposeBudget;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.results.ResultEvents.BudgetBasedOnResults;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.kernel.results.ResultRule;

/**
 * Finance's budget proposal from a plan's final grade, and the next year's budget that follows it. The plan: 东湖 2018
 * 食品药品安全专项, its budget of 149.60 spent in full, four of its five indicators met (合格率 98.4% against ≥99.0% is
 * not): 20 points for 执行率 and 45 of the indicators' 50 under scheme version 3, 65 in all, 中 — whatever grade the
 * department wrote (优秀 here).
 */
class PlanResultsTest {

    private static final WanYuan BUDGET = WanYuan.of("149.60");
    private static final PlanId NEXT_YEAR = PlanId.project(DONGHU, FiscalYear.of(2019), "SPAQ");

    private static Object[] accepted() {
        return plus(plus(inExecution(), SeedPlans.actuals()),
                new ExpenditureRecorded(FOOD_SAFETY, BUDGET, LocalDate.of(2018, 12, 20), ExpenditureClass.PROJECT,
                        null, "抽检费", null, BUDGET, BUDGET, false),
                new YearClosed(FOOD_SAFETY, BUDGET, BUDGET, WanYuan.ZERO, BUDGET),
                new SelfEvaluationSubmitted(FOOD_SAFETY, 1, List.of(), TotalScore.parse("99.94"), Grade.EXCELLENT,
                        new BigDecimal("100"), null, 3, "合格率略低于目标", "加强抽检", "用于预算安排", "公开", List.of()),
                new SelfEvaluationAccepted(FOOD_SAFETY, 1, "通过"));
    }

    private static BudgetProposed proposal(int number, ResultRule action, String proposed, String reason) {
        return new BudgetProposed(FOOD_SAFETY, number, Grade.FAIR, 1, ResultRule.parse("压减 10%"), BUDGET,
                WanYuan.of("134.64"), action, WanYuan.of(proposed), reason);
    }

    @Test
    void theRulesProposeFromTheFinalGradeNotTheWrittenOne() {
        SeedPlans.fixture().given(accepted())
                .when(new ProposeBudget(FOOD_SAFETY, null, null, null, null))
                .expectEvents(proposal(1, ResultRule.parse("压减 10%"), "134.64", null));
    }

    @Test
    void financeOverridesTheRulesWithAReason() {
        SeedPlans.fixture().given(accepted())
                .when(new ProposeBudget(FOOD_SAFETY, ResultRule.parse("据实安排"), null, "疫情防控任务增加", null))
                .expectEvents(proposal(1, ResultRule.parse("据实安排"), "149.60", "疫情防控任务增加"));
        SeedPlans.fixture().given(plus(accepted(), proposal(1, ResultRule.parse("压减 10%"), "134.64", null)))
                .when(new ProposeBudget(FOOD_SAFETY, null, WanYuan.of("120.00"), "压减更多", null))
                .expectEvents(proposal(2, ResultRule.parse("压减 10%"), "120.00", "压减更多"));
        SeedPlans.fixture().given(accepted())
                .when(new ProposeBudget(FOOD_SAFETY, ResultRule.parse("据实安排"), null, null, null))
                .expectNoEvents()
                .expectException(rejection("text.required", "reason"));
        SeedPlans.fixture().given(accepted())
                .when(new ProposeBudget(FOOD_SAFETY, ResultRule.parse("取消"), WanYuan.of("10.00"), "x", null))
                .expectNoEvents()
                .expectException(rejection("results.amount-with-no-budget", "取消 leaves no budget"));
    }

    @Test
    void aProposalWaitsForTheAcceptedSelfEvaluation() {
        SeedPlans.fixture().given(plus(plus(inExecution(), SeedPlans.actuals()),
                        new YearClosed(FOOD_SAFETY, BUDGET, BUDGET, WanYuan.ZERO, WanYuan.ZERO)))
                .when(new ProposeBudget(FOOD_SAFETY, null, null, null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot propose next year's budget"));
    }

    private static Object[] nextYearRegistered() {
        return new Object[] {new ProjectRegistered(NEXT_YEAR, "食品药品安全专项", List.of("食品科"), null, null, List.of(),
                null)};
    }

    @Test
    void nextYearsBudgetRestsOnTheProposal() {
        BudgetProposed reduce = proposal(1, ResultRule.parse("压减 10%"), "134.64", null);
        SeedPlans.fixture(plan -> plan.equals(FOOD_SAFETY) ? Optional.of(reduce) : Optional.empty())
                .given(nextYearRegistered())
                .when(new OpenBudget(NEXT_YEAR, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("134.64")),
                        Map.of(), false, null))
                .expectEvents(new BudgetOpened(NEXT_YEAR, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET,
                                WanYuan.of("134.64")), Map.of(), WanYuan.of("134.64")),
                        new BudgetBasedOnResults(NEXT_YEAR, FiscalYear.of(2018), 1, Grade.FAIR,
                                ResultRule.parse("压减 10%"), WanYuan.of("134.64"), WanYuan.of("134.64")));
    }

    @Test
    void aBudgetTheResultCancelledIsNotOpened() {
        BudgetProposed cancel = new BudgetProposed(FOOD_SAFETY, 2, Grade.POOR, 1, ResultRule.parse("取消"), BUDGET,
                WanYuan.ZERO, ResultRule.parse("取消"), WanYuan.ZERO, null);
        SeedPlans.fixture(plan -> plan.equals(FOOD_SAFETY) ? Optional.of(cancel) : Optional.empty())
                .given(nextYearRegistered())
                .when(new OpenBudget(NEXT_YEAR, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00")),
                        Map.of(), false, null))
                .expectNoEvents()
                .expectException(rejection("budget.cancelled-by-results", "graded 差"));
    }
}
