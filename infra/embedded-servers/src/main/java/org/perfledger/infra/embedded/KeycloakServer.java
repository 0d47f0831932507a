package org.perfledger.infra.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keycloak, the OpenID Connect provider districts deploy, run from its distribution (Maven Central's
 * {@code org.keycloak:keycloak-quarkus-dist}, unpacked by the build) as a process of its own on a JDK of at least
 * 21 (it needs one; PerfLedger's own services stay on 17). Its data lives in PostgreSQL (a database of its own);
 * the realm is imported at start ({@link KeycloakRealm}). Its issuer is {@code http://localhost:PORT/realms/NAME},
 * whatever address a browser uses to reach it.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;
    private final String realm;

    private KeycloakServer(Process process, int port, String realm) {
        this.process = process;
        this.port = port;
        this.realm = realm;
    }

    /** Where to run Keycloak from and what to give it. */
    public record Settings(Path distribution, Path home, int port, String databaseUrl, String databaseUser,
                           String databasePassword, KeycloakRealm realm, String adminPassword) {
    }

    /** Keycloak's own administrator (realm master), made on its first start. */
    public static final String ADMIN = "admin";

    /** Starts Keycloak and waits until it is ready (about half a minute the first time, while it builds itself). */
    public static KeycloakServer start(Settings settings) {
        Path java = javaAtLeast(21).orElseThrow(() -> new IllegalStateException("Keycloak needs a JDK of at least 21 "
                + "(set PERFLEDGER_KEYCLOAK_JAVA_HOME, or install one under /usr/lib/jvm)"));
        int port = settings.port() > 0 ? settings.port() : FreePorts.pick();
        int management = FreePorts.pick();
        try {
            // --import-realm reads the distribution's data/import; a realm already in the database is kept as it is
            Path imports = settings.distribution().resolve("data/import");
            Files.createDirectories(imports);
            Files.createDirectories(settings.home());
            Files.writeString(imports.resolve(settings.realm().name() + "-realm.json"), settings.realm().toJson());
            Path logFile = settings.home().resolve("keycloak.log");
            List<String> command = new ArrayList<>(List.of("bash", settings.distribution().resolve("bin/kc.sh").toString(),
                    "start-dev", "--http-port=" + port, "--http-management-port=" + management,
                    "--hostname=http://localhost:" + port, "--health-enabled=true",
                    "--db=postgres", "--db-url=" + settings.databaseUrl(), "--db-username=" + settings.databaseUser(),
                    "--import-realm"));
            if (!settings.databasePassword().isEmpty()) {
                command.add("--db-password=" + settings.databasePassword());
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().put("JAVA_HOME", java.toString());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword());
            // a modest heap: the realm of a district is small (Keycloak's own default is a quarter of the machine)
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            Process process = builder.start();
            KeycloakServer server = new KeycloakServer(process, port, settings.realm().name());
            server.awaitReady(management, logFile);
            log.info("Keycloak listening on {} (realm {}), logs in {}", server.url(), server.realm, logFile);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(int management, Path logFile) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + management + "/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("Keycloak was not ready within 3 minutes; see " + logFile);
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The realm's issuer, as its tokens name it and as the services are configured with. */
    public String issuer() {
        return url() + "/realms/" + realm;
    }

    /**
     * A token for a user of the realm, by the password grant of the realm's API client: how scripts, the demo loader
     * and tests act as a person (people themselves sign in through the login page).
     */
    public String passwordGrant(String client, String username, String password) {
        return passwordGrant(issuer(), client, username, password);
    }

    /** A token by the password grant at any Keycloak realm's issuer. */
    public static String passwordGrant(String issuer, String client, String username, String password) {
        String form = Map.of("grant_type", "password", "client_id", client, "username", username,
                        "password", password, "scope", "openid").entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(issuer
                            + "/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + answer.body());
            }
            JsonNode tokens = JSON.readTree(answer.body());
            return tokens.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ProcessHandle process() {
        return process.toHandle();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        // kc.sh starts the JVM as a child; it goes with its parent's process group only if asked
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    /** A JDK of at least {@code version}: PERFLEDGER_KEYCLOAK_JAVA_HOME, the running one, or one under /usr/lib/jvm. */
    public static Optional<Path> javaAtLeast(int version) {
        String configured = System.getenv("PERFLEDGER_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= version) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        File[] installed = new File("/usr/lib/jvm").listFiles();
        if (installed == null) {
            return Optional.empty();
        }
        return Stream.of(installed).map(File::toPath)
                .filter(home -> Files.isExecutable(home.resolve("bin/java")))
                .filter(home -> feature(home) >= version)
                .max(java.util.Comparator.comparingInt(KeycloakServer::feature));
    }

    private static int feature(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String value = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String first = value.split("[.+-]")[0];
                    return Integer.parseInt(first.equals("1") ? value.split("\\.")[1] : first);
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
        return 0;
    }
}
