package org.perfledger.query.congress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/**
 * The report of 蔡甸 2020 for the people's congress, from the shared history: two plans, the department-wide one
 * published with finance's proposal (压减 5%, overriding 优先保障), the project's 财政重点评价 accepted, and its first
 * rectification item open past its deadline.
 */
class CongressReportSliceTest extends SliceTest {

    private static final String REPORT = "/api/v1/districts/caidian/years/2020/congress-report";

    @Test
    void theYearForThePeoplesCongress() throws Exception {
        JsonNode report = read(REPORT, finance());
        assertThat(report.get("districtName").asText()).isEqualTo("蔡甸区");
        JsonNode summary = report.get("summary");
        assertThat(summary.get("plans").asInt()).isEqualTo(2);
        assertThat(summary.get("evaluated").asInt()).isEqualTo(1);
        assertThat(summary.get("proposals").asInt()).isEqualTo(1);
        assertThat(summary.get("proposalsCutting").asInt()).isEqualTo(1);
        assertThat(summary.get("openRectifications").asInt()).isEqualTo(1);
        assertThat(summary.get("lateRectifications").asInt()).isEqualTo(1);
        int graded = 0;
        for (JsonNode count : summary.get("grades")) {
            graded += count.asInt();
        }
        assertThat(graded).isLessThanOrEqualTo(1);
        assertThat(report.get("evaluations").findValuesAsText("plan")).containsExactly("department");
        JsonNode proposal = report.get("proposals").get(0);
        assertThat(proposal.get("action").asText()).isEqualTo("压减 5%");
        assertThat(proposal.get("proposed").decimalValue()).isEqualByComparingTo("5959.97");
        assertThat(proposal.get("overrideReason").asText()).isEqualTo("财力紧张，统筹压减");
        JsonNode item = report.get("rectifications").get(0);
        assertThat(item.get("number").asInt()).isEqualTo(1);
        assertThat(item.get("late").asBoolean()).isTrue();
        assertThat(report.get("rectifications")).hasSize(1);
        // the project's 财政重点评价, accepted, beside its self-evaluation's score
        JsonNode key = report.get("keyEvaluations");
        assertThat(key).hasSize(1);
        assertThat(key.get(0).get("plan").asText()).isEqualTo("SPAQ");
        assertThat(key.get(0).get("agency").asText()).isEqualTo("某绩效评价中心");
        assertThat(key.get(0).get("status").asText()).isEqualTo("accepted");
        assertThat(key.get(0).get("difference").decimalValue()).isEqualByComparingTo(
                key.get(0).get("score").decimalValue().subtract(key.get(0).get("selfScore").decimalValue()));

        HttpResponse<byte[]> workbook = get(REPORT + ".xlsx", finance());
        assertThat(workbook.statusCode()).isEqualTo(200);
        List<String> sheets = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.body()))) {
            for (Sheet sheet : book) {
                sheets.add(sheet.getSheetName());
                sheet.forEach(row -> row.forEach(cell -> cells.add(format.formatCellValue(cell).trim())));
            }
        }
        assertThat(sheets).containsExactly("概况", "财政重点评价", "自评结果", "结果应用", "整改事项");
        assertThat(cells).contains("某绩效评价中心", "已验收", "压减 5%", "5,959.97", "财力紧张，统筹压减", "快检台账不全", "逾期");

        // a department's staff see their own department, not the district's report
        assertThat(status(REPORT, editor("scjgj"))).isEqualTo(403);
        assertThat(status(REPORT + ".xlsx", editor("scjgj"))).isEqualTo(403);
    }
}
