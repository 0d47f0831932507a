package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.KafkaBroker;

/**
 * The whole platform as {@code ./perfledger run} starts it (the same launcher, the same runnable jars, each service
 * in its own JVM, real PostgreSQL and Kafka), driven over HTTP as a client would.
 */
class PlatformEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws IOException {
        Path home = Files.createTempDirectory("perfledger-e2e");
        platform = LocalPlatform.start(new LocalPlatform.Settings(home, Path.of("target/services").toAbsolutePath(),
                Optional.empty(), "postgres", "", Optional.empty(), 0, freePort(), freePort(), freePort(), false));
        new DemoDistrict(platform.commandUrl()).load();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.commandUrl() + path))
                .header("Content-Type", "application/json").header("X-Actor", "wang.wu")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode budget(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    @Test
    void anAdjustmentPostedToTheCommandServiceShowsOnTheQueryService() throws Exception {
        String budgetPath = "/api/v1/districts/caidian/departments/scjgj/budgets/2020";
        HttpResponse<String> adjusted = post(budgetPath + "/adjustments",
                "{\"newAmount\":\"6273.65\",\"reason\":\"按决算调整\",\"documentNumber\":\"蔡财预〔2020〕88号\"}");
        assertThat(adjusted.statusCode()).isEqualTo(201);

        JsonNode budget = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> budget(budgetPath), b -> b != null && b.get("adjustments").size() == 1);
        assertThat(budget.get("initialAmount").asText()).isEqualTo("6352.76");
        assertThat(budget.get("currentAmount").asText()).isEqualTo("6273.65");
        JsonNode adjustment = budget.get("adjustments").get(0);
        assertThat(adjustment.get("from").asText()).isEqualTo("6352.76");
        assertThat(adjustment.get("to").asText()).isEqualTo("6273.65");
        assertThat(adjustment.get("reason").asText()).isEqualTo("按决算调整");
        assertThat(adjustment.get("documentNumber").asText()).isEqualTo("蔡财预〔2020〕88号");
        assertThat(adjustment.get("actor").asText()).isEqualTo("wang.wu");
        assertThat(adjustment.get("at").asText()).isNotBlank();
    }

    @Test
    void commandsSentWhileTheBrokerIsDownReachTheProjectionExactlyOnceAfterItReturns() throws Exception {
        KafkaBroker broker = platform.embeddedKafka().orElseThrow();
        assertThat(post("/api/v1/districts/dongh/departments", "{\"departmentId\":\"scjgj\",\"name\":\"东湖高新区市场监督管理局\"}")
                .statusCode()).isEqualTo(201);
        String budgetPath = "/api/v1/districts/dongh/departments/scjgj/budgets/2018";
        assertThat(post(budgetPath, "{\"initialAmount\":\"1000.00\"}").statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> budget(budgetPath), b -> b != null);

        List<String> amounts = new ArrayList<>();
        broker.stop();
        try {
            for (int i = 1; i <= 20; i++) {
                String amount = (1000 + i) + ".09";
                amounts.add(amount);
                HttpResponse<String> response = post(budgetPath + "/adjustments", "{\"newAmount\":\"" + amount
                        + "\",\"reason\":\"第" + i + "次追加\",\"documentNumber\":\"东财〔2018〕" + i + "号\"}");
                assertThat(response.statusCode()).as("commands succeed while the broker is down").isEqualTo(201);
            }
            Thread.sleep(1500);
            assertThat(budget(budgetPath).get("adjustments")).as("nothing can arrive without the broker").isEmpty();
        } finally {
            broker.start();
        }

        JsonNode budget = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> budget(budgetPath), b -> b != null && b.get("version").asLong() == 20);
        assertThat(budget.get("adjustments")).hasSize(20);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            JsonNode adjustment = budget.get("adjustments").get(i);
            assertThat(adjustment.get("sequence").asLong()).isEqualTo(i + 1);
            seen.add(adjustment.get("to").asText());
        }
        assertThat(seen).containsExactlyElementsOf(amounts);
        assertThat(budget.get("currentAmount").asText()).isEqualTo("1020.09");
    }
}
