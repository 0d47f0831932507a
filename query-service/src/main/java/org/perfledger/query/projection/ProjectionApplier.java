package org.perfledger.query.projection;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.perfledger.kernel.event.EventEnvelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies events to the read models exactly once in effect, in each aggregate's order, whatever Kafka delivers
 * ({@link ReadModel} keeps the order: duplicates dropped, early arrivals parked). A batch is applied as a whole: the
 * rows it touches are loaded, the events folded in memory, the changed rows written in bulk, in one transaction.
 */
@Component
public class ProjectionApplier {

    /**
     * The advisory lock between the live projections (shared, per batch) and a rebuild's swap of the read models
     * (exclusive): no batch spans a swap.
     */
    public static final long SWAP_LOCK = 0x5045_5246_5357_4150L; // "PERFSWAP"
    /** Notified (PostgreSQL NOTIFY) as each batch commits, for those waiting to read what it wrote. */
    public static final String APPLIED_CHANNEL = "perfledger_applied";

    private final JdbcTemplate jdbc;
    private final LiveReadModels models;
    private final MeterRegistry registry;
    private final Timer lag;
    private final Timer batches;

    public ProjectionApplier(JdbcTemplate jdbc, LiveReadModels models, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.models = models;
        this.registry = registry;
        this.lag = Timer.builder("perfledger.projection.lag")
                .description("From an event's timestamp to its being applied to the read models")
                .register(registry);
        this.batches = Timer.builder("perfledger.projection.batch")
                .description("A batch loaded, folded and written, before its commit").register(registry);
    }

    /**
     * All of the batch in one transaction: if anything fails, nothing of it is kept and the batch comes again. The
     * transaction holds the read models' swap lock shared, so a rebuild never swaps the tables in the middle of it.
     */
    @Transactional
    public void apply(List<DecodedEvent> batch) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", row -> { }, SWAP_LOCK);
        fold(batch, false, true);
        jdbc.execute("NOTIFY " + APPLIED_CHANNEL);
    }

    /**
     * Passes over an event that can never be applied (dead-lettered by the consumer): its place in the aggregate's
     * stream counts as taken, so the events after it still apply. What it would have changed is missing from the read
     * models until it is repaired and the read models are rebuilt; the dead-letter topic and its alert say so.
     */
    @Transactional
    public void passOver(DecodedEvent event) {
        jdbc.query("SELECT pg_advisory_xact_lock_shared(?)", row -> { }, SWAP_LOCK);
        fold(List.of(event), true, true);
        jdbc.execute("NOTIFY " + APPLIED_CHANNEL);
    }

    /**
     * Replays events into whichever tables the caller's transaction sees (a rebuild's schema during its catch-up):
     * the same model and the same writes as {@link #apply}, without the live meters.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replay(List<DecodedEvent> events) {
        fold(events, false, false);
    }

    private void fold(List<DecodedEvent> events, boolean passOver, boolean live) {
        long started = System.nanoTime();
        LiveReadModels.Loaded loaded = models.load(events);
        List<Map.Entry<EventEnvelope, ReadModel.Outcome>> outcomes = new ArrayList<>();
        try (ReadModel model = loaded.model().outcomes((event, outcome) -> outcomes.add(Map.entry(event, outcome)))) {
            for (DecodedEvent event : events) {
                if (passOver) {
                    model.passOver(event);
                } else {
                    model.apply(event);
                }
            }
            models.write(loaded);
        }
        if (live) {
            batches.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            Instant written = Instant.now();
            outcomes.forEach(outcome -> {
                registry.counter("perfledger.projection.events", "type", outcome.getKey().type(), "outcome",
                        outcome.getValue().tag()).increment();
                if (outcome.getValue() == ReadModel.Outcome.APPLIED) {
                    lag.record(Duration.between(outcome.getKey().timestamp(), written));
                }
            });
        }
    }
}
