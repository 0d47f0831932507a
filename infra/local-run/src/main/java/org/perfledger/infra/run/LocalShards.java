package org.perfledger.infra.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfledger.infra.embedded.FreePorts;
import org.perfledger.infra.embedded.PostgresServer;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.ShardMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local platform sharded by district: beside the first shard ({@link #MAIN}, the platform's own PostgreSQL and
 * command service, keeping every district no other shard names), each further shard on an embedded PostgreSQL server
 * and a command service of its own; the shard map every service is given; and which command service a request goes to.
 */
final class LocalShards implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalShards.class);

    /** The first shard: its PostgreSQL server and command service are the platform's own. */
    static final String MAIN = "main";

    /** A further shard: its embedded PostgreSQL server, its event store and its command service's port. */
    record Servers(PostgresServer postgres, String databaseUrl, int commandPort) {
    }

    private static final Pattern DISTRICT_PATH = Pattern.compile("/api/v1/districts/([a-z0-9-]+)");
    private static final Pattern DISTRICT_FIELD = Pattern.compile("\"district\"\\s*:\\s*\"([a-z0-9-]+)\"");

    private final Map<String, Servers> further = new LinkedHashMap<>();
    private final String mainCommandUrl;
    private final String mainDatabaseUrl;
    private ShardMap map = ShardMap.NONE;

    private LocalShards(String mainCommandUrl, String mainDatabaseUrl) {
        this.mainCommandUrl = mainCommandUrl;
        this.mainDatabaseUrl = mainDatabaseUrl;
    }

    /**
     * Starts the PostgreSQL servers of the shards the settings name beside the first (none: the unsharded platform)
     * and makes the map; what it started it stops again if one does not start.
     */
    static LocalShards start(PlatformSettings settings, String mainCommandUrl, String mainDatabaseUrl) {
        LocalShards shards = new LocalShards(mainCommandUrl, mainDatabaseUrl);
        if (settings.shards().isEmpty()) {
            return shards;
        }
        try {
            StringBuilder map = new StringBuilder(MAIN + " = * | " + mainCommandUrl + " | " + mainDatabaseUrl);
            for (Map.Entry<String, List<String>> shard : new TreeMap<>(settings.shards()).entrySet()) {
                PostgresServer server = PostgresServer.start(settings.home().resolve("postgres-" + shard.getKey()), 0,
                        settings.durable());
                Servers servers = new Servers(server, server.jdbcUrl(LocalPlatform.DATABASE), FreePorts.pick());
                shards.further.put(shard.getKey(), servers);
                server.createDatabaseIfMissing(LocalPlatform.DATABASE);
                map.append("; ").append(shard.getKey()).append(" = ").append(String.join(",", shard.getValue()))
                        .append(" | ").append(LocalPlatform.url(servers.commandPort())).append(" | ")
                        .append(servers.databaseUrl());
            }
            shards.map = ShardMap.parse(map.toString());
        } catch (RuntimeException e) {
            shards.close();
            throw e;
        }
        log.info("Sharded by district: {}", shards.map);
        return shards;
    }

    /**
     * {@code PERFLEDGER_LOCAL_SHARDS}: {@code name=district,district; name=district}, the shards beside the first one,
     * each on an embedded PostgreSQL server and a command service of its own.
     */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> shards = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("PERFLEDGER_LOCAL_SHARDS: '" + entry.strip()
                        + "' is not 'name=district,district'");
            }
            shards.put(parts[0].strip(), List.of(parts[1].strip().split("\\s*,\\s*")));
        }
        return shards;
    }

    ShardMap map() {
        return map;
    }

    /** The shards beside the first, by name. */
    Map<String, Servers> further() {
        return further;
    }

    /** The command service's instance name of a shard. */
    static String commandInstance(String shard) {
        return shard.equals(MAIN) ? "command-service" : "command-service-" + shard;
    }

    /** What a shard's command service is told of the shards; nothing on the unsharded platform. */
    Map<String, String> commandEnvironment(String shard) {
        return map.unsharded() ? Map.of() : Map.of("PERFLEDGER_SHARDS", map.toString(), "PERFLEDGER_SHARD", shard);
    }

    /** The command service that keeps the district (on the unsharded platform, the one). */
    String commandUrl(String district) {
        if (map.unsharded()) {
            return mainCommandUrl;
        }
        return map.keeper(DistrictId.of(district)).orElseThrow().commandApi().toString();
    }

    /**
     * The command service for a request: the one keeping the district its path names, or for a district's
     * onboarding ({@code POST /api/v1/districts}) the one its body names.
     */
    String commandUrlFor(String path, String body) {
        Matcher inPath = DISTRICT_PATH.matcher(path);
        if (inPath.lookingAt()) {
            return commandUrl(inPath.group(1));
        }
        Matcher inBody = body == null ? null : DISTRICT_FIELD.matcher(body);
        return inBody != null && inBody.find() ? commandUrl(inBody.group(1)) : mainCommandUrl;
    }

    /** The JDBC URL of a shard's event store. */
    String databaseUrl(String shard) {
        return shard.equals(MAIN) ? mainDatabaseUrl : further.get(shard).databaseUrl();
    }

    @Override
    public void close() {
        further.values().forEach(shard -> shard.postgres().close());
        further.clear();
    }
}
