package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A seed project's 自评表 exported as .xlsx, read back cell by cell. */
class ExcelExportTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static Workbook download(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + path))
                .header("Authorization", "Bearer " + platform.tokenFor(path, "finance")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).contains("attachment"));
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    /** First cell text of each row → the row. */
    private static Map<String, Row> rows(Sheet sheet) {
        Map<String, Row> rows = new HashMap<>();
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING) {
                rows.putIfAbsent(first.getStringCellValue(), row);
            }
        }
        return rows;
    }

    @Test
    void aProjectSelfEvaluationTableInTheSeedsLayout() throws Exception {
        // seed 001: 东湖 2018 质量技术监督项目, recomputed 97.11 (its printed weights add up to 41 of 40)
        try (Workbook workbook = download(
                "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/ZLJS/self-evaluation.xlsx")) {
            Sheet sheet = workbook.getSheet("自评表");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("2018 年度质量技术监督项目自评表");
            Map<String, Row> rows = rows(sheet);
            assertThat(rows.get("项目名称").getCell(1).getStringCellValue()).isEqualTo("质量技术监督项目");
            assertThat(rows.get("主管部门").getCell(1).getStringCellValue()).isEqualTo("东湖高新区市场监督管理局");
            // the reports print no 项目类别, and "常年性项目、延续性项目" for its type: nothing ticked that was not printed
            assertThat(rows.get("项目类别").getCell(1).getStringCellValue()).contains("部门预算项目 ☐")
                    .contains("财政专项资金 ☐");
            assertThat(rows.get("项目类型").getCell(1).getStringCellValue()).contains("常年性项目 ☑")
                    .contains("延续性项目 ☑").contains("一次性项目 ☐");
            Row budget = rows.get("年度财政资金总额");
            assertThat(budget.getCell(1).getNumericCellValue()).isEqualTo(200.00);
            assertThat(budget.getCell(3).getStringCellValue()).isEqualTo("100.0%");
            // the execution row's 分值, then its 得分
            assertThat(budget.getCell(4).getNumericCellValue()).isEqualTo(20.00);
            assertThat(budget.getCell(5).getNumericCellValue()).isEqualTo(20.00);
            assertThat(rows.get("总分").getCell(1).getNumericCellValue()).isEqualTo(97.11);
            assertThat(rows.get("总分").getCell(3).getStringCellValue()).isEqualTo("优秀");

            int indicators = 0;
            Row weakest = null;
            for (Row row : sheet) {
                Cell level1 = row.getCell(0);
                if (level1 != null && level1.getCellType() == CellType.STRING
                        && level1.getStringCellValue().endsWith("指标") && row.getCell(5) != null
                        && row.getCell(5).getCellType() == CellType.NUMERIC) {
                    indicators++;
                    if (row.getCell(2).getStringCellValue().equals("重点单位巡查单位家数")) {
                        weakest = row;
                    }
                }
            }
            assertThat(indicators).isEqualTo(11);
            // the report says 医疗器具合格率 was added as the self-evaluation was drawn up: the table says so above it
            List<String> notes = new ArrayList<>();
            sheet.forEach(row -> {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING
                        && row.getCell(0).getStringCellValue().startsWith("注：以下指标为自评时补充")) {
                    notes.add(row.getCell(0).getStringCellValue());
                }
            });
            assertThat(notes).containsExactly("注：以下指标为自评时补充，不在审核通过的年初目标之内：医疗器具合格率"
                    + "（上述调整完善措施已在本次自评时予以体现）。");
            assertThat(weakest.getCell(3).getStringCellValue()).isEqualTo("400 家");
            assertThat(weakest.getCell(4).getStringCellValue()).isEqualTo("188 家");
            assertThat(weakest.getCell(6).getNumericCellValue()).isEqualTo(2.35);
            assertThat(weakest.getCell(7).getStringCellValue()).contains("指标设置值过高");
        }
    }

    /** 天心 2020's 部门整体 table states the department's headcounts as its 基本情况 prints them. */
    @Test
    void aDepartmentWideTableStatesTheHeadcounts() throws Exception {
        try (Workbook workbook = download("/api/v1/districts/tianxin/departments/scjgj/years/2020/department/"
                + "self-evaluation.xlsx")) {
            Map<String, Row> rows = rows(workbook.getSheet("自评表"));
            assertThat(rows.get("人员情况").getCell(1).getStringCellValue()).isEqualTo("在职人员 168 人（行政编制 108 人、"
                    + "事业参公编制 7 人、非参公事业人员 53 人），离休人员 1 人，编外人员 92 人");
        }
    }

    @Test
    void theDistrictSummaryWorkbookHasARowPerPlan() throws Exception {
        try (Workbook workbook = download("/api/v1/districts/qiaokou/years/2020/summary.xlsx")) {
            Sheet sheet = workbook.getSheet("汇总");
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("得分");
            Map<String, Row> byProject = new HashMap<>();
            List<Row> plans = new ArrayList<>();
            List<Row> subtotals = new ArrayList<>();
            Row total = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                String first = row.getCell(0).getStringCellValue();
                if (first.endsWith("小计")) {
                    subtotals.add(row);
                } else if (first.equals("合计")) {
                    total = row;
                } else {
                    plans.add(row);
                    byProject.put(row.getCell(1).getStringCellValue(), row);
                }
            }
            assertThat(plans).hasSize(15);
            // 硚口's tables print no 分值: no 总分 can be recomputed, so none is shown (the department's 85.54 is not ours)
            assertThat(byProject.get("SCJG").getCell(7) == null
                    || byProject.get("SCJG").getCell(7).getCellType() == org.apache.poi.ss.usermodel.CellType.BLANK)
                    .as("no recomputed score for SCJG").isTrue();
            // 检验所 prints its 分值: 10 + 10.10 + 25 + 25 + 25
            assertThat(byProject.get("JCCB").getCell(7).getNumericCellValue()).isEqualTo(95.10);
            assertThat(byProject.get("SCJG").getCell(6).getNumericCellValue()).isEqualTo(27.70);
            assertThat(byProject.get("BCHKZ").getCell(9).getStringCellValue()).as("alerts in words")
                    .contains("零预算有支出").doesNotContain("zero-budget-with-spending");
            // by department, named, each with its subtotal, and a total of all
            assertThat(plans.get(0).getCell(0).getStringCellValue()).doesNotMatch("[a-z]+");
            assertThat(subtotals).isNotEmpty();
            assertThat(total).isNotNull();
            BigDecimal budgets = BigDecimal.ZERO;
            for (Row plan : plans) {
                budgets = budgets.add(BigDecimal.valueOf(plan.getCell(4).getNumericCellValue()));
            }
            assertThat(BigDecimal.valueOf(total.getCell(4).getNumericCellValue()))
                    .isEqualByComparingTo(budgets.setScale(2, java.math.RoundingMode.HALF_UP));
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getRepeatingRows()).isNotNull();
        }
    }

    @Test
    void aDepartmentWideTable() throws Exception {
        try (Workbook workbook = download(
                "/api/v1/districts/caidian/departments/scjgj/years/2020/department/self-evaluation.xlsx")) {
            Sheet sheet = workbook.getSheet("自评表");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("2020 年度武汉市蔡甸区市场监督管理局部门整体绩效自评表");
            Row budget = rows(sheet).get("部门整体支出总额");
            assertThat(budget.getCell(1).getNumericCellValue()).isEqualTo(6352.76);
            assertThat(budget.getCell(2).getNumericCellValue()).isEqualTo(6273.65);
            assertThat(budget.getCell(3).getStringCellValue()).isEqualTo("98.75%");
        }
    }
}
