package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The district overview, a department's dashboard with 序时进度, and what is due, over the demo districts. */
class DashboardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(String path) throws Exception {
        HttpResponse<String> response = get(path, platform.tokenFor(path, "finance"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void send(String method, String path, String body) throws Exception {
        HttpResponse<String> response = DemoDistrict.send(HTTP, platform.commandUrl(),
                new SeedYear.Step(method, path, body), null, platform.tokenFor(path, "finance"));
        assertThat(response.statusCode()).as(path + " → " + response.body()).isBetween(200, 201);
    }

    @Test
    void theDistrictOverviewSortsFiltersAndPages() throws Exception {
        JsonNode all = read("/api/v1/districts/qiaokou/years/2020/overview?sort=score&order=desc&size=200");
        assertThat(all.get("total").asInt()).isEqualTo(15);
        List<BigDecimal> scores = new ArrayList<>();
        all.get("items").forEach(row -> scores.add(row.get("score").decimalValue()));
        assertThat(scores).isSortedAccordingTo((a, b) -> b.compareTo(a));

        JsonNode pests = read("/api/v1/districts/qiaokou/years/2020/overview?alert=zero-budget-with-spending");
        assertThat(pests.get("total").asInt()).isEqualTo(1);
        assertThat(pests.get("items").get(0).get("plan").asText()).isEqualTo("BCHKZ");
        assertThat(pests.get("items").get(0).get("alerts").toString()).contains("reported-differs");

        JsonNode excellent = read("/api/v1/districts/qiaokou/years/2020/overview?grade=" + "%E4%BC%98%E7%A7%80");
        assertThat(excellent.get("items").findValuesAsText("grade")).as("only 优秀, and some").isNotEmpty()
                .containsOnly("优秀");
        JsonNode second = read("/api/v1/districts/qiaokou/years/2020/overview?size=5&page=1");
        assertThat(second.get("items")).hasSize(5);
        assertThat(second.get("total").asInt()).isEqualTo(15);

        String viewer = platform.tokens().token("v", "qiaokou", "other", List.of("DEPARTMENT_VIEWER"));
        HttpResponse<String> scoped = get("/api/v1/districts/qiaokou/years/2020/overview", viewer);
        assertThat(JSON.readTree(scoped.body()).get("total").asInt()).as("a viewer sees its department only").isZero();
        HttpResponse<String> badSort = get("/api/v1/districts/qiaokou/years/2020/overview?sort=budget",
                platform.tokenFor("/api/v1/districts/qiaokou", "finance"));
        assertThat(badSort.statusCode()).isEqualTo(400);
    }

    private static void year(int year, String budget, String spent, String actual) throws Exception {
        String plan = "/api/v1/districts/tianxin/departments/yoy/years/" + year + "/department";
        send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"" + budget + "\"}}");
        send("POST", plan + "/goals", "{\"text\":\"开展抽检\"}");
        send("PUT", plan + "/indicators/YOY.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        send("POST", plan + "/targets/submission", null);
        send("POST", plan + "/targets/approval", null);
        send("POST", plan + "/budget/expenditures", "{\"amount\":\"" + spent + "\",\"date\":\"" + year
                + "-12-31\",\"expenditureClass\":\"公用经费\",\"description\":\"全年\"}");
        send("POST", plan + "/indicators/YOY.CJ/completions", "{\"value\":\"" + actual + "\",\"asOf\":\"" + year
                + "-12-31\"}");
    }

    @Test
    void aDepartmentsAdjustmentTrailSpansItsPlans() throws Exception {
        // seed 001: 综合事务 追加 27.09 and 调减 109.58, 食品药品 上级转移支付 20.91
        JsonNode trail = read("/api/v1/districts/donghu/departments/scjgj/years/2018/adjustments");
        List<String> steps = new ArrayList<>();
        trail.forEach(step -> steps.add(step.get("plan").asText() + " " + step.get("kind").asText() + " "
                + step.get("from").asText() + " → " + step.get("to").asText()));
        assertThat(steps).containsExactlyInAnyOrder("ZHSW SUPPLEMENT 439.53 → 466.62", "ZHSW REDUCTION 466.62 → 357.04",
                "SPAQ UPPER_LEVEL_TRANSFER 149.60 → 170.51");
        // the demo loader's account (named after it; at Keycloak, with its district and roles)
        assertThat(trail.get(0).get("actor").asText()).startsWith("demo-loader");
        assertThat(trail.get(0).get("documentNumber").asText()).isEqualTo("（自评报告未载明文号）");
        // the reports date no adjustment, and none is made up
        trail.forEach(step -> assertThat(step.get("date").isNull()).as(step.toString()).isTrue());
    }

    @Test
    void yearOverYearFollowsPlansAndIndicatorsByTheirCodes() throws Exception {
        send("POST", "/api/v1/districts/tianxin/departments", "{\"departmentId\":\"yoy\",\"name\":\"天心区另一局\"}");
        send("PUT", "/api/v1/districts/tianxin/years/2021/scoring-schemes/department-wide",
                SeedDataset.read("004-tianxin-2020.json").get("schemes").get("department-wide").toString());
        year(2020, "100.00", "80.00", "90批次");
        year(2021, "120.00", "120.00", "110批次");

        JsonNode years = await().atMost(Duration.ofSeconds(10)).until(
                () -> read("/api/v1/districts/tianxin/departments/yoy/years"),
                rows -> rows.size() == 2 && rows.get(1).get("score").isNumber()
                        && rows.get(1).get("score").decimalValue().compareTo(BigDecimal.valueOf(100)) == 0
                        && rows.get(0).get("score").decimalValue().compareTo(BigDecimal.valueOf(88)) == 0);
        assertThat(years.get(0).get("executionRate").decimalValue()).isEqualByComparingTo("80");
        // 2020: 20 × 80% + 80 × 90% = 16 + 72 = 88; 2021: 20 + 80 = 100
        assertThat(years.get(0).get("score").decimalValue()).isEqualByComparingTo("88");
        assertThat(years.get(1).get("score").decimalValue()).isEqualByComparingTo("100");
        assertThat(years.get(1).get("executionRateChange").decimalValue()).isEqualByComparingTo("20");
        assertThat(years.get(1).get("scoreChange").decimalValue()).isEqualByComparingTo("12");
        assertThat(years.get(1).get("trend").asText()).isEqualTo("up");

        JsonNode indicator = read("/api/v1/districts/tianxin/departments/yoy/indicators/YOY.CJ/years");
        assertThat(indicator).hasSize(2);
        assertThat(indicator.get(0).get("completion").decimalValue()).isEqualByComparingTo("90");
        assertThat(indicator.get(1).get("latestActual").asText()).isEqualTo("110批次");
        JsonNode byName = read("/api/v1/districts/tianxin/departments/yoy/indicators/OLD.CODE/years?name="
                + "%E6%8A%BD%E6%A3%80%E6%89%B9%E6%AC%A1");
        assertThat(byName).as("falls back to the name").hasSize(2);
    }

    @Test
    void theDemoDepartmentWithSampleYearsChangesAcrossYears() throws Exception {
        // 东湖 市场监督管理局: the 2018 seed, then the sample years 2019 and 2020 (质量技术监督项目 still in execution)
        JsonNode years = await().atMost(Duration.ofSeconds(10)).until(
                () -> read("/api/v1/districts/donghu/departments/scjgj/years"), rows -> rows.findValues("year").stream()
                        .filter(year -> year.asInt() <= 2020).count() == 12);
        List<String> quality = new ArrayList<>();
        // the browser tests may add 2021 projects to the demo department in the shared platform
        years.forEach(row -> {
            if (row.get("plan").asText().equals("ZLJS")) {
                quality.add(row.get("year").asInt() + " " + row.get("adjustedBudget").asText() + " "
                        + row.get("executionRate").asText() + " " + row.get("trend").asText(""));
            }
        });
        // 2018: 200.00 fully spent; 2019: 216.00 less a 10.80 reduction, 96% spent; 2020: 224.00 less 11.20, 54% spent
        // by June (the browser test may add spending to 2020 in the shared platform, so its rate is only bounded)
        assertThat(quality).hasSize(3).startsWith("2018 200.00 100.0 ", "2019 205.20 96.0 down");
        assertThat(quality.get(2)).startsWith("2020 212.80 ").endsWith(" down");
        JsonNode districtYears = read("/api/v1/districts/donghu/years");
        assertThat(districtYears.toString()).contains("{\"year\":2018,\"plans\":4}", "{\"year\":2019,\"plans\":4}",
                "{\"year\":2020,\"plans\":4}");
        JsonNode satisfaction = read("/api/v1/districts/donghu/departments/scjgj/indicators/ZLJS.RCXC/years");
        assertThat(satisfaction).hasSize(3);
        assertThat(satisfaction.get(1).get("latestActual").asText()).isEqualTo("2176 台");
    }

    @Test
    void timeProgressOnADayCountsOnlyWhatIsDatedUpToIt() throws Exception {
        send("POST", "/api/v1/districts/tianxin/departments", "{\"departmentId\":\"dashcut\",\"name\":\"天心区另一局\"}");
        String plan = "/api/v1/districts/tianxin/departments/dashcut/years/2020/department";
        send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}");
        send("POST", plan + "/goals", "{\"text\":\"开展抽检\"}");
        send("PUT", plan + "/indicators/CUT.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"10\",\"target\":\"100批次\"}");
        send("POST", plan + "/targets/submission", null);
        send("POST", plan + "/targets/approval", null);
        send("POST", plan + "/budget/expenditures", "{\"amount\":\"20.00\",\"date\":\"2020-06-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"上半年\"}");
        // a payment and a budget change dated after the day the dashboard stands on
        send("POST", plan + "/budget/expenditures", "{\"amount\":\"30.00\",\"date\":\"2020-09-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"三季度\"}");
        send("POST", plan + "/budget/adjustments", "{\"kind\":\"追加\",\"amount\":\"100.00\",\"reason\":\"追加\","
                + "\"documentNumber\":\"天财〔2020〕9号\",\"date\":\"2020-10-15\"}");
        String path = "/api/v1/districts/tianxin/departments/dashcut/years/2020/dashboard";
        await().atMost(Duration.ofSeconds(10)).until(() -> read(path),
                d -> d.get("plans").get(0).get("adjustedBudget").asText().equals("200.00"));
        // on 1 July: 20 of the 100 then budgeted; on 31 December: 50 of 200
        assertThat(read(path + "?asOf=2020-07-01").get("plans").get(0).get("timeProgress").get("executionRate")
                .decimalValue()).isEqualByComparingTo("20.00");
        assertThat(read(path + "?asOf=2020-12-31").get("plans").get(0).get("timeProgress").get("executionRate")
                .decimalValue()).isEqualByComparingTo("25.00");
    }

    @Test
    void aDepartmentDashboardShowsTimeProgressAndOpenItems() throws Exception {
        send("POST", "/api/v1/districts/tianxin/departments", "{\"departmentId\":\"dash\",\"name\":\"天心区某局\"}");
        String plan = "/api/v1/districts/tianxin/departments/dash/years/2020/department";
        send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}");
        send("POST", plan + "/goals", "{\"text\":\"开展抽检\"}");
        send("PUT", plan + "/indicators/DASH.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"10\",\"target\":\"100批次\"}");
        send("PUT", plan + "/indicators/DASH.MYD", "{\"goal\":1,\"level1\":\"满意度指标\",\"level2\":\"服务对象满意度指标\","
                + "\"name\":\"满意度\",\"weight\":\"10\",\"target\":\"90%以上\"}");
        send("POST", plan + "/targets/submission", null);
        send("POST", plan + "/targets/approval", null);
        send("POST", plan + "/budget/expenditures", "{\"amount\":\"20.00\",\"date\":\"2020-06-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"上半年\"}");
        send("POST", plan + "/indicators/DASH.CJ/completions", "{\"value\":\"60批次\",\"asOf\":\"2020-06-30\"}");

        String path = "/api/v1/districts/tianxin/departments/dash/years/2020/dashboard?asOf=2020-07-01";
        JsonNode dashboard = await().atMost(Duration.ofSeconds(10)).until(() -> read(path),
                d -> d.get("plans").get(0).get("indicators").get(0).get("latestActual").isTextual());
        JsonNode wide = dashboard.get("plans").get(0);
        // 2020-07-01 is day 183 of 366: half the year gone, a fifth of the money spent
        assertThat(wide.get("timeProgress").get("yearElapsed").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(wide.get("timeProgress").get("executionRate").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(wide.get("timeProgress").get("lagging").asBoolean()).isTrue();
        assertThat(wide.get("indicators").get(0).get("completion").decimalValue()).isEqualByComparingTo("60");
        assertThat(wide.get("indicators").get(0).get("score").decimalValue()).isEqualByComparingTo("6");
        assertThat(wide.get("openItems").findValuesAsText("kind")).containsExactly(
                "missing-deviation-reason", "missing-completion", "spending-lags");
        // 60 of 100 批次 is 40% short: a 偏差原因 will be needed
        assertThat(wide.get("openItems").get(0).get("indicator").asText()).isEqualTo("DASH.CJ");
        assertThat(wide.get("openItems").get(0).get("detail").asText()).isEqualTo("-40.00%");
        assertThat(wide.get("openItems").toString()).contains("missing completion: DASH.MYD")
                .contains("spending trails the year");
        assertThat(wide.get("score").decimalValue()).as("4 of 20 for execution, 6 for the checks")
                .isEqualByComparingTo("10");

        send("PUT", "/api/v1/districts/tianxin/years/2020/reporting-calendar", "{\"monitoring\":[{\"period\":\"H1\","
                + "\"label\":\"上半年\",\"due\":\"2020-07-15\"}],\"selfEvaluationDue\":\"2021-06-30\"}");
        JsonNode due = await().atMost(Duration.ofSeconds(10)).until(
                () -> read("/api/v1/districts/tianxin/years/2020/due?asOf=2020-07-20"), d -> d.size() > 0);
        List<String> items = new ArrayList<>();
        due.forEach(item -> items.add(item.get("department").asText() + " " + item.get("item").asText() + " "
                + item.get("status").asText()));
        assertThat(items).contains("dash monitoring H1 late", "dash self-evaluation open",
                "scjgj self-evaluation done");
    }
}
