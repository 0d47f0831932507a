package org.perfledger.command.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfledger.command.platform.FieldError;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;

/** Reading the cells of a filled-in 自评表, as people type them into Excel. */
class SelfEvaluationWorkbookTest {

    @Test
    void readsEveryPartOfTheTableWithItsCellAddress() {
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(new TableWorkbook()
                .budget(200.0, 198.5, "99.25%", 19.85)
                .indicator("产出指标", "数量指标", "日常监管巡查设备台数", "3000 台", "2072 台", 4, 2.76, "指标设置值过高")
                .total(96.64, "优秀")
                .withTexts()
                .bytes());
        assertThat(table.sheet()).isEqualTo("自评表");
        assertThat(table.budget()).isEqualTo(new SelfEvaluationTable.Cell<>("B4", WanYuan.of("200.00")));
        assertThat(table.executed()).isEqualTo(new SelfEvaluationTable.Cell<>("C4", WanYuan.of("198.50")));
        assertThat(table.executionRate().value()).isEqualByComparingTo("99.25");
        assertThat(table.executionScore().value()).isEqualTo(Points.parse("19.85"));
        assertThat(table.tableRow()).isEqualTo("A6");
        SelfEvaluationTable.IndicatorRow row = table.indicators().get(0);
        assertThat(row.row()).isEqualTo(7);
        assertThat(row.name()).isEqualTo(new SelfEvaluationTable.Cell<>("C7", "日常监管巡查设备台数"));
        assertThat(row.actual().address()).isEqualTo("E7");
        assertThat(row.actual().value().text()).isEqualTo("2072 台");
        assertThat(row.score().value()).isEqualTo(Points.parse("2.76"));
        assertThat(table.total().value()).isEqualTo(TotalScore.parse("96.64"));
        assertThat(table.grade()).isEqualTo(new SelfEvaluationTable.Cell<>("D8", Grade.EXCELLENT));
        assertThat(table.improvementMeasures()).isEqualTo(new SelfEvaluationTable.Cell<>("B10", "创新监管方式，提升监管效能"));
        assertThat(table.unreadable()).isEmpty();
    }

    /** 东湖 2018 质量技术监督: 20 of execution, then 产出 and 效益 rows with their 小计 and the table's 合计. */
    private static TableWorkbook withSums() {
        return new TableWorkbook()
                .budget(200.0, 200.0, "100.0%", 20, 20)
                .indicator("产出指标", "数量指标", "日常监管巡查设备台数", "3000 台", "2072 台", 4, 2.76, "指标设置值过高")
                .indicator("产出指标", "数量指标", "重点单位巡查", "400 家", "188 家", 4, 1.88, "指标设置值过高")
                .indicator("效益指标", "社会效益指标", "特种设备事故", "0 起", "0 起", 10, 10, null);
    }

    @Test
    void readsTheSumsItPrintsAndFindsThemAddingUp() {
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(withSums()
                // 4.64 of 8 is 58.00%; 10 of 10 is 100.00%; 20 + 8 + 10 = 38 分值 and 20 + 4.64 + 10 = 34.64 得分
                .subtotal("产出指标", 8, 4.64, "得分率 58.00%")
                .subtotal("效益指标", 10, 10, "得分率 100.00%")
                .sum(38, 34.64)
                .total(34.64, "差")
                .bytes());
        assertThat(table.unreadable()).isEmpty();
        assertThat(table.executionWeight().value()).isEqualTo(Points.parse("20"));
        assertThat(table.executionScore()).isEqualTo(new SelfEvaluationTable.Cell<>("F4", Points.parse("20")));
        assertThat(table.indicators()).hasSize(3);
        assertThat(table.sums()).hasSize(3);
        assertThat(table.sums().get(0).level1()).isEqualTo("产出指标");
        assertThat(table.sums().get(0).rate().value()).isEqualByComparingTo("58.00");
        assertThat(table.sums().get(2).level1()).isNull();
    }

    @Test
    void refusesASumThatDoesNotAddUpAtItsCell() {
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(withSums()
                // the rows' 得分 add up to 4.64, not 5; 10 of 10 is not 90%; the 合计 leaves out the execution row
                .subtotal("产出指标", 8, 5, "得分率 62.50%")
                .subtotal("效益指标", 10, 10, "得分率 90%")
                .sum(18, 14.64)
                .total(34.64, "差")
                .bytes());
        assertThat(table.unreadable()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("G10", "H11", "F12", "G12");
        assertThat(table.unreadable()).allSatisfy(error -> assertThat(error.rule()).isEqualTo("workbook.sum"));
        assertThat(table.unreadable()).extracting(FieldError::message)
                .anySatisfy(message -> assertThat(message).isEqualTo("G10 (产出指标小计 得分): 5 is not the 得分 of its "
                        + "rows, which add up to 4.64"))
                .anySatisfy(message -> assertThat(message).isEqualTo("H11 (效益指标小计 得分率): 90% is not 10 ÷ 10 = "
                        + "100%"));
    }

    @Test
    void aSumOverAnEmptyCellCannotBeCheckedAndSaysSo() {
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(new TableWorkbook()
                .budget(200.0, 200.0, "100.0%", 20, 20)
                .indicator("产出指标", "数量指标", "日常监管巡查设备台数", "3000 台", "2072 台", null, 2.76, null)
                .subtotal("产出指标", 4, 2.76, null)
                .total(22.76, "差")
                .bytes());
        assertThat(table.unreadable()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("F8");
            assertThat(error.message()).contains("a row leaves it empty or unreadable");
        });
    }

    @Test
    void collectsEveryUnreadableCell() {
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(new TableWorkbook()
                .budget(200.005, "一百", "ninety", 19.85)
                .indicator("产出指标", "数量指标", "日常监管巡查设备台数", "3000 台", "约两千台", "four", 2.76, null)
                .total("九十", "A级")
                .bytes());
        assertThat(table.unreadable()).extracting(FieldError::field)
                .containsExactly("B4", "C4", "D4", "F7", "B8", "D8");
        assertThat(table.unreadable()).extracting(FieldError::rule)
                .containsExactly("money.scale", "money.format", "rate.format", "points.format",
                        "score.format", "value.unknown");
        assertThat(table.unreadable().get(0).message()).startsWith("B4 (预算数): ");
    }

    @Test
    void takesPercentFormattedNumbersFormulasAndLineBreaksAsExcelShowsThem() throws Exception {
        byte[] bytes;
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            sheet.createRow(0).createCell(1).setCellValue("预算数(A)");
            Row header = sheet.getRow(0);
            header.createCell(2).setCellValue("执行数(B)");
            header.createCell(3).setCellValue("执行率(B/A)");
            header.createCell(4).setCellValue("得分");
            Row values = sheet.createRow(1);
            values.createCell(1).setCellValue(6352.76);
            values.createCell(2).setCellFormula("6273.65");
            Cell rate = values.createCell(3);
            rate.setCellFormula("C2/B2");
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.00%"));
            rate.setCellStyle(percent);
            values.createCell(4).setCellValue(19.75);
            sheet.createRow(2).createCell(0).setCellValue("一级指标");
            sheet.createRow(3).createCell(0).setCellValue("总分");
            Row measures = sheet.createRow(4);
            measures.createCell(0).setCellValue("改进措施及结果应用方案");
            measures.createCell(1).setCellValue("加强预算执行\n  作为下年预算依据");
            // Excel saves each formula's value with it; the reader takes that value and evaluates nothing
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(bytes);
        assertThat(table.sheet()).isEqualTo("Sheet1");
        assertThat(table.executed().value()).isEqualTo(WanYuan.of("6273.65"));
        // 6273.65 / 6352.76 as the cell prints it with its 0.00% format
        assertThat(table.executionRate().value()).isEqualTo(new BigDecimal("98.75"));
        assertThat(table.improvementMeasures().value()).isEqualTo("加强预算执行 作为下年预算依据");
        assertThat(table.resultsUse().value()).isEqualTo("加强预算执行 作为下年预算依据");
        assertThat(table.unreadable()).isEmpty();
    }

    @Test
    void aTotalAboveAHundredAsTheExportPrintsItForOverweightPlansReadsBack() {
        // weights that add up to more than 100 (flagged on the scorecard) give such a total; what PerfLedger writes,
        // it reads back
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(new TableWorkbook().total(118.0, "优秀").bytes());
        assertThat(table.total().value()).isEqualTo(TotalScore.parse("118"));
        assertThat(table.total().value().aboveHundred()).isTrue();
        assertThat(table.unreadable()).isEmpty();
    }

    @Test
    void aFormulaIsReadByTheValueSavedWithItAndNeverEvaluated() throws Exception {
        byte[] bytes;
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("自评表");
            sheet.createRow(0).createCell(1).setCellValue("预算数(A)");
            Row values = sheet.createRow(1);
            values.createCell(1).setCellValue(100);
            // no value saved with it (as POI writes one unevaluated): read as what is saved, never computed here
            values.createCell(2).setCellFormula("NOW()");
            workbook.write(out);
            bytes = out.toByteArray();
        }
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(bytes);
        assertThat(table.budget().value()).isEqualTo(WanYuan.of("100.00"));
        assertThat(table.executed().value()).as("NOW() was not evaluated").isEqualTo(WanYuan.ZERO);
    }

    @Test
    void refusesAFileThatIsNotAWorkbook() {
        assertThatThrownBy(() -> SelfEvaluationWorkbook.read("项目名称,金额\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("file", "workbook.unreadable")));
    }

    @Test
    void aSheetWithoutTheTableSaysSo() {
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(emptySheet());
        assertThat(table.unreadable()).extracting(FieldError::rule)
                .containsExactly("workbook.no-indicator-table", "workbook.no-budget-row");
    }

    private static byte[] emptySheet() {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet("自评表").createRow(0).createCell(0).setCellValue("2020 年度自评表");
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
