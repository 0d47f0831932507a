package org.perfledger.query.replay;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tables of the read-model schema, as a replay needs them: which are projections (derived from events, so they
 * can be copied empty and filled again), and for each how its rows map to the event stream they came from.
 *
 * <p>Two tables of the schema are not projections and are never rebuilt: Flyway's history and the record of
 * auditors' reads. A table added later is a projection unless it is named here.
 */
@Component
public class ReadModelTables {

    /** Tables whose rows do not come from events: they move to the rebuilt schema as they are. */
    public static final Set<String> NOT_PROJECTIONS = Set.of("flyway_schema_history", "access_audit");

    /** Bookkeeping of the applier: where each stream stands, and early arrivals. */
    public static final String POSITIONS = "projection_position";
    public static final String PARKED = "parked_event";

    private static final String PLAN_STREAM = "district || '/' || department_id || '/' || fiscal_year || '/' || "
            + "CASE WHEN plan_key = 'department' THEN 'department' ELSE 'projects/' || plan_key END";

    /** The stream each table's row belongs to, as SQL over the row (see {@code Streams}). */
    private static final Map<String, String> STREAM_OF_ROW = Map.of(
            "district", "'district:' || district",
            "department", "district || '/' || department_id",
            "reporting_calendar", "'calendar:' || district || ':' || fiscal_year",
            "scoring_scheme", "'scheme:' || district || ':' || fiscal_year || ':' || kind",
            "assessment_scheme", "'scheme:' || district || ':' || fiscal_year || ':EX_ANTE'",
            "monitoring_thresholds", "'scheme:' || district || ':' || fiscal_year || ':WARNING'",
            "result_use_rules", "'scheme:' || district || ':' || fiscal_year || ':RESULTS'",
            "library_indicator", "'library:' || district || ':' || code",
            "library_retirement", "'library:' || district || ':' || code",
            POSITIONS, "aggregate_id");

    /** Columns that record when a row was written, not what an event said: left out of comparisons. */
    private static final Map<String, Set<String>> WRITE_TIMES = Map.of(
            POSITIONS, Set.of("updated_at"),
            PARKED, Set.of("parked_at"));

    private final JdbcTemplate jdbc;
    private final String schema;
    /** The copy {@link #shadowWithTemporaryCopies()} looks for: the tables are those the migrations made at start. */
    private volatile String lastCopy;

    ReadModelTables(JdbcTemplate jdbc, @Value("${spring.flyway.default-schema:readmodel}") String schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    /** The live read-model schema (the one the services read and the consumers write). */
    public String schema() {
        return schema;
    }

    /** The projection tables of a schema, with the applier's bookkeeping, in name order. */
    public List<String> projections(String ofSchema) {
        List<String> tables = new ArrayList<>(jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                 WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name""", String.class, ofSchema));
        tables.removeAll(NOT_PROJECTIONS);
        return tables;
    }

    /** The stream a row of the table belongs to, as SQL over the row; null where the table has no such key. */
    public String streamOfRow(String table) {
        String known = STREAM_OF_ROW.get(table);
        if (known != null) {
            return known;
        }
        return columns(schema, table).contains("plan_key") ? PLAN_STREAM : null;
    }

    /** The columns that carry what events said (write times left out), in table order. */
    public List<String> comparedColumns(String table) {
        List<String> columns = columns(schema, table);
        columns.removeAll(WRITE_TIMES.getOrDefault(table, Set.of()));
        return columns;
    }

    private List<String> columns(String ofSchema, String table) {
        return new ArrayList<>(jdbc.queryForList("""
                SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?
                 ORDER BY ordinal_position""", String.class, ofSchema, table));
    }

    /**
     * Makes {@code target}'s copies of the live projection tables, empty, with the same columns, keys, constraints
     * and indexes; row-level security and the reader's grants as the live tables have them.
     */
    public void copyStructure(String target) {
        jdbc.execute("GRANT USAGE ON SCHEMA " + ident(target) + " TO perfledger_reader");
        for (String table : projections(schema)) {
            jdbc.execute("CREATE TABLE " + ident(target) + "." + ident(table) + " (LIKE " + ident(schema) + "."
                    + ident(table) + " INCLUDING ALL)");
            copyAccess(schema, target, table);
        }
    }

    /**
     * Makes this transaction read and write temporary copies of the live projection tables: they come first in its
     * search path, and are empty when it begins. The copies belong to the database session and outlive the
     * transaction ({@code ON COMMIT DELETE ROWS}; a transaction that rolls back leaves nothing in them either): a
     * pooled connection makes them as it opens ({@link #connectionSetup}), not for every view, since making some
     * thirty relations was the larger part of a view as of an instant. A connection opened before the read tables
     * existed makes them here, the first time. Every other search path of this service names {@code pg_temp} last
     * (the connections' own, {@link #searchPath}), so the copies never hide a live table outside such a transaction.
     * They hold one view's replay, a few hundred to a few thousand rows read once, so they have no indexes.
     *
     * @return true when the copies were made in this transaction: it has to commit for the session to keep them
     */
    public boolean shadowWithTemporaryCopies() {
        String last = lastCopy;
        if (last == null) {
            List<String> projections = projections(schema);
            // made in one statement, so the last of them stands for all
            last = "pg_temp." + ident(projections.get(projections.size() - 1));
            lastCopy = last;
        }
        Boolean made = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL FROM set_config('search_path', ?, true)",
                Boolean.class, last, "pg_temp, " + ident(schema));
        if (Boolean.TRUE.equals(made)) {
            return false;
        }
        jdbc.execute(temporaryCopies(schema, false));
        return true;
    }

    /**
     * What each pooled connection runs as it opens: its search path ({@link #searchPath}), then the temporary copies
     * of whatever projection tables {@code schema} holds at that moment (none before the first migration). Making
     * them gives way to anything that holds one of the tables for long (the migrations, which run while the pool
     * fills): it makes none then, and the first view on the connection makes them. The pool renews the connections
     * it opened before the migrations ran, so no copy has an earlier layout than its table.
     */
    public static String connectionSetup(String schema) {
        return "SET search_path TO " + searchPath(schema) + ";\nSET lock_timeout = '200ms';\n"
                + temporaryCopies(schema, true) + ";\nRESET lock_timeout";
    }

    /**
     * One statement that makes the session's temporary copies of {@code schema}'s projection tables, in name order,
     * all or none: with {@code orNoneWhenLocked}, none when a table's lock is not to be had.
     */
    private static String temporaryCopies(String schema, boolean orNoneWhenLocked) {
        StringBuilder notProjections = new StringBuilder();
        for (String table : NOT_PROJECTIONS) {
            notProjections.append(notProjections.isEmpty() ? "" : ", ").append(literal(table));
        }
        String givingWay = orNoneWhenLocked ? """
                EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
                    RAISE NOTICE 'temporary copies not made now: %', SQLERRM;
                """ : "";
        return """
                DO $copies$
                DECLARE
                    copied text;
                BEGIN
                    FOR copied IN SELECT table_name FROM information_schema.tables
                                   WHERE table_schema = %1$s AND table_type = 'BASE TABLE'
                                     AND table_name NOT IN (%2$s) ORDER BY table_name LOOP
                        EXECUTE format('CREATE TEMPORARY TABLE %%I (LIKE %%I.%%I INCLUDING DEFAULTS '
                                       || 'INCLUDING CONSTRAINTS) ON COMMIT DELETE ROWS', copied, %1$s, copied);
                        EXECUTE format('GRANT SELECT ON pg_temp.%%I TO perfledger_reader', copied);
                    END LOOP;
                %3$sEND
                $copies$""".formatted(literal(schema), notProjections, givingWay);
    }

    /**
     * The search path that reads and writes {@code schema}'s tables: a session's temporary tables are searched first
     * unless the path names them, and a pooled connection may hold the copies of {@link #shadowWithTemporaryCopies}.
     */
    public static String searchPath(String schema) {
        return ident(schema) + ", pg_temp";
    }

    private void copyAccess(String from, String to, String table) {
        Boolean rowSecurity = jdbc.queryForObject("SELECT c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON "
                + "n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?", Boolean.class, from, table);
        if (Boolean.TRUE.equals(rowSecurity)) {
            jdbc.execute("ALTER TABLE " + ident(to) + "." + ident(table) + " ENABLE ROW LEVEL SECURITY");
        }
        jdbc.query("""
                SELECT policyname, cmd, array_to_string(roles, ',') AS roles, qual, with_check
                  FROM pg_policies WHERE schemaname = ? AND tablename = ?""", row -> {
            StringBuilder policy = new StringBuilder("CREATE POLICY " + ident(row.getString("policyname")) + " ON "
                    + ident(to) + "." + ident(table) + " FOR " + row.getString("cmd") + " TO "
                    + row.getString("roles"));
            if (row.getString("qual") != null) {
                policy.append(" USING (").append(row.getString("qual")).append(")");
            }
            if (row.getString("with_check") != null) {
                policy.append(" WITH CHECK (").append(row.getString("with_check")).append(")");
            }
            jdbc.execute(policy.toString());
        }, from, table);
        Boolean readable = jdbc.queryForObject("SELECT has_table_privilege('perfledger_reader', ?, 'SELECT')",
                Boolean.class, ident(from) + "." + ident(table));
        if (Boolean.TRUE.equals(readable)) {
            jdbc.execute("GRANT SELECT ON " + ident(to) + "." + ident(table) + " TO perfledger_reader");
        }
    }

    /** A string literal for SQL. */
    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** An identifier quoted for SQL. */
    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
