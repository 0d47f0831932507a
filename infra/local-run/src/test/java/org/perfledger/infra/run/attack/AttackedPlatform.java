package org.perfledger.infra.run.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.infra.embedded.FreePorts;
import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.run.LocalPlatform;
import org.perfledger.infra.run.PlatformSettings;

/**
 * The platform the attack tests aim at, one per test JVM: started as {@code ./perfledger run} starts it (each service
 * in its own JVM at its production memory settings, real PostgreSQL and Kafka), on a home of its own so that its logs
 * hold only what the attacks caused. Two districts: {@value #DISTRICT}, with department {@value #DEPARTMENT} and a
 * department-wide plan in execution, and {@value #BYSTANDER}, which no attack addresses.
 */
final class AttackedPlatform {

    static final String DISTRICT = "siege";
    static final String BYSTANDER = "bystander";
    static final String DEPARTMENT = "sj";
    static final String PLAN = "/api/v1/districts/" + DISTRICT + "/departments/" + DEPARTMENT + "/years/2020/department";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static LocalPlatform platform;
    private static Path home;

    private AttackedPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            home = ScratchDirectories.create("perfledger-attack");
            platform = LocalPlatform.start(new PlatformSettings(home,
                    Path.of("target/services").toAbsolutePath(), Optional.empty(), "postgres", "",
                    Optional.empty(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), FreePorts.pick(), false));
            LocalPlatform started = platform;
            ScratchDirectories.onExit(started::close);
            fixture();
        }
        return platform;
    }

    static Path logs() {
        get();
        return home.resolve("logs");
    }

    private static void fixture() {
        for (String district : List.of(DISTRICT, BYSTANDER)) {
            expect(command("POST", "/api/v1/districts", "{\"district\":\"" + district + "\",\"name\":\"" + district
                    + "区\"}", platform.adminToken()), 201);
        }
        planInExecution(DEPARTMENT, "100.00");
    }

    /** A department of the attacked district with its department-wide 2020 plan in execution; answers the plan. */
    static String planInExecution(String department, String budget) {
        String finance = token(DISTRICT, null, "DISTRICT_FINANCE");
        expect(command("POST", "/api/v1/districts/" + DISTRICT + "/departments", "{\"departmentId\":\"" + department
                + "\",\"name\":\"" + department + "局\"}", finance), 201);
        String plan = "/api/v1/districts/" + DISTRICT + "/departments/" + department + "/years/2020/department";
        String editor = token(DISTRICT, department, "DEPARTMENT_EDITOR");
        expect(command("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"" + budget + "\"}}", editor), 201);
        expect(command("POST", plan + "/goals", "{\"text\":\"保障运转\"}", editor), 201);
        expect(command("PUT", plan + "/indicators/F.1", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"批次\",\"weight\":\"80\",\"target\":\"100批次\"}", editor), 200);
        expect(command("POST", plan + "/targets/submission", null, editor), 200);
        expect(command("POST", plan + "/targets/approval", null, finance), 200);
        return plan;
    }

    static LocalIssuer issuer() {
        return get().issuer().orElseThrow();
    }

    static String token(String district, String department, String role) {
        return issuer().token(district + "." + (department == null ? "" : department + ".") + role.toLowerCase(),
                district, department, List.of(role), Duration.ofMinutes(30));
    }

    static HttpResponse<String> command(String method, String path, String body, String token, String... headers) {
        return send(get().commandUrl() + path, method, body, token, headers);
    }

    static HttpResponse<String> query(String path, String token) {
        return send(get().queryUrl() + path, "GET", null, token);
    }

    static HttpResponse<String> send(String url, String method, String body, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + " → "
                + response.body()).isEqualTo(status);
        return response;
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events stored so far, in every district. */
    static long storedEvents() {
        return number("SELECT count(*) FROM eventstore.domain_event_entry");
    }

    static long number(String sql, Object... parameters) {
        return Long.parseLong(text(sql, parameters));
    }

    /** The first column of the first row, as text. */
    static String text(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A connection as the command service's own (the event store's schema first, as its chain trigger expects). */
    private static Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(get().databaseUrl(), "postgres", "");
        try (var statement = connection.createStatement()) {
            statement.execute("SET search_path TO eventstore, public");
        }
        return connection;
    }

    static int update(String sql, Object... parameters) {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The service process's resident memory in MiB, from /proc. */
    static long residentMiB(String instance) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + get().process(instance).pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + instance);
    }
}
