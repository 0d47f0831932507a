package org.perfledger.infra.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfledger.infra.embedded.PostgresServer;

/**
 * Where things live and which external servers to use; {@code 0} ports mean any free port. {@code shards}: the
 * platform sharded by district, each shard named here (with the districts it keeps) on an embedded PostgreSQL
 * server and a command service of its own, beside the first shard ({@link LocalPlatform#MAIN_SHARD}) that keeps
 * every other district; empty for the unsharded platform.
 */
public record PlatformSettings(Path home, Path servicesDirectory, Optional<String> externalDatabaseUrl,
                               String dbUser, String dbPassword, Optional<String> externalKafka, int postgresPort,
                               int kafkaPort, int commandPort, int queryPort, boolean durable, String topic,
                               Optional<Path> keycloak, Map<String, List<String>> shards) {

    public static final String DEFAULT_TOPIC = "perfledger.events";

    public PlatformSettings {
        shards = Map.copyOf(shards);
    }

    public PlatformSettings(Path home, Path servicesDirectory, Optional<String> externalDatabaseUrl, String dbUser,
                            String dbPassword, Optional<String> externalKafka, int postgresPort, int kafkaPort,
                            int commandPort, int queryPort, boolean durable) {
        this(home, servicesDirectory, externalDatabaseUrl, dbUser, dbPassword, externalKafka, postgresPort,
                kafkaPort, commandPort, queryPort, durable, DEFAULT_TOPIC);
    }

    public PlatformSettings(Path home, Path servicesDirectory, Optional<String> externalDatabaseUrl, String dbUser,
                            String dbPassword, Optional<String> externalKafka, int postgresPort, int kafkaPort,
                            int commandPort, int queryPort, boolean durable, String topic) {
        this(home, servicesDirectory, externalDatabaseUrl, dbUser, dbPassword, externalKafka, postgresPort,
                kafkaPort, commandPort, queryPort, durable, topic, Optional.empty(), Map.of());
    }

    /** The same, with people signing in at Keycloak run from {@code distribution}. */
    public PlatformSettings withKeycloak(Path distribution) {
        return new PlatformSettings(home, servicesDirectory, externalDatabaseUrl, dbUser, dbPassword, externalKafka,
                postgresPort, kafkaPort, commandPort, queryPort, durable, topic, Optional.of(distribution), shards);
    }

    /** The same, sharded by district: each named shard keeps the districts listed. */
    public PlatformSettings withShards(Map<String, List<String>> keeping) {
        return new PlatformSettings(home, servicesDirectory, externalDatabaseUrl, dbUser, dbPassword, externalKafka,
                postgresPort, kafkaPort, commandPort, queryPort, durable, topic, keycloak, keeping);
    }

    /** The query side's consumer group: one per topic, so platforms sharing a broker do not share partitions. */
    String consumerGroup() {
        return topic.equals(DEFAULT_TOPIC) ? "perfledger-query" : "perfledger-query-" + topic;
    }

    public static PlatformSettings fromEnvironment(Map<String, String> env) {
        return new PlatformSettings(
                Path.of(env.getOrDefault("PERFLEDGER_HOME", ".perfledger")).toAbsolutePath(),
                Path.of(env.getOrDefault("PERFLEDGER_SERVICES", "infra/local-run/target/services")).toAbsolutePath(),
                Optional.ofNullable(env.get("PERFLEDGER_DB_URL")).filter(s -> !s.isBlank()),
                env.getOrDefault("PERFLEDGER_DB_USER", PostgresServer.USER),
                env.getOrDefault("PERFLEDGER_DB_PASSWORD", ""),
                Optional.ofNullable(env.get("PERFLEDGER_KAFKA_BOOTSTRAP")).filter(s -> !s.isBlank()),
                Integer.parseInt(env.getOrDefault("PERFLEDGER_POSTGRES_PORT", "15432")),
                Integer.parseInt(env.getOrDefault("PERFLEDGER_KAFKA_PORT", "19092")),
                Integer.parseInt(env.getOrDefault("PERFLEDGER_COMMAND_PORT", "8081")),
                Integer.parseInt(env.getOrDefault("PERFLEDGER_QUERY_PORT", "8082")),
                true, env.getOrDefault("PERFLEDGER_TOPIC", DEFAULT_TOPIC),
                LocalIdentity.keycloakDistribution(env),
                LocalShards.parse(env.getOrDefault("PERFLEDGER_LOCAL_SHARDS", "")));
    }
}
