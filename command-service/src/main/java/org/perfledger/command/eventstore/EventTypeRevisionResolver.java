package org.perfledger.command.eventstore;

import org.axonframework.serialization.Revision;
import org.axonframework.serialization.RevisionResolver;
import org.perfledger.kernel.event.EventCatalog;

/**
 * Revisions come from the shared kernel's {@code @EventType(version)}; a snapshot's from its aggregate's
 * {@link Revision} (the layout of its state); other types have none.
 */
public class EventTypeRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        if (EventCatalog.contains(payloadType)) {
            return Integer.toString(EventCatalog.versionOf(payloadType));
        }
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }
}
