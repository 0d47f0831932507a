package org.perfledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/** The command API over HTTP, against the real event store and broker. */
@AutoConfigureObservability
class CommandApiTest extends CommandServiceTestBase {

    private static final String PROJECT = """
            {"code":"SPAQ","name":"食品药品安全专项","implementingUnits":["食品科","药械科"],
             "category":"部门预算项目","attribute":"持续性项目","type":"常年性项目","financeDesk":"东湖高新区财政局行财科"}""";

    /** A project of a fresh department in execution with its 2018 budget of 149.60; answers its path. */
    private String projectInExecution(String district) throws Exception {
        String department = newDepartment(district);
        String year = "/api/v1/districts/" + district + "/departments/" + department + "/years/2018";
        assertThat(post(year + "/projects", PROJECT).statusCode()).isEqualTo(201);
        String plan = year + "/projects/SPAQ";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"149.60\"}}").statusCode()).isEqualTo(201);
        assertThat(post(plan + "/goals", "{\"text\":\"保障食品药品安全\"}").statusCode()).isEqualTo(201);
        assertThat(put(plan + "/indicators/SPAQ.KSJC", """
                {"goal":1,"level1":"产出指标","level2":"数量指标","name":"食品安全快速检测","weight":"5","target":"3500 批次"}""")
                .statusCode()).isEqualTo(200);
        assertThat(post(plan + "/targets/submission", null).statusCode()).isEqualTo(200);
        assertThat(post(plan + "/targets/approval", null).statusCode()).isEqualTo(200);
        return plan;
    }

    private static String adjustment(String amount) {
        return "{\"kind\":\"上级转移支付\",\"amount\":\"" + amount + "\",\"reason\":\"上级转移支付资金\","
                + "\"documentNumber\":\"武新管财字[2018]56号\",\"date\":\"2018-06-30\"}";
    }

    @Test
    void adjustmentIsStoredAsOneEventWithReasonDocumentActorDistrictAndCorrelation() throws Exception {
        String plan = projectInExecution("donghu");
        int before = storedEvents();

        HttpResponse<String> adjusted = post(plan + "/budget/adjustments", adjustment("20.91"),
                "X-Actor", "zhang.san", "X-Correlation-Id", "adj-17051");

        assertThat(adjusted.statusCode()).as(adjusted.body()).isEqualTo(201);
        assertThat(adjusted.headers().firstValue("ETag")).hasValue("\"6\"");
        assertThat(adjusted.headers().firstValue("Location")).hasValue(plan + "/budget/adjustments/1");
        assertThat(adjusted.headers().firstValue("X-Correlation-Id")).hasValue("adj-17051");
        JsonNode body = JSON.readTree(adjusted.body());
        assertThat(body.get("from").asText()).isEqualTo("149.60");
        assertThat(body.get("to").asText()).isEqualTo("170.51");
        assertThat(storedEvents()).isEqualTo(before + 1);

        Map<String, Object> row = jdbc.queryForMap("""
                SELECT payload_type, payload_revision, convert_from(payload, 'UTF8') AS payload,
                       convert_from(meta_data, 'UTF8') AS meta_data, type
                  FROM domain_event_entry ORDER BY global_index DESC LIMIT 1""");
        assertThat(row.get("payload_type")).isEqualTo("BudgetAdjusted");
        // version 2 since an adjustment may carry its parts
        assertThat(row.get("payload_revision")).isEqualTo("2");
        assertThat(row.get("type")).isEqualTo("AnnualPlan");
        JsonNode payload = JSON.readTree((String) row.get("payload"));
        assertThat(payload.get("kind").asText()).isEqualTo("UPPER_LEVEL_TRANSFER");
        assertThat(payload.get("from").asText()).isEqualTo("149.60");
        assertThat(payload.get("to").asText()).isEqualTo("170.51");
        assertThat(payload.get("reason").asText()).isEqualTo("上级转移支付资金");
        assertThat(payload.get("documentNumber").asText()).isEqualTo("武新管财字[2018]56号");
        assertThat(payload.get("date").asText()).isEqualTo("2018-06-30");
        JsonNode metadata = JSON.readTree((String) row.get("meta_data"));
        assertThat(metadata.get("district").asText()).isEqualTo("donghu");
        assertThat(metadata.get("actor").asText()).isEqualTo("zhang.san");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("adj-17051");
    }

    @Test
    void theActorAndRolesComeFromTheTokenAndACorrelationIdIsMadeWhenAbsent() throws Exception {
        String department = newDepartment("caidian");
        String metadata = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", String.class, "caidian/" + department);
        JsonNode node = JSON.readTree(metadata);
        assertThat(node.get("actor").asText()).isEqualTo("zhang.san");
        assertThat(node.get("role").asText()).isEqualTo("DEPARTMENT_EDITOR,DISTRICT_FINANCE");
        assertThat(UUID.fromString(node.get("correlationId").asText())).isNotNull();
    }

    @Test
    void malformedInputIsRefusedWithAProblemNamingFieldAndRuleAndNothingIsStored() throws Exception {
        String plan = projectInExecution("caidian");
        int before = storedEvents();
        String adjust = plan + "/budget/adjustments";
        String completion = plan + "/indicators/SPAQ.KSJC/completions";

        record Case(String path, String body, String field, String rule) {
        }
        String late = plan + "/self-evaluation/indicators/SPAQ.NEW";
        String lateBody = "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"设置过期药品回收点\","
                + "\"weight\":\"5\",\"target\":\"11个\",\"reason\":\"上述调整完善措施已在本次自评时予以体现\"}";
        List<Case> cases = List.of(
                new Case(late, lateBody.replace(",\"reason\":\"上述调整完善措施已在本次自评时予以体现\"", ""), "reason",
                        "required"),
                new Case(late, lateBody.replace("上述调整完善措施已在本次自评时予以体现", "x".repeat(501)), "reason",
                        "text.length"),
                new Case(late.replace("SPAQ.NEW", "bad%20code"), lateBody, "code", "code.format"),
                new Case(adjust, adjustment("-5.00"), "amount", "money.non-negative"),
                new Case(adjust, adjustment("12,5"), "amount", "money.format"),
                new Case(adjust, adjustment("1.005"), "amount", "money.scale"),
                new Case(adjust, adjustment("12345678901234.00"), "amount", "money.range"),
                new Case(adjust, adjustment("NaN"), "amount", "money.format"),
                new Case(adjust, adjustment("20.91").replace("上级转移支付\"", "挪用\""), "kind", "value.unknown"),
                new Case(adjust, adjustment("20.91").replace("2018-06-30", "2018-13-01"), "date", "date.format"),
                new Case(adjust, adjustment("20.91").replace("\"reason\":\"上级转移支付资金\",", ""), "reason", "required"),
                new Case(adjust, adjustment("20.91").replace("上级转移支付资金", "  "), "reason", "text.required"),
                new Case(adjust, adjustment("20.91").replace(",\"documentNumber\":\"武新管财字[2018]56号\"", ""),
                        "documentNumber", "required"),
                new Case(adjust, "{\"kind\":\"追加\",\"amount\":90.5,\"reason\":\"r\",\"documentNumber\":\"d\",\"date\":\"2018-06-30\"}",
                        "amount", "json.type"),
                new Case(adjust, adjustment("20.91").replace("{", "{\"x\":1,"), "x", "json.unknown-field"),
                // an adjustment whose amount the documents do not state has none
                new Case(adjust, adjustment("20.91").replace("{", "{\"amountUnstated\":true,"), "amount",
                        "amount.unstated"),
                new Case(adjust, "{\"amountUnstated\":true,\"kind\":\"压减\",\"items\":[\" \"],\"reason\":\"r\"}",
                        "items[0]", "text.required"),
                new Case(adjust, adjustment("20.91").replace("{", "{\"amount\":\"1.00\","), null, "json.syntax"),
                new Case(adjust, "{not json", null, "json.syntax"),
                new Case(completion, "{\"value\":\"≥\",\"asOf\":\"2018-12-29\"}", "value", "target.number-missing"),
                new Case(completion, "{\"value\":\"100 or 200\",\"asOf\":\"2018-12-29\"}", "value", "target.single-number"),
                new Case(completion, "{\"value\":\"4944 批次\",\"asOf\":\"29/12/2018\"}", "asOf", "date.format"),
                // a date is required unless the sender says the source states none; both at once contradict
                new Case(completion, "{\"value\":\"4944 批次\"}", "asOf", "required"),
                new Case(completion, "{\"value\":\"4944 批次\",\"asOf\":\"2018-12-29\",\"undated\":true}", "asOf",
                        "date.undated"),
                new Case(plan + "/budget/expenditures", "{\"amount\":\"1.00\",\"description\":\"d\"}", "date",
                        "required"),
                new Case(plan + "/budget/receipts", "{\"amount\":\"1.00\",\"date\":\"2018-06-30\",\"undated\":true}",
                        "date", "date.undated"),
                new Case(plan + "/indicators", "{\"goal\":1,\"level1\":\"满意度指标\",\"level2\":\"数量指标\",\"name\":\"n\","
                        + "\"weight\":\"5\",\"target\":\"1次\"}", "level2", "indicator.level2"),
                new Case(plan + "/indicators", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"n\","
                        + "\"weight\":\"120\",\"target\":\"1次\"}", "weight", "points.range"),
                new Case(plan + "/indicators", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\",\"name\":\"n\","
                        + "\"weight\":\"5\",\"target\":\"XX\"}", "target", "target.placeholder"),
                new Case(plan + "/monitoring-reports", "{\"period\":\"H1\",\"asOf\":\"2018-06-30\",\"indicators\":[null]}",
                        "indicators.[0]", "json.null"),
                new Case(plan + "/budget", "{\"sources\":{\"OTHER\":null}}", "sources.OTHER", "json.null"),
                new Case(plan + "/budget/adjustments", "", null, "body.required"),
                new Case(plan.replace("/years/2018", "/years/1899") + "/closure", null, "year", "fiscal-year.range"),
                new Case(plan.replace("/SPAQ", "/bad%20code") + "/closure", null, "project", "code.format"),
                new Case(plan + "/closure", null, "If-Match", "if-match.format"),
                new Case("/api/v1/districts/Cai%20Dian/departments", "{\"departmentId\":\"x\",\"name\":\"n\"}",
                        "district", "code.format"));
        for (Case c : cases) {
            HttpResponse<String> response = c.field() != null && c.field().equals("If-Match")
                    ? post(c.path(), c.body(), "If-Match", "latest")
                    : c.path().startsWith(late.substring(0, late.lastIndexOf('/'))) ? put(c.path(), c.body())
                    : post(c.path(), c.body());
            assertThat(response.statusCode()).as(c.path() + " " + c.body() + " → " + response.body()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("rule").asText()).as(c.body()).isEqualTo(c.rule());
            if (c.field() != null) {
                assertThat(error.get("field").asText()).as(c.body()).isEqualTo(c.field());
            }
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void businessRefusalsHaveTheirOwnStatusAndStoreNothing() throws Exception {
        String department = newDepartment("caidian");
        String year = "/api/v1/districts/caidian/departments/" + department + "/years/2020";
        int before = storedEvents();

        HttpResponse<String> unknownDepartment = post("/api/v1/districts/caidian/departments/nobody/years/2020/projects",
                PROJECT);
        assertThat(unknownDepartment.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknownDepartment.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("department");

        HttpResponse<String> unknownProject = post(year + "/projects/NOPE/budget",
                "{\"sources\":{\"GENERAL_PUBLIC_BUDGET\":\"1.00\"}}");
        assertThat(unknownProject.statusCode()).isEqualTo(404);
        assertThat(rule(unknownProject)).isEqualTo("project.unknown");

        HttpResponse<String> nothingYet = post(year + "/department/closure", null);
        assertThat(nothingYet.statusCode()).isEqualTo(404);
        assertThat(storedEvents()).isEqualTo(before);

        String plan = year + "/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}").statusCode()).isEqualTo(201);
        HttpResponse<String> twice = post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(rule(twice)).isEqualTo("budget.already-opened");

        HttpResponse<String> tooEarly = post(plan + "/budget/expenditures",
                "{\"amount\":\"5184.55\",\"date\":\"2020-12-31\",\"expenditureClass\":\"人员经费\",\"description\":\"基本支出\"}");
        assertThat(tooEarly.statusCode()).isEqualTo(409);
        assertThat(rule(tooEarly)).isEqualTo("plan.phase");
        assertThat(JSON.readTree(tooEarly.body()).get("detail").asText()).contains("目标编制中 (DRAFTING)");

        HttpResponse<String> noIndicators = post(plan + "/targets/submission", null);
        assertThat(noIndicators.statusCode()).isEqualTo(422);
        assertThat(rule(noIndicators)).isEqualTo("targets.no-indicators");

        assertThat(post(plan + "/goals", "{\"text\":\"全区有效商标注册量达到市考核要求\"}", "If-Match", "\"1\"").statusCode())
                .isEqualTo(201);
        HttpResponse<String> stale = post(plan + "/goals", "{\"text\":\"另一个目标\"}", "If-Match", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("type").asText()).isEqualTo("urn:perfledger:problem:version-conflict");
        assertThat(storedEvents()).isEqualTo(before + 3);
    }

    @Test
    void textInEveryScriptAndInjectionAttemptsAreStoredExactlyAsPlainText() throws Exception {
        String department = newDepartment("caidian");
        String goals = "/api/v1/districts/caidian/departments/" + department + "/years/2020/department/goals";
        List<String> texts = List.of(
                "加强食品安全监管，确保不发生系统性食品安全问题（含食用农产品千人1批）",
                "ئاشلىق بىخەتەرلىكى · བོད་ཡིག · Ελληνικά · Кириллица · e\u0301 combining · 👩🏽‍🌾 emoji",
                "'); DROP TABLE domain_event_entry; --",
                "<script>alert('x')</script><img src=x onerror=alert(1)>",
                "${jndi:ldap://example.invalid/a} {{7*7}} %s %n \\u0000");
        for (String text : texts) {
            HttpResponse<String> added = post(goals, JSON.writeValueAsString(Map.of("text", text)));
            assertThat(added.statusCode()).as(text + " → " + added.body()).isEqualTo(201);
            String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry "
                    + "ORDER BY global_index DESC LIMIT 1", String.class);
            assertThat(JSON.readTree(payload).get("text").asText()).isEqualTo(text);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Integer.class)).isPositive();

        HttpResponse<String> control = post(goals, JSON.writeValueAsString(Map.of("text", "目标\u0007")));
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(rule(control)).isEqualTo("text.control-characters");
        HttpResponse<String> tooLong = post(goals, JSON.writeValueAsString(Map.of("text", "长".repeat(2001))));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(rule(tooLong)).isEqualTo("text.length");
    }

    @Test
    void anOversizedBodyIsRefusedWith413WhetherDeclaredOrStreamed() throws Exception {
        String department = newDepartment("caidian");
        String goals = "/api/v1/districts/caidian/departments/" + department + "/years/2020/department/goals";
        String huge = "{\"text\":\"" + "长".repeat(400_000) + "\"}";
        int before = storedEvents();

        HttpResponse<String> declared = post(goals, huge);
        assertThat(declared.statusCode()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(rule(declared)).isEqualTo("body.size");

        HttpResponse<String> streamed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + goals)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestInfrastructure.tokenFor(goals, "zhang.san"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        huge.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(rule(streamed)).isEqualTo("body.size");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aRetriedRequestWithItsIdempotencyKeyCausesNoSecondEventAndGetsTheFirstAnswer() throws Exception {
        String plan = projectInExecution("donghu");
        String key = UUID.randomUUID().toString();
        String spend = "{\"amount\":\"23.00\",\"date\":\"2018-06-12\",\"description\":\"药品医疗器械监管\"}";
        int before = storedEvents();

        HttpResponse<String> first = post(plan + "/budget/expenditures", spend, "Idempotency-Key", key);
        HttpResponse<String> retry = post(plan + "/budget/expenditures", spend, "Idempotency-Key", key);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(JSON.readTree(retry.body()).get("executedTotal").asText()).isEqualTo("23.00");
        assertThat(retry.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
        assertThat(storedEvents()).isEqualTo(before + 1);
        String metadata = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "ORDER BY global_index DESC LIMIT 1", String.class);
        assertThat(JSON.readTree(metadata).get("idempotencyKey").asText()).isEqualTo(key);

        HttpResponse<String> reused = post(plan + "/budget/expenditures", spend.replace("23.00", "24.00"),
                "Idempotency-Key", key);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(rule(reused)).isEqualTo("idempotency-key.reused");

        HttpResponse<String> another = post(plan + "/budget/expenditures", spend, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(JSON.readTree(another.body()).get("executedTotal").asText()).isEqualTo("46.00");
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyCauseOneEvent() throws Exception {
        String plan = projectInExecution("donghu");
        String key = UUID.randomUUID().toString();
        String spend = "{\"amount\":\"10.00\",\"date\":\"2018-07-01\",\"description\":\"快检服务\"}";
        int before = storedEvents();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                requests.add(() -> post(plan + "/budget/expenditures", spend, "Idempotency-Key", key));
            }
            for (Future<HttpResponse<String>> response : pool.invokeAll(requests)) {
                assertThat(response.get().statusCode()).as(response.get().body()).isIn(201, 409);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void aFailedRequestLeavesItsKeyFreeForACorrectedRetry() throws Exception {
        String plan = projectInExecution("donghu");
        String key = UUID.randomUUID().toString();
        HttpResponse<String> early = post(plan + "/budget/expenditures",
                "{\"amount\":\"10.00\",\"date\":\"2019-01-05\",\"description\":\"快检服务\"}", "Idempotency-Key", key);
        assertThat(early.statusCode()).isEqualTo(422);
        assertThat(rule(early)).isEqualTo("date.outside-year");
        HttpResponse<String> corrected = post(plan + "/budget/expenditures",
                "{\"amount\":\"10.00\",\"date\":\"2018-12-31\",\"description\":\"快检服务\"}", "Idempotency-Key", key);
        assertThat(corrected.statusCode()).isEqualTo(201);
    }

    @Test
    void aScoringSchemeIsVersionedAndAMalformedOneIsRefused() throws Exception {
        ensureDistrict("hanyang");
        String path = "/api/v1/districts/hanyang/years/2021/scoring-schemes/project";
        String scheme = """
                {"execution":{"weight":20,"base":"INITIAL","capped":true,"bands":[]},"partialCredit":50,
                 "shortfallBands":[],"overrides":{},"grades":[{"grade":"EXCELLENT","atLeast":90},
                 {"grade":"GOOD","atLeast":80},{"grade":"FAIR","atLeast":60},{"grade":"POOR","atLeast":0}],
                 "precision":{"rateDecimals":2,"scoreDecimals":2}}""";
        HttpResponse<String> first = put(path, scheme);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).get("version").asInt()).isEqualTo(1);
        assertThat(JSON.readTree(put(path, scheme).body()).get("version").asInt()).as("unchanged").isEqualTo(1);
        assertThat(JSON.readTree(put(path, scheme.replace("\"INITIAL\"", "\"ADJUSTED\"")).body()).get("version").asInt())
                .isEqualTo(2);
        int before = storedEvents();

        HttpResponse<String> incomplete = put(path, scheme.replace("\"partialCredit\":50,", ""));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(rule(incomplete)).isEqualTo("json.invalid-value");
        HttpResponse<String> unbanded = put(path, scheme.replace("\"overrides\":{}",
                "\"overrides\":{\"X\":{\"type\":\"BANDED\",\"bands\":[]}}"));
        assertThat(unbanded.statusCode()).isEqualTo(422);
        assertThat(rule(unbanded)).isEqualTo("scheme.bands-required");
        HttpResponse<String> unknownKind = put(path.replace("/project", "/village"), scheme);
        assertThat(unknownKind.statusCode()).isEqualTo(400);
        assertThat(rule(unknownKind)).isEqualTo("value.unknown");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void everyStoredEventReachesTheTopicKeyedByDepartmentWithRoutingHeaders() throws Exception {
        String plan = projectInExecution("qiaokou");
        String department = plan.split("/")[6];
        post(plan + "/budget/adjustments", adjustment("20.91"));

        List<Received> mine = readTopic(Integer.MAX_VALUE, Duration.ofSeconds(5)).stream()
                .filter(r -> r.key().equals("qiaokou/" + department)).toList();
        assertThat(mine).extracting(r -> r.headers().get("pl-event-type"))
                .containsExactly("DepartmentRegistered", "ProjectRegistered", "BudgetOpened", "GoalAdded",
                        "IndicatorTargetSet", "TargetsSubmitted", "TargetsApproved", "BudgetAdjusted");
        assertThat(mine).extracting(Received::partition).containsOnly(mine.get(0).partition());
        Received adjusted = mine.get(7);
        assertThat(adjusted.headers()).containsEntry("pl-district", "qiaokou")
                .containsEntry("pl-aggregate-id", "qiaokou/" + department + "/2018/projects/SPAQ")
                .containsEntry("pl-sequence", "6")
                .containsEntry("pl-event-version", "2")
                .containsKey("pl-event-id");
        JsonNode envelope = JSON.readTree(adjusted.value());
        assertThat(envelope.get("payload").get("to").asText()).isEqualTo("170.51");
        assertThat(envelope.get("metadata").get("district").asText()).isEqualTo("qiaokou");
    }

    @Test
    void theApiIsDescribedAsOpenApi() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode api = JSON.readTree(docs.body());
        assertThat(api.get("paths").has("/api/v1/districts/{district}/departments/{department}/years/{year}/projects/"
                + "{project}/budget/adjustments")).isTrue();
        assertThat(api.get("components").get("securitySchemes").has("bearer")).isTrue();
        // the argument resolvers' types are not mistaken for request parameters
        assertThat(docs.body()).doesNotContain("RequestMetadata").doesNotContain("PlanTarget");
        assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void prometheusEndpointShowsCommandsAndRelayMeters() throws Exception {
        newDepartment("caidian");
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("perfledger_commands_seconds_count{application=\"perfledger-command-service\",outcome=\"accepted\",type=\"RegisterDepartment\"}")
                .contains("perfledger_relay_events_total")
                .contains("perfledger_relay_position");
        assertThat(get("/actuator/health").body()).contains("\"status\":\"UP\"");
    }

    private static String rule(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("errors").get(0).get("rule").asText();
    }
}
