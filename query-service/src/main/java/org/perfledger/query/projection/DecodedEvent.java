package org.perfledger.query.projection;

import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.PerfLedgerEvent;

/**
 * An envelope with its payload read once.
 *
 * @param event the payload, or null for a type this version does not know (a newer producer's)
 */
public record DecodedEvent(EventEnvelope envelope, PerfLedgerEvent event) {

    /**
     * A row of the event store, its payload read from its bytes (replays: rebuilds and views as of an instant).
     *
     * @throws IllegalStateException when a known type's stored payload does not read: the store holds what the
     *                               command side wrote, so that is a fault of the store, not of a request
     */
    public static DecodedEvent of(EventRow row) {
        try {
            PerfLedgerEvent event = EventCatalog.classOf(row.payloadType()).isPresent()
                    ? EventEnvelopeCodec.payload(row.payloadType(), row.version(), row.eventIdentifier(), row.payload())
                    : null;
            return new DecodedEvent(row.toEnvelope(), event);
        } catch (EventEnvelopeCodec.MalformedEnvelopeException | IllegalArgumentException e) {
            throw new IllegalStateException("stored event " + row.eventIdentifier() + " does not read: "
                    + e.getMessage(), e);
        }
    }

    /** @throws EventEnvelopeCodec.MalformedEnvelopeException when a known type's payload does not read */
    public static DecodedEvent of(EventEnvelope envelope) {
        PerfLedgerEvent event = EventCatalog.classOf(envelope.type()).isPresent()
                ? EventEnvelopeCodec.payload(envelope)
                : null;
        return new DecodedEvent(envelope, event);
    }
}
