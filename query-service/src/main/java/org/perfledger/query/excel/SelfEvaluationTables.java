package org.perfledger.query.excel;

import static org.perfledger.query.excel.TableTexts.addedAtSelfEvaluation;
import static org.perfledger.query.excel.TableTexts.directions;
import static org.perfledger.query.excel.TableTexts.adjustments;
import static org.perfledger.query.excel.TableTexts.overallGoals;
import static org.perfledger.query.excel.TableTexts.reasons;
import static org.perfledger.query.excel.TableTexts.staffing;
import static org.perfledger.query.excel.TableTexts.subProjects;
import static org.perfledger.query.excel.TableTexts.ticks;
import static org.perfledger.query.excel.TableTexts.units;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.scoring.Scorecard;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.scoring.Scorecards;
import org.perfledger.query.scoring.Scorecards.ScorecardView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import java.util.Arrays;

/**
 * A plan's 自评表 laid out as the seeds lay it out (see {@link SelfEvaluationWorkbookController}), with the figures
 * PerfLedger holds and scores, ready to print.
 */
@Component
class SelfEvaluationTables {

    private static final int COLUMNS = 8;

    private final JdbcTemplate jdbc;
    private final Scorecards scorecards;

    SelfEvaluationTables(JdbcTemplate jdbc, Scorecards scorecards) {
        this.jdbc = jdbc;
        this.scorecards = scorecards;
    }

    /** The plan's 自评表. Call inside the district's read. */
    byte[] write(PlanId plan) {
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
        List<Map<String, Object>> goals = jdbc.queryForList("SELECT number, text, weight, funded_by FROM goal WHERE " + PlanKeys.WHERE
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
            Printing.merged(sheet, r, COLUMNS, title, styles.title);
            sheet.getRow(r++).setHeightInPoints(24);
            if (project) {
                r = pair(sheet, r, "项目名称", (String) row.get("name"), styles);
                r = pair(sheet, r, "主管部门", departmentName, styles);
                r = pair(sheet, r, "项目实施单位", String.join("、", units((String) row.get("implementing_units"))), styles);
                r = pair(sheet, r, "项目类别", ticks(ProjectCategory.values(), (String) row.get("category")), styles);
                r = pair(sheet, r, "项目属性", ticks(ProjectAttribute.values(), (String) row.get("attribute")), styles);
                r = pair(sheet, r, "项目类型", ticks(ProjectType.values(), (String) row.get("project_type")), styles);
                String subProjects = subProjects(row.get("sub_projects"));
                if (subProjects != null) {
                    r = pair(sheet, r, "子项目", subProjects, styles);
                }
            } else {
                r = pair(sheet, r, "单位名称", departmentName, styles);
                String staffing = staffing(row.get("staffing"));
                if (staffing != null) {
                    r = pair(sheet, r, "人员情况", staffing, styles);
                }
            }
            String overallGoals = overallGoals(row.get("overall_goals"));
            if (overallGoals != null) {
                r = pair(sheet, r, "年度总体目标", overallGoals, styles);
            }
            Scorecard.ExecutionScore execution = card == null ? null : card.scorecard().execution();
            String executionHeader = "预算执行情况（万元）" + (execution == null ? ""
                    : "（" + execution.weight().stripTrailingZeros().toPlainString() + "分）");
            Row header = sheet.createRow(r++);
            Printing.text(header, 0, executionHeader, styles.header);
            Printing.fitHeight(header, executionHeader, WIDTHS[0]);
            Printing.text(header, 1, "预算数(A)", styles.header);
            Printing.text(header, 2, "执行数(B)", styles.header);
            // 执行率 is B/A where the scheme divides by the budget shown; otherwise the row says what it divides by, so
            // the figures printed side by side agree with each other
            boolean onShown = execution == null || execution.budget() == null
                    || execution.budget().compareTo((BigDecimal) row.get("adjusted_budget")) == 0;
            Printing.text(header, 3, onShown ? "执行率(B/A)" : "执行率（按" + execution.base() + "）", styles.header);
            Printing.text(header, 4, "分值", styles.header);
            Printing.text(header, 5, "得分", styles.header);
            Row budget = sheet.createRow(r++);
            Printing.text(budget, 0, project ? "年度财政资金总额" : "部门整体支出总额", styles.cell);
            if (Boolean.TRUE.equals(row.get("budget_unstated"))) {
                Printing.text(budget, 1, "未载明", styles.cell); // the documents state no budget: not a budget of 0
            } else {
                Printing.number(budget, 1, (BigDecimal) row.get("adjusted_budget"), styles.money);
            }
            Printing.number(budget, 2, (BigDecimal) row.get("executed"), styles.money);
            if (execution != null && execution.rateShown() != null) {
                Printing.text(budget, 3, execution.rateShown().toPlainString() + "%", styles.cell);
            } else {
                Printing.text(budget, 3, execution == null ? "" : "—", styles.cell);
            }
            if (execution != null) {
                Printing.number(budget, 4, execution.weight(), styles.money);
                Printing.number(budget, 5, execution.score(), styles.money);
            }
            if (!onShown) {
                Printing.merged(sheet, r++, COLUMNS, "注：执行率按" + execution.base() + " " + execution.budget().setScale(2)
                        .toPlainString() + " 万元计算：" + execution.executed().setScale(2).toPlainString() + " ÷ "
                        + execution.budget().setScale(2).toPlainString() + " = " + execution.rateShown()
                        .toPlainString() + "%", styles.wrap);
            }
            r = spendingBySource(sheet, r, key, styles);
            r = wide(sheet, r, adjustments(jdbc.queryForList("SELECT kind, amount, from_amount, to_amount, reason, "
                    + "document_number, movement_date, parts FROM budget_movement WHERE " + PlanKeys.WHERE
                    + " AND movement IN ('adjusted', 'noted') ORDER BY sequence_number", key)), styles);
            for (Map<String, Object> goal : goals) {
                // a goal printed with points of its own says so, as the tables print it: 年度绩效目标1 (80分)
                r = wide(sheet, r, "年度目标" + goal.get("number") + (goal.get("weight") == null ? "" : "（"
                        + ((BigDecimal) goal.get("weight")).stripTrailingZeros().toPlainString() + "分）")
                        + (goal.get("funded_by") == null ? "" : "（" + goal.get("funded_by") + "）") + "："
                        + goal.get("text"), styles);
            }
            r = wide(sheet, r, addedAtSelfEvaluation(indicators), styles);
            r = wide(sheet, r, directions(indicators), styles);
            int headerRow = r;
            Row indicatorHeader = sheet.createRow(r++);
            String[] columns = {"一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "分值", "得分", "偏差原因"};
            for (int c = 0; c < columns.length; c++) {
                Printing.text(indicatorHeader, c, columns[c], styles.header);
            }
            Map<String, String> reasons = reasons(evaluations);
            for (Map<String, Object> indicator : indicators) {
                Row line = sheet.createRow(r++);
                String code = (String) indicator.get("code");
                Printing.text(line, 0, IndicatorLevel1.valueOf((String) indicator.get("level1")).label(), styles.cell);
                Printing.text(line, 1, IndicatorLevel2.valueOf((String) indicator.get("level2")).label(), styles.cell);
                Printing.text(line, 2, (String) indicator.get("name"), styles.wrap);
                Printing.text(line, 3, (String) indicator.get("target_text"), styles.cell);
                Printing.text(line, 4, indicator.get("latest_actual_text") == null ? ""
                        : (String) indicator.get("latest_actual_text"), styles.cell);
                Printing.number(line, 5, (BigDecimal) indicator.get("weight"), styles.money);
                if (card != null) {
                    card.scorecard().indicators().stream().filter(s -> s.code().equals(code)).findFirst()
                            .ifPresent(scored -> Printing.number(line, 6, scored.score(), styles.money));
                }
                Printing.text(line, 7, reasons.getOrDefault(code, ""), styles.wrap);
                Printing.fitHeight(line, (String) indicator.get("name"), WIDTHS[2]);
                Printing.fitHeight(line, reasons.getOrDefault(code, ""), WIDTHS[7]);
            }
            r = TableSumRows.write(sheet, r, indicators, card, styles.header, styles.cell, styles.money);
            Row total = sheet.createRow(r++);
            Printing.text(total, 0, "总分", styles.header);
            if (card != null) {
                // a 总分 that needs a 分值 no one set is left empty, with the reason beside it
                Printing.number(total, 1, card.scorecard().recomputedTotal(), styles.money);
                Printing.text(total, 2, "等级", styles.header);
                Printing.text(total, 3, card.scorecard().recomputedGrade() == null ? "—"
                        : card.scorecard().recomputedGrade().label(), styles.cell);
                Printing.text(total, 4, card.scorecard().unweighted() > 0 ? "（" + card.scorecard().unweighted()
                        + " 个指标未设分值，总分无法复算）" : "final".equals(card.status()) ? "（自评已报送，按第"
                        + card.schemeVersion() + "版评分办法复核）" : "（年度执行中，暂算）", styles.cell);
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
            Printing.a4Landscape(workbook, sheet, headerRow, COLUMNS);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Under the total, a row for each funding source (其中：一般公共预算财政拨款 …) with its budget, its 决算 and their
     * rate, where the documents state the spending by source (如皋 2023): spending is recorded by class, so a source
     * whose spending was not stated shows 未载明, never a share of the total. Nothing where none was stated.
     */
    private int spendingBySource(Sheet sheet, int r, Object[] key, Styles styles) {
        List<Map<String, Object>> sources = jdbc.queryForList("SELECT part, adjusted_amount, executed FROM "
                + "plan_budget_part WHERE " + PlanKeys.WHERE + " AND dimension = 'source' ORDER BY part", key);
        if (sources.stream().allMatch(source -> source.get("executed") == null)) {
            return r;
        }
        for (Map<String, Object> source : sources) {
            Row line = sheet.createRow(r++);
            BigDecimal budget = (BigDecimal) source.get("adjusted_amount");
            BigDecimal executed = (BigDecimal) source.get("executed");
            Printing.text(line, 0, "其中：" + FundingSource.valueOf((String) source.get("part")).label(), styles.cell);
            Printing.number(line, 1, budget, styles.money);
            if (executed == null) {
                Printing.text(line, 2, "未载明", styles.cell);
            } else {
                Printing.number(line, 2, executed, styles.money);
            }
            Printing.text(line, 3, executed == null || budget.signum() == 0 ? "—"
                    : Percentage.ofRatio(executed, budget).rounded(2).toPlainString() + "%", styles.cell);
            Printing.text(line, 4, "", styles.cell);
            Printing.text(line, 5, "", styles.cell);
        }
        return r;
    }

    /** A text across the table's whole width (a goal, a note), wrapped, where there is one; the next free row. */
    private static int wide(Sheet sheet, int r, String text, Styles styles) {
        if (text == null) {
            return r;
        }
        Printing.merged(sheet, r, COLUMNS, text, styles.wrap);
        Printing.fitHeight(sheet.getRow(r), text, WIDTH_ALL);
        return r + 1;
    }

    private static int pair(Sheet sheet, int r, String label, String value, Styles styles) {
        Row row = sheet.createRow(r);
        Printing.text(row, 0, label, styles.header);
        Printing.text(row, 1, value == null ? "" : value, styles.wrap);
        for (int c = 2; c < COLUMNS; c++) {
            Printing.text(row, c, "", styles.wrap); // the merged cell's border runs its whole width
        }
        sheet.addMergedRegion(new CellRangeAddress(r, r, 1, COLUMNS - 1));
        Printing.fitHeight(row, value, WIDTH_ALL - WIDTHS[0]);
        Printing.fitHeight(row, label, WIDTHS[0]);
        return r + 1;
    }

    /** Column widths in characters: the eight columns of the seeds' tables, 153 in all (A4 landscape at ~75%). */
    private static final int[] WIDTHS = {20, 14, 30, 16, 16, 10, 10, 37};
    private static final int WIDTH_ALL = Arrays.stream(WIDTHS).sum();

    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle cell;
        final CellStyle wrap;
        final CellStyle money;

        Styles(Workbook workbook) {
            title = Printing.title(workbook);
            header = Printing.header(workbook);
            cell = Printing.bordered(workbook);
            wrap = Printing.bordered(workbook);
            wrap.setWrapText(true);
            money = Printing.money(workbook, "0.00");
        }
    }

}
