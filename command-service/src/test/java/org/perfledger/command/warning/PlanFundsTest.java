package org.perfledger.command.warning;

import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.warning.WarningCommands.HoldFunds;
import org.perfledger.command.warning.WarningCommands.ResumeFunds;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.WarningEvents.FundsHeld;
import org.perfledger.kernel.warning.WarningEvents.FundsResumed;

/**
 * District finance holds a plan's funds back during the year (暂缓拨付 until resumed, 停止拨付 for the rest of it): no
 * receipt is recorded while they are held, and the refusal says why.
 */
class PlanFundsTest {

    private static final LocalDate JULY = LocalDate.of(2018, 7, 31);
    private static final FundsHeld SUSPENDED = new FundsHeld(FOOD_SAFETY, FundsHold.SUSPENDED, "执行进度严重滞后",
            "东高财绩〔2018〕3号");

    private static RecordFundsReceived receipt() {
        return new RecordFundsReceived(FOOD_SAFETY, WanYuan.of("10.00"), null, JULY, null, null);
    }

    @Test
    void financeSuspendsAPlansFundsAndNoReceiptIsRecordedUntilItResumesThem() {
        SeedPlans.fixture().given(inExecution())
                .when(new HoldFunds(FOOD_SAFETY, FundsHold.SUSPENDED, "执行进度严重滞后", "东高财绩〔2018〕3号", null))
                .expectEvents(SUSPENDED);
        SeedPlans.fixture().given(plus(inExecution(), SUSPENDED))
                .when(receipt())
                .expectNoEvents()
                .expectException(rejection("funds.held", "suspended the funds of " + FOOD_SAFETY
                        + " until it resumes them (暂缓拨付：执行进度严重滞后)"));
        SeedPlans.fixture().given(plus(inExecution(), SUSPENDED))
                .when(new ResumeFunds(FOOD_SAFETY, "已整改", null))
                .expectEvents(new FundsResumed(FOOD_SAFETY, "已整改"));
        SeedPlans.fixture().given(plus(plus(inExecution(), SUSPENDED), new FundsResumed(FOOD_SAFETY, "已整改")))
                .when(receipt())
                .expectEvents(new FundsReceived(FOOD_SAFETY, WanYuan.of("10.00"), FundingSource.GENERAL_PUBLIC_BUDGET,
                        JULY, null, WanYuan.of("10.00")));
    }

    @Test
    void spendingFromWhatWasReceivedGoesOnWhileFundsAreHeld() {
        SeedPlans.fixture().given(plus(inExecution(), SUSPENDED))
                .when(new RecordExpenditure(FOOD_SAFETY, WanYuan.of("5.00"), JULY, null, null, "抽检", null, false,
                        null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void stoppedFundsStayStoppedForTheRestOfTheYear() {
        FundsHeld stopped = new FundsHeld(FOOD_SAFETY, FundsHold.STOPPED, "项目终止", null);
        SeedPlans.fixture().given(plus(inExecution(), SUSPENDED))
                .when(new HoldFunds(FOOD_SAFETY, FundsHold.STOPPED, "项目终止", null, null))
                .expectEvents(stopped);
        SeedPlans.fixture().given(plus(inExecution(), stopped))
                .when(new ResumeFunds(FOOD_SAFETY, "改了", null))
                .expectNoEvents()
                .expectException(rejection("funds.stopped", "for the rest of the year"));
        SeedPlans.fixture().given(plus(inExecution(), stopped))
                .when(receipt())
                .expectNoEvents()
                .expectException(rejection("funds.held", "stopped the funds of " + FOOD_SAFETY));
    }

    @Test
    void aHoldNeedsItsReasonAPlanInExecutionAndAChange() {
        SeedPlans.fixture().given(inExecution())
                .when(new HoldFunds(FOOD_SAFETY, FundsHold.SUSPENDED, " ", null, null))
                .expectNoEvents()
                .expectException(rejection("text.required", "reason"));
        SeedPlans.fixture().given(drafted())
                .when(new HoldFunds(FOOD_SAFETY, FundsHold.SUSPENDED, "滞后", null, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot hold the funds"));
        SeedPlans.fixture().given(plus(inExecution(), SUSPENDED))
                .when(new HoldFunds(FOOD_SAFETY, FundsHold.SUSPENDED, "滞后", null, null))
                .expectNoEvents()
                .expectException(rejection("funds.already-held", "already 暂缓拨付"));
        SeedPlans.fixture().given(inExecution())
                .when(new ResumeFunds(FOOD_SAFETY, "无", null))
                .expectNoEvents()
                .expectException(rejection("funds.not-held", "are not held"));
    }
}
