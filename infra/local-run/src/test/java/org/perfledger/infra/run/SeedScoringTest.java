package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed documents, loaded through the commands by the demo loader, scored by the query side under each district's
 * scheme: every figure a document reports is either reproduced or flagged with the reason.
 */
class SeedScoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static JsonNode scorecard(String plan) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + plan
                + "/scorecard")).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    private static JsonNode finalScorecard(String plan) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> scorecard(plan), card -> card != null && card.get("status").asText().equals("final"));
    }

    /** Figure name → verdict, e.g. "总分" → "REPRODUCED". */
    private static Map<String, String> verdicts(JsonNode card) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode figure : card.get("reported")) {
            verdicts.put(figure.get("figure").asText(), figure.get("verdict").asText());
        }
        return verdicts;
    }

    private static String figure(JsonNode card, String name, String field) {
        for (JsonNode figure : card.get("reported")) {
            if (figure.get("figure").asText().equals(name)) {
                return figure.get(field).asText();
            }
        }
        throw new AssertionError("no reported figure " + name + " in " + card);
    }

    @Test
    void donghu2018TotalsAreReproducedOrFlaggedWithTheReason() {
        String year = "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/";

        JsonNode general = finalScorecard(year + "ZHSW");
        assertThat(general.get("scorecard").get("total").asText()).isEqualTo("96.25");
        assertThat(verdicts(general)).containsEntry("总分", "REPRODUCED").containsEntry("执行率", "REPRODUCED")
                .containsEntry("执行率得分", "REPRODUCED").containsEntry("ZHSW.SQ 偏差率", "REPRODUCED")
                .containsEntry("等级", "REPRODUCED");

        JsonNode business = finalScorecard(year + "GSXZ");
        assertThat(business.get("scorecard").get("total").asText()).isEqualTo("99.79");
        assertThat(verdicts(business)).containsEntry("总分", "REPRODUCED").containsEntry("GSXZ.JAL 得分", "REPRODUCED")
                .containsEntry("GSXZ.JAL 偏差率", "REPRODUCED");
        assertThat(business.get("consistent").asBoolean()).as(business.toString()).isTrue();

        JsonNode food = finalScorecard(year + "SPAQ");
        assertThat(food.get("scorecard").get("total").asText()).isEqualTo("99.94");
        assertThat(verdicts(food)).containsEntry("总分", "REPRODUCED").containsEntry("SPAQ.HGL 得分", "REPRODUCED")
                // 4944 / 3500 − 1 = 41.26%, printed +41.0%
                .containsEntry("SPAQ.KSJC 偏差率", "DIFFERENT")
                // 170.51 spent of a 年初预算 of 149.60 is 114.0%; the report prints 100.0% (over the adjusted budget)
                .containsEntry("执行率", "DIFFERENT")
                .containsEntry("执行率得分", "REPRODUCED");
        assertThat(figure(food, "SPAQ.KSJC 偏差率", "recomputed")).isEqualTo("41.3");

        JsonNode quality = finalScorecard(year + "ZLJS");
        // 重点单位巡查 is printed "设定分值 5 分" but scored 1.88 = 4 × 188 / 400; with 5 the total is 97.11, not 96.64
        assertThat(quality.get("scorecard").get("total").asText()).isEqualTo("97.11");
        assertThat(quality.get("scorecard").get("maxTotal").decimalValue()).isEqualByComparingTo("101");
        assertThat(verdicts(quality)).containsEntry("总分", "DIFFERENT").containsEntry("ZLJS.ZDXC 得分", "DIFFERENT")
                .containsEntry("ZLJS.RCXC 得分", "REPRODUCED");
        assertThat(figure(quality, "ZLJS.ZDXC 得分", "recomputed")).isEqualTo("2.35");
        assertThat(quality.get("consistent").asBoolean()).isFalse();
    }
}
