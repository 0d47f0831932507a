package org.perfledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The command service of one shard of a sharded platform: it keeps its own districts, and a request about a district
 * another shard keeps, or none does, is refused as misdirected (421) with the shard and its command API named,
 * before anything is written.
 */
class DistrictShardsTest extends CommandServiceTestBase {

    @Value("${spring.datasource.url}")
    String eventStore;

    @DynamicPropertySource
    static void shard(DynamicPropertyRegistry registry) {
        registry.add("perfledger.sharding.shard", () -> "east");
        registry.add("perfledger.sharding.map", () -> "east = shard-east, shard-east2 | http://localhost:1 | "
                + "jdbc:postgresql://localhost/east\nwest = shard-west | https://command-west.example:8443 | "
                + "jdbc:postgresql://west/perfledger");
    }

    private static String admin() {
        return "Bearer " + TestInfrastructure.issuer().token("admin", null, null, List.of("PLATFORM_ADMIN"),
                Duration.ofMinutes(5));
    }

    private HttpResponse<String> onboard(String district) throws Exception {
        return post("/api/v1/districts", "{\"district\":\"" + district + "\",\"name\":\"" + district + "区\"}",
                "Authorization", admin());
    }

    @Test
    void aDistrictThisShardKeepsIsServedHere() throws Exception {
        assertThat(onboard("shard-east").statusCode()).isIn(201, 409);
        String department = newDepartment("shard-east");
        assertThat(department).isNotBlank();
    }

    @Test
    void anotherShardsDistrictIsRefusedAsMisdirectedNamingItsShardAndNothingIsWritten() throws Exception {
        int before = storedEvents();

        HttpResponse<String> onboarding = onboard("shard-west");
        assertThat(onboarding.statusCode()).isEqualTo(421);
        assertThat(onboarding.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(onboarding.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:perfledger:problem:misdirected");
        assertThat(problem.get("shard").asText()).isEqualTo("west");
        assertThat(problem.get("commandApi").asText()).isEqualTo("https://command-west.example:8443");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("district");
        assertThat(problem.get("errors").get(0).get("rule").asText()).isEqualTo("district.other-shard");
        assertThat(problem.get("detail").asText()).contains("district shard-west is kept by shard west");

        // the district in the path is refused as the request arrives, whatever it asks
        HttpResponse<String> department = post("/api/v1/districts/shard-west/departments",
                "{\"departmentId\":\"scjgj\",\"name\":\"市场监督管理局\"}");
        assertThat(department.statusCode()).as(department.body()).isEqualTo(421);
        HttpResponse<String> log = send("GET", "/api/v1/districts/shard-west/event-log", null);
        assertThat(log.statusCode()).as(log.body()).isEqualTo(421);

        // a district no shard keeps (no '*' shard): kept nowhere, refused the same way without a shard to name
        HttpResponse<String> nowhere = onboard("shard-nowhere");
        assertThat(nowhere.statusCode()).isEqualTo(421);
        assertThat(JSON.readTree(nowhere.body()).has("commandApi")).isFalse();
        assertThat(JSON.readTree(nowhere.body()).get("detail").asText()).contains("no shard keeps district");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void whoIsNotSignedInLearnsNothingOfTheShards() throws Exception {
        HttpResponse<String> response = post("/api/v1/districts/shard-west/departments",
                "{\"departmentId\":\"scjgj\",\"name\":\"市场监督管理局\"}", "Authorization", "Bearer nonsense");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain("west");
    }
}
