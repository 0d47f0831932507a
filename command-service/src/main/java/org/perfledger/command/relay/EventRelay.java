package org.perfledger.command.relay;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.perfledger.command.relay.EventStoreFeed.Position;
import org.perfledger.infra.lifecycle.DaemonLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes every stored event to Kafka, at least once, in store order per department.
 *
 * <p>One loop on one thread: read the next batch of settled events (see {@link EventStoreFeed}), send them all, wait
 * until the broker has acknowledged every one, and only then move the position past them. A batch the broker did
 * not fully acknowledge is sent again from its start after a pause, so the position never passes an event Kafka
 * does not have; the consumers drop the duplicates this can cause. Commands never wait for the relay: while the
 * broker is away they are stored as usual and wait here.
 *
 * <p>Only one relay works at a time across command-service instances: the one holding a PostgreSQL advisory lock
 * on its connection. If that instance dies, its connection and lock go, and another takes over from the position.
 * Commands wake it as they end, on any instance ({@link RelayWakeups}); the poll interval is only the longest wait.
 */
public class EventRelay extends DaemonLoop {

    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    static final String RELAY_NAME = "kafka";
    /** Advisory lock key: "PLRELAY" in ASCII. */
    private static final long LOCK_KEY = 0x504C52454C4159L;

    private final DataSource dataSource;
    private final KafkaTemplate<String, byte[]> kafka;
    private final KafkaAdmin kafkaAdmin;
    private final RelayProperties properties;
    private final EventStoreFeed feed = new EventStoreFeed();
    private final Semaphore nudges = new Semaphore(0);
    private final RelayWaits waits;
    private final RelayWakeups wakeups;

    private final RelayMeters meters;

    /** The leader's connection, holding the advisory lock; null while this instance is not the leader. */
    private Connection connection;
    /** Read once on becoming leader: while it holds the lock, this instance is the only one moving it. */
    private Position position;
    private boolean topicReady;
    private int consecutiveFailures;

    public EventRelay(DataSource dataSource, KafkaTemplate<String, byte[]> kafka, KafkaAdmin kafkaAdmin,
                      RelayProperties properties, MeterRegistry registry) {
        super("event-relay", Duration.ofSeconds(10));
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.kafkaAdmin = kafkaAdmin;
        this.properties = properties;
        this.meters = new RelayMeters(registry);
        this.waits = new RelayWaits(properties);
        this.wakeups = new RelayWakeups(dataSource, nudges::release);
    }

    /** A command of this instance begins its transaction: it will wake the relay when it ends ({@link #written}). */
    public void writing() {
        waits.writing();
    }

    /**
     * A command of this instance ended its transaction, committed or not: the relay that leads is woken, so its events
     * go out without waiting for the next poll: this instance's in memory, another instance's by a notification
     * ({@link RelayWakeups}). A relay that does not lead is not woken: it has nothing to read.
     */
    public void written() {
        waits.written();
        if (wakeups.leads()) {
            nudges.release();
        } else {
            wakeups.commandEnded();
        }
    }

    /** After Flyway and the web server; stops before the data source closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    @Override
    protected void loop() {
        wakeups.start();
        try {
            while (running()) {
                try {
                    Round round = relayOnce();
                    if (connection != null) {
                        meters.lastSuccess.set(Instant.now().getEpochSecond());
                    }
                    if (round == Round.HELD_BACK) {
                        meters.heldBack.increment();
                    }
                    if (round == Round.FULL) {
                        waits.flowing();
                    } else {
                        nudges.tryAcquire(waits.after(round == Round.HELD_BACK), TimeUnit.MILLISECONDS);
                        nudges.drainPermits();
                    }
                    consecutiveFailures = 0;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    meters.failures.increment();
                    consecutiveFailures++;
                    if (consecutiveFailures == 1 || consecutiveFailures % 20 == 0) {
                        log.warn("Relay to Kafka failed ({} in a row); its position stays and it will retry: {}",
                                consecutiveFailures, e.toString());
                    }
                    closeConnectionIfBroken();
                    Thread.sleep(backoff());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
            wakeups.stop();
        }
    }

    /** What a round of relaying found. */
    private enum Round {
        /** a full batch went out: more may be waiting */
        FULL,
        /** everything settled went out, but committed events wait behind an older transaction still running */
        HELD_BACK,
        /** everything committed went out */
        DONE
    }

    private Round relayOnce() throws Exception {
        if (connection == null && !acquireLeadership()) {
            return Round.DONE;
        }
        List<StoredEvent> batch = feed.nextBatch(connection, position, properties.batchSize());
        Instant read = Instant.now();
        for (StoredEvent event : batch) {
            meters.pickup.record(Duration.between(event.envelope().timestamp(), read));
        }
        if (batch.isEmpty()) {
            return feed.heldBack(connection, position) ? Round.HELD_BACK : Round.DONE;
        }
        ensureTopic();
        publish(batch);
        StoredEvent last = batch.get(batch.size() - 1);
        Position next = new Position(last.txId(), last.globalIndex());
        feed.savePosition(connection, RELAY_NAME, next, batch.size());
        position = next;
        meters.positionIndex.set(next.globalIndex());
        meters.relayed.increment(batch.size());
        if (batch.size() == properties.batchSize()) {
            return Round.FULL;
        }
        return feed.heldBack(connection, position) ? Round.HELD_BACK : Round.DONE;
    }

    /** Sends the whole batch and returns only when the broker acknowledged every record of it. */
    private void publish(List<StoredEvent> batch) throws InterruptedException, ExecutionException, TimeoutException {
        long started = System.nanoTime();
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (StoredEvent event : batch) {
            acks.add(kafka.send(TopicRecords.of(properties.topic(), event)));
        }
        // the batch is whole: send what lingers now rather than after linger.ms
        kafka.flush();
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        meters.publishing.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        Instant now = Instant.now();
        for (StoredEvent event : batch) {
            meters.lag.record(Duration.between(event.envelope().timestamp(), now));
        }
    }

    private boolean acquireLeadership() throws SQLException {
        Connection candidate = dataSource.getConnection();
        boolean locked = false;
        try {
            candidate.setAutoCommit(true);
            try (PreparedStatement lock = candidate.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet row = lock.executeQuery()) {
                    locked = row.next() && row.getBoolean(1);
                }
            }
        } finally {
            if (!locked) {
                candidate.close();
            }
        }
        if (locked) {
            connection = candidate;
            try {
                position = feed.loadPosition(connection, RELAY_NAME);
            } catch (SQLException e) {
                closeConnection();
                throw e;
            }
            meters.positionIndex.set(position.globalIndex());
            meters.leading.set(1);
            wakeups.leading();
            log.info("This instance relays the event store to Kafka topic {}", properties.topic());
        }
        return locked;
    }

    /** Creates the topic unless it exists; throws (and the loop retries) while the broker does not answer. */
    private void ensureTopic() {
        if (!topicReady) {
            kafkaAdmin.createOrModifyTopics(TopicBuilder.name(properties.topic())
                    .partitions(properties.partitions())
                    .replicas(properties.replicas())
                    .config("retention.ms", "-1")
                    .build());
            topicReady = true;
        }
    }

    private long backoff() {
        long millis = 100L << Math.min(consecutiveFailures, 10);
        return Math.min(millis, properties.maxBackoff().toMillis());
    }

    private void closeConnectionIfBroken() {
        try {
            if (connection != null && !connection.isValid(2)) {
                closeConnection();
            }
        } catch (SQLException e) {
            closeConnection();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the relay connection failed", e);
            }
            connection = null;
            position = null;
            meters.leading.set(0);
            wakeups.stopListening();
        }
    }
}
