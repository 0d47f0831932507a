package org.perfledger.query.excel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/** The workbooks finance and departments download: the 自评表 of a plan and the district's summary. */
class WorkbookSliceTest extends SliceTest {

    @Test
    void aProjectsSelfEvaluationTableHoldsItsFigures() throws Exception {
        List<String> cells = cells(YEAR_PATH + "/projects/SPAQ/self-evaluation.xlsx");
        assertThat(cells).contains("食品药品安全专项", "170.51", "250.00", "167.11%", "群众满意度", "90%以上", "95%", "30.00");
        // the scheme divides by 年初, so the table says so beside the rate it prints
        assertThat(cells).contains("注：执行率按年初预算 149.60 万元计算：250.00 ÷ 149.60 = 167.11%");
        // the sums the seeds print: the execution row's 分值, a 小计 per 一级指标 with its 得分率, the 合计
        assertThat(cells).containsSubsequence("执行率（按年初预算）", "分值", "得分")
                .containsSubsequence("小计", "效益指标").contains("合计")
                .anySatisfy(cell -> assertThat(cell).matches("得分率 \\d+\\.\\d{2}%"));
    }

    @Test
    void theDistrictSummaryAddsUpItsPlans() throws Exception {
        List<String> cells = cells("/api/v1/districts/caidian/years/2020/summary.xlsx");
        // SPAQ spent past its budget, its first rectification item is open past its deadline, its scoring questioned
        assertThat(cells).contains("食品药品安全专项", "6,273.65", "170.51", "差", "超预算支出、整改逾期、评分存疑");
        // the total of the adjusted budgets, 6273.65 + 170.51, and of the spending, 5184.00 + 250.00 (84.32%)
        assertThat(cells).containsSubsequence("合计", "6,444.16", "5,434.00", "84.32");
    }

    private List<String> cells(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, finance());
        assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<String> cells = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(format.formatCellValue(cell).trim());
                    }
                }
            }
        }
        return cells;
    }
}
