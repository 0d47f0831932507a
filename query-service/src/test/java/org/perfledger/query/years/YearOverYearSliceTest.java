package org.perfledger.query.years;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/** A department's plans year by year, and one indicator followed across years by its stable code. */
class YearOverYearSliceTest extends SliceTest {

    @Test
    void theDepartmentsYearsAndAnIndicatorByItsCode() throws Exception {
        JsonNode years = read("/api/v1/districts/caidian/departments/scjgj/years", finance());
        assertThat(years).hasSize(2);
        assertThat(years.findValuesAsText("plan")).containsExactlyInAnyOrder("department", "SPAQ");
        assertThat(years.findValuesAsText("year")).containsOnly("2020");
        JsonNode first = years.get(0).get("plan").asText().equals("SPAQ") ? years.get(0) : years.get(1);
        assertThat(first.get("grade").asText()).isEqualTo("差");
        assertThat(first.get("trend").isNull()).as("one year: no trend yet").isTrue();

        JsonNode sampling = read("/api/v1/districts/caidian/departments/scjgj/indicators/CD.CJ/years", finance());
        assertThat(sampling).hasSize(1);
        assertThat(sampling.get(0).get("latestActual").asText()).isEqualTo("1426批次");
        // found by its name where the code is not
        assertThat(read("/api/v1/districts/caidian/departments/scjgj/indicators/NOPE/years?name="
                + java.net.URLEncoder.encode("食品抽检批次", java.nio.charset.StandardCharsets.UTF_8), finance())
                .get(0).get("code").asText()).isEqualTo("CD.CJ");
        assertThat(status("/api/v1/districts/caidian/departments/scjgj/indicators/NOPE/years", finance()))
                .isEqualTo(404);
    }
}
