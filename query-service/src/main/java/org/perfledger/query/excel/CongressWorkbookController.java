package org.perfledger.query.excel;

import java.nio.charset.StandardCharsets;
import org.perfledger.query.congress.CongressReports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The report of a year for the people's congress (人大) as a workbook ({@link CongressWorkbook}). */
@RestController
class CongressWorkbookController {

    private final CongressReports reports;

    CongressWorkbookController(CongressReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/congress-report.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable("district") String district, @PathVariable("year") String year) {
        CongressReports.CongressReport report = reports.report(district, year);
        byte[] workbook = CongressWorkbook.write(report);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SummaryWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(report.year() + "-" + district + "-人大报告.xlsx", StandardCharsets.UTF_8).build()
                        .toString())
                .body(workbook);
    }
}
