package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The operations files in {@code infra/deploy} (Prometheus alert rules, the Grafana dashboard, docker-compose, Kubernetes
 * manifests) held to what the services really are: every metric an alert or a panel asks for is published by the
 * running services, and every setting the deployment files pass is one the services read.
 */
class OperationsFilesTest {

    private static final Path INFRA = Path.of("../deploy").toAbsolutePath().normalize();
    /** PerfLedger's own meters and the library meters the files use. */
    private static final Pattern METRIC = Pattern.compile("\\b((?:perfledger|http_server|kafka_consumer|jvm)_[a-z0-9_]+)");
    private static LocalPlatform platform;
    private static Set<String> published;

    @BeforeAll
    static void scrape() throws IOException, InterruptedException {
        platform = LaunchedPlatform.get();
        HttpClient http = HttpClient.newHttpClient();
        published = new HashSet<>();
        for (String url : List.of(platform.commandUrl(), platform.queryUrl())) {
            String text = http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            text.lines().filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0]).forEach(published::add);
        }
    }

    @Test
    void theLatencyHistogramsAndTheRelaysHeartbeatArePublished() {
        assertThat(published).contains("perfledger_commands_seconds_bucket", "perfledger_relay_lag_seconds_bucket",
                "perfledger_projection_lag_seconds_bucket", "http_server_requests_seconds_bucket",
                "perfledger_relay_leader", "perfledger_relay_last_success_seconds", "perfledger_projection_refused_total",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    private static Set<String> metricsIn(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<Object> documents = new ArrayList<>();
            new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in).forEach(documents::add);
            return documents;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyAlertRuleAsksForMetricsTheServicesPublish() throws IOException {
        Map<String, Object> rules = (Map<String, Object>) yaml(INFRA.resolve("prometheus/alerts.yml")).get(0);
        List<String> alerts = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                alerts.add((String) rule.get("alert"));
                assertThat(rule).containsKeys("expr", "labels", "annotations");
                if (!rule.get("alert").equals("PerfLedgerServiceDown")) {
                    assertThat(metricsIn((String) rule.get("expr"))).as(rule.get("alert").toString()).isNotEmpty();
                }
                assertThat(published).as(rule.get("alert") + " asks for").containsAll(metricsIn((String) rule.get("expr")));
            }
        }
        // what the operations issue asks alerts for: projection lag, dead letters, a stalled relay, the error rate
        assertThat(alerts).contains("PerfLedgerProjectionLagHigh", "PerfLedgerDeadLetters", "PerfLedgerRelayStalled",
                "PerfLedgerServerErrors");
    }

    @Test
    void everyDashboardPanelAsksForMetricsTheServicesPublish() throws IOException {
        JsonNode dashboard = PlatformClient.json(Files.readString(INFRA.resolve("grafana/dashboards/perfledger.json")));
        assertThat(dashboard.get("panels")).isNotEmpty();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                assertThat(published).as(panel.get("title").asText()).containsAll(metricsIn(target.get("expr").asText()));
            }
        }
    }

    /**
     * docker-compose imports the realm the local run imports: the same roles, clients and claim mappers, for the web
     * UI at http://localhost:8082, without the local run's demo users.
     */
    @Test
    void composeImportsTheRealmTheLocalRunImports() throws IOException {
        String realm = new org.perfledger.infra.embedded.KeycloakRealm("perfledger", List.of("http://localhost:8082"),
                List.of()).toJson();
        assertThat(PlatformClient.json(Files.readString(INFRA.resolve("keycloak/perfledger-realm.json"))))
                .as("infra/deploy/keycloak/perfledger-realm.json is KeycloakRealm's JSON; write it again from the code")
                .isEqualTo(PlatformClient.json(realm));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDeploymentFilesPassOnlySettingsTheServicesRead() throws IOException {
        Set<String> read = new HashSet<>(Set.of("PERFLEDGER_DB_USER", "PERFLEDGER_DB_PASSWORD",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI",
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "PERFLEDGER_SECURITY_CLAIMS_ROLES",
                "PERFLEDGER_SECURITY_CLAIMS_DISTRICT", "PERFLEDGER_SECURITY_CLAIMS_DEPARTMENT",
                "PERFLEDGER_SECURITY_CLAIMS_SUBJECT", "JAVA_TOOL_OPTIONS"));
        for (String service : List.of("command-service", "query-service")) {
            try (Stream<Path> files = Files.list(INFRA.resolve("../../" + service + "/src/main/resources"))) {
                for (Path settings : files.filter(f -> f.getFileName().toString().matches(service + "(-\\w+)?\\.yml"))
                        .toList()) {
                    Matcher placeholder = Pattern.compile("\\$\\{(PERFLEDGER_[A-Z_]+)").matcher(
                            Files.readString(settings));
                    while (placeholder.find()) {
                        read.add(placeholder.group(1));
                    }
                }
            }
        }
        Set<String> passed = new TreeSet<>();
        Map<String, Object> compose = (Map<String, Object>) yaml(INFRA.resolve("docker-compose.yml")).get(0);
        for (String service : List.of("command-service", "query-service")) {
            Map<String, Object> definition = (Map<String, Object>) ((Map<String, Object>) compose.get("services"))
                    .get(service);
            passed.addAll(((Map<String, Object>) definition.get("environment")).keySet());
        }
        try (Stream<Path> manifests = Files.list(INFRA.resolve("k8s"))) {
            for (Path manifest : manifests.toList()) {
                for (Object document : yaml(manifest)) {
                    Map<String, Object> resource = (Map<String, Object>) document;
                    assertThat(resource).as(manifest.toString()).containsKeys("apiVersion", "kind", "metadata");
                    collectEnvironment(resource, passed);
                    if (resource.get("kind").equals("ConfigMap") || resource.get("kind").equals("Secret")) {
                        Object data = resource.getOrDefault("data", resource.get("stringData"));
                        passed.addAll(((Map<String, Object>) data).keySet());
                    }
                }
            }
        }
        assertThat(read).containsAll(passed);
    }

    /** The names of every container's {@code env} entries, wherever they sit in the resource. */
    @SuppressWarnings("unchecked")
    private static void collectEnvironment(Object node, Set<String> passed) {
        if (node instanceof Map<?, ?> map) {
            Object env = map.get("env");
            if (env instanceof List<?> entries) {
                for (Object entry : entries) {
                    passed.add(String.valueOf(((Map<String, Object>) entry).get("name")));
                }
            }
            map.values().forEach(value -> collectEnvironment(value, passed));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectEnvironment(value, passed));
        }
    }
}
