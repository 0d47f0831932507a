package org.perfledger.query.projection;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

/**
 * A whole model written into a schema's empty tables with COPY: what a rebuild and a view as of an instant need to go
 * at the speed of the database rather than a statement per row. Appended rows were spooled to files on the way, so
 * memory holds the plans, not their history.
 */
final class ReadModelCopy {

    private ReadModelCopy() {
    }

    static void copy(ReadModel model, Connection connection, String schema) throws SQLException, IOException {
        for (ReadModelTable table : ReadModelTable.values()) {
            if (!table.appendOnly()) {
                CopyIn.table(connection, schema, table, model.rows(table));
            }
        }
        if (!(model.appends() instanceof Spools spools)) {
            throw new IllegalStateException("only a model made by ReadModel.empty(), its appended rows spooled, is "
                    + "copied whole");
        }
        for (CopyIn.Spool spool : spools.spools.values()) {
            spool.copyInto(connection, schema);
        }
    }

    /** Appended rows spooled to a file per table. */
    static final class Spools implements ReadModel.Appends {
        private final Map<ReadModelTable, CopyIn.Spool> spools = new EnumMap<>(ReadModelTable.class);

        @Override
        public void row(ReadModelTable table, Object[] row) {
            spools.computeIfAbsent(table, CopyIn.Spool::new).row(row);
        }

        @Override
        public void close() {
            spools.values().forEach(CopyIn.Spool::delete);
        }
    }
}
