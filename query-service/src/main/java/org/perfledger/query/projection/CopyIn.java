package org.perfledger.query.projection;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows written into an empty table with PostgreSQL's COPY: a table's rows from memory at once, or an append-only
 * table's rows spooled to a file as they come and copied in at the end, so memory holds the state, not its history.
 */
final class CopyIn {

    private static final int BUFFER = 1 << 16;

    private CopyIn() {
    }

    /** The rows streamed to the server as they are written out: no copy of the whole table's text in memory. */
    static void table(Connection connection, String schema, ReadModelTable table, List<Object[]> rows)
            throws SQLException, IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(
                connection.unwrap(PGConnection.class), copy(schema, table), BUFFER), StandardCharsets.UTF_8), BUFFER)) {
            CopyText text = new CopyText(out);
            rows.forEach(text::row);
        }
    }

    private static void copyIn(Connection connection, String schema, ReadModelTable table, Reader rows)
            throws SQLException, IOException {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy(schema, table), rows);
    }

    /** Without a schema, the table the connection's search path finds (the live one, or a rebuild's). */
    private static String copy(String schema, ReadModelTable table) {
        return "COPY " + (schema == null ? "" : quoted(schema) + ".") + quoted(table.table()) + " ("
                + table.columnList() + ") FROM STDIN";
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** An append-only table's rows, spooled to a file as they come and copied in at the end. */
    static final class Spool {
        private final ReadModelTable table;
        private final Path file;
        private final Writer writer;
        private final CopyText rows;

        Spool(ReadModelTable table) {
            this.table = table;
            try {
                this.file = Files.createTempFile("perfledger-rebuild-" + table.table(), ".copy");
                // an OutputStreamWriter replaces what UTF-8 cannot encode instead of failing (UnicodeText's rule)
                this.writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                        StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.rows = new CopyText(writer);
        }

        void row(Object[] values) {
            rows.row(values);
        }

        void copyInto(Connection connection, String schema) throws SQLException, IOException {
            writer.close();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                copyIn(connection, schema, table, in);
            }
        }

        void delete() {
            try {
                writer.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
