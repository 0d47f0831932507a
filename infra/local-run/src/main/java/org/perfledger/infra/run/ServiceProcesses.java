package org.perfledger.infra.run;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The services' JVMs: each instance started from its runnable jar with its environment, waited on until healthy,
 * stopped politely or killed, started again as it was, and all stopped at the end.
 */
final class ServiceProcesses implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcesses.class);

    private final PlatformSettings settings;
    private final String kafkaBootstrap;
    /** The running services by instance name ({@code command-service}, {@code query-service}, extra instances). */
    private final Map<String, Process> services = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Each instance's jar and environment, to start it again. */
    private final Map<String, Launch> launches = new LinkedHashMap<>();

    ServiceProcesses(PlatformSettings settings, String kafkaBootstrap) {
        this.settings = settings;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    /** A service instance as it was started: which jar, with which environment, answering where. */
    private record Launch(String service, Map<String, String> environment, String url) {
    }

    /** Stops an instance: politely (SIGTERM, it finishes what it does) or killed outright (SIGKILL, mid-batch). */
    void stop(String instance, boolean kill) {
        Process process = services.remove(instance);
        if (process == null) {
            throw new IllegalArgumentException("no running instance " + instance);
        }
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a stopped instance again, as it was started first. */
    void restart(String instance) {
        Launch launch = launches.get(instance);
        if (launch == null || services.containsKey(instance)) {
            throw new IllegalArgumentException("no stopped instance " + instance);
        }
        launch(instance, launch.service(), launch.environment());
        awaitHealthy(launch.url(), instance);
    }

    /** The operating-system process of a running instance (for its memory, say). */
    ProcessHandle process(String instance) {
        Process process = services.get(instance);
        if (process == null) {
            throw new IllegalArgumentException("no running instance " + instance);
        }
        return process.toHandle();
    }

    /** Runs a service as a job to its end (or kills it after the timeout) and answers its exit status. */
    int runToEnd(String instance, String service, Map<String, String> env, Duration timeout) {
        Process process = start(instance, service, env);
        services.put(instance, process);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(instance + " did not end within " + timeout + "; see "
                        + settings.home().resolve("logs"));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + instance + " ran", e);
        } finally {
            services.remove(instance);
        }
    }

    void launch(String instance, String service, Map<String, String> env) {
        String port = env.getOrDefault("PERFLEDGER_QUERY_PORT", env.get("PERFLEDGER_COMMAND_PORT"));
        launches.put(instance, new Launch(service, env, "http://localhost:" + port));
        services.put(instance, start(instance, service, env));
    }

    private Process start(String instance, String service, Map<String, String> env) {
        Path jar = settings.servicesDirectory().resolve(service + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.add(LocalPlatform.heap(service));
        command.addAll(LocalPlatform.JVM_OPTIONS);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives each thread that allocates its own arena; two keep the JVM's native memory from spreading.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(env);
        builder.environment().put("PERFLEDGER_KAFKA_BOOTSTRAP", kafkaBootstrap);
        builder.environment().put("PERFLEDGER_TOPIC", settings.topic());
        builder.environment().put("PERFLEDGER_QUERY_GROUP", settings.consumerGroup());
        builder.environment().put("PERFLEDGER_DB_USER", settings.dbUser());
        builder.environment().put("PERFLEDGER_DB_PASSWORD", settings.dbPassword());
        File logFile = settings.home().resolve("logs").resolve(instance + ".log").toFile();
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile));
        try {
            Process process = builder.start();
            log.info("{} started (pid {}), log in {}", instance, process.pid(), logFile);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    void awaitHealthy(String baseUrl, String service) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (services.values().stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException(service + " exited; see " + settings.home().resolve("logs"));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service, e);
            }
            LocalPlatform.sleep(Duration.ofMillis(300));
        }
        throw new IllegalStateException(service + " did not become healthy within 3 minutes");
    }

    @Override
    public void close() {
        for (Process service : services.values()) {
            service.destroy();
        }
        for (Process service : services.values()) {
            try {
                if (!service.waitFor(30, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.destroyForcibly();
            }
        }
        services.clear();
    }
}
