package org.perfledger.query.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.readmodel.PlanKeys;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The read models of a batch of events, loaded from and written back to the tables the caller's transaction sees
 * (the live schema, or a rebuild's during its catch-up): the rows the batch's streams and plans have, their positions
 * and their parked early arrivals are loaded with one statement per table; the events are folded in memory;
 * then each table's changed rows are written with one statement, whatever the batch's size: an upsert from a JSON
 * array ({@code json_populate_recordset}) for rows that change, COPY for rows only ever added.
 */
@Component
class LiveReadModels {

    private final JdbcTemplate jdbc;

    LiveReadModels(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A model holding what the batch's events will read and change: their streams' positions (not locked: the write
     * checks them), the early arrivals parked behind them, and their plans' rows.
     */
    Loaded load(Collection<DecodedEvent> batch) {
        ReadModel model = ReadModel.inMemory();
        Set<String> streams = batch.stream().map(event -> event.envelope().aggregateId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        String streamList = JsonRows.array(streams.stream().map(JsonRows::quote).toList());
        Map<ReadModelTable, Map<String, String>> loaded = new EnumMap<>(ReadModelTable.class);
        loaded.put(ReadModelTable.POSITION, loadPositions(model, streamList));
        Map<String, Long> sequences = new HashMap<>();
        model.positions.forEach((stream, position) -> sequences.put(stream, (Long) position[2]));
        List<DecodedEvent> waiting = unpark(model, streamList);

        Set<PlanId> plans = new LinkedHashSet<>();
        for (DecodedEvent event : batch) {
            if (event.event() instanceof PlanEvent planEvent) {
                plans.add(planEvent.plan());
            }
        }
        for (DecodedEvent event : waiting) {
            if (event.event() instanceof PlanEvent planEvent) {
                plans.add(planEvent.plan());
            }
        }
        if (!plans.isEmpty()) {
            model.plans.putAll(loadPlans(plans));
            for (ReadModelTable table : ReadModelTable.OF_A_PLAN) {
                loaded.put(table, snapshot(table, model.rows(table)));
            }
        }
        return new Loaded(model, loaded, streamList, sequences);
    }

    /** The streams' positions into the model; answers them as loaded (each row as JSON, by its key). */
    private Map<String, String> loadPositions(ReadModel model, String streamList) {
        List<Object[]> positions = select(ReadModelTable.POSITION, "SELECT " + ReadModelTable.POSITION.columnList()
                + " FROM projection_position WHERE aggregate_id IN (SELECT json_array_elements_text(?::json))",
                streamList);
        positions.forEach(position -> model.positions.put((String) position[0], position));
        return snapshot(ReadModelTable.POSITION, positions);
    }

    /** The early arrivals parked behind the streams, taken out of the table into the model's waiting room. */
    private List<DecodedEvent> unpark(ReadModel model, String streamList) {
        List<DecodedEvent> waiting = new ArrayList<>();
        jdbc.query("DELETE FROM parked_event WHERE aggregate_id IN (SELECT json_array_elements_text(?::json)) "
                + "RETURNING envelope", row -> {
                    waiting.add(DecodedEvent.of(EventEnvelopeCodec.decode(row.getBytes(1))));
                }, streamList);
        for (DecodedEvent event : waiting) {
            Object[] position = model.positions.get(event.envelope().aggregateId());
            if (position == null || event.envelope().sequence() > (long) position[2]) {
                model.parked.computeIfAbsent(event.envelope().aggregateId(), id -> new TreeMap<>())
                        .put(event.envelope().sequence(), event);
            }
        }
        return waiting;
    }

    /** The plans' rows, one statement per table; a plan not started yet has none. */
    private Map<PlanId, PlanRows> loadPlans(Set<PlanId> plans) {
        Map<List<Object>, PlanId> byKey = new HashMap<>();
        for (PlanId plan : plans) {
            byKey.put(List.of(PlanKeys.of(plan)), plan);
        }
        String keyList = PlanKeys.json(plans);
        Map<PlanId, PlanRows> found = new LinkedHashMap<>();
        for (ReadModelTable table : ReadModelTable.OF_A_PLAN) {
            String columns = table.columns().stream().map(column -> "t." + column).collect(Collectors.joining(", "));
            for (Object[] row : select(table, "SELECT " + columns + " FROM " + PlanKeys.MANY + " JOIN " + table.table() + " t ON t.district = k.district AND t.department_id "
                    + "= k.department_id AND t.fiscal_year = k.fiscal_year AND t.plan_key = k.plan_key", keyList)) {
                PlanId plan = byKey.get(List.of(row[0], row[1], row[2], row[3]));
                if (table == ReadModelTable.PLAN) {
                    found.put(plan, new PlanRows(plan));
                }
                PlanRows rows = found.get(plan);
                if (rows != null) {
                    rows.load(table, row);
                }
            }
        }
        return found;
    }

    /** Rows as JSON by their key: what the write compares the model's rows with. */
    private static Map<String, String> snapshot(ReadModelTable table, List<Object[]> rows) {
        Map<String, String> snapshot = new HashMap<>();
        rows.forEach(row -> snapshot.put(key(table, row), JsonRows.row(table, row)));
        return snapshot;
    }

    /**
     * A model and what its tables held when it was loaded (each row as JSON, by its key), with the streams' positions
     * then: the write checks them under lock, so the transaction takes its first row lock (and with it a transaction
     * id, which holds back the relay of every database on the server) only for the short write, not while it loads and
     * folds.
     */
    record Loaded(ReadModel model, Map<ReadModelTable, Map<String, String>> rows, String streams,
                  Map<String, Long> sequences) {
    }

    /** Writes what the model changed since it was loaded: one statement per table that changed. */
    void write(Loaded loaded) {
        ReadModel model = loaded.model();
        Map<String, Long> now = new HashMap<>();
        jdbc.query("SELECT aggregate_id, last_sequence FROM projection_position WHERE aggregate_id IN "
                + "(SELECT json_array_elements_text(?::json)) ORDER BY aggregate_id FOR UPDATE",
                row -> {
                    now.put(row.getString(1), row.getLong(2));
                }, loaded.streams());
        if (!now.equals(loaded.sequences())) {
            throw new ConcurrencyFailureException("another consumer moved the streams of this batch since they were "
                    + "loaded (" + loaded.sequences() + " then, " + now + " now); the batch comes again");
        }
        for (ReadModelTable table : ReadModelTable.values()) {
            if (table.appendOnly()) {
                continue;
            }
            Map<String, String> before = loaded.rows().getOrDefault(table, Map.of());
            Map<String, String> changed = new LinkedHashMap<>();
            Set<String> gone = new LinkedHashSet<>(before.keySet());
            for (Object[] row : model.rows(table)) {
                String key = key(table, row);
                String json = JsonRows.row(table, row);
                gone.remove(key);
                if (!json.equals(before.get(key))) {
                    changed.put(key, json);
                }
            }
            if (!gone.isEmpty()) {
                jdbc.update("DELETE FROM " + table.table() + " WHERE (" + String.join(", ", table.keys())
                        + ") IN (SELECT " + String.join(", ", table.keys()) + " FROM json_populate_recordset(NULL::"
                        + table.table() + ", ?::json))", JsonRows.array(gone.stream().map(before::get).toList()));
            }
            if (!changed.isEmpty()) {
                jdbc.update(upsert(table), JsonRows.array(changed.values()));
            }
        }
        if (model.appends() instanceof ReadModel.Appended appended) {
            // rows only ever added go in with COPY, into the table the transaction's search path finds
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                try {
                    for (Map.Entry<ReadModelTable, List<Object[]>> rows : appended.rows.entrySet()) {
                        CopyIn.table(connection, null, rows.getKey(), rows.getValue());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        }
        List<Object[]> stillWaiting = new ArrayList<>();
        model.parked.values().forEach(waiting -> waiting.values().forEach(event -> {
            EventEnvelope envelope = event.envelope();
            stillWaiting.add(new Object[] {envelope.aggregateId(), envelope.sequence(), envelope.eventId(),
                    EventEnvelopeCodec.encode(envelope)});
        }));
        if (!stillWaiting.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO parked_event (aggregate_id, sequence_number, event_id, envelope) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (aggregate_id, sequence_number) DO NOTHING", stillWaiting);
        }
    }

    private static String upsert(ReadModelTable table) {
        List<String> values = new ArrayList<>(table.columns());
        values.removeAll(table.keys());
        return "INSERT INTO " + table.table() + " (" + table.columnList() + ") SELECT " + table.columnList()
                + " FROM json_populate_recordset(NULL::" + table.table() + ", ?::json) ON CONFLICT ("
                + String.join(", ", table.keys()) + ") DO UPDATE SET " + values.stream()
                .map(column -> column + " = EXCLUDED." + column).collect(Collectors.joining(", "));
    }

    private static String key(ReadModelTable table, Object[] row) {
        Object[] key = new Object[table.keys().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = row[table.columns().indexOf(table.keys().get(i))];
        }
        return JsonRows.row(table.keys(), key);
    }

    private List<Object[]> select(ReadModelTable table, String sql, Object... parameters) {
        return jdbc.query(sql, (rs, n) -> values(rs, table.columns().size()), parameters);
    }

    /** A row's values as the projection holds them: decimals, whole numbers, text, JSON, dates and instants. */
    private static Object[] values(ResultSet rs, int count) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Object[] row = new Object[count];
        for (int i = 1; i <= count; i++) {
            String type = meta.getColumnTypeName(i);
            row[i - 1] = switch (type) {
                case "numeric" -> rs.getBigDecimal(i);
                case "jsonb", "json" -> rs.getString(i) == null ? null : new Json(rs.getString(i));
                case "date" -> rs.getObject(i, LocalDate.class);
                case "timestamptz" -> {
                    OffsetDateTime at = rs.getObject(i, OffsetDateTime.class);
                    yield at == null ? null : at.toInstant();
                }
                default -> rs.getObject(i); // text, integers, booleans
            };
        }
        return row;
    }
}
