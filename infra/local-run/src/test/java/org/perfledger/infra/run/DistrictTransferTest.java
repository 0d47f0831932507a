package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.infra.embedded.FreePorts;

/**
 * A district's whole event log exported from one PerfLedger and imported into another that has never seen it (its
 * own database, topic and services): the same hash chain, link for link and day by day, and, built by its own
 * projections from the imported events, the same dashboards, year over year and adjustment trails.
 */
class DistrictTransferTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theExportedLogImportedIntoAnEmptyPerfLedgerReproducesItsDashboardsAndChain() throws Exception {
        LocalPlatform source = LaunchedPlatform.get();
        PlatformClient from = new PlatformClient(source);
        String auditor = from.token("donghu", null, "AUDITOR");
        HttpResponse<String> exported = from.get(source.commandUrl() + "/api/v1/districts/donghu/event-log.jsonl",
                auditor);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("perfledger-donghu-all-years-event-log.jsonl");
        // the export is an auditor's read of the record: finance sees it in the district's access audit
        assertThat(from.read("/api/v1/districts/donghu/access-audit").toString())
                .contains("\"service\":\"command\"", "/api/v1/districts/donghu/event-log.jsonl");

        String database = "perfledger_transfer";
        try (Connection connection = DriverManager.getConnection(source.databaseUrl().replaceFirst("/perfledger$",
                "/postgres"), "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        try (LocalPlatform target = LocalPlatform.start(new PlatformSettings(
                ScratchDirectories.create("perfledger-transfer"), Path.of("target/services").toAbsolutePath(),
                Optional.of(source.databaseUrl().replaceFirst("/perfledger$", "/" + database)), "postgres", "",
                Optional.of(source.kafkaBootstrap()), 0, 0, FreePorts.pick(), FreePorts.pick(), false,
                "perfledger.transfer"))) {
            PlatformClient to = new PlatformClient(target);
            HttpResponse<String> imported = HTTP.send(HttpRequest.newBuilder(URI.create(target.commandUrl()
                            + "/api/v1/districts/donghu/event-log.jsonl"))
                    .header("Authorization", "Bearer " + target.adminToken())
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(exported.body())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
            assertThat(PlatformClient.json(imported.body()).get("chainReproduced").asBoolean()).isTrue();

            String chain = "/api/v1/districts/donghu/event-chain/";
            JsonNode sourceChain = PlatformClient.json(from.get(source.commandUrl() + chain + "verification", auditor)
                    .body());
            JsonNode targetChain = PlatformClient.json(to.get(target.commandUrl() + chain + "verification",
                    to.token("donghu", null, "AUDITOR")).body());
            assertThat(targetChain.get("intact").asBoolean()).isTrue();
            assertThat(targetChain.get("links")).isEqualTo(sourceChain.get("links"));
            assertThat(targetChain.get("headHash")).isEqualTo(sourceChain.get("headHash"));
            assertThat(to.get(target.commandUrl() + chain + "heads", to.token("donghu", null, "AUDITOR")).body())
                    .isEqualTo(from.get(source.commandUrl() + chain + "heads", auditor).body());

            for (String view : List.of(
                    "/api/v1/districts/donghu/years",
                    "/api/v1/districts/donghu/departments",
                    "/api/v1/districts/donghu/years/2018/overview?size=200&asOf=2018-12-31",
                    "/api/v1/districts/donghu/years/2020/overview?size=200&asOf=2020-06-30",
                    "/api/v1/districts/donghu/departments/scjgj/years/2018/dashboard?asOf=2018-12-31",
                    "/api/v1/districts/donghu/departments/scjgj/years/2020/dashboard?asOf=2020-06-30",
                    "/api/v1/districts/donghu/departments/scjgj/years",
                    "/api/v1/districts/donghu/departments/scjgj/years/2018/adjustments",
                    "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/SPAQ/scorecard")) {
                JsonNode expected = from.read(view);
                await(view).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                        .untilAsserted(() -> assertThat(readQuietly(to, view)).as(view).isEqualTo(expected));
            }
        }
    }

    /** A read that may not be there yet while the projections catch up. */
    private static JsonNode readQuietly(PlatformClient client, String view) {
        try {
            return client.read(view);
        } catch (AssertionError notYet) {
            return null;
        }
    }
}
