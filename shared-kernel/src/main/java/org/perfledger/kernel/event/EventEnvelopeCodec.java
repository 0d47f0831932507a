package org.perfledger.kernel.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.kernel.text.UnicodeText;

/**
 * The JSON form of an {@link EventEnvelope} on the event topic. The payload is embedded as a JSON object, not as an
 * escaped string, so a person reading the topic reads the event.
 */
public final class EventEnvelopeCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            // stored text is read with unpaired surrogates repaired (UnicodeText): no read path fails on one
            .addModule(UnicodeText.repairingModule())
            .nodeFactory(UnicodeText.repairingNodeFactory())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // a stored number is read as the decimal it was written as, never through a binary double, so a figure
            // read through a tree (upcasting, the topic) keeps its printed decimals exactly as one read directly
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventEnvelopeCodec() {
    }

    /** A mapper configured as events are stored: ISO dates, unknown properties refused. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(EventEnvelope envelope) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("eventId", envelope.eventId());
        node.put("type", envelope.type());
        node.put("version", envelope.version());
        node.put("aggregateType", envelope.aggregateType());
        node.put("aggregateId", envelope.aggregateId());
        node.put("sequence", envelope.sequence());
        node.put("globalIndex", envelope.globalIndex());
        node.put("timestamp", envelope.timestamp().toString());
        node.set("metadata", MAPPER.valueToTree(new LinkedHashMap<>(envelope.metadata())));
        try {
            node.set("payload", MAPPER.readTree(envelope.payload()));
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + envelope.eventId() + " has a payload that is not JSON", e);
        }
    }

    /** @throws MalformedEnvelopeException when the bytes are not an envelope this codec wrote */
    public static EventEnvelope decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEnvelopeException("no bytes (a tombstone or an empty record)");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new MalformedEnvelopeException("not a JSON object");
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            require(node, "metadata").fields().forEachRemaining(e -> metadata.put(UnicodeText.repaired(e.getKey()),
                    UnicodeText.repaired(e.getValue().asText())));
            return new EventEnvelope(
                    text(node, "eventId"),
                    text(node, "type"),
                    require(node, "version").asInt(),
                    text(node, "aggregateType"),
                    text(node, "aggregateId"),
                    require(node, "sequence").asLong(),
                    require(node, "globalIndex").asLong(),
                    Instant.parse(text(node, "timestamp")),
                    metadata,
                    MAPPER.writeValueAsString(require(node, "payload")));
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            throw new MalformedEnvelopeException(e.getMessage(), e);
        }
    }

    /** The payload as the event type its envelope names. */
    public static PerfLedgerEvent payload(EventEnvelope envelope) {
        return payload(envelope.type(), envelope.version(), envelope.eventId(), new Json() {
            @Override
            public <T> T read(Class<T> type) throws IOException {
                return MAPPER.readValue(envelope.payload(), type);
            }

            @Override
            public JsonNode tree() throws IOException {
                return MAPPER.readTree(envelope.payload());
            }
        });
    }

    /**
     * A stored payload, read from its UTF-8 bytes as the event type named (a replay reads the store's rows so, with no
     * text made of them first).
     */
    public static PerfLedgerEvent payload(String typeName, int version, String eventId, byte[] utf8) {
        return payload(typeName, version, eventId, new Json() {
            @Override
            public <T> T read(Class<T> type) throws IOException {
                return MAPPER.readValue(utf8, type);
            }

            @Override
            public JsonNode tree() throws IOException {
                return MAPPER.readTree(utf8);
            }
        });
    }

    private interface Json {
        <T> T read(Class<T> type) throws IOException;

        JsonNode tree() throws IOException;
    }

    private static PerfLedgerEvent payload(String typeName, int version, String eventId, Json json) {
        Class<? extends PerfLedgerEvent> type = EventCatalog.classOf(typeName)
                .orElseThrow(() -> new MalformedEnvelopeException("unknown event type " + typeName));
        try {
            if (!EventUpcasting.hasStep(typeName, version)) {
                return json.read(type); // the current version: read it in one pass
            }
            return MAPPER.treeToValue(EventUpcasting.toCurrent(typeName, version, json.tree()), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedEnvelopeException("payload of " + eventId + " is not a valid " + typeName + ": "
                    + e.getMessage(), e);
        }
    }

    private static JsonNode require(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new MalformedEnvelopeException("missing field '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return UnicodeText.repaired(require(node, field).asText());
    }

    /** Bytes on the topic that are not a readable event: a poison record. */
    public static final class MalformedEnvelopeException extends RuntimeException {
        public MalformedEnvelopeException(String message) {
            super(message);
        }

        public MalformedEnvelopeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
