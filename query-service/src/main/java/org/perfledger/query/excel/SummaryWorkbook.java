package org.perfledger.query.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanPhase;

/**
 * The district's summary of a year as finance passes it on (绩效自评汇总表): by department, named, each plan with its
 * budget, spending, 执行率, score, grade and alerts in words, a subtotal per department and a total, bordered and set
 * up to print on A4 landscape, one page wide, with its header repeated. In Chinese, or in English on request.
 */
public final class SummaryWorkbook {

    /** One plan's line. {@code name} null: the department-wide plan. */
    public record Line(String department, String departmentName, String plan, String name, PlanPhase phase,
                       WanYuan adjustedBudget, WanYuan executed, BigDecimal executionRate, BigDecimal score,
                       String grade, List<String> alerts) {
    }

    /** The workbook's words in one language. */
    private record Words(String title, String sheet, String[] columns, String departmentWide, String subtotal,
                         String total, Map<String, String> alerts, Map<PlanPhase, String> phases,
                         Map<String, String> grades) {
    }

    private static final Words CHINESE = new Words("{district} {year} 年度预算绩效自评汇总表", "汇总",
            new String[] {"部门", "项目编码", "项目名称", "阶段", "调整后预算（万元）", "执行数（万元）", "执行率（%）", "得分",
                "等级", "预警"},
            "部门整体", "小计", "合计",
            Map.of("over-budget", "超预算支出", "zero-budget-with-spending", "零预算有支出", "spending-lags", "执行进度滞后",
                    "no-scheme", "未设评分办法", "scoring-flags", "评分存疑", "reported-differs", "自评得分与复核不符",
                    "funds-held", "资金暂缓/停止拨付", "rectification-late", "整改逾期"),
            null, Map.of());

    private static final Map<PlanPhase, String> ENGLISH_PHASES = Map.of(PlanPhase.DRAFTING, "Drafting targets",
            PlanPhase.TARGETS_SUBMITTED, "Targets submitted", PlanPhase.IN_EXECUTION, "In execution",
            PlanPhase.CLOSED, "Year closed", PlanPhase.SELF_EVALUATION_SUBMITTED, "Self-evaluation submitted",
            PlanPhase.SELF_EVALUATION_RETURNED, "Self-evaluation returned",
            PlanPhase.SELF_EVALUATION_ACCEPTED, "Self-evaluation accepted", PlanPhase.PUBLISHED, "Published");

    private static final Words ENGLISH = new Words("{district}: budget performance self-evaluations {year}",
            "Summary", new String[] {"Department", "Project code", "Project", "Phase", "Adjusted budget (10k yuan)",
                "Spent (10k yuan)", "Execution rate (%)", "Score", "Grade", "Alerts"},
            "Department-wide", "Subtotal", "Total",
            Map.of("over-budget", "Over budget", "zero-budget-with-spending", "Spending on a zero budget",
                    "spending-lags", "Spending lags the year", "no-scheme", "No scoring scheme",
                    "scoring-flags", "Scoring questioned", "reported-differs", "Reported score differs",
                    "funds-held", "Funds held back", "rectification-late", "Rectification late"),
            ENGLISH_PHASES, Map.of("优秀", "Excellent", "良好", "Good", "中", "Fair", "差", "Poor"));

    /** The workbooks' media type (.xlsx). */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final int[] WIDTHS = {26, 14, 34, 16, 16, 16, 12, 10, 10, 30};

    private SummaryWorkbook() {
    }

    /** The workbook, in English when {@code english}, else Chinese; lines come ordered by department. */
    public static byte[] write(String district, int year, List<Line> lines, boolean english) {
        Words words = english ? ENGLISH : CHINESE;
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(words.sheet());
            int columns = words.columns().length;
            Row title = sheet.createRow(0);
            title.setHeightInPoints(24);
            for (int c = 0; c < columns; c++) {
                Printing.text(title, c, c == 0 ? words.title().replace("{district}", district)
                        .replace("{year}", String.valueOf(year)) : "", styles.title);
            }
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
            Row header = sheet.createRow(1);
            for (int c = 0; c < columns; c++) {
                Printing.text(header, c, words.columns()[c], styles.header);
            }
            Map<String, List<Line>> byDepartment = new LinkedHashMap<>();
            lines.forEach(line -> byDepartment.computeIfAbsent(line.department(), d -> new java.util.ArrayList<>())
                    .add(line));
            int r = 2;
            BigDecimal[] all = {BigDecimal.ZERO, BigDecimal.ZERO};
            for (List<Line> department : byDepartment.values()) {
                BigDecimal[] sum = {BigDecimal.ZERO, BigDecimal.ZERO};
                for (Line line : department) {
                    Row row = sheet.createRow(r++);
                    Printing.text(row, 0, line.departmentName() == null ? line.department() : line.departmentName(), styles.text);
                    Printing.text(row, 1, line.name() == null ? "" : line.plan(), styles.text);
                    Printing.text(row, 2, line.name() == null ? words.departmentWide() : line.name(), styles.text);
                    Printing.text(row, 3, english ? words.phases().get(line.phase()) : line.phase().label(), styles.text);
                    Printing.number(row, 4, line.adjustedBudget().amount(), styles.money);
                    Printing.number(row, 5, line.executed().amount(), styles.money);
                    Printing.number(row, 6, line.executionRate(), styles.money);
                    Printing.number(row, 7, line.score(), styles.money);
                    Printing.text(row, 8, line.grade() == null ? "" : words.grades().getOrDefault(line.grade(), line.grade()),
                            styles.text);
                    Printing.text(row, 9, String.join(english ? "; " : "、", line.alerts().stream()
                            .map(alert -> words.alerts().getOrDefault(alert, alert)).toList()), styles.text);
                    sum[0] = sum[0].add(line.adjustedBudget().amount());
                    sum[1] = sum[1].add(line.executed().amount());
                }
                Line first = department.get(0);
                r = sumRow(sheet, r, (first.departmentName() == null ? first.department() : first.departmentName())
                        + " " + words.subtotal(), sum, styles, columns);
                all[0] = all[0].add(sum[0]);
                all[1] = all[1].add(sum[1]);
            }
            sumRow(sheet, r, words.total(), all, styles, columns);
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            Printing.a4Landscape(workbook, sheet, 1, columns);
            sheet.createFreezePane(0, 2);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A subtotal or total: the sums, and 执行率 from the sums (not an average of rates). */
    private static int sumRow(Sheet sheet, int r, String label, BigDecimal[] sum, Styles styles, int columns) {
        Row row = sheet.createRow(r);
        for (int c = 0; c < columns; c++) {
            Printing.text(row, c, c == 0 ? label : "", styles.sumText);
        }
        Printing.number(row, 4, sum[0], styles.sumMoney);
        Printing.number(row, 5, sum[1], styles.sumMoney);
        if (sum[0].signum() > 0) {
            Printing.number(row, 6, Percentage.ofRatio(sum[1], sum[0]).rounded(2), styles.sumMoney);
        }
        return r + 1;
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle text;
        final CellStyle money;
        final CellStyle sumText;
        final CellStyle sumMoney;

        Styles(Workbook workbook) {
            title = Printing.title(workbook);
            header = Printing.header(workbook);
            header.setAlignment(HorizontalAlignment.CENTER);
            text = Printing.bordered(workbook);
            text.setWrapText(true);
            money = Printing.money(workbook, "#,##0.00");
            Font bold = workbook.createFont();
            bold.setBold(true);
            sumText = Printing.bordered(workbook);
            sumText.setFont(bold);
            sumMoney = Printing.money(workbook, "#,##0.00");
            sumMoney.setFont(bold);
        }
    }
}
