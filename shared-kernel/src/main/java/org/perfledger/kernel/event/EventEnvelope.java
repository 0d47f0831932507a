package org.perfledger.kernel.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An event as it travels on the event topic: identity and position from the event store, the metadata, and the
 * payload as the JSON text it is stored with (kept verbatim, so the query side reads exactly what was stored).
 *
 * @param globalIndex position in the event store, for diagnosis; ordering is per aggregate by {@code sequence}
 * @param sequence    0-based position of the event within its aggregate
 */
public record EventEnvelope(
        String eventId,
        String type,
        int version,
        String aggregateType,
        String aggregateId,
        long sequence,
        long globalIndex,
        Instant timestamp,
        Map<String, String> metadata,
        String payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(timestamp, "timestamp");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(payload, "payload");
    }

    public String district() {
        return metadata.get(EventMetadata.DISTRICT);
    }

    public String actor() {
        return metadata.get(EventMetadata.ACTOR);
    }

    public String correlationId() {
        return metadata.get(EventMetadata.CORRELATION_ID);
    }
}
