package org.perfledger.command.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.DepartmentBudgetAdjusted;
import org.perfledger.kernel.budget.DepartmentBudgetOpened;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;

/** Figures from seed 000 (武汉市蔡甸区市场监督管理局 2020): 预算数 6352.76, 执行数 6273.65. */
class DepartmentBudgetTest {

    private static final DepartmentId CAIDIAN_SCJGJ = DepartmentId.of("caidian", "scjgj");
    private static final DepartmentId UNREGISTERED = DepartmentId.of("caidian", "nobody");
    private static final FiscalYear Y2020 = FiscalYear.of(2020);
    private static final DocumentNumber DOC = new DocumentNumber("蔡财预〔2020〕35号");

    private AggregateTestFixture<DepartmentBudget> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DepartmentBudget.class);
        DepartmentDirectory registeredOnlyCaidianScjgj = department -> {
            if (!department.equals(CAIDIAN_SCJGJ)) {
                throw new DomainRejection(Kind.NOT_FOUND, "department.unknown", "department", "not registered");
            }
        };
        fixture.registerInjectableResource(registeredOnlyCaidianScjgj);
    }

    @Test
    void opensTheBudgetWithItsInitialAppropriation() {
        fixture.givenNoPriorActivity()
                .when(new OpenDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .expectResultMessagePayload(new BudgetChange(WanYuan.ZERO, WanYuan.of("6352.76"), 0));
    }

    @Test
    void rejectsOpeningTheSameYearTwice() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .when(new OpenDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("100.00")))
                .expectNoEvents()
                .expectException(DomainRejection.class)
                .expectExceptionMessage("the 2020 budget of caidian/scjgj is already open");
    }

    @Test
    void rejectsABudgetForAnUnregisteredDepartment() {
        fixture.givenNoPriorActivity()
                .when(new OpenDepartmentBudget(UNREGISTERED, Y2020, WanYuan.of("1.00")))
                .expectNoEvents()
                .expectException(DomainRejection.class);
    }

    @Test
    void adjustsFromTheCurrentAmountWithReasonAndDocument() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .when(new AdjustDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6273.65"), "年中调减", DOC, null))
                .expectEvents(new DepartmentBudgetAdjusted(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76"),
                        WanYuan.of("6273.65"), "年中调减", DOC))
                .expectResultMessagePayload(new BudgetChange(WanYuan.of("6352.76"), WanYuan.of("6273.65"), 1));
    }

    @Test
    void chainsAdjustmentsFromTheLatestAmount() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")),
                        new DepartmentBudgetAdjusted(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76"),
                                WanYuan.of("6379.85"), "追加", DOC))
                .when(new AdjustDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6273.65"), "调减", DOC, null))
                .expectEvents(new DepartmentBudgetAdjusted(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6379.85"),
                        WanYuan.of("6273.65"), "调减", DOC));
    }

    @Test
    void rejectsAdjustmentWithoutReason() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .when(new AdjustDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6273.65"), "  ", DOC, null))
                .expectNoEvents()
                .expectException(DomainRejection.class);
    }

    @Test
    void rejectsAdjustmentThatChangesNothing() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .when(new AdjustDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76"), "无", DOC, null))
                .expectNoEvents()
                .expectExceptionMessage("the budget is already 6352.76; an adjustment must change it");
    }

    @Test
    void rejectsNegativeBudget() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")))
                .when(new AdjustDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("-1.00"), "错", DOC, null))
                .expectNoEvents()
                .expectException(DomainRejection.class);
    }

    @Test
    void rejectsAdjustmentBasedOnAStaleVersion() {
        fixture.given(new DepartmentBudgetOpened(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76")),
                        new DepartmentBudgetAdjusted(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6352.76"),
                                WanYuan.of("6379.85"), "追加", DOC))
                .when(new AdjustDepartmentBudget(CAIDIAN_SCJGJ, Y2020, WanYuan.of("6273.65"), "调减", DOC, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void aggregateIdKeepsDepartmentStreamKeyAsPrefix() {
        assertThat(DepartmentBudget.aggregateId(CAIDIAN_SCJGJ, Y2020)).isEqualTo("caidian/scjgj/budget/2020");
    }
}
