package org.perfledger.query.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventEnvelopeCodec.MalformedEnvelopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the event topic in batches. Records that are not readable events go to the dead-letter topic and are
 * counted, so they block nothing; the rest are applied in one database transaction, after which Spring Kafka
 * commits the offsets (at-least-once; the applier drops what it has already seen).
 */
@Component
class EventTopicConsumer {

    private static final Logger log = LoggerFactory.getLogger(EventTopicConsumer.class);

    private final ProjectionApplier applier;
    private final KafkaTemplate<String, byte[]> kafka;
    private final Counter deadLetters;

    EventTopicConsumer(ProjectionApplier applier, KafkaTemplate<String, byte[]> kafka, MeterRegistry registry) {
        this.applier = applier;
        this.kafka = kafka;
        this.deadLetters = Counter.builder("perfledger.projection.dead-letters")
                .description("Records on the event topic that were not readable events").register(registry);
    }

    @KafkaListener(id = "projections", topics = "${perfledger.topic}", batch = "true")
    void consume(List<ConsumerRecord<String, byte[]>> records)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<DecodedEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(DecodedEvent.of(EventEnvelopeCodec.decode(record.value())));
            } catch (MalformedEnvelopeException e) {
                deadLetter(record, e);
            }
        }
        applier.apply(events);
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, RuntimeException cause)
            throws InterruptedException, ExecutionException, TimeoutException {
        log.error("Unreadable record {}-{}@{} sent to the dead-letter topic: {}", record.topic(), record.partition(),
                record.offset(), cause.getMessage());
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(record.topic() + ".DLT", record.key(), record.value());
        record.headers().forEach(dead.headers()::add);
        dead.headers().add("pl-dead-letter-reason", String.valueOf(cause.getMessage()).getBytes());
        kafka.send(dead).get(30, TimeUnit.SECONDS);
        deadLetters.increment();
    }
}
