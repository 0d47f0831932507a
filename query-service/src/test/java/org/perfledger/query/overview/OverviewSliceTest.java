package org.perfledger.query.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
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

    private static JsonNode item(JsonNode overview, String plan) {
        for (JsonNode item : overview.get("items")) {
            if (item.get("plan").asText().equals(plan)) {
                return item;
            }
        }
        throw new AssertionError("no " + plan + " in " + overview);
    }
}
