package org.perfledger.query.projection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.perfledger.kernel.money.WanYuan;

/**
 * Rows in PostgreSQL's COPY text format: tab between columns, {@code \N} for NULL, backslash escapes, one row a
 * line. Values are written as the live projections bind them, so a table loaded this way holds what they would write.
 */
final class CopyText {

    private final Writer out;
    private boolean first = true;

    CopyText(Writer out) {
        this.out = out;
    }

    /** One row: each value in column order; an {@code Object[]} among them stands for its values in order. */
    void row(Object... values) {
        try {
            columns(values);
            out.write('\n');
            first = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void columns(Object[] values) throws IOException {
        for (Object value : values) {
            if (value instanceof Object[] group) {
                columns(group);
                continue;
            }
            if (!first) {
                out.write('\t');
            }
            first = false;
            write(value);
        }
    }

    private void write(Object value) throws IOException {
        if (value == null) {
            out.write("\\N");
            return;
        }
        String text;
        if (value instanceof BigDecimal decimal) {
            text = decimal.toPlainString();
        } else if (value instanceof WanYuan money) {
            text = money.amount().toPlainString();
        } else if (value instanceof Boolean bool) {
            text = bool ? "t" : "f";
        } else if (value instanceof Instant || value instanceof LocalDate || value instanceof Number) {
            text = value.toString();
        } else if (value instanceof Json json) {
            text = json.text();
        } else {
            text = value.toString();
        }
        if (plain(text)) {
            out.write(text);
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\t' -> out.write("\\t");
                default -> out.write(c);
            }
        }
    }

    /** Whether the text needs no escape: most values, written at once rather than a character at a time. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r' || c == '\t') {
                return false;
            }
        }
        return true;
    }
}
