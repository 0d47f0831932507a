package org.perfledger.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.embedded.TestInfrastructure;

/**
 * Adversarial requests to the command API: missing, expired and foreign tokens; forged districts in the path; a
 * department editor writing another department; roles that may not write at all. Each gets its 4xx problem and
 * nothing is written.
 */
class SecurityTest extends CommandServiceTestBase {

    private String department;
    private String plan;

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String token(String district, String department, String... roles) {
        return TestInfrastructure.issuer().token("li.si", district, department, List.of(roles), Duration.ofMinutes(5));
    }

    @BeforeEach
    void aDepartmentInExecution() throws Exception {
        department = newDepartment("caidian");
        plan = "/api/v1/districts/caidian/departments/" + department + "/years/2020/department";
        post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}");
        post(plan + "/goals", "{\"text\":\"加强消费者权益保护\"}");
        post(plan + "/indicators", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"质量指标\",\"name\":\"处置率\","
                + "\"weight\":\"10\",\"target\":\"100%\"}");
        post(plan + "/targets/submission", null);
        assertThat(post(plan + "/targets/approval", null).statusCode()).isEqualTo(200);
    }

    private static final String SPEND = "{\"amount\":\"1.00\",\"date\":\"2020-06-30\",\"expenditureClass\":\"公用经费\","
            + "\"description\":\"办公费\"}";

    private void refused(HttpResponse<String> response, int status, String rule) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("errors").get(0).get("rule").asText()).isEqualTo(rule);
    }

    @Test
    void withoutAValidTokenNothingIsAccepted() throws Exception {
        int before = storedEvents();
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization", "Bearer"), 401, "unauthenticated");
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization", "Bearer not.a.jwt"), 401,
                "unauthenticated");
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization", bearer(TestInfrastructure.issuer()
                .expiredToken("li.si", "caidian", department, List.of("DEPARTMENT_EDITOR")))), 401, "unauthenticated");
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization", bearer(LocalIssuer.foreignToken("li.si",
                "caidian", department, List.of("DEPARTMENT_EDITOR")))), 401, "unauthenticated");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void theDistrictComesFromTheTokenOnly() throws Exception {
        int before = storedEvents();
        // a token for hanyang addressing caidian's plan
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization",
                bearer(token("hanyang", department, "DEPARTMENT_EDITOR", "DISTRICT_FINANCE"))), 403, "tenant.mismatch");
        refused(post("/api/v1/districts/caidian/departments", "{\"departmentId\":\"x\",\"name\":\"某局\"}",
                "Authorization", bearer(token("hanyang", null, "DISTRICT_FINANCE"))), 403, "tenant.mismatch");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anEditorWritesOnlyItsOwnDepartment() throws Exception {
        int before = storedEvents();
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization",
                bearer(token("caidian", "someone-else", "DEPARTMENT_EDITOR"))), 403, "department.forbidden");
        HttpResponse<String> own = post(plan + "/budget/expenditures", SPEND, "Authorization",
                bearer(token("caidian", department, "DEPARTMENT_EDITOR")));
        assertThat(own.statusCode()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void eachRoleSendsOnlyItsCommands() throws Exception {
        int before = storedEvents();
        // an editor cannot close its own year, approve or set schemes; finance cannot record the department's spending
        refused(post(plan + "/closure", null, "Authorization", bearer(token("caidian", department, "DEPARTMENT_EDITOR"))),
                403, "role.forbidden");
        refused(post(plan + "/budget/expenditures", SPEND, "Authorization",
                bearer(token("caidian", null, "DISTRICT_FINANCE"))), 403, "role.forbidden");
        for (String role : List.of("DEPARTMENT_VIEWER", "AUDITOR", "PLATFORM_ADMIN")) {
            refused(post(plan + "/budget/expenditures", SPEND, "Authorization", bearer(token("caidian", department, role))),
                    403, "role.forbidden");
        }
        refused(post("/api/v1/districts/caidian/departments", "{\"departmentId\":\"y\",\"name\":\"某局\"}",
                "Authorization", bearer(token("caidian", department, "DEPARTMENT_EDITOR"))), 403, "role.forbidden");
        assertThat(storedEvents()).isEqualTo(before);

        assertThat(post(plan + "/closure", null, "Authorization", bearer(token("caidian", null, "DISTRICT_FINANCE")))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void onlyThePlatformAdminOnboardsDistricts() throws Exception {
        String body = "{\"district\":\"jiangan\",\"name\":\"武汉市江岸区\"}";
        int before = storedEvents();
        refused(post("/api/v1/districts", body, "Authorization", bearer(token("caidian", null, "DISTRICT_FINANCE"))),
                403, "role.forbidden");
        assertThat(storedEvents()).isEqualTo(before);
        String admin = TestInfrastructure.issuer().token("admin", null, null, List.of("PLATFORM_ADMIN"),
                Duration.ofMinutes(5));
        assertThat(post("/api/v1/districts", body, "Authorization", bearer(admin)).statusCode()).isEqualTo(201);
        // and nothing else: not even a department in the district it onboarded
        refused(post("/api/v1/districts/jiangan/departments", "{\"departmentId\":\"scjgj\",\"name\":\"某局\"}",
                "Authorization", bearer(admin)), 403, "tenant.mismatch");
        String metadata = jdbc.queryForObject("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE aggregate_identifier = 'district:jiangan'", String.class);
        assertThat(JSON.readTree(metadata).get("role").asText()).isEqualTo("PLATFORM_ADMIN");
        assertThat(JSON.readTree(metadata).get("district").asText()).isEqualTo("jiangan");
    }

    @Test
    void healthStaysOpenForProbes() throws Exception {
        // (metrics too: CommandApiTest reads /actuator/prometheus without a token)
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get(plan).statusCode()).as("the API is not").isEqualTo(401);
    }
}
