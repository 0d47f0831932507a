package org.perfledger.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.infra.embedded.TestInfrastructure;

/** The event log an auditor reads: every event in chain order, in words, with who, when, why and which request. */
class EventLogTest extends CommandServiceTestBase {

    private static String token(String subject, String district, String department, String role) {
        return "Bearer " + TestInfrastructure.issuer().token(subject, district, department, List.of(role),
                Duration.ofMinutes(5));
    }

    private JsonNode read(String query, String token) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/districts/logd/event-log" + query, null,
                "Authorization", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void anAuditorReadsWhoChangedWhatWhyAndUnderWhichDocument() throws Exception {
        String department = newDepartment("logd");
        String plan = "/api/v1/districts/logd/departments/" + department + "/years/2020/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}").statusCode())
                .isEqualTo(201);
        assertThat(post(plan + "/goals", "{\"text\":\"依法履职\"}").statusCode()).isEqualTo(201);
        assertThat(put(plan + "/indicators/LOG.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"10\",\"target\":\"100批次\"}").statusCode()).isEqualTo(200);
        assertThat(post(plan + "/targets/submission", null).statusCode()).isEqualTo(200);
        assertThat(post(plan + "/targets/approval", null).statusCode()).isEqualTo(200);
        HttpResponse<String> adjusted = post(plan + "/budget/adjustments", "{\"kind\":\"调减\",\"amount\":\"79.11\","
                + "\"expenditureClass\":\"人员经费\",\"reason\":\"按决算数调整\",\"documentNumber\":\"蔡财预〔2020〕88号\","
                + "\"date\":\"2020-12-29\"}", "X-Actor", "zhang.san", "X-Correlation-Id", "adj-6273");
        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
        String other = newDepartment("logd");

        String auditor = token("logd.auditor", "logd", null, "AUDITOR");
        JsonNode year = read("?department=" + department + "&year=2020", auditor);
        List<String> words = new ArrayList<>();
        year.get("items").forEach(item -> words.add(item.get("description").asText()));
        assertThat(words).contains("预算调整：第 1 次，调减 79.11 万元，6352.76 → 6273.65 万元，原因：按决算数调整，"
                + "文号：蔡财预〔2020〕88号，日期：2020-12-29");
        JsonNode adjustment = year.get("items").get(year.get("items").size() - 1);
        assertThat(adjustment.get("type").asText()).isEqualTo("BudgetAdjusted");
        assertThat(adjustment.get("actor").asText()).isEqualTo("zhang.san");
        assertThat(adjustment.get("role").asText()).contains("DISTRICT_FINANCE");
        assertThat(adjustment.get("correlationId").asText()).isEqualTo("adj-6273");
        assertThat(adjustment.get("payload").get("documentNumber").asText()).isEqualTo("蔡财预〔2020〕88号");
        assertThat(adjustment.get("hash").asText()).hasSize(64);

        JsonNode whole = read("", auditor);
        List<Long> positions = new ArrayList<>();
        whole.get("items").forEach(item -> positions.add(item.get("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(whole.toString()).contains("部门登记", other);

        JsonNode first = read("?size=2", auditor);
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = read("?size=2&after=" + first.get("next").asLong(), auditor);
        assertThat(second.get("items").get(0).get("position").asLong()).isEqualTo(positions.get(2));

        // department staff see their own department, whatever they ask for
        String editor = token("e", "logd", department, "DEPARTMENT_EDITOR");
        JsonNode own = read("", editor);
        assertThat(own.get("items").findValuesAsText("aggregate")).isNotEmpty()
                .allSatisfy(aggregate -> assertThat(aggregate).startsWith("logd/" + department));
        assertThat(send("GET", "/api/v1/districts/logd/event-log?department=" + other, null, "Authorization", editor)
                .statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/districts/logd/event-log", null, "Authorization",
                token("x", "other", null, "AUDITOR")).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/v1/districts/logd/event-log?size=0", null, "Authorization", auditor)
                .statusCode()).isEqualTo(422);

        // the auditor's reads are recorded, with what they were answered; the editor's are not
        List<String> recorded = jdbc.queryForList("SELECT subject || ' ' || path || '?' || coalesce(query, '') || ' ' "
                + "|| status FROM access_audit WHERE district = 'logd' ORDER BY id", String.class);
        assertThat(recorded).contains("logd.auditor /api/v1/districts/logd/event-log?department=" + department
                + "&year=2020 200", "logd.auditor /api/v1/districts/logd/event-log?size=0 422")
                .noneMatch(row -> row.startsWith("e "));
    }

    @Test
    void anAuditorReadsTheNewestFirstByDayAndByKindOfEvent() throws Exception {
        String department = newDepartment("logd");
        String plan = "/api/v1/districts/logd/departments/" + department + "/years/2020/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}").statusCode())
                .isEqualTo(201);
        assertThat(post(plan + "/goals", "{\"text\":\"依法履职\"}").statusCode()).isEqualTo(201);
        assertThat(post(plan + "/goals", "{\"text\":\"优化服务\"}").statusCode()).isEqualTo(201);
        String auditor = token("logf.auditor", "logd", null, "AUDITOR");
        String scope = "?department=" + department + "&year=2020";

        JsonNode chain = read(scope, auditor);
        JsonNode newest = read(scope + "&order=newest&size=2", auditor);
        int last = chain.get("items").size() - 1;
        assertThat(newest.get("items").get(0).get("position").asLong())
                .isEqualTo(chain.get("items").get(last).get("position").asLong());
        assertThat(newest.get("items").get(1).get("position").asLong())
                .isEqualTo(chain.get("items").get(last - 1).get("position").asLong());
        JsonNode older = read(scope + "&order=newest&size=2&after=" + newest.get("next").asLong(), auditor);
        assertThat(older.get("items").get(0).get("position").asLong())
                .isEqualTo(chain.get("items").get(last - 2).get("position").asLong());

        JsonNode goals = read(scope + "&type=GoalAdded", auditor);
        assertThat(goals.get("items")).hasSize(2);
        goals.get("items").forEach(item -> assertThat(item.get("title").asText()).isEqualTo("年度目标"));
        assertThat(read(scope + "&type=GoalAdded&type=BudgetOpened", auditor).get("items")).hasSize(3);

        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String tomorrow = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        assertThat(read(scope + "&from=" + today + "&to=" + today, auditor).get("items"))
                .hasSize(chain.get("items").size());
        assertThat(read(scope + "&from=" + tomorrow, auditor).get("items")).isEmpty();

        for (String bad : List.of("order=sideways", "type=NoSuchEvent", "from=2020-13-01",
                "from=2020-02-02&to=2020-02-01")) {
            HttpResponse<String> refused = send("GET", "/api/v1/districts/logd/event-log?" + bad, null,
                    "Authorization", auditor);
            assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }
}
