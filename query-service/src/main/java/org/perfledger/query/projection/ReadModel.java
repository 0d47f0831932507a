package org.perfledger.query.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;

/**
 * Read-model rows in memory and the order events are applied in. Events go through {@link #apply} in any order
 * Kafka or a store delivers them; each stream's events reach the projection ({@link ReadModelFold}) exactly once and in
 * sequence: one at or below its stream's position is a duplicate and dropped, one beyond the next is parked until
 * those before it have come.
 *
 * <p>A model starts empty (a rebuild, a view as of an instant: every row is made here, then copied into empty tables)
 * or from rows loaded from the live tables for a batch of events ({@link LiveReadModels}), which writes back what
 * changed. Rows that are only ever appended go to a sink: spooled to files for a copy, or kept for one insert.
 */
public final class ReadModel implements AutoCloseable {

    /** What became of an event handed to {@link #apply}. */
    public enum Outcome {
        APPLIED("applied"), DUPLICATE("duplicate"), PARKED("parked"), UNKNOWN_TYPE("unknown-type"),
        PASSED_OVER("passed-over");

        private final String tag;

        Outcome(String tag) {
            this.tag = tag;
        }

        /** The outcome as the meters tag it. */
        public String tag() {
            return tag;
        }
    }

    /** Told of every event's outcome: the live meters. */
    public interface Outcomes {
        Outcomes NONE = (event, outcome) -> { };

        void outcome(EventEnvelope event, Outcome outcome);
    }

    /** Where appended rows go, each flat in its table's column order. */
    interface Appends extends AutoCloseable {
        void row(ReadModelTable table, Object[] row);

        @Override
        void close();
    }

    final Map<PlanId, PlanRows> plans = new LinkedHashMap<>();
    final Map<String, Object[]> calendars = new LinkedHashMap<>();
    /** by stream: aggregate_id, district, last_sequence, last_event_id, updated_at */
    final Map<String, Object[]> positions = new HashMap<>();
    /** Events that came before an earlier event of their stream, by stream and sequence. */
    final Map<String, TreeMap<Long, DecodedEvent>> parked = new HashMap<>();
    private final Appends appends;
    private Outcomes outcomes = Outcomes.NONE;
    private long applied;

    ReadModel(Appends appends) {
        this.appends = appends;
    }

    /** An empty model whose appended rows are spooled to files, for {@link ReadModelCopy}. */
    public static ReadModel empty() {
        return new ReadModel(new ReadModelCopy.Spools());
    }

    /** An empty model that keeps its appended rows in memory (for tests and small batches). */
    static ReadModel inMemory() {
        return new ReadModel(new Appended());
    }

    ReadModel outcomes(Outcomes listener) {
        this.outcomes = listener;
        return this;
    }

    /**
     * Applies an event in its stream's order. One already applied is dropped; one that arrives before an earlier
     * event of its stream (the store's relay order follows the writing transactions, which need not follow a
     * stream's sequence) waits until the earlier ones have come, then goes with them.
     */
    public void apply(DecodedEvent event) {
        EventEnvelope envelope = event.envelope();
        long last = lastSequence(envelope.aggregateId());
        if (envelope.sequence() <= last) {
            outcomes.outcome(envelope, Outcome.DUPLICATE);
            return;
        }
        if (envelope.sequence() != last + 1) {
            if (parked.computeIfAbsent(envelope.aggregateId(), id -> new TreeMap<>())
                    .putIfAbsent(envelope.sequence(), event) == null) {
                outcomes.outcome(envelope, Outcome.PARKED);
            }
            return;
        }
        applyInOrder(event, false);
    }

    /**
     * Takes an event that can never be applied (dead-lettered) as applied without projecting it: its place in the
     * stream counts as taken, so the events after it apply. A duplicate, or one still waiting for an earlier event,
     * changes nothing.
     */
    void passOver(DecodedEvent event) {
        if (lastSequence(event.envelope().aggregateId()) == event.envelope().sequence() - 1) {
            applyInOrder(event, true);
        }
    }

    private void applyInOrder(DecodedEvent event, boolean passOver) {
        EventEnvelope envelope = event.envelope();
        advance(event, passOver);
        TreeMap<Long, DecodedEvent> waiting = parked.get(envelope.aggregateId());
        long next = envelope.sequence() + 1;
        while (waiting != null && waiting.containsKey(next)) {
            advance(waiting.remove(next++), false);
        }
        if (waiting != null && waiting.isEmpty()) {
            parked.remove(envelope.aggregateId());
        }
    }

    private void advance(DecodedEvent event, boolean passOver) {
        EventEnvelope envelope = event.envelope();
        if (passOver) {
            outcomes.outcome(envelope, Outcome.PASSED_OVER);
        } else if (event.event() == null) {
            // a type this version does not know (a newer producer's): its place in the stream is kept
            outcomes.outcome(envelope, Outcome.UNKNOWN_TYPE);
        } else {
            ReadModelFold.apply(event.event(), envelope, this);
            outcomes.outcome(envelope, Outcome.APPLIED);
        }
        positions.put(envelope.aggregateId(), new Object[] {envelope.aggregateId(), envelope.district(),
                envelope.sequence(), envelope.eventId(), Instant.now()});
        applied++;
    }

    private long lastSequence(String aggregateId) {
        Object[] position = positions.get(aggregateId);
        return position == null ? -1 : (long) position[2];
    }

    /**
     * Streams whose next event never came: in a whole store that is a hole in its history (an error for a rebuild);
     * for a view as of an instant, streams cut at it.
     */
    public List<String> incompleteStreams() {
        return parked.keySet().stream().map(stream -> stream + " lacks event " + (lastSequence(stream) + 1))
                .toList();
    }

    /** Events applied, passed over or kept in place for a type not known. */
    public long applied() {
        return applied;
    }

    // what the projection reads and changes

    PlanRows plan(PlanId plan) {
        return plans.get(plan);
    }

    PlanRows startPlan(PlanId plan) {
        PlanRows rows = new PlanRows(plan);
        plans.put(plan, rows);
        return rows;
    }

    /** A reporting calendar's row (district, fiscal_year, …), replacing the one of its district and year. */
    void calendar(Object[] row) {
        calendars.put(row[0] + "/" + row[1], row);
    }

    /** A row appended to a table that only grows; an {@code Object[]} among the values stands for its values. */
    void append(ReadModelTable table, Object... values) {
        List<Object> row = new ArrayList<>(table.columns().size());
        flatten(values, row);
        if (row.size() != table.columns().size()) {
            throw new IllegalStateException(table + " takes " + table.columns().size() + " values, got " + row.size());
        }
        appends.row(table, row.toArray());
    }

    private static void flatten(Object[] values, List<Object> into) {
        for (Object value : values) {
            if (value instanceof Object[] group) {
                flatten(group, into);
            } else {
                into.add(value instanceof WanYuan money ? money.amount() : value);
            }
        }
    }

    /** The model's rows of a table that is not appended to, in column order. */
    List<Object[]> rows(ReadModelTable table) {
        return switch (table) {
            case REPORTING_CALENDAR -> new ArrayList<>(calendars.values());
            case POSITION -> new ArrayList<>(positions.values());
            default -> {
                List<Object[]> rows = new ArrayList<>();
                plans.values().forEach(plan -> rows.addAll(plan.rows(table)));
                yield rows;
            }
        };
    }

    Appends appends() {
        return appends;
    }

    /** Writes every table of the model into a schema's empty tables with COPY. */
    public void copyInto(Connection connection, String schema) throws SQLException, IOException {
        ReadModelCopy.copy(this, connection, schema);
    }

    @Override
    public void close() {
        appends.close();
    }

    /** Appended rows kept in memory, by table. */
    static final class Appended implements Appends {
        final Map<ReadModelTable, List<Object[]>> rows = new EnumMap<>(ReadModelTable.class);

        @Override
        public void row(ReadModelTable table, Object[] row) {
            rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }

        @Override
        public void close() {
            rows.clear();
        }
    }
}
