package org.perfledger.query.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/**
 * The use of results as the plan's document, the year's rules and the work queue show them, from the shared history:
 * 蔡甸 2020's department-wide plan (published) with finance's proposal overriding its rules, and the project whose
 * budget rests on its 2019 result.
 */
class ResultsSliceTest extends SliceTest {

    @Test
    void proposalsRulesAndTheBudgetTheyLeadTo() throws Exception {
        JsonNode rules = read("/api/v1/districts/caidian/years/2020/result-use-rules", finance());
        assertThat(rules.get("version").asInt()).isEqualTo(1);
        assertThat(rules.get("rules").get("FAIR").get("action").asText()).isEqualTo("REDUCE");
        assertThat(new java.math.BigDecimal(rules.get("rules").get("FAIR").get("share").asText()))
                .isEqualByComparingTo("10");
        assertThat(rules.get("source").asText()).isEqualTo("蔡财绩〔2020〕9号");

        JsonNode wide = read(YEAR_PATH + "/department", finance()).get("results");
        assertThat(wide.get("basis").isNull()).isTrue();
        JsonNode proposal = wide.get("proposals").get(0);
        assertThat(proposal.get("grade").get("label").asText()).isEqualTo("优秀");
        assertThat(proposal.get("ruleAction").asText()).isEqualTo("优先保障");
        assertThat(proposal.get("ruleProposed").decimalValue()).isEqualByComparingTo("6273.65");
        assertThat(proposal.get("action").asText()).isEqualTo("压减 5%");
        assertThat(proposal.get("proposed").decimalValue()).isEqualByComparingTo("5959.97");
        assertThat(proposal.get("overrideReason").asText()).isEqualTo("财力紧张，统筹压减");

        JsonNode basis = read(YEAR_PATH + "/projects/SPAQ", finance()).get("results").get("basis");
        assertThat(basis.get("priorYear").asInt()).isEqualTo(2019);
        assertThat(basis.get("grade").asText()).isEqualTo("FAIR");
        assertThat(basis.get("action").get("action").asText()).isEqualTo("REDUCE");
        assertThat(basis.get("proposed").asText()).isEqualTo("166.22");
        assertThat(basis.get("opened").asText()).isEqualTo("149.60");

        // the published plan has its proposal: no task waits for one
        assertThat(read("/api/v1/districts/caidian/years/2020/work", finance()).findValuesAsText("task"))
                .doesNotContain("propose-budget");
        assertThat(status("/api/v1/districts/caidian/years/2019/result-use-rules", finance())).isEqualTo(404);
    }
}
