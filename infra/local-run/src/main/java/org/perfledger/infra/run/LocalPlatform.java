package org.perfledger.infra.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfledger.infra.embedded.KafkaBroker;
import org.perfledger.infra.embedded.KeycloakRealm;
import org.perfledger.infra.embedded.KeycloakServer;
import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.embedded.TokenSource;
import org.perfledger.infra.embedded.PostgresServer;
import org.perfledger.kernel.organisation.ShardMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole platform on one machine: PostgreSQL and Kafka (embedded unless external ones are configured) and the
 * two services, each in its own JVM from its runnable jar, exactly as they would be deployed.
 *
 * <p>Configuration, all optional: {@code PERFLEDGER_HOME} (data and logs, default {@code .perfledger}),
 * {@code PERFLEDGER_DB_URL} / {@code PERFLEDGER_DB_USER} / {@code PERFLEDGER_DB_PASSWORD} for an external
 * PostgreSQL database, {@code PERFLEDGER_KAFKA_BOOTSTRAP} for an external broker, {@code PERFLEDGER_COMMAND_PORT}
 * and {@code PERFLEDGER_QUERY_PORT} for the services, {@code PERFLEDGER_DEMO=false} to skip the demo district.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    /** The instance name of the rebuild job while it runs ({@link #process} finds it). */
    public static final String REBUILD_JOB = "rebuild-job";

    /**
     * Each service's JVM: the serial collector for two cores, and an exit rather than a limp when the heap runs out;
     * its heap is {@link #heap}. The rest of the process (metaspace, compiled code, symbols, thread stacks, the C
     * library's memory) measured about 210 MiB at load.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    /**
     * A service's heap. The query service touches the whole of whatever heap it has while it rebuilds a district of a
     * million events in process (its live rows are about a third of it) and keeps it: with 384 MiB it stood near 600
     * MiB of RSS, over its 512 MiB bound, so it gets 288 MiB, which the rebuild pays for with more collections
     * (BENCHMARKS.md). The command service used at most 170 MiB of a 384 MiB heap, even importing a million events, and
     * yet committed 365 MiB of it; with 320 MiB it keeps to its bound with room.
     */
    public static String heap(String service) {
        return service.equals("query-service") ? "-Xmx288m" : "-Xmx320m";
    }

    static final String DATABASE = "perfledger";

    /** The first shard of a sharded platform: its PostgreSQL server and command service are the platform's own. */
    public static final String MAIN_SHARD = LocalShards.MAIN;

    private final PlatformSettings settings;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private ServiceProcesses services;
    private String databaseUrl;
    private String kafkaBootstrap;
    private LocalIdentity identity;
    private Map<String, String> securityEnvironment = Map.of();
    private LocalShards shards;

    private LocalPlatform(PlatformSettings settings) {
        this.settings = settings;
    }

    public static LocalPlatform start(PlatformSettings settings) {
        LocalPlatform platform = new LocalPlatform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() {
        try {
            Files.createDirectories(settings.home().resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (settings.externalDatabaseUrl().isPresent()) {
            databaseUrl = settings.externalDatabaseUrl().get();
        } else {
            postgres = PostgresServer.start(settings.home().resolve("postgres"), settings.postgresPort(), settings.durable());
            postgres.createDatabaseIfMissing(DATABASE);
            databaseUrl = postgres.jdbcUrl(DATABASE);
        }
        if (settings.externalKafka().isPresent()) {
            kafkaBootstrap = settings.externalKafka().get();
        } else {
            kafka = KafkaBroker.start(settings.home().resolve("kafka"), settings.kafkaPort());
            kafkaBootstrap = kafka.bootstrapServers();
        }
        shards = LocalShards.start(settings, commandUrl(), databaseUrl);
        services = new ServiceProcesses(settings, kafkaBootstrap);
        identity = LocalIdentity.start(settings, postgres, queryUrl());
        securityEnvironment = identity.environment();
        services.launch("command-service", "command-service", commandEnvironment(MAIN_SHARD, databaseUrl,
                settings.commandPort()));
        shards.further().forEach((name, shard) -> services.launch(LocalShards.commandInstance(name),
                "command-service", commandEnvironment(name, shard.databaseUrl(), shard.commandPort())));
        services.launch("query-service", "query-service", queryEnvironment("query-service", settings.queryPort()));
        services.awaitHealthy(commandUrl(), "command-service");
        shards.further().forEach((name, shard) -> services.awaitHealthy(url(shard.commandPort()),
                LocalShards.commandInstance(name)));
        services.awaitHealthy(queryUrl(), "query-service");
    }

    private Map<String, String> commandEnvironment(String shard, String database, int port) {
        Map<String, String> environment = with(securityEnvironment,
                "PERFLEDGER_COMMAND_DB_URL", database,
                "PERFLEDGER_COMMAND_PORT", Integer.toString(port),
                "PERFLEDGER_WEB_ORIGINS", queryUrl() + "," + queryUrl().replace("localhost", "127.0.0.1"));
        environment.putAll(shards.commandEnvironment(shard));
        return environment;
    }

    /** Keycloak, where people sign in; empty unless the settings name it. */
    public Optional<KeycloakServer> keycloak() {
        return identity.keycloak();
    }

    /** The demo users' passwords (Keycloak mode). */
    public Optional<DemoUsers.Passwords> demoPasswords() {
        return identity.demoPasswords();
    }

    private Map<String, String> queryEnvironment(String instance, int port) {
        return with(securityEnvironment,
                "PERFLEDGER_QUERY_INSTANCE", instance,
                "PERFLEDGER_QUERY_DB_URL", databaseUrl,
                "PERFLEDGER_EVENT_STORE_URL", databaseUrl,
                "PERFLEDGER_QUERY_PORT", Integer.toString(port),
                "PERFLEDGER_COMMAND_API", commandUrl(),
                "PERFLEDGER_SHARDS", shards.map().unsharded() ? "" : shards.map().toString());
    }

    /**
     * Starts another query-service instance on the same database and in the same consumer group (they share the
     * topic's partitions); answers its URL.
     */
    public String startQueryService(String instance, int port) {
        String url = "http://localhost:" + port;
        services.launch(instance, "query-service", queryEnvironment(instance, port));
        services.awaitHealthy(url, instance);
        return url;
    }

    /**
     * Runs the read-model rebuild as a process of its own (the query service's rebuild profile, as the Kubernetes job
     * does) on the given port, to its end; answers its exit status.
     */
    public int runRebuildJob(boolean swap, int port, Duration timeout) {
        return runRebuildJob(swap, port, timeout, Map.of());
    }

    /**
     * The same, with more of the job's settings (e.g. {@code PERFLEDGER_REBUILD_WORKERS},
     * {@code PERFLEDGER_REBUILD_REPORT}).
     */
    public int runRebuildJob(boolean swap, int port, Duration timeout, Map<String, String> settings) {
        Map<String, String> environment = with(queryEnvironment(REBUILD_JOB, port), "SPRING_PROFILES_ACTIVE", "rebuild",
                "PERFLEDGER_REBUILD_SWAP", Boolean.toString(swap));
        environment.putAll(settings);
        return services.runToEnd(REBUILD_JOB, "query-service", environment, timeout);
    }

    /** Stops an instance: politely (SIGTERM, it finishes what it does) or killed outright (SIGKILL, mid-batch). */
    public void stopService(String instance, boolean kill) {
        services.stop(instance, kill);
    }

    /** Starts a stopped instance again, as it was started first. */
    public void restartService(String instance) {
        services.restart(instance);
    }

    /** The operating-system process of a running instance (for its memory, say). */
    public ProcessHandle process(String instance) {
        return services.process(instance);
    }

    /**
     * Stops the embedded PostgreSQL server for a while and starts it again on the same data and port, as a database
     * restart the services must ride out.
     */
    public void restartPostgres(Duration down) {
        if (postgres == null) {
            throw new IllegalStateException("an external PostgreSQL is used");
        }
        int port = postgres.port();
        postgres.close();
        sleep(down);
        postgres = PostgresServer.start(settings.home().resolve("postgres"), port, settings.durable());
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> all = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put(pairs[i], pairs[i + 1]);
        }
        return all;
    }

    /** A token of the platform admin (who onboards districts). */
    public String adminToken() {
        return tokens().token("admin", null, null, List.of("PLATFORM_ADMIN"));
    }

    /** Where tokens come from: the local issuer or Keycloak; none when an external provider signs them. */
    public TokenSource tokens() {
        return identity.tokens();
    }

    /** The local token issuer, unless an external one is configured. */
    public Optional<LocalIssuer> issuer() {
        return identity.issuer();
    }

    /** A token acting as district finance and editor of the department {@code path} names. */
    /**
     * A token of one of the demo users ({@link DemoUsers}), as they would sign in: from Keycloak with their password
     * where it runs, else from the local issuer with their district, department and role.
     */
    public String demoUserToken(String username) {
        DemoUsers.Person person = DemoUsers.person(username);
        if (keycloak().isPresent()) {
            return keycloak().get().passwordGrant(KeycloakRealm.API_CLIENT, username,
                    demoPasswords().orElseThrow().of(username));
        }
        return tokens().token(username, person.district(), person.department(), List.of(person.role()));
    }

    public String tokenFor(String path, String subject) {
        return tokens().tokenFor(path, subject, List.of("DISTRICT_FINANCE", "DEPARTMENT_EDITOR"));
    }

    /** The command service of the unsharded platform, or of the first shard of a sharded one. */
    public String commandUrl() {
        return url(settings.commandPort());
    }

    /** The command service that keeps the district (on the unsharded platform, the one). */
    public String commandUrl(String district) {
        return shards.commandUrl(district);
    }

    /**
     * The command service for a request: the one keeping the district its path names, or for a district's
     * onboarding ({@code POST /api/v1/districts}) the one its body names.
     */
    public String commandUrlFor(String path, String body) {
        return shards.commandUrlFor(path, body);
    }

    /** The platform's shard map; {@link ShardMap#NONE} when it is not sharded. */
    public ShardMap shardMap() {
        return shards.map();
    }

    /** The JDBC URL of a shard's event store. */
    public String shardDatabaseUrl(String shard) {
        return shards.databaseUrl(shard);
    }

    static String url(int port) {
        return "http://localhost:" + port;
    }

    public String queryUrl() {
        return "http://localhost:" + settings.queryPort();
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    /** The embedded broker, for staging an outage; empty when an external one is used. */
    public Optional<KafkaBroker> embeddedKafka() {
        return Optional.ofNullable(kafka);
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
            services = null;
        }
        if (identity != null) {
            identity.close();
            identity = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
        if (shards != null) {
            shards.close();
            shards = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        PlatformSettings settings = PlatformSettings.fromEnvironment(System.getenv());
        LocalPlatform platform = start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "perfledger-stop"));
        if (!"false".equalsIgnoreCase(System.getenv("PERFLEDGER_DEMO"))) {
            if (platform.identity.signsDemoUsers()) {
                new DemoDistrict(platform).load();
            } else {
                log.info("An external issuer signs the tokens: the demo districts are not loaded");
            }
        }
        System.out.println();
        System.out.println("PerfLedger is running.");
        System.out.println("  web UI           " + platform.queryUrl() + "/   (sign in with "
                + (platform.keycloak().isPresent() ? "a user of users.txt)" : "a link from tokens.txt)"));
        System.out.println("  command service  " + platform.commandUrl() + "   (POST /api/v1/districts/{district}/...)");
        if (!platform.shardMap().unsharded()) {
            System.out.println("  sharded          " + platform.shardMap());
        }
        System.out.println("  query service    " + platform.queryUrl() + "   (GET  /api/v1/districts/{district}/...)");
        System.out.println("  metrics          " + platform.commandUrl() + "/actuator/prometheus, "
                + platform.queryUrl() + "/actuator/prometheus");
        System.out.println("  PostgreSQL       " + platform.databaseUrl() + " (schemas eventstore, readmodel)");
        System.out.println("  Kafka            " + platform.kafkaBootstrap);
        System.out.println("  data and logs    " + settings.home());
        platform.identity.writeDemoSignIns(settings.home(), platform.queryUrl());
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }
}
