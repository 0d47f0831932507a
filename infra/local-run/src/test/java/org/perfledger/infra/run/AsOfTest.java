package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Views as they stood at an instant, replayed from the event store: each equals the live view read at that instant,
 * while the record has moved on since; and what changed between two instants, with the events that changed it.
 */
class AsOfTest {

    private static final String DEPARTMENT = "/api/v1/districts/caidian/departments/asof";
    private static final String PLAN = DEPARTMENT + "/years/2020/department";
    private static final String DASHBOARD = DEPARTMENT + "/years/2020/dashboard";
    private static final String OVERVIEW = "/api/v1/districts/caidian/years/2020/overview?size=200";
    private static PlatformClient client;
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
        client = new PlatformClient(platform);
    }

    private static String at(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static JsonNode departmentPlan() {
        return client.read(DASHBOARD).get("plans").get(0);
    }

    @Test
    void everyViewAsOfAnInstantIsTheViewAsItStoodThen() throws Exception {
        Instant beforeTheDepartment = Instant.now();
        Thread.sleep(5);
        client.send("POST", "/api/v1/districts/caidian/departments",
                "{\"departmentId\":\"asof\",\"name\":\"蔡甸区另一局\"}");
        client.send("POST", PLAN + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}");
        client.send("POST", PLAN + "/goals", "{\"text\":\"开展食品抽检\"}");
        client.send("PUT", PLAN + "/indicators/ASOF.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        client.send("POST", PLAN + "/targets/submission", null);
        client.send("POST", PLAN + "/targets/approval", null);
        client.send("POST", PLAN + "/budget/expenditures", "{\"amount\":\"30.00\",\"date\":\"2020-06-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"上半年抽检\"}");
        client.send("POST", PLAN + "/indicators/ASOF.CJ/completions", "{\"value\":\"50批次\",\"asOf\":\"2020-06-30\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> "50批次".equals(
                departmentPlan().get("indicators").get(0).path("latestActual").asText()));
        JsonNode dashboardThen = client.read(DASHBOARD);
        JsonNode overviewThen = client.read(OVERVIEW);
        JsonNode scorecardThen = client.read(PLAN + "/scorecard");
        JsonNode planThen = client.read(PLAN);
        JsonNode yearsThen = client.read(DEPARTMENT + "/years");
        Instant then = Instant.now();
        Thread.sleep(5);

        client.send("POST", PLAN + "/budget/expenditures", "{\"amount\":\"40.00\",\"date\":\"2020-09-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"三季度抽检\"}");
        client.send("POST", PLAN + "/indicators/ASOF.CJ/completions", "{\"value\":\"90批次\",\"asOf\":\"2020-09-30\"}");
        client.send("POST", PLAN + "/budget/adjustments", "{\"kind\":\"追加\",\"amount\":\"20.00\",\"reason\":\"增加抽检任务\","
                + "\"documentNumber\":\"蔡财预〔2020〕66号\",\"date\":\"2020-10-09\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> departmentPlan().get("adjustedBudget").asText().equals("120.00")
                && departmentPlan().get("executed").asText().equals("70.00"));
        assertThat(client.read(DASHBOARD)).isNotEqualTo(dashboardThen);

        assertThat(client.read(DASHBOARD + "?at=" + at(then))).isEqualTo(dashboardThen);
        assertThat(client.read(OVERVIEW + "&at=" + at(then))).isEqualTo(overviewThen);
        assertThat(client.read(PLAN + "/scorecard?at=" + at(then))).isEqualTo(scorecardThen);
        assertThat(client.read(PLAN + "?at=" + at(then))).isEqualTo(planThen);
        assertThat(client.read(DEPARTMENT + "/years?at=" + at(then))).isEqualTo(yearsThen);

        // views as of an instant leave their temporary tables with the pooled connections they ran on: the live views
        // and the projections on those connections still read and write the live tables
        for (int i = 0; i < 8; i++) {
            assertThat(client.read(DASHBOARD + "?at=" + at(then))).isEqualTo(dashboardThen);
            assertThat(departmentPlan().get("adjustedBudget").asText()).isEqualTo("120.00");
        }
        client.send("POST", PLAN + "/budget/expenditures", "{\"amount\":\"10.00\",\"date\":\"2020-10-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"十月抽检\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> departmentPlan().get("executed").asText().equals("80.00"));
        assertThat(client.read(DASHBOARD + "?at=" + at(then))).isEqualTo(dashboardThen);

        String finance = platform.tokenFor(DASHBOARD, "finance");
        HttpResponse<String> beforeItExisted = client.get(platform.queryUrl() + DASHBOARD + "?at="
                + at(beforeTheDepartment), finance);
        assertThat(beforeItExisted.statusCode()).as(beforeItExisted.body()).isEqualTo(404);
        HttpResponse<String> badInstant = client.get(platform.queryUrl() + DASHBOARD + "?at=yesterday", finance);
        assertThat(badInstant.statusCode()).isEqualTo(400);
        assertThat(badInstant.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(PlatformClient.json(badInstant.body()).get("errors").get(0).get("field").asText()).isEqualTo("at");
    }

    @Test
    void theChangesBetweenTwoInstantsNameEachFigureAndTheEventsBehindIt() throws Exception {
        String department = "/api/v1/districts/caidian/departments/asof-changes";
        String plan = department + "/years/2020/department";
        client.send("POST", "/api/v1/districts/caidian/departments",
                "{\"departmentId\":\"asof-changes\",\"name\":\"蔡甸区第三局\"}");
        client.send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}");
        client.send("POST", plan + "/goals", "{\"text\":\"加强市场监管\"}");
        client.send("PUT", plan + "/indicators/CH.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        client.send("POST", plan + "/targets/submission", null);
        client.send("POST", plan + "/targets/approval", null);
        await().atMost(Duration.ofSeconds(10)).until(() -> client.read(department + "/years/2020/dashboard")
                .get("plans").get(0).get("phase").asText().equals("IN_EXECUTION"));
        Instant from = Instant.now();
        Thread.sleep(5);
        // seed 000: 蔡甸 2020, 6352.76 → 6273.65 under 蔡财预〔2020〕88号
        client.send("POST", plan + "/budget/adjustments", "{\"kind\":\"调减\",\"amount\":\"79.11\",\"reason\":\"按决算数调整\","
                + "\"documentNumber\":\"蔡财预〔2020〕88号\",\"date\":\"2020-12-20\"}");
        client.send("POST", plan + "/indicators/CH.CJ/completions", "{\"value\":\"120批次\",\"asOf\":\"2020-12-20\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> client.read(department + "/years/2020/dashboard")
                .get("plans").get(0).get("adjustedBudget").asText().equals("6273.65"));
        Thread.sleep(5);
        Instant to = Instant.now();

        JsonNode difference = client.read(department + "/years/2020/dashboard/changes?from=" + at(from) + "&to="
                + at(to));
        List<String> changes = new ArrayList<>();
        difference.get("changes").forEach(change -> changes.add(change.get("path").asText() + ": "
                + change.get("before") + " → " + change.get("after")));
        assertThat(changes).contains("plans[department/DEPARTMENT].adjustedBudget: \"6352.76\" → \"6273.65\"",
                "plans[department/DEPARTMENT].indicators[CH.CJ].latestActual: null → \"120批次\"");
        List<String> events = new ArrayList<>();
        difference.get("events").forEach(event -> events.add(event.get("type").asText() + " by "
                + event.get("actor").asText() + ": " + event.get("description").asText()));
        assertThat(events).hasSize(2);
        // finance's account (at Keycloak, named with its district, department and roles)
        assertThat(events.get(0)).startsWith("BudgetAdjusted by finance").contains("6352.76 → 6273.65")
                .contains("蔡财预〔2020〕88号");
        assertThat(events.get(1)).startsWith("CompletionRecorded by finance").contains("120批次");
        assertThat(difference.get("events").get(0).get("correlationId").asText()).isNotBlank();

        JsonNode overview = client.read("/api/v1/districts/caidian/years/2020/overview/changes?from=" + at(from));
        assertThat(overview.get("changes").toString()).contains("asof-changes");
        HttpResponse<String> backwards = client.get(platform.queryUrl() + department
                + "/years/2020/dashboard/changes?from=" + at(to) + "&to=" + at(from), platform.tokenFor(plan, "f"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(PlatformClient.json(backwards.body()).get("errors").get(0).get("field").asText()).isEqualTo("to");
    }
}
