package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 自评表 round trip over HTTP: exported by the query service, opened by LibreOffice, filled in as a department
 * would, refused whole while a cell is wrong, then imported through the command service to the same figures.
 * Uses 东湖 2020 食品药品安全专项 (sample year), closed and waiting for its self-evaluation.
 */
class ExcelImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PLAN = "/api/v1/districts/donghu/departments/scjgj/years/2020/projects/SPAQ";
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static byte[] export() throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + PLAN
                        + "/self-evaluation.xlsx")).header("Authorization", "Bearer " + token()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static HttpResponse<String> upload(byte[] workbook) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.commandUrl() + PLAN + "/self-evaluation.xlsx"
                        + "?file=2020-SPAQ.xlsx"))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(HttpRequest.BodyPublishers.ofByteArray(workbook)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + path))
                .header("Authorization", "Bearer " + token()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String token() {
        return platform.tokenFor(PLAN, "scjgj-editor");
    }

    /** The row whose first cell reads {@code label}. */
    private static Row row(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static List<Row> indicatorRows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        boolean inTable = false;
        for (Row row : sheet) {
            String first = row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue();
            if (first.equals("总分") || first.equals("小计") || first.equals("合计")) {
                break;
            }
            if (inTable) {
                rows.add(row);
            }
            inTable |= first.equals("一级指标");
        }
        return rows;
    }

    private static byte[] fill(byte[] exported, boolean withMistakes) throws Exception {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.getSheet("自评表");
            for (Row indicator : indicatorRows(sheet)) {
                indicator.createCell(7).setCellValue("示例：按实际完成情况说明偏差");
            }
            row(sheet, "偏差大或目标未完成原因分析").getCell(1).setCellValue("示例：快检批次超计划，合格率略低于目标");
            row(sheet, "改进措施").getCell(1).setCellValue(withMistakes ? "" : "示例：加强抽检计划管理");
            row(sheet, "结果应用方案").getCell(1).setCellValue("示例：作为下年预算安排依据");
            row(sheet, "公开计划").getCell(1).setCellValue("示例：随部门决算公开");
            if (withMistakes) {
                Row first = indicatorRows(sheet).get(0);
                first.getCell(3).setCellValue("9999 份");
                first.getCell(5).setCellValue("五分");
                row(sheet, "年度财政资金总额").getCell(2).setCellValue(1.23);
                // a 合计 that no longer adds up its rows
                row(sheet, "合计").getCell(6).setCellValue(1.0);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    @Test
    void anExportedTableOpensInLibreOfficeAndReimportsToTheSameFigures(@TempDir Path folder) throws Exception {
        byte[] exported = export();
        JsonNode before = read(PLAN + "/scorecard");
        assertThat(before.get("status").asText()).isEqualTo("provisional");

        Path xlsx = folder.resolve("2020-SPAQ-自评表.xlsx");
        Files.write(xlsx, exported);
        Process office = new ProcessBuilder("libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                folder.toString(), xlsx.toString()).redirectErrorStream(true).start();
        String said = new String(office.getInputStream().readAllBytes());
        assertThat(office.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(office.exitValue()).as(said).isZero();
        byte[] pdf = Files.readAllBytes(folder.resolve("2020-SPAQ-自评表.pdf"));
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");

        long version = read(PLAN).get("version").asLong();
        HttpResponse<String> refused = upload(fill(exported, true));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        List<String> cells = new ArrayList<>();
        problem.get("errors").forEach(error -> cells.add(error.get("field").asText()));
        int firstIndicator = indicatorRows(new XSSFWorkbook(new ByteArrayInputStream(exported)).getSheet("自评表"))
                .get(0).getRowNum() + 1;
        int sum = row(new XSSFWorkbook(new ByteArrayInputStream(exported)).getSheet("自评表"), "合计").getRowNum() + 1;
        assertThat(cells).contains("C9", "D" + firstIndicator, "F" + firstIndicator, "G" + sum)
                .anySatisfy(cell -> assertThat(cell).startsWith("B"));
        assertThat(read(PLAN).get("version").asLong()).as("nothing was recorded").isEqualTo(version);

        HttpResponse<String> imported = upload(fill(exported, false));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        JsonNode after = await().atMost(Duration.ofSeconds(15)).until(() -> read(PLAN + "/scorecard"),
                card -> card.get("status").asText().equals("final"));
        assertThat(after.get("scorecard").get("total").decimalValue())
                .isEqualByComparingTo(before.get("scorecard").get("total").decimalValue());
        assertThat(after.get("scorecard").get("execution").get("score").decimalValue())
                .isEqualByComparingTo(before.get("scorecard").get("execution").get("score").decimalValue());
        assertThat(after.get("reported")).isNotEmpty();
        after.get("reported").forEach(figure -> assertThat(figure.get("verdict").asText())
                .as(figure.toString()).isEqualTo("REPRODUCED"));

        try (Workbook again = new XSSFWorkbook(new ByteArrayInputStream(export()));
             Workbook first = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            Sheet now = again.getSheet("自评表");
            Sheet then = first.getSheet("自评表");
            for (String label : List.of("年度财政资金总额", "总分")) {
                for (int c = 1; c <= 3; c++) { // column 4 of 总分 says whether the scores are final
                    assertThat(text(row(now, label).getCell(c))).as(label + " column " + c)
                            .isEqualTo(text(row(then, label).getCell(c)));
                }
            }
            for (int i = 0; i < indicatorRows(then).size(); i++) {
                for (int c = 3; c <= 6; c++) {
                    assertThat(text(indicatorRows(now).get(i).getCell(c)))
                            .isEqualTo(text(indicatorRows(then).get(i).getCell(c)));
                }
            }
            assertThat(row(now, "改进措施").getCell(1).getStringCellValue()).isEqualTo("示例：加强抽检计划管理");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return cell.getCellType() == CellType.NUMERIC ? Double.toString(cell.getNumericCellValue())
                : cell.getStringCellValue();
    }
}
