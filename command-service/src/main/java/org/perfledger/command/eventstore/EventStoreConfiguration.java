package org.perfledger.command.eventstore;

import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.serialization.Serializer;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The event store: Axon's JDBC storage engine on PostgreSQL, tables made by Flyway ({@code db/eventstore}) with
 * snake_case names and BYTEA payloads holding readable JSON.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    public static final String EVENT_TABLE = "domain_event_entry";

    @Bean
    EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(EVENT_TABLE)
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .timestampColumn("time_stamp")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    RevisionResolver revisionResolver() {
        return new EventTypeRevisionResolver();
    }

    /** Events are stored as the topic carries them: the shared kernel's mapper (ISO dates, unknown fields refused). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(RevisionResolver revisionResolver) {
        return StableNameSerializer.create(EventEnvelopeCodec.mapper().copy(), revisionResolver);
    }

    /**
     * A unique violation on append (SQL state 23505: an event at that aggregate sequence is stored already) is a
     * concurrent write, answered 409, whatever PostgreSQL's driver wraps it in. Axon's default resolver looks for
     * exception types PostgreSQL does not use, and the failure would be a 500. (An append can meet such a row when the
     * store was written by another writer than this service: another instance, or an import.)
     */
    @Bean
    PersistenceExceptionResolver uniqueViolationIsDuplicateKey() {
        return exception -> {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof SQLException sql) {
                    for (SQLException next = sql; next != null; next = next.getNextException()) {
                        if ("23505".equals(next.getSQLState())) {
                            return true;
                        }
                    }
                }
            }
            return false;
        };
    }

    /** District, actor and correlation id travel from the command to every event it causes. */
    @Bean
    CorrelationDataProvider requestMetadataProvider() {
        return new SimpleCorrelationDataProvider(EventMetadata.DISTRICT, EventMetadata.ACTOR, EventMetadata.ROLE,
                EventMetadata.CORRELATION_ID, EventMetadata.IDEMPOTENCY_KEY);
    }
}
