package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exported workbooks as they print: each converted to PDF by LibreOffice (as the districts' offices open them),
 * then read back. The 自评表 of the seeds' largest tables prints on A4 landscape, one page wide, its title on one line
 * and the indicator table whole on its page; the district summary prints by department with subtotals and a total, in
 * Chinese and in English. Page counts are pinned, so a layout that spills onto a second page is caught.
 */
class PrintedWorkbooksTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DEPARTMENT = "/api/v1/districts/donghu/departments/scjgj/years/";
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static byte[] get(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + path))
                .header("Authorization", "Bearer " + platform.tokenFor(path, "print-check")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** Every workbook printed to PDF by one LibreOffice run; the PDFs by name. */
    private static Map<String, Path> print(Path folder, Map<String, byte[]> workbooks) throws Exception {
        List<String> command = new ArrayList<>(List.of("libreoffice", "--headless", "--convert-to", "pdf", "--outdir",
                folder.toString()));
        for (Map.Entry<String, byte[]> workbook : workbooks.entrySet()) {
            Path file = folder.resolve(workbook.getKey() + ".xlsx");
            Files.write(file, workbook.getValue());
            command.add(file.toString());
        }
        Process office = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(office.getInputStream().readAllBytes());
        assertThat(office.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(office.exitValue()).as(said).isZero();
        Map<String, Path> pdfs = new LinkedHashMap<>();
        Path kept = Files.createDirectories(Path.of("target", "printed"));
        for (String name : workbooks.keySet()) {
            pdfs.put(name, folder.resolve(name + ".pdf"));
            // kept as test artifacts, to look at what the offices will print
            Files.copy(folder.resolve(name + ".pdf"), kept.resolve(name + ".pdf"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return pdfs;
    }

    private static void assertA4Landscape(PDDocument pdf, String name) {
        for (PDPage page : pdf.getPages()) {
            assertThat(page.getMediaBox().getWidth()).as(name + " width (pt)").isBetween(840f, 845f);
            assertThat(page.getMediaBox().getHeight()).as(name + " height (pt)").isBetween(593f, 597f);
        }
    }

    private static String page(PDDocument pdf, int number) throws Exception {
        PDFTextStripper text = new PDFTextStripper();
        text.setStartPage(number);
        text.setEndPage(number);
        return text.getText(pdf);
    }

    private static String title(byte[] workbook) throws Exception {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            Sheet sheet = book.getSheetAt(0);
            return sheet.getRow(0).getCell(0).getStringCellValue();
        }
    }

    @Test
    void selfEvaluationTablesAndTheSummaryPrintOnA4LandscapeOnePageWide(@TempDir Path folder) throws Exception {
        Map<String, byte[]> workbooks = new LinkedHashMap<>();
        // 东湖 2018: the 综合事务 project (the three-page print) and the department-wide table
        workbooks.put("ZHSW-2018", get(DEPARTMENT + "2018/projects/ZHSW/self-evaluation.xlsx"));
        workbooks.put("ZLJS-2018", get(DEPARTMENT + "2018/projects/ZLJS/self-evaluation.xlsx"));
        workbooks.put("summary-2020", get("/api/v1/districts/donghu/years/2020/summary.xlsx"));
        workbooks.put("summary-2020-en", get("/api/v1/districts/donghu/years/2020/summary.xlsx?lang=en"));
        Map<String, Path> pdfs = print(folder, workbooks);

        for (String table : List.of("ZHSW-2018", "ZLJS-2018")) {
            try (PDDocument pdf = Loader.loadPDF(pdfs.get(table).toFile())) {
                assertA4Landscape(pdf, table);
                assertThat(pdf.getNumberOfPages()).as(table + " pages").isEqualTo(1);
                String first = page(pdf, 1);
                String title = title(workbooks.get(table)).strip();
                assertThat(first.lines()).as(table + ": the title on one line")
                        .anyMatch(line -> line.strip().equals(title));
                // the first and the last column of the indicator table on the same page: one page wide
                assertThat(first).contains("一级指标", "偏差原因", "总分", "公开计划");
            }
        }
        try (PDDocument pdf = Loader.loadPDF(pdfs.get("summary-2020").toFile())) {
            assertA4Landscape(pdf, "summary");
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(page(pdf, 1)).as("the district by its name").doesNotContain("donghu")
                    .contains("东湖高新区市场监督管理局", "小计", "合计", "执行进度滞后", "预警")
                    .doesNotContain("spending-lags");
        }
        try (PDDocument pdf = Loader.loadPDF(pdfs.get("summary-2020-en").toFile())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(page(pdf, 1)).contains("Subtotal", "Total", "Spending lags the year", "In execution")
                    .doesNotContain("spending-lags", "执行中");
        }
    }
}
