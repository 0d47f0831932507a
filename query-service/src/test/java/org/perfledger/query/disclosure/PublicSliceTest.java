package org.perfledger.query.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/**
 * The public disclosure API without a token, from the shared history: 蔡甸 2020's department-wide plan is published,
 * its project is not. Only what is published is shown, with the chain head of its publication day.
 */
class PublicSliceTest extends SliceTest {

    private static final String YEAR = "/api/v1/public/districts/caidian/years/2020";
    private static final String WIDE = "/api/v1/public/districts/caidian/departments/scjgj/years/2020/plans/department";
    private static final String PROJECT = "/api/v1/public/districts/caidian/departments/scjgj/years/2020/plans/SPAQ";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<byte[]> anonymous(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode json(String path) throws Exception {
        HttpResponse<byte[]> response = anonymous(path);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void onlyWhatIsPublishedWithTheChainHeadOfItsDay() throws Exception {
        assertThat(json("/api/v1/public/districts/caidian/years").get("years").get("2020").asInt()).isEqualTo(1);
        JsonNode year = json(YEAR);
        assertThat(year.get("districtName").asText()).isEqualTo("蔡甸区");
        assertThat(year.get("plans").findValuesAsText("plan")).containsExactly("department");
        JsonNode wide = year.get("plans").get(0);
        assertThat(wide.get("adjusted").asText()).isEqualTo("6273.65");
        assertThat(wide.get("channels").asText()).isEqualTo("部门网站");
        LocalDate published = LocalDate.parse(wide.get("publishedOn").asText());

        // the project is not published: not found, as a plan that is not there
        assertThat(anonymous(PROJECT).statusCode()).isEqualTo(404);
        assertThat(anonymous(PROJECT + "/self-evaluation.xlsx").statusCode()).isEqualTo(404);
        assertThat(anonymous("/api/v1/public/districts/caidian/years/2019").statusCode()).isEqualTo(404);
        assertThat(anonymous("/api/v1/public/districts/nowhere/years").statusCode()).isEqualTo(404);
        // and nothing else of the district is public
        assertThat(anonymous("/api/v1/districts/caidian/years/2020/overview").statusCode()).isEqualTo(401);

        JsonNode detail = json(WIDE);
        assertThat(detail.get("indicators").findValuesAsText("code")).contains("CD.CJ");
        assertThat(detail.get("indicators").get(0).get("level1").asText()).isEqualTo("产出指标");
        HttpResponse<byte[]> workbook = anonymous(WIDE + "/self-evaluation.xlsx");
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.body().length).isGreaterThan(1000);

        String csv = new String(anonymous(YEAR + ".csv").body(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF部门,项目编码").contains("武汉市蔡甸区市场监督管理局,,部门整体,")
                .contains(",6273.65,").contains("部门网站");
        JsonNode data = json(YEAR + ".json");
        assertThat(data.get("profile").asText()).isEqualTo("fiscal-data-package");
        assertThat(data.get("model").get("measures").get("adjusted").get("phase").asText()).isEqualTo("adjusted");
        assertThat(data.get("model").get("measures").get("executed").get("factor").asInt()).isEqualTo(10000);
        assertThat(data.get("resources").get(0).get("data").get(0).get("approved").decimalValue())
                .isEqualByComparingTo("6352.76");

        // the district's chain (the event store's read contract): the head at the end of the publication day
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS eventstore");
        jdbc.execute("CREATE TABLE IF NOT EXISTS eventstore.event_chain_v1 (district VARCHAR(63), position BIGINT, "
                + "hash BYTEA, chained_at TIMESTAMPTZ)");
        jdbc.update("DELETE FROM eventstore.event_chain_v1 WHERE district = 'caidian'");
        insert(1, "aa", Timestamp.from(published.atStartOfDay(zone).minusHours(1).toInstant()));
        insert(2, "bb", Timestamp.from(published.atTime(23, 0).atZone(zone).toInstant()));
        insert(3, "cc", Timestamp.from(published.plusDays(2).atStartOfDay(zone).toInstant()));
        JsonNode head = json(YEAR).get("plans").get(0).get("chainHead");
        assertThat(head.get("day").asText()).isEqualTo(published.toString());
        assertThat(head.get("position").asLong()).isEqualTo(2);
        assertThat(head.get("hash").asText()).isEqualTo("bb");
        assertThat(head.get("dayOver").asBoolean()).isTrue();
    }

    /**
     * The project's 财政重点评价 is published, the project's self-evaluation is not, and its 部门评价 is not even
     * reported: the year lists the one evaluation, scored, without the evaluator's name or user id, and its downloads
     * carry it; the project's own page stays not found.
     */
    @Test
    void theEvaluationsPublishedAndNothingOfThoseNot() throws Exception {
        JsonNode years = json("/api/v1/public/districts/caidian/years");
        assertThat(years.get("evaluations").get("2020").asInt()).isEqualTo(1);
        JsonNode year = json(YEAR);
        assertThat(year.get("evaluations")).hasSize(1);
        JsonNode key = year.get("evaluations").get(0);
        assertThat(key.get("plan").asText()).isEqualTo("SPAQ");
        assertThat(key.get("planPublished").asBoolean()).isFalse();
        assertThat(key.get("typeLabel").asText()).isEqualTo("财政重点评价");
        assertThat(key.get("agency").asText()).isEqualTo("某绩效评价中心");
        assertThat(key.get("executed").asText()).isEqualTo("125.00");
        assertThat(key.get("findings").asText()).isEqualTo("满意度低于目标");
        assertThat(key.get("verified").get(0).get("actual").asText()).isEqualTo("85%");
        assertThat(key.get("channels").asText()).isEqualTo("区政府门户网站");
        assertThat(key.get("score").isNull()).isFalse();
        assertThat(key.get("grade").asText()).isNotBlank();
        assertThat(key.get("chainHead").get("day").asText()).isEqualTo(key.get("publishedOn").asText());
        String everything = new String(anonymous(YEAR).body(), StandardCharsets.UTF_8);
        assertThat(everything).doesNotContain("agency-7", "李评", "部门评价");
        assertThat(anonymous(PROJECT).statusCode()).isEqualTo(404);

        String csv = new String(anonymous(YEAR + "/evaluations.csv").body(), StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv).startsWith("\uFEFF部门,项目编码,项目名称,评价类型").contains(",SPAQ,", ",财政重点评价,1,某绩效评价中心,125.00,")
                .doesNotContain("李评");
        JsonNode data = json(YEAR + ".json");
        assertThat(data.get("resources").get(1).get("name").asText()).isEqualTo("published-evaluations");
        assertThat(data.get("resources").get(1).get("data").get(0).get("score").decimalValue())
                .isEqualByComparingTo(key.get("score").decimalValue());
        HttpResponse<byte[]> workbook = anonymous(YEAR + ".xlsx");
        assertThat(workbook.statusCode()).isEqualTo(200);
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(workbook.body()))) {
            Sheet evaluations = book.getSheet("绩效评价公开");
            assertThat(evaluations.getLastRowNum()).isEqualTo(2);
            assertThat(evaluations.getRow(2).getCell(2).getStringCellValue()).isEqualTo("财政重点评价");
            assertThat(evaluations.getRow(2).getCell(9).getStringCellValue()).isEqualTo("满意度低于目标");
            assertThat(book.getSheet("自评公开").getRow(2).getCell(1).getStringCellValue()).isEqualTo("部门整体");
        }
    }

    private void insert(long position, String hash, Timestamp at) {
        jdbc.update("INSERT INTO eventstore.event_chain_v1 VALUES ('caidian', ?, decode(?, 'hex'), ?)", position, hash,
                at);
    }
}
