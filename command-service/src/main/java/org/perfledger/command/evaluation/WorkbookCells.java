package org.perfledger.command.evaluation;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.NumberToTextConverter;
import org.perfledger.kernel.validation.InvalidValueException;

/** A workbook's cells read as the table shows them: never a formula evaluated, never a binary float rounded. */
final class WorkbookCells {

    private final DataFormatter formatter = new DataFormatter();

    /**
     * A cell as text: numbers exactly as Excel holds them (12.345 stays 12.345, so two-decimal rules can see it, where
     * the display format would round it), percentages as printed (98.75%), formulas by their result.
     */
    String value(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            // never evaluated (no function or link of a file runs here): the value Excel saved with the formula
            return switch (cell.getCachedFormulaResultType()) {
                case NUMERIC -> number(cell.getNumericCellValue(), cell);
                case STRING -> lines(cell.getStringCellValue());
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                case ERROR -> throw new InvalidValueException("cell.error", "the formula's saved result is an "
                        + "Excel error");
                default -> throw new InvalidValueException("cell.formula", "the formula has no saved value; enter "
                        + "its value instead");
            };
        }
        return switch (type) {
            case NUMERIC -> number(cell.getNumericCellValue(), cell);
            case STRING -> lines(cell.getStringCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case ERROR -> throw new InvalidValueException("cell.error", "the cell holds an Excel error");
            default -> "";
        };
    }

    /**
     * Text as one line: the platform keeps text free of control characters, so the line breaks people type in a cell
     * (Alt+Enter) become spaces.
     */
    static String lines(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** A number as Excel holds it; a percentage as the table prints it (its format decides the decimals shown). */
    String number(double value, Cell cell) {
        String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
        if (format != null && format.contains("%")) {
            return formatter.formatRawCellContents(value, cell.getCellStyle().getDataFormat(), format).strip();
        }
        return NumberToTextConverter.toText(value);
    }

    String text(Row row, int column) {
        Cell cell = row.getCell(column);
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            try {
                return value(cell);
            } catch (InvalidValueException e) {
                return "";
            }
        }
        return formatter.formatCellValue(cell).strip();
    }

    boolean blank(Row row) {
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            if (!text(row, c).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
