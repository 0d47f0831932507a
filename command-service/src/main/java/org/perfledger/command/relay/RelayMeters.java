package org.perfledger.command.relay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.atomic.AtomicLong;

/** What the relay tells of itself: how much it published, how late, how often it failed or was held back. */
final class RelayMeters {

    final Counter relayed;
    final Counter failures;
    /** From an event's timestamp to the broker's acknowledgement. */
    final Timer lag;
    final Timer publishing;
    final Timer pickup;
    final Counter heldBack;
    final AtomicLong positionIndex = new AtomicLong();
    /** 1 while this instance holds the relay's lock. */
    final AtomicLong leading = new AtomicLong();
    /** When the leader last read the store and published what it found (epoch seconds). */
    final AtomicLong lastSuccess = new AtomicLong();

    RelayMeters(MeterRegistry registry) {
        relayed = Counter.builder("perfledger.relay.events")
                .description("Events published to Kafka and acknowledged by the broker").register(registry);
        failures = Counter.builder("perfledger.relay.failures")
                .description("Relay attempts that failed and will be retried").register(registry);
        lag = Timer.builder("perfledger.relay.lag")
                .description("From an event's timestamp to the broker's acknowledgement").register(registry);
        pickup = Timer.builder("perfledger.relay.pickup")
                .description("From an event's timestamp to the relay's reading it from the store").register(registry);
        publishing = Timer.builder("perfledger.relay.publish")
                .description("A batch from its first send to the broker's last acknowledgement").register(registry);
        heldBack = Counter.builder("perfledger.relay.held-back")
                .description("Rounds that found committed events behind an older transaction still running")
                .register(registry);
        Gauge.builder("perfledger.relay.position", positionIndex, AtomicLong::get)
                .description("Global index of the last event the broker acknowledged").register(registry);
        Gauge.builder("perfledger.relay.leader", leading, AtomicLong::get)
                .description("1 while this instance relays (holds the relay's lock), else 0").register(registry);
        Gauge.builder("perfledger.relay.last.success", lastSuccess, AtomicLong::get).baseUnit("seconds")
                .description("When the relaying instance last read the store and published what it found, as epoch "
                        + "seconds; a relay that stalls stops moving it").register(registry);
    }
}
