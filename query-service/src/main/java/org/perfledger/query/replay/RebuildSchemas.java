package org.perfledger.query.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schemas a rebuild works in: the target it fills beside the live one, the swap that makes the target live, and
 * the retired schema the live one becomes, dropped once its readers are done.
 */
final class RebuildSchemas {

    private static final Logger log = LoggerFactory.getLogger(RebuildSchemas.class);

    private final JdbcTemplate jdbc;
    private final ReadModelTables tables;

    RebuildSchemas(JdbcTemplate jdbc, ReadModelTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** The schema a rebuild of {@code live} fills. */
    static String target(String live) {
        return live + "_rebuild";
    }

    private static String retired(String live) {
        return live + "_retired";
    }

    /** An empty target with the live tables' structure, and no leftover of an earlier rebuild. Call in a transaction. */
    void prepare(String live) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + ReadModelTables.ident(target(live)) + " CASCADE");
        jdbc.execute("DROP SCHEMA IF EXISTS " + ReadModelTables.ident(retired(live)) + " CASCADE");
        jdbc.execute("CREATE SCHEMA " + ReadModelTables.ident(target(live)));
        tables.copyStructure(target(live));
    }

    /**
     * Statistics for the target's tables, just filled by COPY: without them the first reads after the swap are planned
     * for empty tables (nested loops over whole tables) until autovacuum comes by.
     */
    void analyze(String live) {
        String target = target(live);
        for (String table : tables.projections(target)) {
            jdbc.execute("ANALYZE " + ReadModelTables.ident(target) + "." + ReadModelTables.ident(table));
        }
    }

    /**
     * The rebuilt schema becomes the live one; the tables that are not projections move over as they are. Call in the
     * transaction that holds the consumers' swap lock.
     */
    void swap(String live) {
        String retired = retired(live);
        jdbc.execute("ALTER SCHEMA " + ReadModelTables.ident(live) + " RENAME TO " + ReadModelTables.ident(retired));
        jdbc.execute("ALTER SCHEMA " + ReadModelTables.ident(target(live)) + " RENAME TO "
                + ReadModelTables.ident(live));
        for (String table : ReadModelTables.NOT_PROJECTIONS) {
            Boolean exists = jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                    ReadModelTables.ident(retired) + "." + ReadModelTables.ident(table));
            if (Boolean.TRUE.equals(exists)) {
                jdbc.execute("ALTER TABLE " + ReadModelTables.ident(retired) + "." + ReadModelTables.ident(table)
                        + " SET SCHEMA " + ReadModelTables.ident(live));
            }
        }
    }

    /** The target, when it is not swapped in (a rebuild that only compares, or one that failed). */
    void dropTarget(String live) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + ReadModelTables.ident(target(live)) + " CASCADE");
    }

    /**
     * The old tables go once the readers still on them are done; new reads already see the rebuilt ones. A reader in
     * the way (PostgreSQL may end the drop as a deadlock with one) only delays the drop: it is tried again, and what is
     * still there is dropped by the next rebuild. The swap is done either way, so the rebuild does not fail on it.
     */
    void dropRetired(String live) {
        String schema = retired(live);
        for (int attempt = 1; attempt <= 5; attempt++) {
            try {
                jdbc.execute("DROP SCHEMA IF EXISTS " + ReadModelTables.ident(schema) + " CASCADE");
                return;
            } catch (DataAccessException e) {
                log.info("Retired read models {} still in use (try {} of 5): {}", schema, attempt,
                        e.getMostSpecificCause().getMessage());
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        log.warn("Retired read models {} are left for the next rebuild to drop", schema);
    }
}
