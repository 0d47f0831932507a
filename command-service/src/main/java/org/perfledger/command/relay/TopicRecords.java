package org.perfledger.command.relay;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventHeaders;

/**
 * A stored event as a record of the event topic: keyed by its stream key (district/department, so that one
 * department's events stay in order), the envelope as its value, and the headers a consumer can route on without
 * reading the value.
 */
final class TopicRecords {

    private TopicRecords() {
    }

    static ProducerRecord<String, byte[]> of(String topic, StoredEvent event) {
        EventEnvelope envelope = event.envelope();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.streamKey(),
                EventEnvelopeCodec.encode(envelope));
        header(record, EventHeaders.EVENT_ID, envelope.eventId());
        header(record, EventHeaders.EVENT_TYPE, envelope.type());
        header(record, EventHeaders.EVENT_VERSION, Integer.toString(envelope.version()));
        header(record, EventHeaders.AGGREGATE_TYPE, envelope.aggregateType());
        header(record, EventHeaders.AGGREGATE_ID, envelope.aggregateId());
        header(record, EventHeaders.SEQUENCE, Long.toString(envelope.sequence()));
        if (envelope.district() != null) {
            header(record, EventHeaders.DISTRICT, envelope.district());
        }
        return record;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
