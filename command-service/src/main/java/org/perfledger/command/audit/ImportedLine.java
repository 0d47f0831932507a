package org.perfledger.command.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.text.UnicodeText;

/**
 * One line of an imported event log, read and checked on its own: JSON of valid Unicode, the fields an event needs,
 * in the store's bounds. Every refusal names the line and the field ({@link EventLogTransfer} checks how the lines
 * hang together).
 */
final class ImportedLine {

    private static final HexFormat HEX = HexFormat.of();
    /** Lines of an imported file are read as they are, not repaired: text that is not valid Unicode is refused. */
    private static final ObjectMapper LINES = new ObjectMapper();
    /** The event store's identifier and type columns hold 255 characters. */
    private static final int MAX_IDENTIFIER = 255;

    private ImportedLine() {
    }

    static EventRow event(JsonNode line, int number) {
        for (String field : List.of("eventIdentifier", "aggregateIdentifier", "timeStamp", "payloadType", "payload")) {
            if (!line.path(field).isTextual()) {
                throw refused(number, field, "event-log.field", field + " is required text");
            }
        }
        for (String field : List.of("eventIdentifier", "aggregateIdentifier", "timeStamp", "payloadType",
                "aggregateType", "payloadRevision")) {
            if (line.path(field).asText().length() > MAX_IDENTIFIER) {
                throw refused(number, field, "event-log.field", field + " is at most " + MAX_IDENTIFIER
                        + " characters");
            }
        }
        if (!line.path("sequenceNumber").canConvertToLong()) {
            throw refused(number, "sequenceNumber", "event-log.field", "sequenceNumber is required, a number");
        }
        try {
            Instant.parse(line.path("timeStamp").asText());
        } catch (DateTimeParseException e) {
            throw refused(number, "timeStamp", "event-log.field", "timeStamp is an ISO-8601 instant");
        }
        EventRow event = new EventRow(0, line.path("eventIdentifier").asText(), line.path("aggregateIdentifier").asText(),
                line.path("sequenceNumber").asLong(), text(line, "aggregateType"), line.path("timeStamp").asText(),
                line.path("payloadType").asText(), text(line, "payloadRevision"),
                line.path("payload").asText().getBytes(StandardCharsets.UTF_8),
                text(line, "metaData") == null ? null : line.path("metaData").asText().getBytes(StandardCharsets.UTF_8));
        try {
            event.metadata();
        } catch (IllegalArgumentException e) {
            throw refused(number, "metaData", "event-log.field", "metaData is a JSON object as text");
        }
        return event;
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static byte[] hex(JsonNode line, String field, int number) {
        try {
            byte[] bytes = HEX.parseHex(line.path(field).asText());
            if (bytes.length == 32) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw refused(number, field, "event-log.field", field + " is a SHA-256 hash in hex");
    }

    static Timestamp timestamp(JsonNode line, int number) {
        try {
            return Timestamp.from(Instant.parse(line.path("chainedAt").asText()));
        } catch (DateTimeParseException e) {
            throw refused(number, "chainedAt", "event-log.field", "chainedAt is an ISO-8601 instant");
        }
    }

    static JsonNode parse(String text, int number) {
        if (text == null) {
            throw refused(number, "record", "event-log.empty", "the file is empty");
        }
        try {
            JsonNode node = LINES.readTree(text);
            if (node != null && node.isObject()) {
                node.fields().forEachRemaining(field -> {
                    if (field.getValue().isTextual() && !UnicodeText.isWellFormed(field.getValue().asText())) {
                        throw refused(number, field.getKey(), "text.unicode", field.getKey()
                                + " is not valid Unicode (an unpaired surrogate)");
                    }
                });
                return node;
            }
        } catch (JsonProcessingException e) {
            // refused below
        }
        throw refused(number, "record", "event-log.json", "each line is one JSON object");
    }

    static DomainRejection refused(int line, String field, String rule, String message) {
        return new DomainRejection(Kind.RULE, rule, "line " + line + "." + field, "line " + line + ": " + message);
    }
}
