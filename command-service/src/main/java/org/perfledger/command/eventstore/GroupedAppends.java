package org.perfledger.command.eventstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * The event store's storage engine as the command bus uses it: reads and snapshots go to Axon's JDBC engine, and a
 * command's appended events wait in its {@link PendingCommit} for the group's transaction. Appends outside a command
 * (none today) are written at once.
 */
final class GroupedAppends implements EventStorageEngine {

    private final EventStorageEngine jdbc;

    GroupedAppends(EventStorageEngine jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        PendingCommit.current().ifPresentOrElse(pending -> pending.append(events), () -> jdbc.appendEvents(events));
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        jdbc.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken,
                                                               boolean mayBlock) {
        return jdbc.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return jdbc.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return jdbc.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return jdbc.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return jdbc.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return jdbc.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return jdbc.createTokenAt(dateTime);
    }
}
