package org.perfledger.command.warning;

import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.warning.WarningCommands.AnswerWarning;
import org.perfledger.command.warning.WarningCommands.IssueWarning;
import org.perfledger.kernel.warning.WarningEvents.WarningAnswered;
import org.perfledger.kernel.warning.WarningEvents.WarningIssued;
import org.perfledger.kernel.warning.WarningLevel;

/** District finance warns a plan in execution (提示 / 警示) with a day to answer by; the department answers each once. */
class PlanWarningsTest {

    private static final LocalDate SEPTEMBER = LocalDate.of(2018, 9, 30);
    private static final WarningIssued FIRST = new WarningIssued(FOOD_SAFETY, 1, WarningLevel.CAUTION,
            "执行率低于序时进度 20 个百分点", SEPTEMBER);

    @Test
    void financeWarnsAndTheDepartmentAnswers() {
        SeedPlans.fixture().given(inExecution())
                .when(new IssueWarning(FOOD_SAFETY, WarningLevel.CAUTION, "执行率低于序时进度 20 个百分点", SEPTEMBER, null))
                .expectEvents(FIRST);
        SeedPlans.fixture().given(plus(inExecution(), FIRST))
                .when(new IssueWarning(FOOD_SAFETY, WarningLevel.NOTICE, "抽检进度偏慢", SEPTEMBER, null))
                .expectEvents(new WarningIssued(FOOD_SAFETY, 2, WarningLevel.NOTICE, "抽检进度偏慢", SEPTEMBER));
        SeedPlans.fixture().given(plus(inExecution(), FIRST))
                .when(new AnswerWarning(FOOD_SAFETY, 1, "已加快采购进度", null))
                .expectEvents(new WarningAnswered(FOOD_SAFETY, 1, "已加快采购进度"));
    }

    @Test
    void aWarningIsAnsweredOnceAndOnlyOneThatExists() {
        SeedPlans.fixture().given(plus(inExecution(), FIRST, new WarningAnswered(FOOD_SAFETY, 1, "已加快")))
                .when(new AnswerWarning(FOOD_SAFETY, 1, "再答", null))
                .expectNoEvents()
                .expectException(rejection("warning.answered", "already answered"));
        SeedPlans.fixture().given(inExecution())
                .when(new AnswerWarning(FOOD_SAFETY, 3, "答", null))
                .expectNoEvents()
                .expectException(rejection("warning.unknown", "no warning 3"));
    }

    @Test
    void aWarningNeedsItsTextADayToAnswerByAndAPlanInExecution() {
        SeedPlans.fixture().given(inExecution())
                .when(new IssueWarning(FOOD_SAFETY, WarningLevel.NOTICE, "滞后", LocalDate.of(2025, 1, 1), null))
                .expectNoEvents()
                .expectException(rejection("warning.respond-by", "in 2018 or 2019"));
        SeedPlans.fixture().given(inExecution())
                .when(new IssueWarning(FOOD_SAFETY, WarningLevel.NOTICE, "", SEPTEMBER, null))
                .expectNoEvents()
                .expectException(rejection("text.required", "text"));
        SeedPlans.fixture().given(drafted())
                .when(new IssueWarning(FOOD_SAFETY, WarningLevel.NOTICE, "滞后", SEPTEMBER, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot issue a warning"));
    }
}
