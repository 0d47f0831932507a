package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's sample cycle (sample-data/007, marked as made up) as the platform shows it once loaded: 蔡甸区市场监督管理局's
 * 食品安全抽检项目 from its ex-ante assessment in 2021 to the 2022 budget its 财政重点评价's grade cut, through what the
 * read models say, and its publication on the public site without a token.
 */
class SampleCycleTest {

    private static final String YEAR_2021 = "/api/v1/districts/caidian/departments/scjgj/years/2021/projects/SPJC";
    private static final String YEAR_2022 = "/api/v1/districts/caidian/departments/scjgj/years/2022/projects/SPJC";
    private static LocalPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
        client = new PlatformClient(platform);
    }

    @Test
    void oneProjectFromItsAssessmentToTheNextYearsBudgetItsGradeCut() throws Exception {
        // the demo loads before the platform is handed out; the read models may still be catching up
        JsonNode next = await().atMost(Duration.ofSeconds(60)).until(() -> client.readIfThere(YEAR_2022),
                plan -> plan != null && !plan.path("results").path("basis").isMissingNode()
                        && !plan.path("results").path("basis").isNull());
        JsonNode year = client.read(YEAR_2021);
        assertThat(year.get("name").asText()).contains("示例");
        assertThat(year.get("phase").get("code").asText()).isEqualTo("PUBLISHED");
        assertThat(year.get("assessments").get(0).get("conclusion").asText()).isEqualTo("SUPPORTED");
        assertThat(year.get("warnings").get(0).get("response").asText()).contains("加快");
        assertThat(year.get("rectifications").get(0).get("status").asText()).isEqualTo("closed");

        // the 财政重点评价: verified less than the department reported, 中 beside the self-evaluation's 良好
        JsonNode evaluation = client.read(YEAR_2021 + "/evaluations").get(0);
        assertThat(evaluation.get("type").get("code").asText()).isEqualTo("FINANCE_KEY");
        assertThat(evaluation.get("status").asText()).isEqualTo("accepted");
        assertThat(evaluation.get("evaluator").asText()).isEqualTo("caidian.evaluator");
        assertThat(evaluation.get("scorecard").get("grade").asText()).isEqualTo("FAIR");
        assertThat(evaluation.get("divergence").get("selfGrade").asText()).isEqualTo("GOOD");
        assertThat(evaluation.get("divergence").get("large").asBoolean()).isTrue();

        // the proposal goes by the evaluation's grade; the next year's budget rests on it
        JsonNode proposal = year.get("results").get("proposals").get(0);
        assertThat(proposal.get("grade").get("code").asText()).isEqualTo("FAIR");
        assertThat(proposal.get("action").asText()).isEqualTo("压减 10%");
        assertThat(proposal.get("proposed").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(proposal.get("evaluation").asInt()).isEqualTo(1);
        JsonNode basis = next.get("results").get("basis");
        assertThat(basis.get("priorYear").asInt()).isEqualTo(2021);
        assertThat(basis.get("grade").asText()).isEqualTo("FAIR");
        assertThat(basis.get("opened").asText()).isEqualTo("90.00");

        // published: on the public site, without a token
        HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                platform.queryUrl() + "/api/v1/public/districts/caidian/years/2021")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(published.statusCode()).isEqualTo(200);
        JsonNode shown = PlatformClient.json(published.body());
        assertThat(shown.get("plans").findValuesAsText("plan")).contains("SPJC");
        // and the 财政重点评价 with it: 中 beside the self-evaluation's score, under its agency's name only
        JsonNode key = shown.get("evaluations").get(0);
        assertThat(key.get("plan").asText()).isEqualTo("SPJC");
        assertThat(key.get("planPublished").asBoolean()).isTrue();
        assertThat(key.get("grade").asText()).isEqualTo("中");
        assertThat(key.get("score").decimalValue()).isEqualByComparingTo(evaluation.get("scorecard").get("total")
                .decimalValue());
        assertThat(key.get("selfScore").decimalValue()).isEqualByComparingTo(evaluation.get("divergence")
                .get("selfTotal").decimalValue());
        assertThat(key.get("agency").asText()).isEqualTo("某绩效评价中心（示例）");
        assertThat(published.body()).doesNotContain("caidian.evaluator");
    }
}
