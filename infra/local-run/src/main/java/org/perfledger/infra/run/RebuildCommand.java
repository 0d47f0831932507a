package org.perfledger.infra.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.perfledger.infra.embedded.KeycloakRealm;
import org.perfledger.infra.embedded.KeycloakServer;
import org.perfledger.infra.embedded.LocalIssuer;

/**
 * {@code ./perfledger rebuild [--check]}: drops and rebuilds every read model from the event store on a running
 * platform, printing its progress (events, rate, time left) and, at the end, how the rebuilt tables compared with the
 * live ones. {@code --check} builds and compares only.
 *
 * <p>Exit status: 0 done (and, with {@code --check}, equal), 1 failed, 3 the check found differences. Settings:
 * {@code PERFLEDGER_QUERY_URL} (default {@code http://localhost:8082}); {@code PERFLEDGER_TOKEN}, a platform admin's
 * token, else the local run's platform admin at its Keycloak, else one from the local issuer, in
 * {@code PERFLEDGER_HOME} (default {@code .perfledger}).
 */
public final class RebuildCommand {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RebuildCommand() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean check = List.of(args).contains("--check");
        Map<String, String> env = System.getenv();
        String base = env.getOrDefault("PERFLEDGER_QUERY_URL",
                "http://localhost:" + env.getOrDefault("PERFLEDGER_QUERY_PORT", "8082"));
        String token = env.get("PERFLEDGER_TOKEN");
        Path home = Path.of(env.getOrDefault("PERFLEDGER_HOME", ".perfledger"));
        if ((token == null || token.isBlank()) && Files.exists(home.resolve("keycloak/issuer.txt"))) {
            // the local run signs people in at Keycloak: the platform admin of its demo users
            token = KeycloakServer.passwordGrant(Files.readString(home.resolve("keycloak/issuer.txt")).strip(),
                    KeycloakRealm.API_CLIENT, "platform.admin",
                    DemoUsers.Passwords.in(home.resolve("keycloak")).of("platform.admin"));
        }
        if (token == null || token.isBlank()) {
            token = LocalIssuer.in(home.resolve("issuer"))
                    .token("operator", null, null, List.of("PLATFORM_ADMIN"), Duration.ofHours(2));
        }
        System.exit(run(HttpClient.newHttpClient(), base, token, check));
    }

    static int run(HttpClient http, String base, String token, boolean check) throws IOException, InterruptedException {
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(base
                        + "/api/v1/read-models/rebuilds?swap=" + !check)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            System.err.println("The rebuild did not start (" + started.statusCode() + "): " + started.body());
            return 1;
        }
        String location = started.headers().firstValue("Location").orElseThrow();
        System.out.println((check ? "Checking" : "Rebuilding") + " every read model from the event store ("
                + location + ")");
        JsonNode status;
        String last = "";
        do {
            Thread.sleep(1_000);
            status = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + location))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            String line = progress(status);
            if (!line.equals(last)) {
                System.out.println(line);
                last = line;
            }
        } while (status.path("state").asText().equals("running"));
        if (status.path("state").asText().equals("failed")) {
            System.err.println("The rebuild failed: " + status.path("error").asText());
            return 1;
        }
        JsonNode comparison = status.path("comparison");
        for (JsonNode table : comparison.path("tables")) {
            if (table.path("onlyLive").asLong() > 0 || table.path("onlyRebuilt").asLong() > 0) {
                System.out.printf(Locale.ROOT, "  %-20s %d rows only in the live table, %d only in the rebuilt one; e.g. %s%n",
                        table.path("table").asText(), table.path("onlyLive").asLong(),
                        table.path("onlyRebuilt").asLong(), table.path("samplesOnlyLive").path(0).asText(
                                table.path("samplesOnlyRebuilt").path(0).asText()));
            }
        }
        boolean equal = comparison.path("equal").asBoolean();
        System.out.println((equal ? "The rebuilt read models equal the live ones"
                : "The rebuilt read models DIFFER from the live ones") + " (" + comparison.path("inFlightStreams")
                .asLong() + " streams still in flight left out)" + (check ? "; the live ones were left as they are."
                : "; the rebuilt ones are live now."));
        return check && !equal ? 3 : 0;
    }

    static String progress(JsonNode status) {
        long applied = status.path("applied").asLong();
        long total = status.path("total").asLong();
        String line = String.format(Locale.ROOT, "%-12s %,d / %,d events", status.path("phase").asText(), applied, total);
        if (total > 0) {
            line += String.format(Locale.ROOT, " (%d%%)", applied * 100 / total);
        }
        line += String.format(Locale.ROOT, ", %,d events/s", status.path("eventsPerSecond").asLong());
        if (!status.path("secondsLeft").isNull() && !status.path("secondsLeft").isMissingNode()) {
            line += ", " + status.path("secondsLeft").asLong() + " s left";
        }
        return line;
    }
}
