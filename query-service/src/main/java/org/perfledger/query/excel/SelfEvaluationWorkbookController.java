package org.perfledger.query.excel;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.kernel.validation.Labelled;
import org.perfledger.query.plan.PlanKeys;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.scoring.Scorecards;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's self-evaluation table (自评表) as the .xlsx districts exchange, in the layout of the seeds' 项目自评表 and
 * 部门整体绩效自评表: the head (名称, 主管部门, 实施单位, 类别 / 属性 / 类型 ticked), 预算执行情况 with 执行率 and its score,
 * the annual goals, the indicator table (一级 / 二级 / 三级, 年初目标值, 实际完成值, 分值, 得分), 总分 and 等级, and the
 * deviation analysis and improvement measures. Scores are PerfLedger's recomputation under the scheme in force.
 * Amounts are written as numbers with two decimals, the form Excel keeps them in.
 */
@RestController
class SelfEvaluationWorkbookController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String YEAR = "/api/v1/districts/{district}/departments/{department}/years/{year}";
    private static final int COLUMNS = 8;

    private final JdbcTemplate jdbc;
    private final TenantReads reads;
    private final ReadAccess access;
    private final Scorecards scorecards;

    SelfEvaluationWorkbookController(JdbcTemplate jdbc, TenantReads reads, ReadAccess access, Scorecards scorecards) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.access = access;
        this.scorecards = scorecards;
    }

    @GetMapping({YEAR + "/department/self-evaluation.xlsx", YEAR + "/projects/{project}/self-evaluation.xlsx"})
    ResponseEntity<byte[]> workbook(@PathVariable("district") String district,
                                    @PathVariable("department") String department, @PathVariable("year") String year,
                                    @PathVariable(value = "project", required = false) String project) {
        access.requireDepartment(district, department);
        PlanId plan = PlanKeys.fromPath(district, department, year, project);
        PlanId id = plan;
        byte[] bytes = reads.inDistrict(district, () -> write(id));
        String file = plan.year() + "-" + department + "-" + (project == null ? "部门整体" : project) + "-自评表.xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private byte[] write(PlanId plan) {
        Object[] key = PlanKeys.of(plan);
        List<Map<String, Object>> plans = jdbc.queryForList("SELECT * FROM plan WHERE " + PlanKeys.WHERE, key);
        if (plans.isEmpty()) {
            throw new NotFoundException("plan", "plan.not-found", "no " + plan.year() + " plan " + plan + " is known");
        }
        Map<String, Object> row = plans.get(0);
        String departmentName = jdbc.queryForList("SELECT name FROM department WHERE district = ? AND department_id = ?",
                String.class, key[0], key[1]).stream().findFirst().orElse(plan.department().code().value());
        ScorecardView card;
        try {
            card = scorecards.compute(plan, null);
        } catch (NotFoundException e) {
            card = null;
        }
        List<Map<String, Object>> goals = jdbc.queryForList("SELECT number, text FROM goal WHERE " + PlanKeys.WHERE
                + " ORDER BY number", key);
        List<Map<String, Object>> indicators = jdbc.queryForList("SELECT * FROM indicator WHERE " + PlanKeys.WHERE
                + " ORDER BY goal, position", key);
        List<Map<String, Object>> evaluations = jdbc.queryForList("SELECT * FROM self_evaluation WHERE "
                + PlanKeys.WHERE + " ORDER BY round DESC LIMIT 1", key);

        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet("自评表");
            int r = 0;
            boolean project = !plan.departmentWide();
            String name = (String) row.get("name");
            String title = plan.year() + " 年度" + (project ? name + (name.endsWith("项目") ? "" : "项目") + "自评表"
                    : departmentName + "部门整体绩效自评表");
            merged(sheet, r, title, styles.title);
            sheet.getRow(r++).setHeightInPoints(24);
            if (project) {
                r = pair(sheet, r, "项目名称", (String) row.get("name"), styles);
                r = pair(sheet, r, "主管部门", departmentName, styles);
                r = pair(sheet, r, "项目实施单位", String.join("、", units((String) row.get("implementing_units"))), styles);
                r = pair(sheet, r, "项目类别", ticks(ProjectCategory.values(), (String) row.get("category")), styles);
                r = pair(sheet, r, "项目属性", ticks(ProjectAttribute.values(), (String) row.get("attribute")), styles);
                r = pair(sheet, r, "项目类型", ticks(ProjectType.values(), (String) row.get("project_type")), styles);
            } else {
                r = pair(sheet, r, "单位名称", departmentName, styles);
            }
            Scorecard.ExecutionScore execution = card == null ? null : card.scorecard().execution();
            String executionHeader = "预算执行情况（万元）" + (execution == null ? ""
                    : "（" + execution.weight().stripTrailingZeros().toPlainString() + "分）");
            Row header = sheet.createRow(r++);
            text(header, 0, executionHeader, styles.header);
            fitHeight(header, executionHeader, WIDTHS[0]);
            text(header, 1, "预算数(A)", styles.header);
            text(header, 2, "执行数(B)", styles.header);
            // 执行率 is B/A where the scheme divides by the budget shown; otherwise the row says what it divides by, so
            // the figures printed side by side agree with each other
            boolean onShown = execution == null || execution.budget() == null
                    || execution.budget().compareTo((BigDecimal) row.get("adjusted_budget")) == 0;
            text(header, 3, onShown ? "执行率(B/A)" : "执行率（按" + execution.base() + "）", styles.header);
            text(header, 4, "得分", styles.header);
            Row budget = sheet.createRow(r++);
            text(budget, 0, project ? "年度财政资金总额" : "部门整体支出总额", styles.cell);
            number(budget, 1, (BigDecimal) row.get("adjusted_budget"), styles.money);
            number(budget, 2, (BigDecimal) row.get("executed"), styles.money);
            if (execution != null && execution.rateShown() != null) {
                text(budget, 3, execution.rateShown().toPlainString() + "%", styles.cell);
            } else {
                text(budget, 3, execution == null ? "" : "—", styles.cell);
            }
            if (execution != null) {
                number(budget, 4, execution.score(), styles.money);
            }
            if (!onShown) {
                merged(sheet, r++, "注：执行率按" + execution.base() + " " + execution.budget().setScale(2)
                        .toPlainString() + " 万元计算：" + execution.executed().setScale(2).toPlainString() + " ÷ "
                        + execution.budget().setScale(2).toPlainString() + " = " + execution.rateShown()
                        .toPlainString() + "%", styles.wrap);
            }
            for (Map<String, Object> goal : goals) {
                String text = "年度目标" + goal.get("number") + "：" + goal.get("text");
                merged(sheet, r, text, styles.wrap);
                fitHeight(sheet.getRow(r++), text, WIDTH_ALL);
            }
            int headerRow = r;
            Row indicatorHeader = sheet.createRow(r++);
            String[] columns = {"一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分", "偏差原因"};
            for (int c = 0; c < columns.length; c++) {
                text(indicatorHeader, c, columns[c], styles.header);
            }
            Map<String, String> reasons = reasons(evaluations);
            for (Map<String, Object> indicator : indicators) {
                Row line = sheet.createRow(r++);
                String code = (String) indicator.get("code");
                text(line, 0, IndicatorLevel1.valueOf((String) indicator.get("level1")).label(), styles.cell);
                text(line, 1, IndicatorLevel2.valueOf((String) indicator.get("level2")).label(), styles.cell);
                text(line, 2, (String) indicator.get("name"), styles.wrap);
                text(line, 3, (String) indicator.get("target_text"), styles.cell);
                text(line, 4, indicator.get("latest_actual_text") == null ? ""
                        : (String) indicator.get("latest_actual_text"), styles.cell);
                number(line, 5, (BigDecimal) indicator.get("weight"), styles.money);
                if (card != null) {
                    card.scorecard().indicators().stream().filter(s -> s.code().equals(code)).findFirst()
                            .ifPresent(scored -> number(line, 6, scored.score(), styles.money));
                }
                text(line, 7, reasons.getOrDefault(code, ""), styles.wrap);
                fitHeight(line, (String) indicator.get("name"), WIDTHS[2]);
                fitHeight(line, reasons.getOrDefault(code, ""), WIDTHS[7]);
            }
            Row total = sheet.createRow(r++);
            text(total, 0, "总分", styles.header);
            if (card != null) {
                number(total, 1, card.scorecard().total(), styles.money);
                text(total, 2, "等级", styles.header);
                text(total, 3, card.scorecard().grade().label(), styles.cell);
                text(total, 4, "final".equals(card.status()) ? "（自评已报送，按第" + card.schemeVersion()
                        + "版评分办法复核）" : "（年度执行中，暂算）", styles.cell);
            }
            Map<String, Object> evaluation = evaluations.isEmpty() ? Map.of() : evaluations.get(0);
            // The seeds print 改进措施及结果应用方案 as one row; PerfLedger keeps the three texts apart, as the
            // self-evaluation does, so that a filled-in table re-imports into the same fields.
            r = pair(sheet, r, "偏差大或目标未完成原因分析", (String) evaluation.get("deviation_analysis"), styles);
            r = pair(sheet, r, "改进措施", (String) evaluation.get("improvement_measures"), styles);
            r = pair(sheet, r, "结果应用方案", (String) evaluation.get("results_use"), styles);
            pair(sheet, r, "公开计划", (String) evaluation.get("publication_plan"), styles);
            for (int c = 0; c < COLUMNS; c++) {
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            printSetup(workbook, sheet, headerRow);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> reasons(List<Map<String, Object>> evaluations) {
        Map<String, String> reasons = new HashMap<>();
        if (!evaluations.isEmpty() && evaluations.get(0).get("indicators") != null) {
            try {
                for (JsonNode node : EventEnvelopeCodec.mapper()
                        .readTree(evaluations.get(0).get("indicators").toString())) {
                    if (node.hasNonNull("deviationReason")) {
                        reasons.put(node.get("indicator").asText(), node.get("deviationReason").asText());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reasons;
    }

    private static List<String> units(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return List.of(EventEnvelopeCodec.mapper().readValue(json, String[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "1. 部门预算项目 ☑ 2. 财政专项资金 ☐", as the tables tick their options. */
    private static <E extends Enum<E> & Labelled> String ticks(E[] options, String chosen) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < options.length; i++) {
            text.append(i + 1).append(". ").append(options[i].label()).append(' ')
                    .append(options[i].name().equals(chosen) ? "☑" : "☐").append(i < options.length - 1 ? "  " : "");
        }
        return text.toString();
    }

    private static int pair(Sheet sheet, int r, String label, String value, Styles styles) {
        Row row = sheet.createRow(r);
        text(row, 0, label, styles.header);
        text(row, 1, value == null ? "" : value, styles.wrap);
        for (int c = 2; c < COLUMNS; c++) {
            text(row, c, "", styles.wrap); // the merged cell's border runs its whole width
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 1, COLUMNS - 1));
        fitHeight(row, value, WIDTH_ALL - WIDTHS[0]);
        fitHeight(row, label, WIDTHS[0]);
        return r + 1;
    }

    /** Column widths in characters: the eight columns of the seeds' tables, 153 in all (A4 landscape at ~75%). */
    private static final int[] WIDTHS = {20, 14, 30, 16, 16, 10, 10, 37};
    private static final int WIDTH_ALL = java.util.Arrays.stream(WIDTHS).sum();

    /**
     * A row tall enough for its wrapped text: neither Excel nor LibreOffice grows a row for text in merged cells, so
     * the height is set from the text's length (a Chinese character is two columns wide) and any line breaks in it.
     */
    private static void fitHeight(Row row, String text, int width) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int lines = 0;
        for (String part : text.split("\n", -1)) {
            int columns = part.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
            lines += Math.max(1, (columns + width - 3) / Math.max(1, width - 2));
        }
        float height = Math.max(row.getHeightInPoints(), lines * 15f + 3f);
        row.setHeightInPoints(height);
    }

    /**
     * Ready to print and stamp: A4 landscape, one page wide (as many tall as it takes), narrow margins, centred, the
     * indicator table's header repeated on every page, gridlines off (the table has its own borders).
     */
    private static void printSetup(Workbook workbook, Sheet sheet, int headerRow) {
        org.apache.poi.ss.usermodel.PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
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
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, COLUMNS - 1));
        workbook.setPrintArea(workbook.getSheetIndex(sheet), 0, COLUMNS - 1, 0, sheet.getLastRowNum());
    }

    private static void merged(Sheet sheet, int r, String value, CellStyle style) {
        Row row = sheet.createRow(r);
        text(row, 0, value, style);
        for (int c = 1; c < COLUMNS; c++) {
            text(row, c, "", style);
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS - 1));
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    /** Excel keeps numbers as binary doubles; amounts of two decimals survive the trip, shown with "0.00". */
    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value.doubleValue());
        cell.setCellStyle(style);
    }

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle wrap;
        final CellStyle money;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            title.setAlignment(HorizontalAlignment.CENTER);
            header = bordered(workbook);
            header.setFont(bold);
            header.setWrapText(true);
            cell = bordered(workbook);
            wrap = bordered(workbook);
            wrap.setWrapText(true);
            money = bordered(workbook);
            money.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
        }

        private static CellStyle bordered(Workbook workbook) {
            CellStyle style = workbook.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}
