package org.perfledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventWords;

/**
 * The projection as plain code, without a database: every kind of event changes some row and has its words, so an
 * event type the projection or the audit's words forgot fails here; order and repeats are kept per stream whatever the
 * delivery.
 */
class ReadModelFoldTest {

    private final List<DecodedEvent> history = EveryKindOfEvent.events().stream().map(DecodedEvent::of).toList();

    @Test
    void everyKindOfEventChangesSomeRow() {
        Set<String> changing = new HashSet<>();
        try (ReadModel model = ReadModel.inMemory()) {
            String before = rows(model);
            for (DecodedEvent event : history) {
                model.apply(event);
                String after = rows(model);
                String withoutPositions = after.substring(0, after.indexOf("POSITION="));
                if (!withoutPositions.equals(before.substring(0, before.indexOf("POSITION=")))) {
                    changing.add(event.envelope().type());
                }
                before = after;
            }
        }
        Set<String> catalog = new HashSet<>();
        EventCatalog.types().forEach(type -> catalog.add(EventCatalog.nameOf(type)));
        assertThat(changing).containsExactlyInAnyOrderElementsOf(catalog);
    }

    /** The words an auditor reads follow every kind of event too: none falls back to the record's own text. */
    @Test
    void everyKindOfEventHasItsWords() {
        Set<String> described = new HashSet<>();
        for (DecodedEvent event : history) {
            String words = EventWords.describe(event.event());
            assertThat(words).as(event.envelope().type()).startsWith(EventWords.title(event.event()) + "：")
                    .doesNotContain(event.event().getClass().getSimpleName() + "[");
            described.add(event.envelope().type());
        }
        assertThat(described).hasSize(EventCatalog.types().size());
    }

    @Test
    void aStreamIsAppliedInItsOrderWhateverTheDeliveryAndOnlyOnce() {
        String inOrder;
        try (ReadModel model = ReadModel.inMemory()) {
            history.forEach(model::apply);
            inOrder = rows(model);
            assertThat(model.incompleteStreams()).isEmpty();
        }
        List<DecodedEvent> shuffled = new ArrayList<>(history);
        Collections.reverse(shuffled);
        shuffled.addAll(history.subList(0, 10));
        List<ReadModel.Outcome> outcomes = new ArrayList<>();
        try (ReadModel model = ReadModel.inMemory().outcomes((event, outcome) -> outcomes.add(outcome))) {
            shuffled.forEach(model::apply);
            assertThat(model.incompleteStreams()).isEmpty();
            assertThat(model.applied()).isEqualTo(history.size());
            assertThat(withoutWriteTimes(rows(model))).isEqualTo(withoutWriteTimes(inOrder));
        }
        assertThat(outcomes).filteredOn(outcome -> outcome == ReadModel.Outcome.DUPLICATE).hasSize(10);
        assertThat(outcomes).filteredOn(outcome -> outcome == ReadModel.Outcome.APPLIED).hasSize(history.size());
        assertThat(outcomes).filteredOn(outcome -> outcome == ReadModel.Outcome.PARKED).isNotEmpty();
    }

    @Test
    void aStreamWithAHoleIsReportedIncomplete() {
        try (ReadModel model = ReadModel.inMemory()) {
            history.stream().filter(event -> event.envelope().sequence() != 3
                    || !event.envelope().aggregateId().endsWith("/department")).forEach(model::apply);
            assertThat(model.incompleteStreams()).singleElement().asString().endsWith("lacks event 3");
        }
    }

    /** Every row of the model, table by table, as JSON in sorted order; appended rows first. */
    private static String rows(ReadModel model) {
        StringBuilder all = new StringBuilder();
        ReadModel.Appended appended = (ReadModel.Appended) model.appends();
        for (Map.Entry<ReadModelTable, List<Object[]>> table : appended.rows.entrySet()) {
            all.append(table.getKey()).append('=');
            table.getValue().stream().map(row -> JsonRows.row(table.getKey(), row)).sorted().forEach(all::append);
        }
        for (ReadModelTable table : ReadModelTable.values()) {
            if (!table.appendOnly()) {
                all.append(table).append('=');
                model.rows(table).stream().map(row -> JsonRows.row(table, row)).sorted().forEach(all::append);
            }
        }
        return all.toString();
    }

    private static String withoutWriteTimes(String rows) {
        return rows.substring(0, rows.indexOf("POSITION="));
    }
}
