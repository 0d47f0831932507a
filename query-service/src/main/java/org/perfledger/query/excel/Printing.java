package org.perfledger.query.excel;

import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * What makes PerfLedger's workbooks fit to print and stamp, written once for all of them: bordered cells, a title
 * across the table, rows tall enough for their wrapped text, and A4 landscape one page wide with the header repeated.
 */
final class Printing {

    private Printing() {
    }

    /** A thin border on every side, centred vertically. */
    static CellStyle bordered(Workbook workbook) {
        CellStyle style = workbook.createCellStyle();
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        return style;
    }

    /** A bold 14-point title, centred. */
    static CellStyle title(Workbook workbook) {
        Font big = workbook.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        CellStyle title = workbook.createCellStyle();
        title.setFont(big);
        title.setAlignment(HorizontalAlignment.CENTER);
        title.setVerticalAlignment(VerticalAlignment.CENTER);
        return title;
    }

    /** Bold text in a bordered cell, wrapped. */
    static CellStyle header(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        CellStyle header = bordered(workbook);
        header.setFont(bold);
        header.setWrapText(true);
        return header;
    }

    /** A bordered number cell shown with {@code format} ("0.00", "#,##0.00"). */
    static CellStyle money(Workbook workbook, String format) {
        CellStyle money = bordered(workbook);
        money.setDataFormat(workbook.createDataFormat().getFormat(format));
        return money;
    }

    static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Excel keeps numbers as binary doubles; figures of two decimals survive the trip, shown with their format. */
    static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setCellStyle(style);
        if (value != null) {
            cell.setCellValue(value.doubleValue());
        }
    }

    /** One text across the row's columns, the style on every cell of it (so a border runs its whole width). */
    static void merged(Sheet sheet, int r, int columns, String value, CellStyle style) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < columns; c++) {
            text(row, c, c == 0 ? value : "", style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
    }

    /**
     * A row tall enough for its wrapped text: neither Excel nor LibreOffice grows a row for text in merged cells, so
     * the height is set from the text's length (a Chinese character is two columns wide) and any line breaks in it.
     */
    static void fitHeight(Row row, String text, int width) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int lines = 0;
        for (String part : text.split("\n", -1)) {
            int columns = part.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
            lines += Math.max(1, (columns + width - 3) / Math.max(1, width - 2));
        }
        row.setHeightInPoints(Math.max(row.getHeightInPoints(), lines * 15f + 3f));
    }

    /**
     * Ready to print and stamp: A4 landscape, one page wide (as many tall as it takes), narrow margins, centred, the
     * header row repeated on every page, gridlines off (the table has its own borders).
     */
    static void a4Landscape(Workbook workbook, Sheet sheet, int headerRow, int columns) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.setHorizontallyCenter(true);
        sheet.setPrintGridlines(false);
        sheet.setMargin(Sheet.LeftMargin, 0.4);
        sheet.setMargin(Sheet.RightMargin, 0.4);
        sheet.setMargin(Sheet.TopMargin, 0.5);
        sheet.setMargin(Sheet.BottomMargin, 0.5);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, columns - 1));
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, columns - 1, 0, sheet.getLastRowNum());
    }
}
