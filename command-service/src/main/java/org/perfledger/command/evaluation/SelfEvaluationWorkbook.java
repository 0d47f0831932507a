package org.perfledger.command.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.perfledger.command.evaluation.SelfEvaluationTable.IndicatorRow;
import org.perfledger.command.evaluation.SelfEvaluationTable.SumRow;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.InvalidRequestException;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Labelled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a filled-in 自评表 workbook (.xlsx, or the older .xls) in the layout the query service exports and the seeds
 * use: the sheet named 自评表 (or the first sheet); the budget row under the header whose cells read 预算数 / 执行数 /
 * 执行率 / 得分; the indicator table from the row starting 一级指标 to the row starting 总分, its columns found by
 * their headers (三级指标, 年初目标值 or 年度指标值, 实际完成值, 分值, 得分, 偏差原因); and the rows labelled
 * 偏差大或目标未完成原因分析, 改进措施, 结果应用方案 (or the seeds' combined 改进措施及结果应用方案) and 公开计划.
 *
 * <p>It checks the form of every cell and collects each bad one with its address; whether the table agrees with the
 * plan is the plan's business ({@link SelfEvaluationImport}). Only a file that is not a workbook at all is refused
 * here.
 */
public final class SelfEvaluationWorkbook {

    /** At most this many rows are read; a self-evaluation table has a few dozen. */
    static final int MAX_ROWS = 2_000;

    private final WorkbookCells cells = new WorkbookCells();
    private final RequestFields fields = new RequestFields();
    private static final Logger log = LoggerFactory.getLogger(SelfEvaluationWorkbook.class);

    static {
        // POI's own guard, beside WorkbookGuard's scan (and beside its default bomb check on the inflate ratio)
        ZipSecureFile.setMaxEntrySize(WorkbookGuard.MAX_PART_BYTES);
    }

    private SelfEvaluationWorkbook() {
    }

    /**
     * @throws org.perfledger.command.platform.DomainRejection (422) when the bytes are not a readable workbook, or one
     *         past the limits of {@link WorkbookGuard}
     */
    public static SelfEvaluationTable read(byte[] bytes) {
        try (WorkbookGuard.Permit permit = WorkbookGuard.check(bytes)) {
            Workbook workbook;
            try {
                workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
            } catch (IOException | RuntimeException e) {
                // POI's "not an Office file", "empty file", "encrypted", and its own bomb and XML guards
                throw WorkbookGuard.refused("workbook.unreadable", "file: not a readable Excel workbook (.xlsx or "
                        + ".xls) without a password");
            }
            try (workbook) {
                return new SelfEvaluationWorkbook().read(workbook);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InvalidRequestException | DomainRejection e) {
                throw e;
            } catch (RuntimeException e) {
                log.warn("A workbook could not be read: {}", e.toString());
                throw WorkbookGuard.refused("workbook.unreadable", "file: the workbook could not be read; save it "
                        + "again from Excel as .xlsx");
            }
        }
    }

    private SelfEvaluationTable read(Workbook workbook) {
        Sheet sheet = workbook.getSheet("自评表") != null ? workbook.getSheet("自评表") : workbook.getSheetAt(0);
        int last = Math.min(sheet.getLastRowNum(), MAX_ROWS);

        SelfEvaluationTable.Cell<WanYuan> budget = null;
        SelfEvaluationTable.Cell<WanYuan> executed = null;
        SelfEvaluationTable.Cell<BigDecimal> rate = null;
        SelfEvaluationTable.Cell<Points> executionScore = null;
        SelfEvaluationTable.Cell<Points> executionWeight = null;
        List<SumRow> sums = new ArrayList<>();
        SelfEvaluationTable.Cell<TotalScore> total = null;
        SelfEvaluationTable.Cell<Grade> grade = null;
        Map<String, SelfEvaluationTable.Cell<String>> texts = new HashMap<>();
        List<IndicatorRow> indicators = new ArrayList<>();
        Map<String, Integer> columns = null;
        String tableRow = null;

        for (int r = sheet.getFirstRowNum(); r <= last && r >= 0; r++) {
            Row row = sheet.getRow(r);
            if (row == null) {
                continue;
            }
            String label = normalised(cells.text(row, 0));
            if (label.equals("一级指标")) {
                columns = headers(row);
                tableRow = address(r, 0);
                continue;
            }
            if (columns != null) {
                if (label.equals("总分")) {
                    total = cell(row, 1, "总分", TotalScore::parse);
                    int gradeLabel = find(row, "等级");
                    grade = gradeLabel < 0 ? new SelfEvaluationTable.Cell<>(address(r, 3), null)
                            : cell(row, gradeLabel + 1, "等级", text -> Labelled.parse(Grade.class, text,
                            "value.unknown", "等级"));
                    columns = null;
                } else if (label.startsWith("小计")) {
                    sums.add(sum(row, columns, normalised(cells.text(row, 1))));
                } else if (label.equals("合计")) {
                    sums.add(sum(row, columns, null));
                } else if (!cells.blank(row)) {
                    indicators.add(indicator(row, columns));
                }
                continue;
            }
            int budgetHeader = find(row, "预算数");
            if (budgetHeader > 0 && sheet.getRow(r + 1) != null) {
                Map<String, Integer> heads = headers(row);
                Row values = sheet.getRow(r + 1);
                budget = cell(values, budgetHeader, "预算数", WanYuan::parseNonNegative);
                executed = cell(values, heads.getOrDefault("执行数", budgetHeader + 1), "执行数",
                        WanYuan::parseNonNegative);
                rate = cell(values, heads.getOrDefault("执行率", budgetHeader + 2), "执行率",
                        SelfEvaluationWorkbook::rate);
                executionScore = cell(values, heads.getOrDefault("得分", budgetHeader + 3), "得分", Points::parse);
                if (heads.containsKey("分值")) {
                    executionWeight = cell(values, heads.get("分值"), "分值", Points::parse);
                }
                r++;
                continue;
            }
            switch (label) {
                case "偏差大或目标未完成原因分析", "偏差原因分析" -> texts.put("analysis", textCell(row));
                case "改进措施" -> texts.put("measures", textCell(row));
                case "结果应用方案", "结果应用" -> texts.put("use", textCell(row));
                case "改进措施及结果应用方案" -> {
                    texts.put("measures", textCell(row));
                    texts.putIfAbsent("use", textCell(row));
                }
                case "公开计划", "公开方式" -> texts.put("publication", textCell(row));
                default -> {
                    // a head row (项目名称, 主管部门, …) or a goal: what the plan already holds
                }
            }
        }
        if (tableRow == null) {
            fields.reject("A1", "workbook.no-indicator-table", "A1: sheet " + sheet.getSheetName() + " has no "
                    + "indicator table: no row starts with 一级指标");
        }
        if (budget == null) {
            fields.reject("A1", "workbook.no-budget-row", "A1: sheet " + sheet.getSheetName() + " has no budget "
                    + "row: no header reads 预算数 / 执行数 / 执行率 / 得分");
        }
        TableSums.check(indicators, sums, executionWeight, executionScore, fields);
        return new SelfEvaluationTable(sheet.getSheetName(), orAbsent(budget), orAbsent(executed), orAbsent(rate),
                orAbsent(executionWeight), orAbsent(executionScore), tableRow == null ? "A1" : tableRow, indicators,
                sums,
                total == null ? new SelfEvaluationTable.Cell<>(tableRow == null ? "A1" : tableRow, null) : total,
                orAbsent(grade), orAbsent(texts.get("analysis")), orAbsent(texts.get("measures")),
                orAbsent(texts.get("use")), orAbsent(texts.get("publication")), fields.errors());
    }

    /** A 小计 (of the 一级指标 in its second cell) or the 合计: 分值, 得分 and, after them, "得分率 97.50%". */
    private SumRow sum(Row row, Map<String, Integer> columns, String level1) {
        int weight = columns.getOrDefault("分值", 5);
        int score = columns.getOrDefault("得分", weight + 1);
        return new SumRow(level1, cell(row, weight, "分值", Points::parse), cell(row, score, "得分", Points::parse),
                cell(row, score + 1, "得分率", text -> rate(text.startsWith("得分率") ? text.substring(3).strip() : text)));
    }

    private IndicatorRow indicator(Row row, Map<String, Integer> columns) {
        return new IndicatorRow(row.getRowNum() + 1,
                cell(row, 0, "一级指标", Function.identity()),
                cell(row, 1, "二级指标", Function.identity()),
                cell(row, columns.getOrDefault("三级指标", 2), "三级指标", Function.identity()),
                cell(row, columns.getOrDefault("年初目标值", 3), "年初目标值", Function.identity()),
                cell(row, columns.getOrDefault("实际完成值", 4), "实际完成值", Target::parse),
                cell(row, columns.getOrDefault("分值", 5), "分值", Points::parse),
                cell(row, columns.getOrDefault("得分", 6), "得分", Points::parse),
                cell(row, columns.getOrDefault("偏差原因", 7), "偏差原因", Function.identity()));
    }

    /** Column of each known header in the row; headers are matched by how they begin (年初目标值(A) → 年初目标值). */
    private Map<String, Integer> headers(Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            String header = normalised(cells.text(row, c));
            for (String known : List.of("三级指标", "年初目标值", "年度指标值", "实际完成值", "分值", "得分", "偏差原因",
                    "执行数", "执行率")) {
                if (header.startsWith(known)) {
                    columns.putIfAbsent(known.equals("年度指标值") ? "年初目标值" : known, c);
                }
            }
        }
        return columns;
    }

    private int find(Row row, String prefix) {
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            if (normalised(cells.text(row, c)).startsWith(prefix)) {
                return c;
            }
        }
        return -1;
    }

    private SelfEvaluationTable.Cell<String> textCell(Row row) {
        return cell(row, 1, normalised(cells.text(row, 0)), Function.identity());
    }

    /** The cell's value parsed, or null when empty; a value that breaks its column's rule is recorded. */
    private <T> SelfEvaluationTable.Cell<T> cell(Row row, int column, String what, Function<String, T> parser) {
        String address = address(row.getRowNum(), column);
        String text;
        try {
            text = cells.value(row.getCell(column));
        } catch (InvalidValueException e) {
            fields.reject(address, e.rule(), address + " (" + what + "): " + e.getMessage());
            return new SelfEvaluationTable.Cell<>(address, null);
        }
        if (text.isEmpty()) {
            return new SelfEvaluationTable.Cell<>(address, null);
        }
        try {
            return new SelfEvaluationTable.Cell<>(address, parser.apply(text));
        } catch (InvalidValueException e) {
            fields.reject(address, e.rule(), address + " (" + what + "): " + e.getMessage());
            return new SelfEvaluationTable.Cell<>(address, null);
        }
    }

    /** 执行率 as printed: "98.75%", "98.75" (percent), or "—" / "-" where the table shows none. */
    static BigDecimal rate(String text) {
        String number = text.endsWith("%") || text.endsWith("％") ? text.substring(0, text.length() - 1).strip() : text;
        if (number.equals("—") || number.equals("-") || number.equals("/")) {
            return null;
        }
        if (number.matches("[+-]?\\d{1,6}(\\.\\d{1,4})?")) {
            return new BigDecimal(number.startsWith("+") ? number.substring(1) : number);
        }
        throw new InvalidValueException("rate.format", "a rate is a percentage such as 98.75% or 98.75; got '"
                + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }

    /** Full-width brackets and inner spaces as people type them: （万元） = (万元). */
    private static String normalised(String label) {
        return label.replace('（', '(').replace('）', ')').replace(" ", "").replace("\u3000", "");
    }

    private static String address(int row, int column) {
        return new CellReference(row, column).formatAsString();
    }

    private static <T> SelfEvaluationTable.Cell<T> orAbsent(SelfEvaluationTable.Cell<T> cell) {
        return cell == null ? new SelfEvaluationTable.Cell<>(null, null) : cell;
    }
}
