package org.perfledger.query.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfledger.query.disclosure.PublishedPlans.DayHead;
import org.perfledger.query.disclosure.PublishedPlans.PublishedEvaluation;
import org.perfledger.query.disclosure.PublishedPlans.PublishedPlan;
import org.perfledger.query.disclosure.PublishedPlans.PublishedYear;
import org.perfledger.query.excel.ListSheets.Styles;

/**
 * What a district published of a year, as a workbook: the self-evaluations (budget approved, adjusted and executed,
 * score and grade) and the evaluations (score and grade beside the self-evaluation's, and what they found), each
 * with its publication day and that day's chain head.
 */
final class PublicYearWorkbook {

    private PublicYearWorkbook() {
    }

    static byte[] write(PublishedYear year) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String heading = year.districtName() + " " + year.year() + " 年度";
            ListSheets.table(workbook, styles, "自评公开", heading + "已公开的绩效自评", new String[] {"部门", "项目",
                "年初预算（万元）", "调整后预算（万元）", "执行数（万元）", "执行率（%）", "得分", "等级", "公开日期", "公开渠道",
                "当日链头"}, new int[] {24, 30, 14, 14, 14, 10, 8, 8, 12, 18, 36}, year.plans(),
                    (PublishedPlan plan, Row row) -> {
                        Printing.text(row, 0, ListSheets.name(plan.departmentName(), plan.department()),
                                styles.text());
                        Printing.text(row, 1, plan.name() == null ? "部门整体" : plan.name(), styles.text());
                        Printing.number(row, 2, plan.approved().amount(), styles.money());
                        Printing.number(row, 3, plan.adjusted().amount(), styles.money());
                        Printing.number(row, 4, plan.executed().amount(), styles.money());
                        Printing.number(row, 5, plan.executionRate(), styles.money());
                        Printing.number(row, 6, plan.score(), styles.money());
                        Printing.text(row, 7, orBlank(plan.grade()), styles.text());
                        Printing.text(row, 8, day(plan.publishedOn()), styles.text());
                        Printing.text(row, 9, orBlank(plan.channels()), styles.text());
                        Printing.text(row, 10, head(plan.chainHead()), styles.text());
                    });
            ListSheets.table(workbook, styles, "绩效评价公开", heading + "已公开的绩效评价", new String[] {"部门", "项目",
                "评价类型", "评价机构", "核实支出（万元）", "评价得分", "评价等级", "自评得分", "自评等级", "主要发现", "存在问题",
                "改进建议", "公开日期", "公开渠道", "当日链头"}, new int[] {22, 26, 12, 20, 14, 8, 8, 8, 8, 40, 36, 36, 12,
                    18, 36}, year.evaluations(), (PublishedEvaluation evaluation, Row row) -> {
                        Printing.text(row, 0, ListSheets.name(evaluation.departmentName(), evaluation.department()),
                                styles.text());
                        Printing.text(row, 1, evaluation.name() == null ? "部门整体" : evaluation.name(),
                                styles.text());
                        Printing.text(row, 2, evaluation.typeLabel(), styles.text());
                        Printing.text(row, 3, orBlank(evaluation.agency()), styles.text());
                        Printing.number(row, 4, evaluation.executed() == null ? null
                                : evaluation.executed().amount(), styles.money());
                        Printing.number(row, 5, evaluation.score(), styles.money());
                        Printing.text(row, 6, orBlank(evaluation.grade()), styles.text());
                        Printing.number(row, 7, evaluation.selfScore(), styles.money());
                        Printing.text(row, 8, orBlank(evaluation.selfGrade()), styles.text());
                        Printing.text(row, 9, orBlank(evaluation.findings()), styles.text());
                        Printing.text(row, 10, orBlank(evaluation.problems()), styles.text());
                        Printing.text(row, 11, orBlank(evaluation.suggestions()), styles.text());
                        Printing.text(row, 12, day(evaluation.publishedOn()), styles.text());
                        Printing.text(row, 13, orBlank(evaluation.channels()), styles.text());
                        Printing.text(row, 14, head(evaluation.chainHead()), styles.text());
                        Printing.fitHeight(row, evaluation.findings(), 40);
                    });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String orBlank(String text) {
        return text == null ? "" : text;
    }

    private static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    /** The chain head as a reader copies it: its position and hash, or what is not known of it. */
    private static String head(DayHead head) {
        if (head == null || head.hash() == null) {
            return "未载明";
        }
        return "第 " + head.position() + " 个链节 " + head.hash() + (head.dayOver() ? "" : "（当日截至生成时）");
    }
}
