package org.perfledger.query.excel;

import java.nio.charset.StandardCharsets;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.readmodel.PlanKeys;
import org.perfledger.query.platform.ReadAccess;
import org.perfledger.query.platform.TenantReads;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's self-evaluation table (自评表) as the .xlsx districts exchange, in the layout of the seeds' 项目自评表 and
 * 部门整体绩效自评表: the head (名称, 主管部门, 实施单位, 类别 / 属性 / 类型 ticked), 预算执行情况 with 执行率 and its score,
 * the annual goals, the indicator table (一级 / 二级 / 三级, 年初目标值, 实际完成值, 分值, 得分), 总分 and 等级, and the
 * deviation analysis and improvement measures. Scores are PerfLedger's recomputation under the scheme in force.
 * Amounts are written as numbers with two decimals, the form Excel keeps them in.
 */
@RestController
class SelfEvaluationWorkbookController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final String YEAR = "/api/v1/districts/{district}/departments/{department}/years/{year}";

    private final TenantReads reads;
    private final ReadAccess access;
    private final SelfEvaluationTables tables;

    SelfEvaluationWorkbookController(TenantReads reads, ReadAccess access, SelfEvaluationTables tables) {
        this.reads = reads;
        this.access = access;
        this.tables = tables;
    }

    @GetMapping({YEAR + "/department/self-evaluation.xlsx", YEAR + "/projects/{project}/self-evaluation.xlsx"})
    ResponseEntity<byte[]> workbook(@PathVariable("district") String district,
                                    @PathVariable("department") String department, @PathVariable("year") String year,
                                    @PathVariable(value = "project", required = false) String project) {
        access.requirePlan(district, department, year, project);
        PlanId plan = PlanKeys.fromPath(district, department, year, project);
        PlanId id = plan;
        byte[] bytes = reads.inDistrict(district, () -> tables.write(id));
        String file = plan.year() + "-" + department + "-" + (project == null ? "部门整体" : project) + "-自评表.xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
