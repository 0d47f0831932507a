package org.perfledger.query.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.SliceTest;

/** The district overview: each plan of the year with its figures, grade and alerts, paged, for district finance. */
class OverviewSliceTest extends SliceTest {

    @Test
    void financeSeesEveryPlanOfTheYearWithItsFiguresAndAlerts() throws Exception {
        assertThat(read("/api/v1/districts/caidian/years", finance()).toString())
                .isEqualTo("[{\"year\":2020,\"plans\":2}]");
        JsonNode overview = read("/api/v1/districts/caidian/years/2020/overview", finance());
        assertThat(overview.get("total").asInt()).isEqualTo(2);
        JsonNode project = item(overview, "SPAQ");
        assertThat(project.get("adjustedBudget").asText()).isEqualTo("170.51");
        assertThat(project.get("executed").asText()).isEqualTo("250.00");
        assertThat(project.get("executionRate").decimalValue()).isEqualByComparingTo("146.62");
        assertThat(project.get("alerts").toString()).contains("over-budget");
        JsonNode wide = item(overview, "department");
        assertThat(wide.get("adjustedBudget").asText()).isEqualTo("6273.65");
        assertThat(wide.get("executionRate").decimalValue()).isEqualByComparingTo("82.63");
        assertThat(wide.get("alerts").toString()).contains("no-scheme").doesNotContain("over-budget");
    }

    @Test
    void pagesAreBoundedAndAnotherDistrictIsNotFound() throws Exception {
        JsonNode first = read("/api/v1/districts/caidian/years/2020/overview?size=1", finance());
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("total").asInt()).isEqualTo(2);
        assertThat(status("/api/v1/districts/caidian/years/2020/overview?size=100000", finance())).isEqualTo(400);
        assertThat(status("/api/v1/districts/other/years/2020/overview", finance())).isEqualTo(404);
    }

    /** An overview read again is the same until something in its year changes; then the change shows at once. */
    @Test
    void anOverviewReadAgainFollowsEveryChangeOfItsYear() throws Exception {
        PlanId plan = PlanId.departmentWide(DepartmentId.of("recount", "bureau"), FiscalYear.of(2020));
        String path = "/api/v1/districts/recount/years/2020/overview";
        String finance = TestInfrastructure.issuer().token("finance", "recount", null, List.of("DISTRICT_FINANCE"));
        project(plan.aggregateId(), 0, new DepartmentPlanStarted(plan), "recount");
        project(plan.aggregateId(), 1, new GoalAdded(plan, 1, "保障运转"), "recount");
        JsonNode drafting = read(path, finance);
        assertThat(item(drafting, "department").get("phase").asText()).isEqualTo("DRAFTING");
        assertThat(read(path, finance)).isEqualTo(drafting);
        project(plan.aggregateId(), 2, new TargetsSubmitted(plan, 1, 0, BigDecimal.ZERO), "recount");
        assertThat(item(read(path, finance), "department").get("phase").asText()).isEqualTo("TARGETS_SUBMITTED");
        // another plan of the year comes in: it is counted at once
        PlanId other = PlanId.departmentWide(DepartmentId.of("recount", "office"), FiscalYear.of(2020));
        project(other.aggregateId(), 0, new DepartmentPlanStarted(other), "recount");
        assertThat(read(path, finance).get("total").asInt()).isEqualTo(2);
    }

    private static JsonNode item(JsonNode overview, String plan) {
        for (JsonNode item : overview.get("items")) {
            if (item.get("plan").asText().equals(plan)) {
                return item;
            }
        }
        throw new AssertionError("no " + plan + " in " + overview);
    }
}
