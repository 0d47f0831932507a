package org.perfledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/** A department's dashboard: its plans' budget figures and indicators read against their targets. */
class DashboardSliceTest extends SliceTest {

    private static final String DASHBOARD = "/api/v1/districts/caidian/departments/scjgj/years/2020/dashboard";

    @Test
    void theDepartmentsPlansWithTheirIndicatorsReadAgainstTheirTargets() throws Exception {
        JsonNode dashboard = read(DASHBOARD, editor(DEPARTMENT));
        assertThat(dashboard.get("plans")).hasSize(2);
        JsonNode wide = plan(dashboard, "department");
        assertThat(wide.get("initialBudget").asText()).isEqualTo("6352.76");
        assertThat(wide.get("adjustedBudget").asText()).isEqualTo("6273.65");
        assertThat(wide.get("executed").asText()).isEqualTo("5184.00");
        JsonNode sampling = wide.get("indicators").get(0);
        assertThat(sampling.get("target").asText()).as("the approved target adjustment").isEqualTo("≥1400批次");
        assertThat(sampling.get("latestActual").asText()).isEqualTo("1426批次");
        // (1426 − 1400) / 1400 = 1.857…%, rounded once
        assertThat(sampling.get("deviationRate").decimalValue()).isEqualByComparingTo("1.86");
        JsonNode satisfaction = plan(dashboard, "SPAQ").get("indicators").get(0);
        assertThat(satisfaction.get("completion").decimalValue()).isEqualByComparingTo("105.56");
        assertThat(plan(dashboard, "SPAQ").get("overBudget").asBoolean()).isTrue();
    }

    @Test
    void anotherDepartmentsStaffDoNotSeeIt() throws Exception {
        assertThat(status(DASHBOARD, editor("sjj"))).isEqualTo(404);
        assertThat(status(DASHBOARD, finance())).isEqualTo(200);
    }

    private static JsonNode plan(JsonNode dashboard, String plan) {
        for (JsonNode item : dashboard.get("plans")) {
            if (item.get("plan").asText().equals(plan)) {
                return item;
            }
        }
        throw new AssertionError("no " + plan + " in " + dashboard);
    }
}
