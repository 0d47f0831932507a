package org.perfledger.query.projection;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Rows written into an empty table with PostgreSQL's COPY: a table's rows from memory at once, or an append-only
 * table's rows spooled to a file as they come and copied in at the end, so memory holds the state, not its history.
 */
final class CopyIn {

    private CopyIn() {
    }

    static void table(Connection connection, String schema, ReadModelTable table, List<Object[]> rows)
            throws SQLException, IOException {
        StringWriter buffer = new StringWriter();
        CopyText text = new CopyText(buffer);
        rows.forEach(text::row);
        copyIn(connection, schema, table, new StringReader(buffer.toString()));
    }

    private static void copyIn(Connection connection, String schema, ReadModelTable table, Reader rows)
            throws SQLException, IOException {
        // without a schema, the table the connection's search path finds (the live one, or a rebuild's)
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + (schema == null ? ""
                : quoted(schema) + ".") + quoted(table.table()) + " (" + table.columnList() + ") FROM STDIN", rows);
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
