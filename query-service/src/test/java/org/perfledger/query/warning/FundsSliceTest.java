package org.perfledger.query.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.WarningEvents.FundsHeld;
import org.perfledger.kernel.warning.WarningEvents.FundsResumed;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.SliceTest;

/** A plan whose funds district finance holds back shows the hold and its reason, and its dashboard alerts on it. */
class FundsSliceTest extends SliceTest {

    @Test
    void aHeldPlanShowsTheHoldUntilItIsResumed() throws Exception {
        PlanId plan = PlanId.project(DepartmentId.of("holdfast", "scjgj"), FiscalYear.of(2020), "KJ");
        String path = "/api/v1/districts/holdfast/departments/scjgj/years/2020";
        String finance = TestInfrastructure.issuer().token("finance", "holdfast", null, List.of("DISTRICT_FINANCE"));
        project(plan.aggregateId(), 0, new ProjectRegistered(plan, "快检", List.of(), null, null, List.of(), null),
                "holdfast");
        project(plan.aggregateId(), 1, new BudgetOpened(plan, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET,
                WanYuan.of("60.00")), Map.of(), WanYuan.of("60.00")), "holdfast");
        project(plan.aggregateId(), 2, new FundsHeld(plan, FundsHold.SUSPENDED, "执行进度严重滞后", "通知 3 号"),
                "holdfast");
        JsonNode budget = read(path + "/projects/KJ", finance).get("budget");
        assertThat(budget.get("fundsHold").get("code").asText()).isEqualTo("SUSPENDED");
        assertThat(budget.get("fundsHold").get("label").asText()).isEqualTo("暂缓拨付");
        assertThat(budget.get("fundsHoldReason").asText()).isEqualTo("执行进度严重滞后");
        JsonNode card = read(path + "/dashboard", finance).get("plans").get(0);
        assertThat(card.get("openItems").findValuesAsText("kind")).contains("funds-held");
        JsonNode overview = read("/api/v1/districts/holdfast/years/2020/overview", finance);
        assertThat(overview.toString()).contains("funds-held");

        project(plan.aggregateId(), 3, new FundsResumed(plan, "已整改"), "holdfast");
        budget = read(path + "/projects/KJ", finance).get("budget");
        assertThat(budget.get("fundsHold").isNull()).isTrue();
        assertThat(read(path + "/dashboard", finance).get("plans").get(0).get("openItems").findValuesAsText("kind"))
                .doesNotContain("funds-held");
        assertThat(read("/api/v1/districts/holdfast/years/2020/overview", finance).toString())
                .doesNotContain("funds-held");
    }
}
