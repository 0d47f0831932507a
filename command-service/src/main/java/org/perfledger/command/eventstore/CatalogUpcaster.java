package org.perfledger.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.perfledger.kernel.event.EventUpcasting;
import org.springframework.stereotype.Component;

/**
 * Axon's side of {@link EventUpcasting}: an event stored at an older revision is read as the next revision, one step
 * at a time (Axon chains the steps), so aggregates always see the current shape. The stored row is never rewritten,
 * so its hash-chain link still holds.
 */
@Component
class CatalogUpcaster extends SingleEventUpcaster {

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return revision != null && revision.matches("\\d+")
                && EventUpcasting.hasStep(representation.getType().getName(), Integer.parseInt(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String name = representation.getType().getName();
        int revision = Integer.parseInt(representation.getType().getRevision());
        return representation.upcastPayload(new SimpleSerializedType(name, Integer.toString(revision + 1)),
                JsonNode.class, payload -> EventUpcasting.step(name, revision, payload));
    }
}
