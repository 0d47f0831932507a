package org.perfledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A district's event log exported as JSON Lines with its chain, and imported where the district has nothing: the
 * same chain link for link, plans that go on taking commands; a file changed, cut off or out of order is refused
 * naming the line, and nothing is stored. (Importing into a whole other PerfLedger, with its read models, is the
 * local run's {@code EventLogTransferTest}.)
 */
class EventLogTransferTest extends CommandServiceTestBase {

    @Autowired
    @Qualifier("annualPlanCache")
    Cache cache;

    private final HttpClient http = HttpClient.newHttpClient();

    private static String admin() {
        return "Bearer " + TestInfrastructure.issuer().token("admin", null, null, List.of("PLATFORM_ADMIN"),
                Duration.ofMinutes(5));
    }

    private static String auditor(String district) {
        return "Bearer " + TestInfrastructure.issuer().token(district + ".auditor", district, null, List.of("AUDITOR"),
                Duration.ofMinutes(5));
    }

    private List<String> export(String district, String query) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/districts/" + district + "/event-log.jsonl" + query,
                null, "Authorization", auditor(district));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/x-ndjson"));
        return response.body().lines().toList();
    }

    private HttpResponse<String> importLog(String district, String body, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/districts/"
                        + district + "/event-log.jsonl")).header("Content-Type", "application/x-ndjson")
                .header("Authorization", token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A district with a department and a plan in execution with some spending. */
    private String districtWithPlan(String district) throws Exception {
        String department = newDepartment(district);
        String plan = "/api/v1/districts/" + district + "/departments/" + department + "/years/2020/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}").statusCode()).isEqualTo(201);
        post(plan + "/goals", "{\"text\":\"加强食品安全监管\"}");
        post(plan + "/indicators", """
                {"code":"CD.CJ","goal":1,"level1":"产出指标","level2":"数量指标","name":"食品抽检","weight":"10","target":"1426批次"}""");
        post(plan + "/targets/submission", null);
        post(plan + "/targets/approval", null);
        post(plan + "/budget/expenditures", "{\"amount\":\"100.00\",\"date\":\"2020-03-31\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"一季度\"}");
        post(plan + "/budget/adjustments", "{\"kind\":\"调减\",\"amount\":\"79.11\",\"reason\":\"按决算数调整\","
                + "\"documentNumber\":\"蔡财预〔2020〕88号\",\"date\":\"2020-12-20\"}");
        return plan;
    }

    /** Takes the district out of this PerfLedger, as if it never was here. */
    private void forget(String district) {
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index IN (SELECT global_index FROM event_chain "
                + "WHERE district = ?)", district);
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier LIKE ?", district + "/%");
        jdbc.update("DELETE FROM event_chain WHERE district = ?", district);
        cache.removeAll();
    }

    private List<String> chain(String district) {
        return jdbc.queryForList("SELECT position || ':' || encode(hash, 'hex') FROM event_chain WHERE district = ? "
                + "ORDER BY position", String.class, district);
    }

    @Test
    void theWholeLogImportedWhereTheDistrictWasNotReproducesTheChainAndThePlansGoOn() throws Exception {
        String plan = districtWithPlan("xferall");
        List<String> lines = export("xferall", "");
        List<String> chain = chain("xferall");
        JsonNode header = JSON.readTree(lines.get(0));
        assertThat(header.get("record").asText()).isEqualTo("header");
        assertThat(header.get("wholeChain").asBoolean()).isTrue();
        assertThat(lines).hasSize(chain.size() + 2);
        JsonNode adjusted = JSON.readTree(lines.stream().filter(line -> line.contains("BudgetAdjusted")).findFirst()
                .orElseThrow());
        // the stored fields exactly: payload and metadata as their stored JSON text
        assertThat(adjusted.get("payload").asText()).contains("\"to\":\"6273.65\"");
        assertThat(JSON.readTree(adjusted.get("metaData").asText()).get("district").asText()).isEqualTo("xferall");
        JsonNode end = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(end.get("events").asLong()).isEqualTo(chain.size());

        forget("xferall");
        HttpResponse<String> imported = importLog("xferall", String.join("\n", lines) + "\n", admin());

        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        assertThat(JSON.readTree(imported.body()).get("chainReproduced").asBoolean()).isTrue();
        assertThat(chain("xferall")).isEqualTo(chain);
        HttpResponse<String> verification = send("GET", "/api/v1/districts/xferall/event-chain/verification", null,
                "Authorization", auditor("xferall"));
        assertThat(JSON.readTree(verification.body()).get("intact").asBoolean()).isTrue();
        // the plan, loaded from the imported events, takes the next command
        HttpResponse<String> next = post(plan + "/budget/expenditures", "{\"amount\":\"1.00\",\"date\":\"2020-12-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"年末\"}");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        assertThat(JSON.readTree(next.body()).get("executedTotal").asText()).isEqualTo("101.00");

        HttpResponse<String> again = importLog("xferall", String.join("\n", lines), admin());
        assertThat(again.statusCode()).as("a district already here").isEqualTo(409);
    }

    @Test
    void aFileChangedCutOffOrReorderedIsRefusedByLineAndNothingIsStored() throws Exception {
        districtWithPlan("xferbad");
        List<String> lines = export("xferbad", "");
        forget("xferbad");
        int adjustment = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("BudgetAdjusted")) {
                adjustment = i;
            }
        }
        List<String> changed = new ArrayList<>(lines);
        changed.set(adjustment, lines.get(adjustment).replace("6273.65", "6373.65"));
        List<String> cutOff = lines.subList(0, lines.size() - 2);
        List<String> reordered = new ArrayList<>(lines);
        reordered.set(2, lines.get(3));
        reordered.set(3, lines.get(2));

        assertRefused(changed, "line " + (adjustment + 1) + ".hash", "event-log.hash-mismatch");
        assertRefused(cutOff, "line " + (lines.size() - 2) + ".record", "event-log.truncated");
        assertRefused(reordered, "line 3.previousHash", "event-log.chain-broken");
        assertRefused(List.of(lines.get(0).replace("xferbad", "other")), "line 1.district", "event-log.district");
        assertThat(chain("xferbad")).as("nothing stored").isEmpty();

        HttpResponse<String> byAuditor = importLog("xferbad", String.join("\n", lines), auditor("xferbad"));
        assertThat(byAuditor.statusCode()).isEqualTo(403);
        assertThat(importLog("xferbad", String.join("\n", lines), admin()).statusCode()).isEqualTo(201);
    }

    private void assertRefused(List<String> lines, String field, String rule) throws Exception {
        HttpResponse<String> refused = importLog("xferbad", String.join("\n", lines) + "\n", admin());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        JsonNode error = JSON.readTree(refused.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("rule").asText()).isEqualTo(rule);
    }

    @Test
    void aYearsLogHoldsTheStreamsThatYearsViewsRestOn() throws Exception {
        String department = newDepartment("xferyear");
        for (int year : new int[] {2019, 2020}) {
            post("/api/v1/districts/xferyear/departments/" + department + "/years/" + year + "/department/budget",
                    "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}");
        }
        List<String> streams = new ArrayList<>();
        for (String line : export("xferyear", "?year=2020")) {
            JsonNode node = JSON.readTree(line);
            if (node.get("record").asText().equals("event")) {
                streams.add(node.get("aggregateIdentifier").asText());
            }
        }
        assertThat(streams).contains("district:xferyear", "xferyear/" + department,
                "xferyear/" + department + "/2020/department").noneMatch(stream -> stream.contains("/2019/"));
        HttpResponse<String> badYear = send("GET", "/api/v1/districts/xferyear/event-log.jsonl?year=20x0", null,
                "Authorization", auditor("xferyear"));
        assertThat(badYear.statusCode()).isEqualTo(422);
    }
}
