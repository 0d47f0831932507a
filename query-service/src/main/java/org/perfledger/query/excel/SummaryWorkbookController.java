package org.perfledger.query.excel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.security.Caller;
import org.perfledger.query.figures.DistrictNames;
import org.perfledger.query.figures.PlanFigures;
import org.perfledger.query.overview.OverviewRows;
import org.perfledger.query.overview.OverviewRows.OverviewRow;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.replay.AsOfReads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The district summary workbook of a year ({@link SummaryWorkbook}), as finance passes it on; editors and viewers get
 * their department's rows only. {@code lang=en} for English.
 */
@RestController
class SummaryWorkbookController {

    private final DistrictNames names;
    private final AsOfReads reads;
    private final ReadAccess access;
    private final OverviewRows overview;
    private final PlanFigures figures;

    SummaryWorkbookController(DistrictNames names, AsOfReads reads, ReadAccess access, OverviewRows overview,
                              PlanFigures figures) {
        this.names = names;
        this.reads = reads;
        this.access = access;
        this.overview = overview;
        this.figures = figures;
    }

    @GetMapping("/api/v1/districts/{district}/years/{year}/summary.xlsx")
    ResponseEntity<byte[]> summary(@PathVariable("district") String district, @PathVariable("year") String year,
                                   @RequestParam(value = "lang", required = false) String lang) {
        Caller reader = access.requireDistrict(district);
        FiscalYear fiscalYear = FiscalYear.parse(year);
        List<OverviewRow> rows = overview.rows(district, fiscalYear, reader, null, figures.day(fiscalYear, null, null));
        DistrictNames.Names named = reads.inDistrict(district, null, null, () -> names.of(district));
        List<SummaryWorkbook.Line> lines = rows.stream().map(row -> new SummaryWorkbook.Line(row.department(),
                named.departments().get(row.department()), row.plan(), "PROJECT".equals(row.kind()) ? row.name() : null,
                PlanPhase.valueOf(row.phase()), row.adjustedBudget(), row.executed(), row.executionRate(),
                row.score(), row.grade(), row.alerts())).toList();
        boolean english = "en".equals(lang);
        byte[] workbook = SummaryWorkbook.write(named.district(), fiscalYear.value(), lines, english);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SummaryWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fiscalYear + "-" + district + (english ? "-summary.xlsx" : "-汇总.xlsx"),
                                StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }
}
