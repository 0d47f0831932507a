package org.perfledger.kernel.event;

/**
 * Kafka record headers of the event topic. The record key is the department's stream key, so all events of one
 * department stay in one partition, in order; the value is the {@link EventEnvelope} as JSON.
 */
public final class EventHeaders {

    public static final String EVENT_ID = "pl-event-id";
    public static final String EVENT_TYPE = "pl-event-type";
    public static final String EVENT_VERSION = "pl-event-version";
    public static final String AGGREGATE_TYPE = "pl-aggregate-type";
    public static final String AGGREGATE_ID = "pl-aggregate-id";
    public static final String SEQUENCE = "pl-sequence";
    public static final String DISTRICT = "pl-district";

    private EventHeaders() {
    }
}
