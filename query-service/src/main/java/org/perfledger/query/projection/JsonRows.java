package org.perfledger.query.projection;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

/**
 * Rows as a JSON array of objects keyed by column name, for PostgreSQL's {@code json_populate_recordset}: a whole
 * batch of rows goes in one statement and one parameter, and the database reads each value by its column's type.
 * Values are written as {@link CopyText} writes them for COPY, so both ways into a table hold the same.
 */
final class JsonRows {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonRows() {
    }

    /** One row as a JSON object. */
    static String row(ReadModelTable table, Object[] row) {
        return row(table.columns(), row);
    }

    static String row(List<String> columns, Object[] row) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            for (int i = 0; i < columns.size(); i++) {
                json.writeFieldName(columns.get(i));
                value(json, row[i]);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A text as a JSON string. */
    static String quote(String text) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Values (JSON texts) as one array. */
    static String array(Collection<String> rows) {
        StringBuilder array = new StringBuilder(rows.stream().mapToInt(String::length).sum() + rows.size() + 2);
        array.append('[');
        for (String row : rows) {
            if (array.length() > 1) {
                array.append(',');
            }
            array.append(row);
        }
        return array.append(']').toString();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Json raw) {
            json.writeRawValue(raw.text());
        } else if (value instanceof BigDecimal decimal) {
            json.writeNumber(decimal.toPlainString());
        } else if (value instanceof Integer || value instanceof Long) {
            json.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeString(value.toString()); // text, dates and instants in ISO form
        }
    }
}
