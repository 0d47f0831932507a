package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A client of a launched platform, as a test uses it: commands and reads as finance, or with a token of its own. */
final class PlatformClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalPlatform platform;

    PlatformClient(LocalPlatform platform) {
        this.platform = platform;
    }

    /** A command as district finance and department editor of what the path names; 200 or 201 expected. */
    JsonNode send(String method, String path, String body) {
        HttpResponse<String> response = command(method, path, body, platform.tokenFor(path, "finance"));
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isBetween(200, 201);
        return json(response.body());
    }

    HttpResponse<String> command(String method, String path, String body, String token) {
        try {
            return DemoDistrict.send(HTTP, platform.commandUrlFor(path, body), new SeedYear.Step(method, path, body),
                    null, token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A read of the query service as district finance; 200 expected. */
    JsonNode read(String path) {
        HttpResponse<String> response = get(platform.queryUrl() + path, platform.tokenFor(path, "finance"));
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    /** A read of the query service as district finance; null until it answers 200 (the projections catching up). */
    JsonNode readIfThere(String path) {
        HttpResponse<String> response = get(platform.queryUrl() + path, platform.tokenFor(path, "finance"));
        return response.statusCode() == 200 ? json(response.body()) : null;
    }

    HttpResponse<String> get(String url, String token) {
        return get(url, token, HttpResponse.BodyHandlers.ofString());
    }

    <T> HttpResponse<T> get(String url, String token, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + token).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a rebuild of every read model as the platform admin ({@code swap} false: a check only) and follows it to
     * its end, keeping every status seen in {@code seen}; answers the last.
     */
    JsonNode rebuild(boolean swap, List<JsonNode> seen) {
        try {
            HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl()
                            + "/api/v1/read-models/rebuilds?swap=" + swap))
                    .header("Authorization", "Bearer " + platform.adminToken())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String location = started.headers().firstValue("Location").orElseThrow();
            return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                JsonNode status = json(get(platform.queryUrl() + location, platform.adminToken()).body());
                seen.add(status);
                return status;
            }, status -> !status.get("state").asText().equals("running"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    JsonNode rebuild(boolean swap) {
        return rebuild(swap, new java.util.ArrayList<>());
    }

    /** A token of the district's given role (department-bound roles name the department). */
    String token(String district, String department, String role) {
        return platform.tokens().token(district + "." + role.toLowerCase(), district, department, List.of(role));
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
