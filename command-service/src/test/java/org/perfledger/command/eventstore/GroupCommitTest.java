package org.perfledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.command.audit.EventChain;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Group commit on the real event store: a group is one transaction written in the order its commands came, a refused
 * command fails alone, a key claimed twice is written once, and commands arriving while a group commits are written
 * together.
 */
class GroupCommitTest extends CommandServiceTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    PersistenceExceptionResolver persistenceExceptionResolver;
    @Autowired
    EventSchema eventSchema;
    @Autowired
    EventChain chain;
    @Autowired
    GroupCommit groupCommit;

    private GroupWrites writes() {
        return WritePathConfiguration.groupWrites(dataSource, serializer, eventSerializer, persistenceExceptionResolver,
                eventSchema);
    }

    private static String district() {
        return "gc" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static PendingCommit pending(String district, String aggregate, long sequence) {
        PendingCommit pending = new PendingCommit(null);
        pending.append(List.of(new GenericDomainEventMessage<>("GroupCommitTest", aggregate, sequence,
                new DistrictRegistered(DistrictId.of(district), aggregate), MetaData.from(Map.of(
                EventMetadata.DISTRICT, district, EventMetadata.ACTOR, "test",
                EventMetadata.CORRELATION_ID, UUID.randomUUID().toString())))));
        return pending;
    }

    private static PendingCommit claiming(PendingCommit pending, String district, String key, String fingerprint) {
        pending.claim(new IdempotencyClaim(district, key, fingerprint.repeat(64).substring(0, 64), "Test", "test",
                String.class.getName(), "\"answer of " + fingerprint + "\""));
        return pending;
    }

    private List<Map<String, Object>> stored(String district) {
        return jdbc.queryForList("""
                SELECT aggregate_identifier, global_index, tx_id::text AS tx FROM domain_event_entry
                 WHERE aggregate_identifier LIKE ? ORDER BY global_index""", district + ":%");
    }

    private static Throwable failure(PendingCommit pending) {
        assertThat(pending.outcome()).isCompletedExceptionally();
        return pending.outcome().handle((ok, failure) -> failure).join();
    }

    @Test
    void aGroupIsOneTransactionInTheOrderItsCommandsCameAndEachDistrictsChainFollowsIt() {
        String east = district();
        String west = district();
        List<PendingCommit> group = List.of(pending(east, east + ":1", 0), pending(west, west + ":1", 0),
                pending(east, east + ":2", 0), pending(west, west + ":1", 1), pending(east, east + ":1", 1));

        writes().write(group);

        group.forEach(pending -> assertThat(pending.outcome()).isCompleted().isNotCompletedExceptionally());
        List<Map<String, Object>> rows = new ArrayList<>(stored(east));
        rows.addAll(stored(west));
        rows.sort((a, b) -> Long.compare((Long) a.get("global_index"), (Long) b.get("global_index")));
        assertThat(rows).extracting(row -> row.get("aggregate_identifier"))
                .containsExactly(east + ":1", west + ":1", east + ":2", west + ":1", east + ":1");
        assertThat(rows).extracting(row -> row.get("tx")).containsOnly(rows.get(0).get("tx"));
        assertThat(chain.verify(east).intact()).isTrue();
        assertThat(chain.verify(east).links()).isEqualTo(3);
        assertThat(chain.verify(west).links()).isEqualTo(2);
    }

    @Test
    void aRefusedCommandDoesNotSinkItsNeighbours() {
        String district = district();
        GroupWrites writes = writes();
        writes.write(List.of(pending(district, district + ":taken", 0)));
        writes.write(List.of(pending(district, district + ":taken", 1)));
        PendingCommit before = pending(district, district + ":a", 0);
        PendingCommit conflicting = pending(district, district + ":taken", 1);
        PendingCommit after = pending(district, district + ":b", 0);

        writes.write(List.of(before, conflicting, after));

        assertThat(before.outcome()).isCompleted().isNotCompletedExceptionally();
        assertThat(after.outcome()).isCompleted().isNotCompletedExceptionally();
        assertThat(failure(conflicting)).isInstanceOf(ConcurrencyException.class);
        assertThat(stored(district)).extracting(row -> row.get("aggregate_identifier"))
                .containsExactly(district + ":taken", district + ":taken", district + ":a", district + ":b");
        assertThat(chain.verify(district).intact()).isTrue();
        assertThat(chain.verify(district).links()).isEqualTo(4);
    }

    @Test
    void ofRequestsSharingAKeyOnlyTheFirstIsWrittenAndTheOthersGetItsAnswerOrTheReuseRefusal() {
        String district = district();
        GroupWrites writes = writes();
        PendingCommit first = claiming(pending(district, district + ":1", 0), district, "k1", "a");
        PendingCommit retry = claiming(pending(district, district + ":2", 0), district, "k1", "a");
        PendingCommit reuse = claiming(pending(district, district + ":3", 0), district, "k1", "b");
        PendingCommit other = claiming(pending(district, district + ":4", 0), district, "k2", "c");

        writes.write(List.of(first, retry, reuse, other));

        assertThat(first.outcome()).isCompleted().isNotCompletedExceptionally();
        assertThat(other.outcome()).isCompleted().isNotCompletedExceptionally();
        IdempotencyClaim.AnsweredBefore retried = (IdempotencyClaim.AnsweredBefore) failure(retry);
        assertThat(retried.sameRequest()).isTrue();
        assertThat(retried.storedResult()).isEqualTo("\"answer of a\"");
        assertThat(((IdempotencyClaim.AnsweredBefore) failure(reuse)).sameRequest()).isFalse();
        assertThat(stored(district)).extracting(row -> row.get("aggregate_identifier"))
                .containsExactly(district + ":1", district + ":4");

        PendingCommit later = claiming(pending(district, district + ":5", 0), district, "k1", "a");
        writes.write(List.of(later));
        assertThat(((IdempotencyClaim.AnsweredBefore) failure(later)).storedResult()).isEqualTo("\"answer of a\"");
        assertThat(stored(district)).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM command_idempotency WHERE district = ?", Integer.class,
                district)).isEqualTo(2);
    }

    /**
     * The first command's group is held in the database (its district's chain is locked by another session) while five
     * more arrive; once it is let go, the five are written in one transaction.
     */
    @Test
    void commandsArrivingWhileAGroupCommitsAreWrittenTogether() throws Exception {
        String district = "gcb" + UUID.randomUUID().toString().substring(0, 6);
        ensureDistrict(district);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (Connection holder = dataSource.getConnection(); Statement lock = holder.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(hashtextextended('perfledger.event_chain:" + district + "', 0))");
            List<Future<Integer>> answers = new ArrayList<>();
            answers.add(clients.submit(() -> register(district, "first")));
            waitUntil(() -> lockWaiters() == 1);
            for (int i = 0; i < 5; i++) {
                String code = "next" + i;
                answers.add(clients.submit(() -> register(district, code)));
            }
            waitUntil(() -> groupCommit.waiting() == 5);
            lock.execute("SELECT pg_advisory_unlock(hashtextextended('perfledger.event_chain:" + district + "', 0))");
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT e.aggregate_identifier, e.tx_id::text AS tx FROM domain_event_entry e
                 WHERE e.aggregate_identifier LIKE ? ORDER BY e.global_index""", district + "/%");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(0).get("aggregate_identifier").toString()).endsWith("first");
        assertThat(rows.subList(1, 6)).extracting(row -> row.get("tx")).containsOnly(rows.get(1).get("tx"))
                .doesNotContain(rows.get(0).get("tx"));
        assertThat(chain.verify(district).intact()).isTrue();
    }

    private int register(String district, String code) throws Exception {
        return post("/api/v1/districts/" + district + "/departments",
                "{\"departmentId\":\"" + code + "\",\"name\":\"部门" + code + "\"}").statusCode();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private int lockWaiters() {
        return jdbc.queryForObject("""
                SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted""", Integer.class);
    }
}
