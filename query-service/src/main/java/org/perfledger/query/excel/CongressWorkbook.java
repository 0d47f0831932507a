package org.perfledger.query.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.perfledger.query.congress.CongressReports.CongressReport;
import org.perfledger.query.congress.CongressReports.Evaluation;
import org.perfledger.query.congress.CongressReports.KeyEvaluation;
import org.perfledger.query.congress.CongressReports.Proposal;
import org.perfledger.query.congress.CongressReports.Rectification;
import org.perfledger.query.congress.CongressReports.Summary;
import org.perfledger.query.excel.ListSheets.Styles;

/**
 * The district's report of a year for the people's congress (人大) as a workbook to print and stamp: the year at a
 * glance, the key evaluations, the use of their results and the rectification items not yet closed, a sheet each.
 */
final class CongressWorkbook {

    private CongressWorkbook() {
    }

    /** Where an evaluation stands, in the report's words. */
    private static final java.util.Map<String, String> STATUS = java.util.Map.of("commissioned", "已委托",
            "reported", "已报告，待验收", "returned", "已退回", "accepted", "已验收");

    static byte[] write(CongressReport report) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            String heading = report.districtName() + " " + report.year() + " 年度预算绩效管理情况报告（截至 "
                    + report.asOf() + "）";
            summary(workbook, styles, heading, report.summary());
            ListSheets.table(workbook, styles, "财政重点评价", heading + "：财政重点评价", new String[] {"部门", "项目", "序号",
                "评价人", "评价机构", "进度", "评价得分", "评价等级", "自评得分", "自评等级", "差异"},
                    new int[] {24, 30, 6, 12, 20, 12, 10, 8, 10, 8, 14},
                    report.keyEvaluations(), (KeyEvaluation k, Row row) -> {
                        Printing.text(row, 0, ListSheets.name(k.departmentName(), k.department()), styles.text());
                        Printing.text(row, 1, k.name() == null ? "部门整体" : k.name(), styles.text());
                        Printing.number(row, 2, BigDecimal.valueOf(k.number()), styles.text());
                        Printing.text(row, 3, k.evaluator(), styles.text());
                        Printing.text(row, 4, k.agency() == null ? "" : k.agency(), styles.text());
                        Printing.text(row, 5, STATUS.getOrDefault(k.status(), k.status()), styles.text());
                        Printing.number(row, 6, k.score(), styles.money());
                        Printing.text(row, 7, k.grade() == null ? "" : k.grade(), styles.text());
                        Printing.number(row, 8, k.selfScore(), styles.money());
                        Printing.text(row, 9, k.selfGrade() == null ? "" : k.selfGrade(), styles.text());
                        Printing.text(row, 10, k.difference() == null ? "" : k.difference().toPlainString()
                                + (k.large() ? "（差异较大）" : ""), styles.text());
                    });
            ListSheets.table(workbook, styles, "自评结果", heading + "：自评已审核的计划", new String[] {"部门", "项目", "阶段",
                "调整后预算（万元）", "执行数（万元）", "执行率（%）", "得分", "等级"}, new int[] {26, 34, 14, 16, 16, 12, 10, 8},
                    report.evaluations(), (Evaluation e, Row row) -> {
                        Printing.text(row, 0, ListSheets.name(e.departmentName(), e.department()), styles.text());
                        Printing.text(row, 1, e.name() == null ? "部门整体" : e.name(), styles.text());
                        Printing.text(row, 2, e.phase().equals("PUBLISHED") ? "已公开" : "自评已审核", styles.text());
                        Printing.number(row, 3, e.adjustedBudget().amount(), styles.money());
                        Printing.number(row, 4, e.executed().amount(), styles.money());
                        Printing.number(row, 5, e.executionRate(), styles.money());
                        Printing.number(row, 6, e.score(), styles.money());
                        Printing.text(row, 7, e.grade() == null ? "" : e.grade(), styles.text());
                    });
            ListSheets.table(workbook, styles, "结果应用", heading + "：评价结果应用", new String[] {"部门", "项目", "等级", "建议",
                "本年度预算（万元）", "下年度建议（万元）", "调整理由"}, new int[] {26, 34, 8, 14, 16, 16, 30},
                    report.proposals(), (Proposal p, Row row) -> {
                        Printing.text(row, 0, ListSheets.name(p.departmentName(), p.department()), styles.text());
                        Printing.text(row, 1, p.name() == null ? "部门整体" : p.name(), styles.text());
                        Printing.text(row, 2, p.grade(), styles.text());
                        Printing.text(row, 3, p.action(), styles.text());
                        Printing.number(row, 4, p.base(), styles.money());
                        Printing.number(row, 5, p.proposed(), styles.money());
                        Printing.text(row, 6, p.overrideReason() == null ? "按规则" : p.overrideReason(), styles.text());
                    });
            ListSheets.table(workbook, styles, "整改事项", heading + "：未销号的整改事项", new String[] {"部门", "项目", "序号",
                "整改事项", "责任人", "期限", "状态"}, new int[] {26, 30, 6, 40, 14, 12, 12},
                    report.rectifications(), (Rectification r, Row row) -> {
                        Printing.text(row, 0, ListSheets.name(r.departmentName(), r.department()), styles.text());
                        Printing.text(row, 1, r.name() == null ? "部门整体" : r.name(), styles.text());
                        Printing.number(row, 2, BigDecimal.valueOf(r.number()), styles.text());
                        Printing.text(row, 3, r.issue(), styles.text());
                        Printing.text(row, 4, r.owner(), styles.text());
                        Printing.text(row, 5, r.deadline().toString(), styles.text());
                        Printing.text(row, 6, r.late() ? "逾期" : "reported".equals(r.status()) ? "已报告，待销号"
                                : "整改中", styles.text());
                        Printing.fitHeight(row, r.issue(), 40);
                    });
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(Workbook workbook, Styles styles, String heading, Summary summary) {
        Sheet sheet = workbook.createSheet("概况");
        Printing.merged(sheet, 0, 2, heading, styles.title());
        String grades = String.join("，", summary.grades().entrySet().stream()
                .map(grade -> grade.getKey() + " " + grade.getValue() + " 个").toList());
        Object[][] lines = {
            {"绩效目标（计划）数", String.valueOf(summary.plans())},
            {"自评已审核的", String.valueOf(summary.evaluated())},
            {"最终等级", grades},
            {"调整后预算（万元）", summary.adjustedBudget().amount()},
            {"执行数（万元）", summary.executed().amount()},
            {"执行率（%）", summary.executionRate()},
            {"下年度预算安排建议", summary.proposals() + " 个，其中压减、取消或暂停 " + summary.proposalsCutting() + " 个"},
            {"未销号的整改事项", summary.openRectifications() + " 个，其中逾期 " + summary.lateRectifications() + " 个"}};
        for (int i = 0; i < lines.length; i++) {
            Row row = sheet.createRow(i + 1);
            Printing.text(row, 0, (String) lines[i][0], styles.header());
            if (lines[i][1] instanceof BigDecimal amount) {
                Printing.number(row, 1, amount, styles.money());
            } else {
                Printing.text(row, 1, lines[i][1] == null ? "" : lines[i][1].toString(), styles.text());
            }
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        Printing.a4Landscape(workbook, sheet, 1, 2);
    }
}
