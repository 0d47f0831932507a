package org.perfledger.query.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.EventWords;
import org.perfledger.kernel.event.Streams;
import org.springframework.stereotype.Component;

/**
 * What changed in a view between two instants: every figure that differs, addressed by a path an auditor can read
 * ({@code plans[ZLJS].indicators[ZLJS.03].latestActual}), and the events recorded in between that changed it, in
 * words, with who and under which request.
 */
@Component
public class ViewChanges {

    /**
     * Fields that identify an element of a list, in the order they make its key: list elements are matched by these
     * across the two instants (a plan by its key, an indicator by its code), not by position.
     */
    private static final List<String> IDENTITY = List.of("department", "plan", "year", "code", "kind", "indicator",
            "number", "period", "item");

    private final ObjectMapper json;
    private final EventStoreReader store;

    ViewChanges(ObjectMapper json, EventStoreReader store) {
        this.json = json;
        this.store = store;
    }

    /** One figure that differs: null before for what appeared, null after for what went. */
    public record Change(String path, JsonNode before, JsonNode after) {
    }

    /** An event recorded between the two instants. */
    public record RecordedEvent(String type, String title, String description, String stream, long sequence,
                                Instant recordedAt, String actor, String role, String correlationId) {
    }

    /** The view at {@code from} and at {@code to} (null: now), what differs, and the events in between. */
    public record Difference(Instant from, Instant to, List<Change> changes, List<RecordedEvent> events) {
    }

    public Difference between(Instant from, Instant to, Object before, Object after, Streams.Scope scope) {
        List<Change> changes = new ArrayList<>();
        diff("", json.valueToTree(before), json.valueToTree(after), changes);
        List<RecordedEvent> events = new ArrayList<>();
        store.forEach(scope, from, to, row -> events.add(recorded(row)));
        return new Difference(from, to, changes, events);
    }

    private RecordedEvent recorded(EventRow row) {
        Map<String, String> metadata = row.metadata();
        JsonNode payload;
        try {
            payload = json.readTree(row.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RecordedEvent(row.payloadType(), EventWords.title(row.payloadType()),
                EventWords.describe(row.payloadType(), row.version(), payload), row.aggregateIdentifier(),
                row.sequenceNumber(), row.timestamp(), metadata.get(EventMetadata.ACTOR),
                metadata.get(EventMetadata.ROLE), metadata.get(EventMetadata.CORRELATION_ID));
    }

    /** Walks both trees together; lists of objects are matched by their identifying fields. */
    static void diff(String path, JsonNode before, JsonNode after, List<Change> changes) {
        JsonNode a = before == null ? NullNode.getInstance() : before;
        JsonNode b = after == null ? NullNode.getInstance() : after;
        if (a.isObject() && b.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                diff(path.isEmpty() ? field : path + "." + field, a.get(field), b.get(field), changes);
            }
        } else if (a.isArray() && b.isArray()) {
            Map<String, JsonNode> was = keyed(a);
            Map<String, JsonNode> is = keyed(b);
            Set<String> keys = new LinkedHashSet<>(was.keySet());
            keys.addAll(is.keySet());
            for (String key : keys) {
                JsonNode old = was.get(key);
                JsonNode now = is.get(key);
                String at = path + "[" + key + "]";
                if (old == null || now == null) {
                    changes.add(new Change(at, old, now));
                } else {
                    diff(at, old, now, changes);
                }
            }
        } else if (!equal(a, b)) {
            changes.add(new Change(path, a.isNull() ? null : a, b.isNull() ? null : b));
        }
    }

    /** Numbers are equal by value (2.50 is 2.5); everything else as JSON. */
    private static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static Map<String, JsonNode> keyed(JsonNode array) {
        Map<String, JsonNode> keyed = new LinkedHashMap<>();
        int index = 0;
        for (Iterator<JsonNode> elements = array.elements(); elements.hasNext(); index++) {
            JsonNode element = elements.next();
            String key = identity(element);
            if (key == null || keyed.containsKey(key)) {
                key = Integer.toString(index);
            }
            keyed.put(key, element);
        }
        return keyed;
    }

    private static String identity(JsonNode element) {
        if (!element.isObject()) {
            return element.isValueNode() ? element.asText() : null;
        }
        List<String> parts = new ArrayList<>();
        for (String field : IDENTITY) {
            JsonNode value = element.get(field);
            if (value != null && value.isValueNode() && !value.isNull()) {
                parts.add(value.asText());
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
