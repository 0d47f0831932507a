package org.perfledger.query.work;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.TestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The slices the work queues and the forms read, over HTTP against PostgreSQL: what waits on finance and on a
 * department (each task with its role, a department's staff seeing their own), the kernel's vocabulary and its reading
 * of a value beside a target, the indicators a department has used by code, and finance's preview of a scheme.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=query-service", "spring.kafka.listener.auto-startup=false"})
class WorkQueueTest {

    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("work");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, DATABASE, "perfledger.events.work-" + UUID.randomUUID());
    }

    @BeforeEach
    void aYearUnderWay() {
        for (String table : List.of("target_adjustment", "indicator", "plan", "department")) {
            jdbc.update("DELETE FROM " + table);
        }
        jdbc.update("INSERT INTO department (district, department_id, name, registered_at, registered_by) VALUES "
                + "('wq', 'scjgj', '市场监督管理局', now(), 't'), ('wq', 'sjj', '审计局', now(), 't')");
        plan("scjgj", "P1", "TARGETS_SUBMITTED", null, null);
        plan("scjgj", "P2", "DRAFTING", "returned", "分值合计应为 100");
        plan("scjgj", "P3", "IN_EXECUTION", "approved", null);
        plan("sjj", "department", "SELF_EVALUATION_SUBMITTED", "approved", null);
        plan("sjj", "Q1", "SELF_EVALUATION_ACCEPTED", "approved", null);
        jdbc.update("INSERT INTO target_adjustment (district, department_id, fiscal_year, plan_key, number, code, "
                + "target_text, weight, reason, status, requested_by) VALUES ('wq', 'scjgj', 2021, 'P3', 1, 'P3.1', "
                + "'≥450家', 10, '新增专项检查', 'requested', 'editor')");
        jdbc.update("INSERT INTO indicator (district, department_id, fiscal_year, plan_key, code, position, goal, level1, "
                + "level2, name, weight, target_text, target_value) VALUES ('wq', 'scjgj', 2021, 'P3', 'P3.1', 1, 1, "
                + "'OUTPUT', 'QUANTITY', '检查企业户数', 10, '≥400家', "
                + "'{\"kind\":\"quantity\",\"comparator\":\"AT_LEAST\",\"value\":400,\"percent\":false,\"unit\":\"家\","
                + "\"subject\":\"\"}'::jsonb)");
    }

    private void plan(String department, String key, String phase, String review, String note) {
        jdbc.update("INSERT INTO plan (district, department_id, fiscal_year, plan_key, kind, name, phase, version, "
                + "updated_at, targets_review, targets_note, targets_reviewed_by, category, attribute, project_type) "
                + "VALUES ('wq', ?, 2021, ?, ?, ?, ?, 1, now(), ?, ?, ?, ?, ?, ?)", department, key,
                key.equals("department") ? "DEPARTMENT" : "PROJECT", key.equals("department") ? null : key + " 项目",
                phase, review, note, review == null ? null : "finance", key.equals("department") ? null
                        : "DEPARTMENT_BUDGET", key.equals("department") ? null : "NEW",
                key.equals("department") ? null : "ONE_OFF");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode read(String path, String token) throws Exception {
        HttpResponse<String> response = get(path, token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String token(String department, String role) {
        return TestInfrastructure.issuer().token("u-" + role, "wq", department, List.of(role));
    }

    private static List<String> tasks(JsonNode work) {
        List<String> tasks = new ArrayList<>();
        work.forEach(task -> tasks.add(task.get("plan").asText() + " " + task.get("task").asText() + " "
                + task.get("role").asText()));
        return tasks;
    }

    @Test
    void financeSeesWhatWaitsOnItAndEachDepartmentSeesItsOwn() throws Exception {
        JsonNode all = read("/api/v1/districts/wq/years/2021/work", token(null, "DISTRICT_FINANCE"));
        assertThat(tasks(all)).containsExactlyInAnyOrder(
                "P1 review-targets DISTRICT_FINANCE",
                "P2 rework-targets DEPARTMENT_EDITOR",
                "P3 decide-target-adjustment DISTRICT_FINANCE",
                "department review-self-evaluation DISTRICT_FINANCE",
                "Q1 publish-self-evaluation DISTRICT_FINANCE");
        all.forEach(task -> {
            if (task.get("task").asText().equals("rework-targets")) {
                assertThat(task.get("note").asText()).isEqualTo("分值合计应为 100");
            }
            if (task.get("task").asText().equals("decide-target-adjustment")) {
                assertThat(task.get("detail").asText()).isEqualTo("≥450家");
                assertThat(task.get("departmentName").asText()).isEqualTo("市场监督管理局");
            }
        });

        JsonNode own = read("/api/v1/districts/wq/years/2021/work", token("scjgj", "DEPARTMENT_EDITOR"));
        assertThat(own.findValuesAsText("department")).isNotEmpty().containsOnly("scjgj");
        assertThat(tasks(own)).hasSize(3);
        assertThat(get("/api/v1/districts/other/years/2021/work", token("scjgj", "DEPARTMENT_EDITOR")).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/districts/wq/years/abc/work", token(null, "DISTRICT_FINANCE")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theFormsReadTheKernelsWordsAndItsReadingOfAValue() throws Exception {
        String editor = token("scjgj", "DEPARTMENT_EDITOR");
        JsonNode words = read("/api/v1/vocabulary", editor);
        assertThat(words.get("fundingSource").get(0).get("label").asText()).isEqualTo("一般公共预算财政拨款");
        words.get("level2").forEach(level2 -> {
            if (level2.get("code").asText().equals("QUANTITY")) {
                assertThat(level2.get("under").toString()).contains("OUTPUT").doesNotContain("EFFECT");
            }
        });

        String many = URLs.query("text", "很多", "target", "≥400家");
        JsonNode refused = read("/api/v1/target-readings?" + many, editor);
        assertThat(refused.get("fits").asBoolean()).isFalse();
        assertThat(refused.get("mismatch").asText()).contains("家");
        JsonNode fits = read("/api/v1/target-readings?" + URLs.query("text", "420家", "target", "≥400家"), editor);
        assertThat(fits.get("fits").asBoolean()).isTrue();
        assertThat(fits.get("value").get("unit").asText()).isEqualTo("家");
        JsonNode unreadable = read("/api/v1/target-readings?" + URLs.query("text", "≥"), editor);
        assertThat(unreadable.get("rule").asText()).startsWith("target.");
        HttpResponse<String> tooLong = get("/api/v1/target-readings?" + URLs.query("text", "9".repeat(201)), editor);
        assertThat(tooLong.statusCode()).isEqualTo(400);

        JsonNode known = read("/api/v1/districts/wq/departments/scjgj/indicators", editor);
        assertThat(known).hasSize(1);
        assertThat(known.get(0).get("code").asText()).isEqualTo("P3.1");
        assertThat(known.get(0).get("weight").asText()).isEqualTo("10");
        assertThat(get("/api/v1/districts/wq/departments/sjj/indicators", editor).statusCode()).isEqualTo(404);
    }

    @Test
    void onlyFinancePreviewsASchemeAndABadOneIsRefusedByItsRule() throws Exception {
        String scheme = "{\"execution\":{\"weight\":20,\"base\":\"ADJUSTED\",\"capped\":true,\"bands\":[]},"
                + "\"partialCredit\":50,\"shortfallBands\":[],\"overrides\":{},\"grades\":[{\"grade\":\"EXCELLENT\","
                + "\"atLeast\":90},{\"grade\":\"GOOD\",\"atLeast\":80},{\"grade\":\"FAIR\",\"atLeast\":60},"
                + "{\"grade\":\"POOR\",\"atLeast\":0}],\"precision\":{\"rateDecimals\":2,\"scoreDecimals\":2}}";
        String path = "/api/v1/districts/wq/years/2021/scoring-schemes/project/preview";
        HttpResponse<String> previewed = post(path, scheme, token(null, "DISTRICT_FINANCE"));
        assertThat(previewed.statusCode()).as(previewed.body()).isEqualTo(200);
        List<String> plans = new ArrayList<>();
        JSON.readTree(previewed.body()).forEach(row -> plans.add(row.get("plan").asText()));
        assertThat(plans).containsExactlyInAnyOrder("P1", "P2", "P3", "Q1");

        assertThat(post(path, scheme, token("scjgj", "DEPARTMENT_EDITOR")).statusCode()).isEqualTo(403);
        HttpResponse<String> bad = post(path, scheme.replace("\"atLeast\":80", "\"atLeast\":95"),
                token(null, "DISTRICT_FINANCE"));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(bad.body()).contains("scheme.grades-order");
        assertThat(post(path, "x".repeat(70_000), token(null, "DISTRICT_FINANCE")).statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Query strings with their values escaped. */
    private static final class URLs {
        static String query(String... pairs) {
            StringBuilder query = new StringBuilder();
            for (int i = 0; i < pairs.length; i += 2) {
                query.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
                        .append(java.net.URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
            }
            return query.toString();
        }
    }
}
