package org.perfledger.kernel.event;

import java.util.List;

/** Metadata every stored event carries from the first commit on. */
public final class EventMetadata {

    /** The district (tenant) the event belongs to. */
    public static final String DISTRICT = "district";
    /** Who acted: the authenticated user (the token's subject). */
    public static final String ACTOR = "actor";
    /** Links every event to the request that caused it ({@code X-Correlation-Id} or a new one). */
    public static final String CORRELATION_ID = "correlationId";

    /** The acting user's roles, comma-separated, as their token gave them. */
    public static final String ROLE = "role";

    /** The client's {@code Idempotency-Key}, when it sent one: a retried request with it causes no second event. */
    public static final String IDEMPOTENCY_KEY = "idempotencyKey";

    public static final List<String> REQUIRED = List.of(DISTRICT, ACTOR, CORRELATION_ID);

    private EventMetadata() {
    }
}
