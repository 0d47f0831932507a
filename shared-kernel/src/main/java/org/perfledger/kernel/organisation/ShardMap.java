package org.perfledger.kernel.organisation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which shard keeps each district: the districts of a province partitioned over several command services, each with
 * an event store (a PostgreSQL server) of its own. Nothing crosses a district, so a district's commands, its event
 * streams and its hash chain live on exactly one shard; the read side reads every shard's store and one Kafka topic.
 *
 * <p>Written as one text (the environment's {@code PERFLEDGER_SHARDS}), shards separated by {@code ;} or new lines:
 * <pre>
 * east = donghu, xihu | http://command-east:8081 | jdbc:postgresql://pg-east:5432/perfledger
 * rest = *            | http://command-rest:8081 | jdbc:postgresql://pg-rest:5432/perfledger
 * </pre>
 * a name, the districts it keeps ({@code *}: every district no other shard names; at most one shard says so), where its
 * command service answers and where its event store is. Without a {@code *} shard a district no shard names is kept
 * nowhere: its commands are refused until an operator assigns it. The empty text is the unsharded platform: one command
 * service and one event store keep every district ({@link #NONE}).
 *
 * <p>A district is moved to another shard by exporting its event log from the old shard, importing it on the new one
 * (the chain is reproduced link for link) and changing this map, in a pause of its commands.
 */
public final class ShardMap {

    /** The unsharded platform: one command service keeps every district. */
    public static final ShardMap NONE = new ShardMap(List.of());

    /** The bounds of the text: a province's shards, with room. */
    public static final int MAX_SHARDS = 256;
    public static final int MAX_TEXT = 64 * 1024;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final String REST = "*";

    /** A shard: its name, the districts it keeps (or every district no other names), its command API and store. */
    public record Shard(String name, Set<DistrictId> districts, boolean rest, URI commandApi, String eventStoreUrl) {
        public Shard {
            districts = Collections.unmodifiableSet(new LinkedHashSet<>(districts));
        }
    }

    private final List<Shard> shards;
    private final Map<DistrictId, Shard> byDistrict = new LinkedHashMap<>();
    private final Shard rest;

    private ShardMap(List<Shard> shards) {
        this.shards = List.copyOf(shards);
        Shard restShard = null;
        for (Shard shard : shards) {
            shard.districts().forEach(district -> byDistrict.put(district, shard));
            if (shard.rest()) {
                restShard = shard;
            }
        }
        this.rest = restShard;
    }

    /**
     * Reads a map from its text (see the class); blank is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the shard and the rule it breaks
     */
    public static ShardMap parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the shard map is longer than " + MAX_TEXT + " characters");
        }
        List<Shard> shards = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        Map<DistrictId, String> kept = new LinkedHashMap<>();
        String restName = null;
        for (String entry : text.split("[;\\n]")) {
            if (entry.isBlank()) {
                continue;
            }
            if (shards.size() == MAX_SHARDS) {
                throw new IllegalArgumentException("the shard map names more than " + MAX_SHARDS + " shards");
            }
            int equals = entry.indexOf('=');
            String[] parts = equals < 0 ? new String[0] : entry.substring(equals + 1).split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("shard entry '" + entry.strip()
                        + "' is not 'name = districts | command API | event store JDBC URL'");
            }
            String name = entry.substring(0, equals).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("shard name '" + name + "' is not 1 to 32 lower-case letters, "
                        + "digits or '-', starting with a letter or digit");
            }
            if (!names.add(name)) {
                throw new IllegalArgumentException("shard " + name + " is named twice");
            }
            Set<DistrictId> districts = new LinkedHashSet<>();
            boolean rest = false;
            for (String listed : parts[0].split(",")) {
                String district = listed.strip();
                if (district.equals(REST)) {
                    if (restName != null) {
                        throw new IllegalArgumentException("shards " + restName + " and " + name
                                + " both keep '*' (every district no other shard names); at most one may");
                    }
                    restName = name;
                    rest = true;
                } else if (!district.isEmpty()) {
                    DistrictId id;
                    try {
                        id = DistrictId.of(district);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("shard " + name + ": " + e.getMessage(), e);
                    }
                    String other = kept.putIfAbsent(id, name);
                    if (other != null) {
                        throw new IllegalArgumentException("district " + id + " is kept by both shard " + other
                                + " and shard " + name);
                    }
                    districts.add(id);
                }
            }
            if (districts.isEmpty() && !rest) {
                throw new IllegalArgumentException("shard " + name + " keeps no district");
            }
            shards.add(new Shard(name, districts, rest, commandApi(name, parts[1].strip()),
                    eventStore(name, parts[2].strip())));
        }
        return shards.isEmpty() ? NONE : new ShardMap(shards);
    }

    /** Whether this is the unsharded platform. */
    public boolean unsharded() {
        return shards.isEmpty();
    }

    public List<Shard> shards() {
        return shards;
    }

    /** The shard of that name. */
    public Optional<Shard> shard(String name) {
        return shards.stream().filter(shard -> shard.name().equals(name)).findFirst();
    }

    /** The shard that keeps the district: the one naming it, else the {@code *} shard; empty when none does. */
    public Optional<Shard> keeper(DistrictId district) {
        Shard named = byDistrict.get(district);
        return Optional.ofNullable(named != null ? named : rest);
    }

    private static URI commandApi(String shard, String text) {
        try {
            URI uri = new URI(text);
            if ((!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw new URISyntaxException(text, "not an http(s) URL without credentials, query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("shard " + shard + ": command API '" + text
                    + "' is not an http(s) URL without credentials, query or fragment", e);
        }
    }

    private static String eventStore(String shard, String text) {
        if (!text.startsWith("jdbc:postgresql:") || text.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("shard " + shard + ": event store '" + text
                    + "' is not a PostgreSQL JDBC URL (jdbc:postgresql:…)");
        }
        return text;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Shard shard : shards) {
            List<String> districts = new ArrayList<>(shard.districts().stream().map(DistrictId::value).toList());
            if (shard.rest()) {
                districts.add(REST);
            }
            text.append(text.isEmpty() ? "" : "; ").append(shard.name()).append(" = ")
                    .append(String.join(",", districts)).append(" | ").append(shard.commandApi()).append(" | ")
                    .append(shard.eventStoreUrl());
        }
        return text.toString();
    }
}
