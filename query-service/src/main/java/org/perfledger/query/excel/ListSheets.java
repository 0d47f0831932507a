package org.perfledger.query.excel;

import java.util.List;
import java.util.function.BiConsumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Sheets that list things a row each under a title and a header, printed on A4 landscape with the header repeated
 * and frozen; "无" where there is nothing to list. The cell styles are made once per workbook.
 */
final class ListSheets {

    /** The title, the header, wrapped text and money (#,##0.00) of one workbook. */
    record Styles(CellStyle title, CellStyle header, CellStyle text, CellStyle money) {

        Styles(Workbook workbook) {
            this(Printing.title(workbook), Printing.header(workbook), wrapped(workbook),
                    Printing.money(workbook, "#,##0.00"));
        }

        private static CellStyle wrapped(Workbook workbook) {
            CellStyle style = Printing.bordered(workbook);
            style.setWrapText(true);
            return style;
        }
    }

    private ListSheets() {
    }

    /** A sheet named {@code name}: {@code title}, then {@code columns} of {@code widths} characters, a row an item. */
    static <T> void table(Workbook workbook, Styles styles, String name, String title, String[] columns,
                          int[] widths, List<T> rows, BiConsumer<T, Row> line) {
        Sheet sheet = workbook.createSheet(name);
        Printing.merged(sheet, 0, columns.length, title, styles.title());
        Row header = sheet.createRow(1);
        for (int c = 0; c < columns.length; c++) {
            Printing.text(header, c, columns[c], styles.header());
            sheet.setColumnWidth(c, widths[c] * 256);
        }
        int r = 2;
        for (T item : rows) {
            line.accept(item, sheet.createRow(r++));
        }
        if (rows.isEmpty()) {
            Printing.merged(sheet, r, columns.length, "无", styles.text());
        }
        Printing.a4Landscape(workbook, sheet, 1, columns.length);
        sheet.createFreezePane(0, 2);
    }

    /** A name, or its code where it has none. */
    static String name(String name, String code) {
        return name == null ? code : name;
    }
}
