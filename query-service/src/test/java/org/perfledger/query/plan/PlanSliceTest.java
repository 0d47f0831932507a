package org.perfledger.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/** A plan as its page reads it: budget figures with the rates beside them, parts, movements, completions, calendar. */
class PlanSliceTest extends SliceTest {

    @Test
    void theDepartmentWidePlanWithItsRatesPartsAndMovements() throws Exception {
        JsonNode plan = read(YEAR_PATH + "/department", editor(DEPARTMENT));
        assertThat(plan.get("phase").get("code").asText()).isEqualTo("PUBLISHED");
        JsonNode budget = plan.get("budget");
        // 5184.00 / 6273.65 = 82.632…%, 5184.00 / 6352.76 = 81.602…%, 6000.00 / 6273.65 = 95.638…%
        assertThat(budget.get("executionRate").asText()).isEqualTo("82.63");
        assertThat(budget.get("executionRateInitial").asText()).isEqualTo("81.60");
        assertThat(budget.get("receiptRate").asText()).isEqualTo("95.64");
        JsonNode projectClass = budget.get("classes").get(1);
        assertThat(projectClass.get("part").get("code").asText()).isEqualTo("PROJECT");
        assertThat(projectClass.get("adjusted").asText()).as("1352.76 − 79.11").isEqualTo("1273.65");
        assertThat(budget.get("movements").findValuesAsText("movement"))
                .containsExactly("opened", "received", "adjusted", "spent", "corrected");
        assertThat(plan.get("targetsReview").get("decision").asText()).isEqualTo("approved");
    }

    @Test
    void aProjectItsListAndAnIndicatorsCompletions() throws Exception {
        JsonNode project = read(YEAR_PATH + "/projects/SPAQ", finance());
        assertThat(project.get("profile").get("implementingUnits").toString())
                .isEqualTo("[\"东湖高新区市场监督管理局\",\"检验所\"]");
        assertThat(project.get("budget").get("flags").toString()).contains("over-budget");
        JsonNode projects = read(YEAR_PATH + "/projects", finance());
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("executionRate").asText()).isEqualTo("146.62");
        JsonNode completions = read(YEAR_PATH + "/department/indicators/CD.CJ/completions", finance());
        assertThat(completions).hasSize(1);
        assertThat(completions.get(0).get("actual").get("value").get("value").asInt()).isEqualTo(1426);
        assertThat(status(YEAR_PATH + "/projects/NOPE", finance())).isEqualTo(404);
        JsonNode calendar = read("/api/v1/districts/caidian/years/2020/reporting-calendar", finance());
        assertThat(calendar.get("deviationMargin").asText()).isEqualTo("15.00");
    }
}
