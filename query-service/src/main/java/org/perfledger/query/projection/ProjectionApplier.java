package org.perfledger.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to every projection exactly once in effect, in each aggregate's order, whatever Kafka delivers:
 * an event at or below the aggregate's position is a duplicate and is dropped; one beyond the next expected is
 * parked until the missing ones arrive; the next expected is applied, followed by any parked successors.
 */
@Component
public class ProjectionApplier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionApplier.class);

    /**
     * The advisory lock between the live projections (shared, per batch) and a rebuild's swap of the read models
     * (exclusive): no batch spans a swap.
     */
    public static final long SWAP_LOCK = 0x5045_5246_5357_4150L; // "PERFSWAP"

    private final JdbcTemplate jdbc;
    private final List<Projection> projections;
    private final MeterRegistry registry;
    private final Timer lag;

    public ProjectionApplier(JdbcTemplate jdbc, List<Projection> projections, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.projections = projections;
        this.registry = registry;
        this.lag = Timer.builder("perfledger.projection.lag")
                .description("From an event's timestamp to its being applied to the read models")
                .register(registry);
    }

    /**
     * All of the batch in one transaction: if anything fails, nothing of it is kept and the batch comes again. The
     * transaction holds the read models' swap lock shared, so a rebuild never swaps the tables in the middle of it.
     */
    @Transactional
    public void apply(List<DecodedEvent> batch) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", row -> { }, SWAP_LOCK);
        for (DecodedEvent event : batch) {
            applyOne(event, true);
        }
    }

    /**
     * Passes over an event that can never be applied (dead-lettered by the consumer): its place in the aggregate's
     * stream counts as taken, so the events after it still apply. What it would have changed is missing from the read
     * models until it is repaired and the read models are rebuilt; the dead-letter topic and its alert say so.
     */
    @Transactional
    public void passOver(DecodedEvent decoded) {
        EventEnvelope envelope = decoded.envelope();
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", row -> { }, SWAP_LOCK);
        if (lastSequence(envelope.aggregateId()) != envelope.sequence() - 1) {
            return; // a duplicate, or parked behind a missing one
        }
        position(envelope);
        count(envelope, "passed-over", true);
        projectParkedAfter(envelope, true);
    }

    /**
     * Replays events into whichever tables the caller's transaction sees (a rebuild's schema, a view's temporary
     * copies): the same rules and the same projections as {@link #apply}, without the live meters.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replay(List<DecodedEvent> events) {
        for (DecodedEvent event : events) {
            applyOne(event, false);
        }
    }

    private void applyOne(DecodedEvent decoded, boolean live) {
        EventEnvelope envelope = decoded.envelope();
        long last = lastSequence(envelope.aggregateId());
        if (envelope.sequence() <= last) {
            count(envelope, "duplicate", live);
            return;
        }
        if (envelope.sequence() > last + 1) {
            jdbc.update("""
                    INSERT INTO parked_event (aggregate_id, sequence_number, event_id, envelope) VALUES (?, ?, ?, ?)
                    ON CONFLICT (aggregate_id, sequence_number) DO NOTHING""",
                    envelope.aggregateId(), envelope.sequence(), envelope.eventId(), EventEnvelopeCodec.encode(envelope));
            count(envelope, "parked", live);
            return;
        }
        project(decoded, live);
        projectParkedAfter(envelope, live);
    }

    /** The events parked behind {@code applied}, now next in their stream, in order. */
    private void projectParkedAfter(EventEnvelope applied, boolean live) {
        DecodedEvent next = unpark(applied.aggregateId(), applied.sequence() + 1);
        while (next != null) {
            project(next, live);
            next = unpark(next.envelope().aggregateId(), next.envelope().sequence() + 1);
        }
    }

    private void project(DecodedEvent decoded, boolean live) {
        EventEnvelope envelope = decoded.envelope();
        if (decoded.event() != null) {
            for (Projection projection : projections) {
                projection.apply(decoded.event(), envelope);
            }
            count(envelope, "applied", live);
        } else {
            // A type this version does not know (a newer producer): its place in the sequence is kept.
            log.warn("Event {} of unknown type {} passed over", envelope.eventId(), envelope.type());
            count(envelope, "unknown-type", live);
        }
        position(envelope);
        if (live) {
            lag.record(Duration.between(envelope.timestamp(), Instant.now()));
        }
    }

    private void position(EventEnvelope envelope) {
        jdbc.update("""
                INSERT INTO projection_position (aggregate_id, district, last_sequence, last_event_id, updated_at)
                VALUES (?, ?, ?, ?, now())
                ON CONFLICT (aggregate_id) DO UPDATE
                   SET last_sequence = EXCLUDED.last_sequence, last_event_id = EXCLUDED.last_event_id, updated_at = now()""",
                envelope.aggregateId(), envelope.district(), envelope.sequence(), envelope.eventId());
    }

    private long lastSequence(String aggregateId) {
        List<Long> last = jdbc.queryForList(
                "SELECT last_sequence FROM projection_position WHERE aggregate_id = ? FOR UPDATE", Long.class, aggregateId);
        return last.isEmpty() ? -1 : last.get(0);
    }

    private DecodedEvent unpark(String aggregateId, long sequence) {
        List<byte[]> parked = jdbc.queryForList(
                "DELETE FROM parked_event WHERE aggregate_id = ? AND sequence_number = ? RETURNING envelope",
                byte[].class, aggregateId, sequence);
        return parked.isEmpty() ? null : DecodedEvent.of(EventEnvelopeCodec.decode(parked.get(0)));
    }

    private void count(EventEnvelope envelope, String outcome, boolean live) {
        if (!live) {
            return;
        }
        registry.counter("perfledger.projection.events", "type", envelope.type(), "outcome", outcome).increment();
    }
}
