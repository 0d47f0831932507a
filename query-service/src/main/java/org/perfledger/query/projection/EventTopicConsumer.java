package org.perfledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventEnvelopeCodec.MalformedEnvelopeException;
import org.perfledger.kernel.validation.Unavailable;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic in batches. Records that are not readable events go to the dead-letter topic and are
 * counted, so they block nothing; the rest are applied in one database transaction, after which Spring Kafka
 * commits the offsets (at-least-once; the applier drops what it has already seen). A record that can never be
 * applied (a poison record) is found by applying the batch one by one and is dead-lettered with its reason too.
 */
@Component
class EventTopicConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventTopicConsumer.class);

    private final ProjectionApplier applier;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Counter deadLetters;
    private final MeterRegistry registry;

    EventTopicConsumer(ProjectionApplier applier, KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        this.applier = applier;
        this.kafka = kafka;
        this.registry = registry;
        this.deadLetters = Counter.builder("perfledger.projection.dead-letters")
                .description("Records on the event topic that were not readable events").register(registry);
        // at zero from the start, so alerts and dashboards see the series before the first refusal
        for (String reason : List.of("no-district", "district-mismatch")) {
            refused(reason);
        }
    }

    /** The consumer group is the configured one ({@code spring.kafka.consumer.group-id}), not the listener's id. */
    @KafkaListener(id = "projections", idIsGroup = false, clientIdPrefix = "projections", topics = "${perfledger.topic}",
            batch = "true", autoStartup = "${perfledger.projections.consume:true}")
    void consume(List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<DecodedEvent> events = new ArrayList<>(records.size());
        Map<DecodedEvent, ConsumerRecord<String, byte[]>> origins = new IdentityHashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                DecodedEvent event = DecodedEvent.of(EventEnvelopeCodec.decode(record.value()));
                String refusal = tenantProblem(event);
                if (refusal != null) {
                    refused(refusal).increment();
                    deadLetter(record, new IllegalArgumentException("refused: " + refusal));
                    continue;
                }
                events.add(event);
                origins.put(event, record);
            } catch (MalformedEnvelopeException e) {
                deadLetter(record, e);
            }
        }
        try {
            applier.apply(events);
        } catch (RuntimeException e) {
            if (!isPoison(e)) {
                throw e; // the database or the broker: the batch comes again
            }
            applyOneByOne(events, origins);
        }
    }

    /**
     * A batch failed for a reason that is no outage: find the events that can never apply, each on its own, and set
     * them aside (dead-lettered with the reason, counted, their place in the stream passed), so that one poison
     * record blocks nothing else. Every other event of the batch is applied as usual.
     */
    private void applyOneByOne(List<DecodedEvent> events, Map<DecodedEvent, ConsumerRecord<String, byte[]>> origins)
            throws InterruptedException, ExecutionException, TimeoutException {
        for (DecodedEvent event : events) {
            try {
                applier.apply(List.of(event));
            } catch (RuntimeException e) {
                if (!isPoison(e)) {
                    throw e;
                }
                deadLetter(origins.get(event), new IllegalStateException("cannot be applied: " + rootMessage(e), e));
                applier.passOver(event);
            }
        }
    }

    /**
     * Whether a failure to apply is the record's own and would recur on every try: the data broke a rule of the read
     * models (SQL states 22, data exceptions, and 23, constraint violations) or the code could not project it at
     * all. Outages, deadlocks, serialization failures and lock time-outs are retried instead.
     */
    static boolean isPoison(Throwable failure) {
        if (Unavailable.isTransient(failure)) {
            return false;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
        }
        return !(failure instanceof TransientDataAccessException || failure instanceof RecoverableDataAccessException);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Counter refused(String reason) {
        return Counter.builder("perfledger.projection.refused").tag("reason", reason)
                .description("Records refused for tenancy reasons and dead-lettered").register(registry);
    }

    /**
     * Every record must name its district, and an event's payload must belong to the district its metadata names:
     * a record that does not is refused (dead-lettered and counted), never projected into some district's tables.
     */
    static String tenantProblem(DecodedEvent decoded) {
        String district = decoded.envelope().district();
        if (district == null || district.isBlank()) {
            return "no-district";
        }
        if (decoded.event() != null && !decoded.event().district().value().equals(district)) {
            return "district-mismatch";
        }
        return null;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException cause)
            throws InterruptedException, ExecutionException, TimeoutException {
        log.error("Unreadable record {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                record.offset(), cause.getMessage());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + ".DLT", record.key(), record.value());
        record.headers().forEach(dead.headers()::add);
        dead.headers().add("pl-dead-letter-reason", String.valueOf(cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        kafka.send(dead).get(30, TimeUnit.SECONDS);
        deadLetters.increment();
    }
}
