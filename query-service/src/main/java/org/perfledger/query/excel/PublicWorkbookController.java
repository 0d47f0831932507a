package org.perfledger.query.excel;

import java.nio.charset.StandardCharsets;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.disclosure.PublishedPlans;
import org.perfledger.query.disclosure.PublishedPlans.PublishedYear;
import org.perfledger.query.platform.TenantReads;
import org.perfledger.query.readmodel.PlanKeys;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a district published, as workbooks for anyone (绩效信息公开): a year's self-evaluations and evaluations, and a
 * published plan's 自评表; a plan not published is not found.
 */
@RestController
class PublicWorkbookController {

    private final PublishedPlans published;
    private final TenantReads reads;
    private final SelfEvaluationTables tables;

    PublicWorkbookController(PublishedPlans published, TenantReads reads, SelfEvaluationTables tables) {
        this.published = published;
        this.reads = reads;
        this.tables = tables;
    }

    @GetMapping("/api/v1/public/districts/{district}/departments/{department}/years/{year}/plans/{plan}/"
            + "self-evaluation.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable("district") String district,
                                    @PathVariable("department") String department, @PathVariable("year") String year,
                                    @PathVariable("plan") String plan) {
        PlanId id = PlanKeys.fromPath(district, department, year, PlanId.DEPARTMENT_WIDE.equals(plan) ? null : plan);
        published.requirePublished(district, id);
        byte[] bytes = reads.inDistrict(district, () -> tables.write(id));
        String file = id.year() + "-" + department + "-" + (id.departmentWide() ? "部门整体" : plan) + "-自评表.xlsx";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SummaryWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    @GetMapping("/api/v1/public/districts/{district}/years/{year}.xlsx")
    ResponseEntity<byte[]> year(@PathVariable("district") String district, @PathVariable("year") String year) {
        PublishedYear data = published.year(district, year);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(SummaryWorkbook.CONTENT_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(data.year() + "-" + district + "-绩效公开.xlsx", StandardCharsets.UTF_8).build()
                        .toString())
                .body(PublicYearWorkbook.write(data));
    }
}
