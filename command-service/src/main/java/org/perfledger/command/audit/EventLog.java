package org.perfledger.command.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.event.EventWords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A district's event log as the event store holds it, in the order of the district's hash chain: every event with its
 * type, its content in words and as stored, who did it in which role, when, the correlation id of the request that
 * caused it, and its link in the chain. Narrowed to a department, a year, a plan.
 */
@Component
public class EventLog {

    public static final int MAX_PAGE = 500;
    private static final ObjectMapper JSON = EventEnvelopeCodec.mapper();

    private final JdbcTemplate jdbc;

    EventLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Which events: the district's, or a department's, a year's, a plan's ({@code department/year/plan}). */
    public record Scope(String district, String department, Integer year, String plan) {
    }

    public record Entry(long position, long globalIndex, String type, String title, String description,
                        String aggregate, long sequence, String recordedAt, String actor, String role,
                        String correlationId, JsonNode payload, String hash) {
    }

    /** A page of entries after chain position {@code after}; {@code next} is the cursor of the following page. */
    public record Page(List<Entry> items, Long next) {
    }

    /**
     * Which entries and in which order: newest first or in chain order, recorded from {@code from} (inclusive) to
     * {@code to} (exclusive) when given, of the given types only when any are named.
     */
    public record Filter(boolean newestFirst, Instant from, Instant to, Set<String> types) {

        public static final Filter ALL = new Filter(false, null, null, Set.of());

        public Filter {
            types = Set.copyOf(types);
        }
    }

    public Page read(Scope scope, long after, int size) {
        return read(scope, Filter.ALL, after, size);
    }

    /**
     * A page of entries: in chain order after position {@code cursor}, or newest first before it (0: from the newest).
     */
    public Page read(Scope scope, Filter filter, long cursor, int size) {
        List<Object> arguments = new ArrayList<>(List.of(scope.district()));
        StringBuilder where = new StringBuilder();
        if (filter.newestFirst()) {
            if (cursor > 0) {
                where.append(" AND c.position < ?");
                arguments.add(cursor);
            }
        } else {
            where.append(" AND c.position > ?");
            arguments.add(cursor);
        }
        if (filter.from() != null) {
            where.append(" AND CAST(e.time_stamp AS TIMESTAMPTZ) >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND CAST(e.time_stamp AS TIMESTAMPTZ) < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        if (!filter.types().isEmpty()) {
            where.append(" AND e.payload_type IN (").append(String.join(", ",
                    Collections.nCopies(filter.types().size(), "?"))).append(")");
            arguments.addAll(filter.types().stream().sorted().toList());
        }
        String d = like(scope.district());
        if (scope.department() != null) {
            String dep = d + "/" + like(scope.department());
            if (scope.year() == null) {
                where.append(" AND (e.aggregate_identifier = ? OR e.aggregate_identifier LIKE ? ESCAPE '\\')");
                arguments.add(scope.district() + "/" + scope.department());
                arguments.add(dep + "/%");
            } else if (scope.plan() == null) {
                where.append(" AND e.aggregate_identifier LIKE ? ESCAPE '\\'");
                arguments.add(dep + "/" + scope.year() + "/%");
            } else {
                where.append(" AND e.aggregate_identifier = ?");
                arguments.add(scope.district() + "/" + scope.department() + "/" + scope.year() + "/"
                        + (scope.plan().equals("department") ? "department" : "projects/" + scope.plan()));
            }
        } else if (scope.year() != null) {
            where.append(" AND (e.aggregate_identifier LIKE ? ESCAPE '\\' OR e.aggregate_identifier = ?"
                    + " OR e.aggregate_identifier LIKE ? ESCAPE '\\')");
            arguments.add(d + "/%/" + scope.year() + "/%");
            arguments.add("calendar:" + scope.district() + ":" + scope.year());
            arguments.add("scheme:" + d + ":" + scope.year() + ":%");
        }
        arguments.add(size + 1);
        List<Entry> entries = jdbc.query("""
                SELECT c.position, e.global_index, e.payload_type, e.payload_revision, e.aggregate_identifier,
                       e.sequence_number,
                       e.time_stamp, convert_from(e.payload, 'UTF8') AS payload,
                       convert_from(e.meta_data, 'UTF8') AS meta_data, c.hash
                FROM event_chain c JOIN stored_events_v1 e ON e.global_index = c.global_index
                WHERE c.district = ?""" + where + " ORDER BY c.position" + (filter.newestFirst() ? " DESC" : "")
                + " LIMIT ?",
                (row, n) -> entry(row.getLong("position"), row.getLong("global_index"), row.getString("payload_type"),
                        row.getString("payload_revision"), row.getString("aggregate_identifier"), row.getLong("sequence_number"),
                        row.getString("time_stamp"), row.getString("payload"), row.getString("meta_data"),
                        row.getBytes("hash")), arguments.toArray());
        Long next = null;
        if (entries.size() > size) {
            entries = entries.subList(0, size);
            next = entries.get(size - 1).position();
        }
        return new Page(entries, next);
    }

    private static Entry entry(long position, long globalIndex, String type, String revision, String aggregate,
                               long sequence,
                               String recordedAt, String payload, String metadata, byte[] hash) {
        JsonNode content;
        JsonNode meta;
        try {
            content = JSON.readTree(payload);
            meta = metadata == null ? JSON.createObjectNode() : JSON.readTree(metadata);
        } catch (IOException e) {
            content = JSON.getNodeFactory().textNode(payload);
            meta = JSON.createObjectNode();
        }
        String title = EventWords.title(type);
        // described as the current version; the payload is shown as stored
        String description = EventWords.describe(type, revision == null || !revision.matches("\\d+") ? 1
                : Integer.parseInt(revision), content);
        return new Entry(position, globalIndex, type, title, description, aggregate, sequence, recordedAt,
                meta.path(EventMetadata.ACTOR).asText(null), meta.path(EventMetadata.ROLE).asText(null),
                meta.path(EventMetadata.CORRELATION_ID).asText(null), content, HexFormat.of().formatHex(hash));
    }

    /** A code as a LIKE pattern matching only itself. */
    private static String like(String code) {
        return code.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
