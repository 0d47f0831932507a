package org.perfledger.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/**
 * 事前绩效评估 as finance and the department read it: every round of a project's assessment on its plan, with what the
 * department stated and finance's conclusion, and the year's scheme with its versions.
 */
class AssessmentSliceTest extends SliceTest {

    @Test
    void aProjectShowsEachRoundOfItsAssessmentWithTheConclusion() throws Exception {
        JsonNode rounds = read(YEAR_PATH + "/projects/SPAQ", finance()).get("assessments");
        assertThat(rounds).hasSize(2);
        JsonNode first = rounds.get(0);
        assertThat(first.get("round").asInt()).isEqualTo(1);
        assertThat(first.get("statements").get("NECESSITY").get("text").asText()).isEqualTo("立项必要性说明");
        assertThat(first.get("statements").get("NECESSITY").get("evidence").asText()).isEqualTo("调研报告");
        assertThat(first.get("conclusion").asText()).isEqualTo("NOT_SUPPORTED");
        assertThat(first.get("total").decimalValue()).isEqualByComparingTo("56");
        assertThat(first.get("scores").get("FEASIBILITY").asText()).isEqualTo("9");
        assertThat(first.get("weights").get("FEASIBILITY").asText()).isEqualTo("20");
        assertThat(first.get("opinion").asText()).isEqualTo("实施方案不可行");
        JsonNode second = rounds.get(1);
        assertThat(second.get("conclusion").asText()).isEqualTo("SUPPORTED");
        assertThat(second.get("total").decimalValue()).isEqualByComparingTo("84");
        assertThat(second.get("assessor").asText()).isEqualTo("某绩效评价中心");
        assertThat(second.get("schemeVersion").asInt()).isEqualTo(1);
        // the department-wide plan has none
        assertThat(read(YEAR_PATH + "/department", finance()).get("assessments")).isEmpty();
    }

    @Test
    void theYearsSchemeWithItsPointsAndSource() throws Exception {
        JsonNode scheme = read("/api/v1/districts/caidian/years/2020/assessment-scheme", finance());
        assertThat(scheme.get("version").asInt()).isEqualTo(1);
        assertThat(scheme.get("weights").get("COMPLIANCE").asText()).isEqualTo("20");
        assertThat(scheme.get("source").asText()).isEqualTo("《预算绩效评估管理办法》");
        assertThat(scheme.get("versions")).hasSize(1);
    }
}
