package org.perfledger.query.congress;

import org.perfledger.query.congress.CongressReports.CongressReport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district's report of a year for the people's congress (人大), for district finance and auditors; the printable
 * page shows it, and the workbook holds the same.
 */
@RestController
class CongressReportController {

    private final CongressReports reports;

    CongressReportController(CongressReports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/congress-report")
    CongressReport report(@PathVariable("district") String district, @PathVariable("year") String year) {
        return reports.report(district, year);
    }
}
