package org.perfledger.query.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/**
 * Rectification items as the plan, the department's dashboard, the overview and the work queue show them, from the
 * shared history: SPAQ's first item reported, returned and open past its deadline; its second closed.
 */
class RectificationSliceTest extends SliceTest {

    @Test
    void anOpenItemPastItsDeadlineIsLateEverywhere() throws Exception {
        JsonNode items = read(YEAR_PATH + "/projects/SPAQ", finance()).get("rectifications");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("status").asText()).isEqualTo("open");
        assertThat(items.get(0).get("deadline").asText()).isEqualTo("2020-11-30");
        assertThat(items.get(0).get("return_reason").asText()).isEqualTo("缺少签字");
        assertThat(items.get(0).get("measures").asText()).isEqualTo("已补齐台账");
        assertThat(items.get(1).get("status").asText()).isEqualTo("closed");
        assertThat(items.get(1).get("close_note").asText()).isEqualTo("整改到位");

        JsonNode spaq = null;
        for (JsonNode plan : read(YEAR_PATH + "/dashboard?asOf=2020-12-01", finance()).get("plans")) {
            if (plan.get("plan").asText().equals("SPAQ")) {
                spaq = plan;
            }
        }
        assertThat(spaq).isNotNull();
        assertThat(spaq.get("openItems").findValuesAsText("kind")).contains("rectification-late")
                .doesNotContain("rectification-open");
        assertThat(spaq.get("openItems").findValuesAsText("detail")).contains("1|2020-11-30");
        JsonNode before = read(YEAR_PATH + "/dashboard?asOf=2020-11-01", finance());
        assertThat(before.findValuesAsText("kind")).contains("rectification-open").doesNotContain("rectification-late");

        JsonNode overview = read("/api/v1/districts/caidian/years/2020/overview?alert=rectification-late&asOf=2020-12-01",
                finance());
        assertThat(overview.get("items").findValuesAsText("plan")).containsExactly("SPAQ");
        assertThat(read("/api/v1/districts/caidian/years/2020/overview?alert=rectification-late&asOf=2020-11-01",
                finance()).get("total").asInt()).isZero();

        JsonNode work = read("/api/v1/districts/caidian/years/2020/work", editor("scjgj"));
        assertThat(work.findValuesAsText("task")).contains("rectify").doesNotContain("close-rectification");
    }
}
