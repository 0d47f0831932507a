package org.perfledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.TestServers;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.query.projection.DecodedEvent;
import org.perfledger.query.projection.EveryKindOfEvent;
import org.perfledger.query.projection.ReadModel;
import org.perfledger.query.projection.ProjectionApplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One projection, two ways into the tables, on every kind of event: folded in memory from nothing and copied into
 * empty tables (rebuilds, views as of an instant; for a rebuild on several threads too), and applied batch by batch through the live path, which loads the
 * rows a batch touches, folds it and writes back what changed. Whatever the batches (one event each, several, all,
 * out of order across batches so that early arrivals wait in the parked table, repeated), the tables come out the
 * same, row by row. A new event type fails this test until the projection handles it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=query-service", "spring.kafka.listener.auto-startup=false"})
class OneProjectionTest {

    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("replay");

    @Autowired
    ProjectionApplier applier;
    @Autowired
    ReadModelComparison comparisons;
    @Autowired
    ReadModelTables tables;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, DATABASE, "perfledger.events.replay-test-" + UUID.randomUUID());
    }

    @Test
    void theLivePathAndTheCopyHoldTheSameRowsForEveryKindOfEventInAnyBatches() {
        List<EventEnvelope> events = EveryKindOfEvent.events();
        Set<String> kinds = new HashSet<>();
        events.forEach(event -> kinds.add(event.type()));
        Set<String> catalog = new HashSet<>();
        EventCatalog.types().forEach(type -> catalog.add(EventCatalog.nameOf(type)));
        assertThat(kinds).as("every kind of event is replayed here").containsExactlyInAnyOrderElementsOf(catalog);

        List<DecodedEvent> decoded = events.stream().map(DecodedEvent::of).toList();
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA copied");
            tables.copyStructure("copied");
            try (ReadModel model = ReadModel.empty()) {
                decoded.forEach(model::apply);
                model.copyInto(DataSourceUtils.getConnection(dataSource), "copied");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        // folded on three threads, a stream to each, as a rebuild folds the store, and written one after the other
        transactions.executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA partitioned");
            tables.copyStructure("partitioned");
            try (PartitionedReplay<DecodedEvent> replay = new PartitionedReplay<>(3,
                    event -> event.envelope().aggregateId(), event -> event)) {
                decoded.forEach(replay::accept);
                replay.finish();
                assertThat(replay.folded()).isEqualTo(decoded.size());
                assertThat(replay.incompleteStreams()).isEmpty();
                replay.copyInto(DataSourceUtils.getConnection(dataSource), "partitioned");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertSameRows("partitioned");

        // one event a batch
        assertSameRows(live("one_by_one", chunks(decoded, 1)));
        // all in one batch, with repeats at its end
        List<DecodedEvent> withRepeats = new ArrayList<>(decoded);
        withRepeats.addAll(decoded.subList(0, 9));
        assertSameRows(live("all_at_once", List.of(withRepeats)));
        // batches of three, each pair of batches swapped: later events of a stream come a batch before earlier ones
        List<List<DecodedEvent>> swapped = new ArrayList<>(chunks(decoded, 3));
        for (int i = 0; i + 1 < swapped.size(); i += 2) {
            Collections.swap(swapped, i, i + 1);
        }
        String outOfOrder = live("out_of_order", swapped);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM out_of_order.parked_event", Long.class))
                .as("nothing left waiting").isZero();
        assertSameRows(outOfOrder);
    }

    private static List<List<DecodedEvent>> chunks(List<DecodedEvent> events, int size) {
        List<List<DecodedEvent>> chunks = new ArrayList<>();
        for (int i = 0; i < events.size(); i += size) {
            chunks.add(events.subList(i, Math.min(events.size(), i + size)));
        }
        return chunks;
    }

    /** The batches applied through the live path, each in its own transaction, into a schema of their own. */
    private String live(String schema, List<List<DecodedEvent>> batches) {
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            jdbc.execute("CREATE SCHEMA " + schema);
            tables.copyStructure(schema);
        });
        for (List<DecodedEvent> batch : batches) {
            transactions.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL search_path TO " + ReadModelTables.searchPath(schema));
                applier.replay(batch);
            });
        }
        return schema;
    }

    private void assertSameRows(String live) {
        ReadModelComparison.Comparison comparison = comparisons.compare(live, "copied");
        assertThat(comparison.equal()).as(comparison.toString()).isTrue();
        assertThat(comparison.inFlightStreams()).isZero();
        // the tables were not empty: every projection table got rows
        assertThat(comparison.tables()).extracting(ReadModelComparison.TableComparison::table)
                .contains("plan", "indicator", "budget_movement", "completion", "district", "projection_position");
        comparison.tables().stream().filter(table -> !table.table().equals("parked_event"))
                .forEach(table -> assertThat(table.liveRows()).as(table.table()).isPositive());
    }
}
