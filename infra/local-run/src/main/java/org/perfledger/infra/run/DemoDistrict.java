package org.perfledger.infra.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.perfledger.infra.run.SeedYear.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo districts through the public command API, as departments and district finance would: every seed
 * document's plans (see {@link SeedDataset}), each through its year to the self-evaluation with the figures it
 * reports.
 *
 * <p>Every step carries an {@code Idempotency-Key} derived from its content, so loading again changes nothing.
 */
public final class DemoDistrict {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private final LocalPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemoDistrict(LocalPlatform platform) {
        this.platform = platform;
    }

    static List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (String document : SeedDataset.DOCUMENTS) {
            steps.addAll(SeedDataset.steps(document));
        }
        for (String sample : SeedDataset.SAMPLES) {
            steps.addAll(SeedDataset.steps(sample));
        }
        for (String cycle : SeedDataset.CYCLES) {
            steps.addAll(SeedDataset.steps(cycle));
        }
        return steps;
    }

    public void load() {
        for (Step step : steps()) {
            try {
                HttpResponse<String> response = send(http, platform.commandUrlFor(step.path(), step.body()), step,
                        "demo-" + fingerprint(step), token(step));
                // Every step is sent with a key of its content, so loading again is answered as before; any
                // refusal (a 409 too) means a seed step did not load, and the seeds must not load partly.
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException("demo step " + step.method() + " " + step.path() + " was refused: "
                            + response.statusCode() + " " + response.body()
                            + (response.statusCode() == 409 ? " (if this home holds data loaded by an earlier version "
                            + "of the demo, start from an empty one)" : ""));
                }
            } catch (IOException e) {
                throw new IllegalStateException("demo step " + step.path() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("Demo districts loaded from the seed documents {}, the sample years {} and the sample cycles {}",
                SeedDataset.DOCUMENTS, SeedDataset.SAMPLES, SeedDataset.CYCLES);
    }

    /** The demo loader acts as finance and the department; a step may name the operator or an evaluator instead. */
    private String token(Step step) {
        if ("PLATFORM_ADMIN".equals(step.as())) {
            return platform.adminToken();
        }
        if (step.as() != null && step.as().startsWith(EVALUATOR)) {
            return platform.demoUserToken(step.as().substring(EVALUATOR.length()));
        }
        return platform.tokenFor(step.path(), "demo-loader");
    }

    private static final String EVALUATOR = "EVALUATOR:";

    static HttpResponse<String> send(HttpClient http, String baseUrl, Step step, String idempotencyKey, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + step.path()))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .method(step.method(), step.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(step.body()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String fingerprint(Step step) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((step.method() + " " + step.path() + "\n"
                    + step.body()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
