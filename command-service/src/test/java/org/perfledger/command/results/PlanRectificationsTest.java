package org.perfledger.command.results;

import static org.perfledger.command.plan.SeedPlans.FOOD_SAFETY;
import static org.perfledger.command.plan.SeedPlans.drafted;
import static org.perfledger.command.plan.SeedPlans.inExecution;
import static org.perfledger.command.plan.SeedPlans.plus;
import static org.perfledger.command.plan.SeedPlans.rejection;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfledger.command.plan.SeedPlans;
import org.perfledger.command.results.RectificationCommands.CloseRectification;
import org.perfledger.command.results.RectificationCommands.RaiseRectification;
import org.perfledger.command.results.RectificationCommands.ReportRectification;
import org.perfledger.command.results.RectificationCommands.ReturnRectification;
import org.perfledger.kernel.results.RectificationEvents.RectificationClosed;
import org.perfledger.kernel.results.RectificationEvents.RectificationRaised;
import org.perfledger.kernel.results.RectificationEvents.RectificationReported;
import org.perfledger.kernel.results.RectificationEvents.RectificationReturned;

/** Rectification items: raised by finance, reported by the department, returned or closed by finance. */
class PlanRectificationsTest {

    private static final LocalDate DEADLINE = LocalDate.of(2018, 10, 31);
    private static final RectificationRaised RAISED = new RectificationRaised(FOOD_SAFETY, 1, "快检台账不全",
            "食品科 张三", DEADLINE);
    private static final RectificationReported REPORTED = new RectificationReported(FOOD_SAFETY, 1, "已补齐台账",
            "台账扫描件");

    @Test
    void financeRaisesNumberedItemsOnceTheTargetsAreApproved() {
        SeedPlans.fixture().given(inExecution())
                .when(new RaiseRectification(FOOD_SAFETY, "快检台账不全", "食品科 张三", DEADLINE, null))
                .expectEvents(RAISED);
        SeedPlans.fixture().given(plus(inExecution(), RAISED))
                .when(new RaiseRectification(FOOD_SAFETY, "宣传品未按期发放", "食品科", DEADLINE, null))
                .expectEvents(new RectificationRaised(FOOD_SAFETY, 2, "宣传品未按期发放", "食品科", DEADLINE));
        SeedPlans.fixture().given(drafted())
                .when(new RaiseRectification(FOOD_SAFETY, "x", "y", DEADLINE, null))
                .expectNoEvents()
                .expectException(rejection("plan.phase", "cannot raise a rectification item"));
        SeedPlans.fixture().given(inExecution())
                .when(new RaiseRectification(FOOD_SAFETY, "x", "y", LocalDate.of(2025, 1, 1), null))
                .expectNoEvents()
                .expectException(rejection("rectification.deadline", "from 2018 to 2020"));
    }

    @Test
    void theDepartmentReportsAndFinanceReturnsOrCloses() {
        SeedPlans.fixture().given(plus(inExecution(), RAISED))
                .when(new ReportRectification(FOOD_SAFETY, 1, "已补齐台账", "台账扫描件", null))
                .expectEvents(REPORTED);
        SeedPlans.fixture().given(plus(inExecution(), RAISED, REPORTED))
                .when(new ReturnRectification(FOOD_SAFETY, 1, "缺少签字", null))
                .expectEvents(new RectificationReturned(FOOD_SAFETY, 1, "缺少签字"));
        SeedPlans.fixture().given(plus(inExecution(), RAISED, REPORTED,
                        new RectificationReturned(FOOD_SAFETY, 1, "缺少签字")))
                .when(new ReportRectification(FOOD_SAFETY, 1, "已补签字", "签字页", null))
                .expectEvents(new RectificationReported(FOOD_SAFETY, 1, "已补签字", "签字页"));
        SeedPlans.fixture().given(plus(inExecution(), RAISED, REPORTED))
                .when(new CloseRectification(FOOD_SAFETY, 1, "整改到位", null))
                .expectEvents(new RectificationClosed(FOOD_SAFETY, 1, "整改到位"));
    }

    @Test
    void anItemMovesOnlyAlongItsWay() {
        SeedPlans.fixture().given(plus(inExecution(), RAISED))
                .when(new CloseRectification(FOOD_SAFETY, 1, null, null))
                .expectNoEvents()
                .expectException(rejection("rectification.open", "cannot be closed: it is open"));
        SeedPlans.fixture().given(plus(inExecution(), RAISED, REPORTED, new RectificationClosed(FOOD_SAFETY, 1, null)))
                .when(new ReportRectification(FOOD_SAFETY, 1, "again", "again", null))
                .expectNoEvents()
                .expectException(rejection("rectification.closed", "cannot be reported: it is closed"));
        SeedPlans.fixture().given(inExecution())
                .when(new ReportRectification(FOOD_SAFETY, 3, "m", "e", null))
                .expectNoEvents()
                .expectException(rejection("rectification.unknown", "no rectification item 3"));
    }
}
