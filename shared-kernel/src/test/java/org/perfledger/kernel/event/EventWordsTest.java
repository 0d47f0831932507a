package org.perfledger.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;

class EventWordsTest {

    @Test
    void everyEventTypeHasAChineseTitle() {
        for (Class<? extends PerfLedgerEvent> type : EventCatalog.types()) {
            String name = EventCatalog.nameOf(type);
            assertThat(EventWords.title(name)).as(name).isNotEqualTo(name).matches(".*[\\u4e00-\\u9fff].*");
        }
    }

    @Test
    void aBudgetAdjustmentReadsAsTheTrailDoes() {
        // seed 000: 蔡甸 2020 部门整体 6352.76 → 6273.65 (按决算数调整)
        BudgetAdjusted adjusted = new BudgetAdjusted(PlanId.departmentWide(DepartmentId.of("caidian", "scjgj"),
                FiscalYear.of(2020)), 1, AdjustmentKind.REDUCTION, FundingSource.GENERAL_PUBLIC_BUDGET,
                ExpenditureClass.PERSONNEL, WanYuan.of("79.11"), WanYuan.of("6352.76"), WanYuan.of("6273.65"),
                "按决算数调整", new DocumentNumber("蔡财预〔2020〕88号"), LocalDate.of(2020, 12, 29));
        assertThat(EventWords.describe(adjusted)).isEqualTo("预算调整：第 1 次，调减 79.11 万元，6352.76 → 6273.65 万元，"
                + "原因：按决算数调整，文号：蔡财预〔2020〕88号，日期：2020-12-29");
    }
}
