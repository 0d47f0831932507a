package org.perfledger.command.evaluation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A 自评表 workbook in the exported layout, as a department fills it in, built cell by cell for tests. Rows land where
 * the export puts them: budget values on row 4, the indicator header on row 6, indicators from row 7.
 */
public final class TableWorkbook {

    private Object[] budget = {"年度财政资金总额", 149.60, 0.00, "0.0%", 0.0};
    private final List<Object[]> indicators = new ArrayList<>();
    private final List<Object[]> sums = new ArrayList<>();
    private boolean executionWeight;
    private Object[] total = {"总分", 90.0, "等级", "优秀"};
    private final Map<String, String> texts = new LinkedHashMap<>();

    public TableWorkbook budget(Object budgetAmount, Object executed, Object rate, Object score) {
        budget = new Object[] {"年度财政资金总额", budgetAmount, executed, rate, score};
        return this;
    }

    /** The budget row as the export writes it now: 预算数, 执行数, 执行率, 分值, 得分. */
    public TableWorkbook budget(Object budgetAmount, Object executed, Object rate, Object weight, Object score) {
        budget = new Object[] {"年度财政资金总额", budgetAmount, executed, rate, weight, score};
        executionWeight = true;
        return this;
    }

    /** A 一级指标's 小计 (分值, 得分, "得分率 …%"), under the indicators. */
    public TableWorkbook subtotal(String level1, Object weight, Object score, Object rate) {
        sums.add(new Object[] {"小计", level1, null, null, null, weight, score, rate});
        return this;
    }

    /** The table's 合计 of 分值 and 得分, the execution row's included. */
    public TableWorkbook sum(Object weight, Object score) {
        sums.add(new Object[] {"合计", null, null, null, null, weight, score});
        return this;
    }

    /** 一级, 二级, 三级指标, 年初目标值, 实际完成值, 分值, 得分, 偏差原因. */
    public TableWorkbook indicator(Object... cells) {
        indicators.add(cells);
        return this;
    }

    public TableWorkbook total(Object score, String grade) {
        total = new Object[] {"总分", score, "等级", grade};
        return this;
    }

    public TableWorkbook text(String label, String value) {
        texts.put(label, value);
        return this;
    }

    public TableWorkbook withTexts() {
        return text("偏差大或目标未完成原因分析", "快检超计划，合格率略低").text("改进措施", "创新监管方式，提升监管效能")
                .text("结果应用方案", "作为预算编制的重要依据").text("公开计划", "随部门预决算公开");
    }

    public byte[] bytes() {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("自评表");
            int r = 0;
            row(sheet, r++, "2018 年度食品药品安全专项自评表");
            row(sheet, r++, "项目名称", "食品药品安全专项");
            if (executionWeight) {
                row(sheet, r++, "预算执行情况（万元）（20分）", "预算数(A)", "执行数(B)", "执行率(B/A)", "分值", "得分");
            } else {
                row(sheet, r++, "预算执行情况（万元）（20分）", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分");
            }
            row(sheet, r++, budget);
            row(sheet, r++, "年度目标1：保障辖区食品药品安全");
            row(sheet, r++, "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分", "偏差原因");
            for (Object[] indicator : indicators) {
                row(sheet, r++, indicator);
            }
            for (Object[] sum : sums) {
                row(sheet, r++, sum);
            }
            row(sheet, r++, total);
            for (Map.Entry<String, String> text : texts.entrySet()) {
                row(sheet, r++, text.getKey(), text.getValue());
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int r, Object... cells) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
            } else if (cells[c] != null) {
                row.createCell(c).setCellValue(cells[c].toString());
            }
        }
    }
}
