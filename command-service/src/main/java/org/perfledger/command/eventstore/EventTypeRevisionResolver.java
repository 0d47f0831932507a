package org.perfledger.command.eventstore;

import org.axonframework.serialization.RevisionResolver;
import org.perfledger.kernel.event.EventCatalog;

/** Revisions come from the shared kernel's {@code @EventType(version)}; types outside the catalog have none. */
public class EventTypeRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        return EventCatalog.contains(payloadType) ? Integer.toString(EventCatalog.versionOf(payloadType)) : null;
    }
}
