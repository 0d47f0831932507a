package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed documents, loaded through the commands by the demo loader, scored by the query side under each district's
 * scheme: every figure a document reports is either reproduced or flagged with the reason.
 */
class SeedScoringTest {

    /** Numbers as printed: 93.00 stays 93.00 (not the double 93.0), as the service sends it. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static JsonNode scorecard(String plan) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + plan
                + "/scorecard")).header("Authorization", "Bearer " + platform.tokenFor(plan, "auditor")).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /** The plan as an auditor reads it. */
    private static JsonNode planView(String plan) throws Exception {
        return JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + plan))
                .header("Authorization", "Bearer " + platform.tokenFor(plan, "auditor")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
    }

    private static JsonNode finalScorecard(String plan) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> scorecard(plan), card -> card != null && card.get("status").asText().equals("final"));
    }

    /** Figure name → verdict, e.g. "总分" → "REPRODUCED". */
    private static Map<String, String> verdicts(JsonNode card) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode figure : card.get("reported")) {
            verdicts.put(figure.get("figure").asText(), figure.get("verdict").asText());
        }
        return verdicts;
    }

    private static String figure(JsonNode card, String name, String field) {
        for (JsonNode figure : card.get("reported")) {
            if (figure.get("figure").asText().equals(name)) {
                return figure.get(field).asText();
            }
        }
        throw new AssertionError("no reported figure " + name + " in " + card);
    }

    private static final String QIAOKOU = "/api/v1/districts/qiaokou/departments/scjgj/years/2020/";
    private static final String DONGHU = "/api/v1/districts/donghu/departments/scjgj/years/2018/";
    private static final String TIANXIN = "/api/v1/districts/tianxin/departments/scjgj/years/2020/";

    /**
     * 硚口's tables print 得分 but no 分值: no indicator's score can be recomputed, and neither can the 总分. What can be
     * checked is the tables' own sums: each printed 总分 against its printed parts. The totals below are read off the
     * document by hand.
     */
    @Test
    void qiaokou2020PrintedTotalsAreTheSumsOfTheirPrintedScores() {
        Map<String, String> totals = new LinkedHashMap<>();
        totals.put("SCJG", "85.54");
        totals.put("ZFBA", "89.42");
        totals.put("XFWQ", "87.44");
        totals.put("ZJXZ", "94.53");
        totals.put("SPAQ", "96.12");
        totals.put("YXJG", "84.96");
        totals.put("ZSCQ", "80.13");
        totals.put("ZHSW", "97.00");
        totals.put("NYJG", "95.02");
        totals.forEach((project, total) -> {
            JsonNode card = finalScorecard(QIAOKOU + "projects/" + project);
            assertThat(verdicts(card)).as(project).containsEntry("总分 = Σ 得分", "REPRODUCED")
                    .containsEntry("总分", "CANNOT_CHECK").containsEntry("执行率", "REPRODUCED")
                    .containsEntry("执行率得分", "REPRODUCED");
            assertThat(new BigDecimal(figure(card, "总分 = Σ 得分", "recomputed"))).as(project)
                    .isEqualByComparingTo(total);
            assertThat(figure(card, "总分", "rule")).contains("no 分值");
            // a total that cannot be recomputed is not a consistent one
            assertThat(card.get("consistent").asBoolean()).as(project + " " + card).isFalse();
            assertThat(card.get("scorecard").get("indicators")).allSatisfy(line -> {
                assertThat(line.get("weight").isNull()).isTrue();
                assertThat(line.get("score").isNull()).isTrue();
            });
        });
        JsonNode department = finalScorecard(QIAOKOU + "department");
        // 120.98% of 8488.43 printed 121%, capped at 20; its 14 printed 得分 (10+10+5+5+5+5+5, 6×5 社会效益, 5) add 80
        assertThat(department.get("scorecard").get("execution").get("score").decimalValue()).isEqualByComparingTo("20");
        assertThat(department.get("scorecard").get("unweighted").asInt()).isEqualTo(14);
        assertThat(verdicts(department)).containsEntry("执行率", "REPRODUCED").containsEntry("总分", "CANNOT_CHECK")
                .containsEntry("总分 = Σ 得分", "REPRODUCED");
        assertThat(figure(department, "总分 = Σ 得分", "recomputed")).isEqualTo("100");
        // its 项目支出总额 1150.66 is not what its 14 projects spent
        assertThat(department.get("scorecard").get("flags").toString())
                .contains("项目支出 1150.66 of the department-wide plan differs from the 1095.94 its 14 projects spent");
    }

    @Test
    void qiaokou2020SlipsAreFlaggedWithTheirReasons() {
        // 政府购岗人员: 187 / 187 = 100% yet 得分 17; the 总分 97 is 17 + 20 + 10 + 10 + 20 + 20, so the slip is the 17
        JsonNode jobs = finalScorecard(QIAOKOU + "projects/GGRY");
        assertThat(verdicts(jobs)).containsEntry("执行率得分", "DIFFERENT").containsEntry("总分 = Σ 得分", "REPRODUCED");
        assertThat(figure(jobs, "执行率得分", "recomputed")).isEqualTo("20");

        // 蔬菜农残快检: 58.69% is 58.6986… truncated; 69300 of 140000 批 scored 40, but with no 分值 printed nothing
        // says what 40 is out of
        JsonNode vegetables = finalScorecard(QIAOKOU + "projects/NCKJ");
        assertThat(verdicts(vegetables)).containsEntry("NCKJ.01 得分", "CANNOT_CHECK").containsEntry("执行率", "ROUNDING");

        // 病虫害控制: a budget of 0 with 1 spent is printed as 100% and 20 分
        JsonNode pests = finalScorecard(QIAOKOU + "projects/BCHKZ");
        assertThat(verdicts(pests)).containsEntry("执行率", "CANNOT_CHECK").containsEntry("执行率得分", "CANNOT_CHECK")
                .containsEntry("BCHKZ.02 得分", "CANNOT_CHECK");
        assertThat(figure(pests, "执行率", "rule")).contains("of 0 with 1.00 spent");

        // 食品药品执法大队: 64.44% is 64.449… truncated, and so is its 12.88
        JsonNode brigade = finalScorecard(QIAOKOU + "projects/SPYP");
        assertThat(verdicts(brigade)).containsEntry("SPYP.01 得分", "CANNOT_CHECK").containsEntry("SPYP.05 得分", "CANNOT_CHECK")
                .containsEntry("执行率", "ROUNDING").containsEntry("执行率得分", "ROUNDING");

        // 检验所: the Ministry's template (执行率 10 分 over 全年预算数), which the scheme names for this plan; its four
        // indicators print 25 分 each, so 10 + 100: 10 + 10.10 (25 × 40 / 99) + 25 + 25 + 25 = 95.10, not the 85 printed
        JsonNode lab = finalScorecard(QIAOKOU + "projects/JCCB");
        assertThat(verdicts(lab)).containsEntry("执行率得分", "REPRODUCED").containsEntry("JCCB.01 得分", "REPRODUCED")
                .containsEntry("总分", "DIFFERENT")
                // its own parts, 10 + 10 + 25 + 25 + 25, add up to 95, not the 85 it prints
                .containsEntry("总分 = Σ 得分", "DIFFERENT");
        assertThat(figure(lab, "总分 = Σ 得分", "recomputed")).isEqualTo("95");
        assertThat(lab.get("scorecard").get("maxTotal").decimalValue()).isEqualByComparingTo("110");
        assertThat(lab.get("scorecard").get("total").decimalValue()).isEqualByComparingTo("95.10");
        assertThat(lab.get("scorecard").get("flags").toString()).contains("scored on this plan's own layout (执行率 10 分"
                + " over 调整后预算): 检验所项目支出绩效自评表 is the Ministry of Finance template");
    }

    @Test
    void rugao2023IsRecomputedFromItsWeightedTableAndItsOwnSumsAreFlagged() {
        JsonNode card = finalScorecard("/api/v1/districts/rugao/departments/scjgj/years/2023/department");
        // 如皋 prints no scoring rule, so the national one stands in (in proportion to completion), and says so:
        // 预算执行率 93.58% of 2 分 is 1.87, printed 1; 定量包装 13 of 20 家 of 3 分 is 1.95, printed 1: within one
        // printed unit, as truncation would give, but under a rule nobody published
        assertThat(verdicts(card)).containsEntry("RG.YSZX 得分", "ROUNDING").containsEntry("RG.31 得分", "ROUNDING")
                // two targets met in full yet scored 2 of 3
                .containsEntry("RG.37 得分", "DIFFERENT").containsEntry("RG.38 得分", "DIFFERENT")
                .containsEntry("总分", "DIFFERENT")
                // the printed scores add up to 98, not the 95 printed
                .containsEntry("总分 = Σ 得分", "DIFFERENT");
        assertThat(figure(card, "RG.YSZX 得分", "recomputed")).isEqualTo("2");
        assertThat(figure(card, "RG.YSZX 得分", "rule")).startsWith("rule not published; under 如皋 2023 prints no "
                + "scoring rule");
        assertThat(figure(card, "总分 = Σ 得分", "recomputed")).isEqualTo("98");
        // the printed weights add up to 103, not the 100 the table says; 103 − 0.13 − 1.05 = 101.82
        assertThat(card.get("scorecard").get("maxTotal").decimalValue()).isEqualByComparingTo("103");
        assertThat(card.get("scorecard").get("total").decimalValue()).isEqualByComparingTo("101.82");
    }

    @Test
    void caidianAndTianxinAreScoredOnTheirBudgets() {
        JsonNode caidian = finalScorecard("/api/v1/districts/caidian/departments/scjgj/years/2020/department");
        assertThat(verdicts(caidian)).containsEntry("执行率", "REPRODUCED");
        assertThat(caidian.get("scorecard").get("execution").get("rateShown").decimalValue())
                .isEqualByComparingTo("98.75");
        JsonNode tianxin = finalScorecard("/api/v1/districts/tianxin/departments/scjgj/years/2020/department");
        // 天心's report states its spending but no budget: no 执行率, and no score made up for it
        assertThat(tianxin.get("scorecard").get("execution").get("unscorable").asText()).contains("state no budget");
        assertThat(tianxin.get("scorecard").get("execution").get("rate").isNull()).isTrue();
        // the narrative's own arithmetic: 168 = 108 + 7 + 53 in staff; 企业占比 48591 / 111655 is 43.52%, printed 43.46%
        assertThat(verdicts(tianxin)).containsEntry("在职人员 = 行政编制 + 事业参公编制 + 非参公事业人员", "REPRODUCED")
                .containsEntry("企业占比 = 企业 / 市场主体总量", "DIFFERENT")
                .containsEntry("人员经费 占基本支出", "REPRODUCED");
        assertThat(figure(tianxin, "企业占比 = 企业 / 市场主体总量", "recomputed")).isEqualTo("43.52");
        // 蔡甸: 医疗器械不良事件 118 of 101 is 116.83%, printed 116%: truncated
        assertThat(verdicts(caidian)).containsEntry("医疗器械不良事件 118 例，占全年任务 (101)", "ROUNDING")
                .containsEntry("执行数 = 基本支出总额 + 项目支出总额", "REPRODUCED");
    }

    /**
     * The tables print a year's totals with no day: 蔡甸 2020's receipts, spending and completions are recorded undated
     * (the page says 未载明), not on a made-up 31 December; its event words say 日期未载明.
     */
    @Test
    void aSeedsYearTotalsAreRecordedWithoutAMadeUpDate() throws Exception {
        String plan = "/api/v1/districts/caidian/departments/scjgj/years/2020/department";
        finalScorecard(plan);
        JsonNode view = planView(plan);
        List<JsonNode> spentOrReceived = new ArrayList<>();
        view.get("budget").get("movements").forEach(movement -> {
            if (List.of("spent", "received").contains(movement.get("movement").asText())) {
                spentOrReceived.add(movement);
            }
        });
        assertThat(spentOrReceived).isNotEmpty().allSatisfy(movement -> assertThat(movement.get("date").isNull())
                .as(movement.toString()).isTrue());
        List<JsonNode> latest = new ArrayList<>();
        view.get("goals").forEach(goal -> goal.get("indicators").forEach(indicator -> {
            if (indicator.hasNonNull("latest")) {
                latest.add(indicator.get("latest"));
            }
        }));
        assertThat(latest).isNotEmpty().allSatisfy(completion -> assertThat(completion.get("asOf").isNull()).isTrue());
        // its 压减 of four projects' funds is named with no amount: kept as named, and the printed figures stand
        List<JsonNode> noted = new ArrayList<>();
        view.get("budget").get("movements").forEach(movement -> {
            if (movement.get("movement").asText().equals("noted")) {
                noted.add(movement);
            }
        });
        assertThat(noted).hasSize(1);
        assertThat(noted.get(0).get("amount").isNull()).isTrue();
        assertThat(noted.get(0).get("kind").get("code").asText()).isEqualTo("REDUCTION");
        assertThat(noted.get(0).get("parts").findValuesAsText("name")).containsExactly("农贸市场以奖代补资金",
                "餐饮行业‘明厨亮灶’项目经费", "质量技术监督管理专项经费", "智慧食药监信息化工程");
        assertThat(noted.get(0).get("documentNumber").asText()).isEqualTo("《区财政局关于应对疫情影响平衡公共预算收支的工作方案》");
        assertThat(view.get("budget").get("adjusted").asText()).isEqualTo("6352.76");
        // the 自评表 notes it under the budget row, with what it touched and on what authority, and no amount
        assertThat(workbookTexts(plan)).anySatisfy(text -> assertThat(text).startsWith("注：预算调整：")
                .contains("调减（金额未载明：农贸市场以奖代补资金、餐饮行业‘明厨亮灶’项目经费、质量技术监督管理专项经费、智慧食药监信息化工程）")
                .contains("依据 《区财政局关于应对疫情影响平衡公共预算收支的工作方案》"));
    }

    /**
     * 东湖 2018's report says of 食品药品安全专项 that 风险分级管理 30 家, 过期药品回收点 11 个 and 抽检合格率 99.0%以上 were
     * added to the indicators as its self-evaluation was drawn up ("上述调整完善措施已在本次自评时予以体现"): they are
     * measured and scored with the others, shown as added then with those words, never as approved targets, and the
     * scorecard says so.
     */
    @Test
    void donghu2018sIndicatorsAddedAtTheSelfEvaluationAreShownAsSuch() throws Exception {
        String plan = DONGHU + "projects/SPAQ";
        JsonNode card = finalScorecard(plan);
        Map<String, String> added = new LinkedHashMap<>();
        planView(plan).get("goals").forEach(goal -> goal.get("indicators").forEach(indicator -> added.put(
                indicator.get("code").asText(), indicator.get("addedAtSelfEvaluation").asText(null))));
        assertThat(added).hasSize(10);
        added.forEach((code, reason) -> assertThat(reason).as(code).isEqualTo(
                List.of("SPAQ.FXFJ", "SPAQ.HSD", "SPAQ.HGL").contains(code) ? "上述调整完善措施已在本次自评时予以体现" : null));
        List<String> flags = new ArrayList<>();
        card.get("scorecard").get("flags").forEach(flag -> flags.add(flag.asText()));
        assertThat(flags.stream().filter(flag -> flag.contains("自评时补充"))).hasSize(3)
                .anySatisfy(flag -> assertThat(flag).contains("SPAQ.HSD 设置过期药品回收点"));
        assertThat(card.get("scorecard").get("indicators")).hasSize(10);
    }

    /**
     * 天心 2020 states its headcounts in its 基本情况 (在职人员 168 = 行政编制 108 + 事业参公编制 7 + 非参公事业人员 53, 离休
     * 人员 1, 编外人员 92): the department-wide plan holds them as printed and checks the sum.
     */
    @Test
    void tianxin2020sHeadcountsAreHeldAndTheirSumChecked() throws Exception {
        String plan = "/api/v1/districts/tianxin/departments/scjgj/years/2020/department";
        finalScorecard(plan);
        JsonNode staffing = planView(plan).get("staffing");
        Map<String, Integer> counts = new LinkedHashMap<>();
        staffing.get("headcounts").forEach(count -> counts.put(count.get("category").get("label").asText(),
                count.get("count").asInt()));
        assertThat(counts).containsExactly(Map.entry("在职人员", 168), Map.entry("行政编制", 108),
                Map.entry("事业参公编制", 7), Map.entry("非参公事业人员", 53), Map.entry("离休人员", 1),
                Map.entry("编外人员", 92));
        assertThat(staffing.get("establishments").asInt()).isEqualTo(108 + 7 + 53);
        assertThat(staffing.get("agrees").asBoolean()).isTrue();
    }

    /**
     * 硚口 2020's 药械监管专项经费 table heads its indicators 年度绩效目标1 (80分): the goal carries its 80 points (its
     * indicators print no 分值 to check them against), and the 自评表 prints them as the table does.
     */
    @Test
    void qiaokou2020sGoalCarriesThePointsItsTablePrints() throws Exception {
        String plan = QIAOKOU + "projects/YXJG";
        finalScorecard(plan);
        JsonNode goal = planView(plan).get("goals").get(0);
        assertThat(goal.get("weight").decimalValue()).isEqualByComparingTo("80");
        assertThat(goal.get("weightsAgree").isNull()).as("no indicator 分值 is printed to check").isTrue();
        HttpResponse<byte[]> table = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + plan
                        + "/self-evaluation.xlsx")).header("Authorization", "Bearer " + platform.tokenFor(plan, "auditor"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        try (org.apache.poi.ss.usermodel.Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(table.body()))) {
            List<String> goals = new ArrayList<>();
            workbook.getSheet("自评表").forEach(row -> {
                if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && row.getCell(0).getStringCellValue().startsWith("年度目标")) {
                    goals.add(row.getCell(0).getStringCellValue());
                }
            });
            assertThat(goals).hasSize(1).allSatisfy(text -> assertThat(text).startsWith("年度目标1（80分）："));
        }
    }

    /**
     * 东湖 2018 names each project's sub-projects ("综合事务管理专项包括党务经费、购买服务及劳务费专项经费和基层站所专项经费三个
     * 子项目"): the plan holds them as named. 综合事务 prints no 明细, so their amounts are not printed; 工商行政管理's
     * 明细 lines bear the same names (68.00 and 25.00); the 自评表 lists them under 子项目.
     */
    @Test
    void donghu2018sProjectsNameTheirSubProjects() throws Exception {
        String general = DONGHU + "projects/ZHSW";
        finalScorecard(general);
        JsonNode subProjects = planView(general).get("subProjects");
        assertThat(subProjects.findValuesAsText("name")).containsExactly("党务经费", "购买服务及劳务费专项经费",
                "基层站所专项经费");
        assertThat(subProjects.findValuesAsText("amountNote")).containsOnly("not printed");
        JsonNode business = planView(DONGHU + "projects/GSXZ").get("subProjects");
        assertThat(business.findValuesAsText("name")).containsExactly("商标广告及综合业务费", "执法办案费");
        assertThat(business.findValuesAsText("amount")).containsExactly("68.00", "25.00");
        // 食品药品安全's sentence names two of them otherwise than its 明细 lines (食品安全宣传 / 食品安全宣传费): those are
        // not matched; the third (药品医疗器械监管) bears its line's name and shows its 23.00
        JsonNode food = planView(DONGHU + "projects/SPAQ").get("subProjects");
        assertThat(food.get(0).get("amountNote").asText()).isEqualTo("no 明细 line of this name");
        assertThat(food.get(1).get("amountNote").asText()).isEqualTo("no 明细 line of this name");
        assertThat(food.get(2).get("amount").asText()).isEqualTo("23.00");
        assertThat(workbookTexts(general)).contains("子项目", "党务经费、购买服务及劳务费专项经费、基层站所专项经费");
    }

    /**
     * 如皋 2023 prints its 决算 by funding source beside the one by class: 14962.36 + 1140.04 = 16102.40 = 12647.54 +
     * 3454.86. The spending recorded by class is not split by a guess; the printed figures by source are stated as a
     * whole, and they add up to the 执行数, so nothing is flagged.
     */
    @Test
    void rugao2023sSpendingBySourceIsStatedAsPrinted() throws Exception {
        JsonNode budget = planView("/api/v1/districts/rugao/departments/scjgj/years/2023/department").get("budget");
        assertThat(budget.get("executed").asText()).isEqualTo("16102.40");
        Map<String, String> bySource = new java.util.HashMap<>();
        budget.get("sources").forEach(source -> bySource.put(source.get("part").get("label").asText(),
                source.get("executed").asText()));
        assertThat(bySource).containsEntry("一般公共预算财政拨款", "14962.36").containsEntry("政府性基金预算", "1140.04");
        assertThat(budget.get("flags").toString()).doesNotContain("spending-by-source-differs");
        // the 自评表 prints them under the total, as the national template's 其中 rows do
        List<String> texts = workbookTexts("/api/v1/districts/rugao/departments/scjgj/years/2023/department");
        assertThat(texts).contains("其中：一般公共预算财政拨款", "其中：政府性基金预算");
    }

    /**
     * 天心 2020 states nine 年度总体目标, each for a fund ("2.食品安全监管检测经费，2020年度总体目标：…"): all nine are the
     * plan's overall goals; the one whose figures it prints is the goal its indicators measure, and says which fund.
     */
    @Test
    void tianxin2020sGoalIsForTheFundItsReportNames() throws Exception {
        String plan = TIANXIN + "department";
        JsonNode goal = planView(plan).get("goals").get(0);
        assertThat(goal.get("fundedBy").asText()).isEqualTo("食品安全监管检测经费");
        List<String> texts = workbookTexts(plan);
        assertThat(texts).anySatisfy(text -> assertThat(text).startsWith("年度目标1（食品安全监管检测经费）："));
        // its nine 年度总体目标, each for the fund it names, as printed and in its order
        JsonNode overall = planView(plan).get("overallGoals");
        assertThat(overall).hasSize(9);
        assertThat(overall.get(0).get("fundedBy").asText()).isEqualTo("信息化工作经费");
        assertThat(overall.get(7).get("fundedBy").asText()).isEqualTo("2020省级市场监管专项（标准化项目补助）");
        assertThat(overall.get(8).get("text").asText()).isEqualTo("用于推进知识产权战略，对部分个人和企业专利申请及产业培育补助。");
        assertThat(texts).contains("年度总体目标").anySatisfy(text -> assertThat(text)
                .startsWith("1.信息化工作经费：夯实信息化建设基础").contains("\n9.2020知识产权战略推进专项：用于推进知识产权战略"));
    }

    /** Every text cell of a plan's 自评表, read as the auditor downloads it. */
    private static List<String> workbookTexts(String plan) throws Exception {
        HttpResponse<byte[]> table = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + plan
                        + "/self-evaluation.xlsx")).header("Authorization", "Bearer " + platform.tokenFor(plan, "auditor"))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(table.statusCode()).isEqualTo(200);
        List<String> texts = new ArrayList<>();
        try (org.apache.poi.ss.usermodel.Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(table.body()))) {
            workbook.getSheet("自评表").forEach(row -> row.forEach(cell -> {
                if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                    texts.add(cell.getStringCellValue());
                }
            }));
        }
        return texts;
    }

    /**
     * 东湖 2018's 食品药品安全专项 prints its 项目支出明细表 (137.51 + 10.00 + 23.00 = 170.51, each spent in full): its
     * lines are the plan's budget lines, the spending is charged to each, and the line's 执行率 is computed.
     */
    @Test
    void donghu2018sSpendingDetailIsItsBudgetLines() throws Exception {
        String plan = DONGHU + "projects/SPAQ";
        finalScorecard(plan);
        JsonNode lines = planView(plan).get("budget").get("lines");
        assertThat(lines.findValuesAsText("name")).containsExactly("食品餐饮监管、规划协调工作", "食品安全宣传费",
                "药品医疗器械监管");
        assertThat(lines.findValuesAsText("amount")).containsExactly("137.51", "10.00", "23.00");
        assertThat(lines.findValuesAsText("executed")).containsExactly("137.51", "10.00", "23.00");
        assertThat(lines.findValuesAsText("executionRate")).containsOnly("100.00");
    }

    /**
     * 东湖 2018's 综合事务 reduction of 109.58 is itemised in its report (九峰所维修费 51.08, 豹澥所维修费 58.50): the
     * adjustment keeps its parts, and the plan shows them beside it.
     */
    @Test
    void donghu2018sReductionKeepsItsParts() throws Exception {
        String plan = DONGHU + "projects/ZHSW";
        finalScorecard(plan);
        List<JsonNode> reductions = new ArrayList<>();
        planView(plan).get("budget").get("movements").forEach(movement -> {
            if (movement.get("movement").asText().equals("adjusted")) {
                reductions.add(movement);
            }
        });
        assertThat(reductions).hasSize(2);
        assertThat(reductions.get(0).get("parts").isNull()).as("新增 27.09 is not itemised").isTrue();
        JsonNode parts = reductions.get(1).get("parts");
        assertThat(reductions.get(1).get("amount").asText()).isEqualTo("109.58");
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).get("name").asText()).isEqualTo("九峰所维修费");
        assertThat(parts.get(0).get("amount").asText()).isEqualTo("51.08");
        assertThat(parts.get(1).get("name").asText()).isEqualTo("豹澥所维修费");
        assertThat(parts.get(1).get("amount").asText()).isEqualTo("58.50");
        // the 自评表 notes both adjustments under the budget row, the reduction with its items
        assertThat(workbookTexts(plan)).anySatisfy(text -> assertThat(text).startsWith("注：预算调整：")
                .contains("调减 109.58 万元（九峰所维修费 51.08 + 豹澥所维修费 58.50）"));
    }

    /**
     * 硚口 2020 prints "≥4" for 农贸市场中心城区排名, a rank: the seed states it better lower (derived from the word 排名),
     * so the plan shows the direction and reads the target as 第4名 or better; the printed 4 meets it.
     */
    @Test
    void qiaokou2020sRankingIsReadBetterLower() throws Exception {
        String plan = QIAOKOU + "department";
        finalScorecard(plan);
        List<JsonNode> ranks = new ArrayList<>();
        planView(plan).get("goals").forEach(goal -> goal.get("indicators").forEach(indicator -> {
            if (indicator.get("code").asText().equals("QK.07")) {
                ranks.add(indicator);
            }
        }));
        assertThat(ranks).hasSize(1);
        JsonNode rank = ranks.get(0);
        assertThat(rank.get("direction").get("code").asText()).isEqualTo("LOWER_IS_BETTER");
        assertThat(rank.get("target").get("text").asText()).isEqualTo("≥4");
        assertThat(rank.get("target").get("value").get("comparator").asText()).isEqualTo("AT_MOST");
        assertThat(rank.get("outcome").asText()).isEqualTo("MET");
        // the 自评表 keeps the printed "≥4" and says over the table which way it is read
        assertThat(workbookTexts(plan)).anySatisfy(text -> assertThat(text).startsWith("注：以下指标按所列方向读取目标值")
                .contains("（≥4，越低越好）"));
    }

    @Test
    void theDocsTableOfSeedFiguresIsCurrent() throws Exception {
        StringBuilder table = new StringBuilder("# Seed figures: reported and recomputed\n\n"
                + "Every figure the seed documents report (得分, 执行率, 偏差率, 总分, 等级), held against what PerfLedger "
                + "recomputes from the same data under each district's scheme, after loading the documents through the "
                + "commands (`infra/local-run/src/main/resources/seed-data/`). Verdicts: REPRODUCED (the recomputed value "
                + "rounded HALF_UP to the printed decimals), ROUNDING (off by less than one unit of the last printed "
                + "digit), DIFFERENT, CANNOT_CHECK (not printed, derived from itself, or no rule: the rule column says "
                + "which). `总分 = Σ 得分` holds a printed total against the sum of its printed parts, whatever the weights. "
                + "Generated and checked by `SeedScoringTest`; do not edit by hand.\n\n");
        for (String document : SeedDataset.DOCUMENTS) {
            JsonNode seed = SeedDataset.read(document);
            table.append("## ").append(seed.get("document").asText()).append(" — ")
                    .append(seed.get("department").get("name").asText()).append(' ').append(seed.get("year").asInt())
                    .append("\n\n").append(seed.get("note").asText()).append("\n\n")
                    .append("| plan | figure | reported | recomputed | verdict | rule |\n")
                    .append("| --- | --- | ---: | ---: | --- | --- |\n");
            String base = "/api/v1/districts/" + seed.get("district").asText() + "/departments/"
                    + seed.get("department").get("code").asText() + "/years/" + seed.get("year").asInt() + "/";
            for (JsonNode plan : seed.get("plans")) {
                boolean project = plan.hasNonNull("project");
                String name = project ? plan.get("project").get("code").asText() + " "
                        + plan.get("project").get("name").asText() : "部门整体";
                JsonNode card = finalScorecard(base + (project ? "projects/" + plan.get("project").get("code").asText()
                        : "department"));
                int unweighted = card.get("scorecard").get("unweighted").asInt();
                table.append("| ").append(name).append(" | 总分 (recomputed / of) | | ")
                        .append(unweighted > 0 ? "— (" + unweighted + " without 分值)"
                                : card.get("scorecard").get("total").decimalValue().toPlainString() + " / "
                                + card.get("scorecard").get("maxTotal").decimalValue().toPlainString()).append(" | | |\n");
                for (JsonNode flag : card.get("scorecard").get("flags")) {
                    table.append("| ").append(name).append(" | flag | | | | ").append(flag.asText().replace("|", "/"))
                            .append(" |\n");
                }
                for (JsonNode figure : card.get("reported")) {
                    table.append("| ").append(name).append(" | ").append(figure.get("figure").asText()).append(" | ")
                            .append(text(figure.get("reported"))).append(" | ").append(text(figure.get("recomputed")))
                            .append(" | ").append(figure.get("verdict").asText()).append(" | ")
                            .append(figure.get("rule").asText().replace("|", "/")).append(" |\n");
                }
            }
            table.append('\n');
        }
        Path generated = Path.of("target/seed-figures.md");
        Files.writeString(generated, table.toString());
        Path docs = Path.of("../../docs/seed-figures.md");
        assertThat(Files.exists(docs) ? Files.readString(docs) : "")
                .as("docs/seed-figures.md is out of date: copy infra/local-run/target/seed-figures.md over it")
                .isEqualTo(table.toString());
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "—" : value.decimalValue().toPlainString();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return DemoDistrict.send(HTTP, platform.commandUrl(), new SeedYear.Step(method, path, body), null,
                platform.tokenFor(path, "finance"));
    }

    @Test
    void aSchemeChangeRescoresWhileTheScoreOnRecordStaysReproducible() throws Exception {
        String plan = "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/ZHSW";
        assertThat(finalScorecard(plan).get("schemeVersion").asInt()).isEqualTo(1);
        JsonNode scheme = SeedDataset.read("001-donghu-2018.json").get("schemes").get("project").deepCopy();
        ((ObjectNode) scheme.get("execution")).put("base", "ADJUSTED");
        HttpResponse<String> changed = send("PUT", "/api/v1/districts/donghu/years/2018/scoring-schemes/project",
                scheme.toString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(JSON.readTree(changed.body()).get("version").asInt()).isEqualTo(2);

        JsonNode onRecord = await().atMost(Duration.ofSeconds(10)).until(() -> scorecard(plan),
                card -> card.get("latestSchemeVersion").asInt() == 2);
        assertThat(onRecord.get("schemeVersion").asInt()).as("submitted under version 1").isEqualTo(1);
        assertThat(onRecord.get("scorecard").get("total").decimalValue()).isEqualByComparingTo("96.25");

        HttpResponse<String> rescored = HTTP.send(HttpRequest.newBuilder(URI.create(platform.queryUrl() + plan
                + "/scorecard?schemeVersion=2")).header("Authorization", "Bearer " + platform.tokenFor(plan, "auditor"))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode underTwo = JSON.readTree(rescored.body());
        // over the adjusted budget, 357.04 of 357.04 is 100%: 20 points, 100 in all
        assertThat(underTwo.get("scorecard").get("execution").get("score").decimalValue()).isEqualByComparingTo("20");
        assertThat(underTwo.get("scorecard").get("total").decimalValue()).isEqualByComparingTo("100");
        assertThat(verdicts(underTwo)).containsEntry("总分", "DIFFERENT");
    }

    @Test
    void aProvisionalScoreFollowsSpendingAndCompletionsDuringTheYear() throws Exception {
        send("POST", "/api/v1/districts/tianxin/departments", "{\"departmentId\":\"live\",\"name\":\"天心区某局\"}");
        String plan = "/api/v1/districts/tianxin/departments/live/years/2020/department";
        send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}");
        send("POST", plan + "/goals", "{\"text\":\"开展抽检\"}");
        send("PUT", plan + "/indicators/LIVE.CJ", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"10\",\"target\":\"100批次\"}");
        send("POST", plan + "/targets/submission", null);
        send("POST", plan + "/targets/approval", null);
        send("POST", plan + "/budget/expenditures", "{\"amount\":\"50.00\",\"date\":\"2020-06-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"上半年\"}");

        JsonNode halfway = await().atMost(Duration.ofSeconds(10)).until(() -> scorecard(plan),
                card -> card != null && card.get("scorecard").get("execution").get("score").decimalValue().signum() > 0);
        assertThat(halfway.get("status").asText()).isEqualTo("provisional");
        assertThat(halfway.get("scorecard").get("execution").get("score").decimalValue()).isEqualByComparingTo("10");
        assertThat(halfway.get("scorecard").get("indicators").get(0).get("unscorable").asText())
                .contains("no actual value");

        send("POST", plan + "/indicators/LIVE.CJ/completions", "{\"value\":\"60批次\",\"asOf\":\"2020-06-30\"}");
        JsonNode later = await().atMost(Duration.ofSeconds(10)).until(() -> scorecard(plan),
                card -> card.get("scorecard").get("indicators").get(0).get("unscorable").isNull());
        assertThat(later.get("scorecard").get("indicators").get(0).get("score").decimalValue()).isEqualByComparingTo("6");
        assertThat(later.get("scorecard").get("total").decimalValue()).isEqualByComparingTo("16");
        assertThat(later.get("scorecard").get("indicators").get(0).get("formula").asText())
                .isEqualTo("10.00 × min(1, 60 / 100)");
    }

    @Test
    void donghu2018TotalsAreReproducedOrFlaggedWithTheReason() {
        String year = "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/";

        JsonNode general = finalScorecard(year + "ZHSW");
        assertThat(general.get("scorecard").get("total").asText()).isEqualTo("96.25");
        assertThat(verdicts(general)).containsEntry("总分", "REPRODUCED").containsEntry("执行率", "REPRODUCED")
                .containsEntry("执行率得分", "REPRODUCED").containsEntry("ZHSW.SQ 偏差率", "REPRODUCED")
                .containsEntry("等级", "REPRODUCED");

        JsonNode business = finalScorecard(year + "GSXZ");
        assertThat(business.get("scorecard").get("total").asText()).isEqualTo("99.79");
        assertThat(verdicts(business)).containsEntry("总分", "REPRODUCED").containsEntry("GSXZ.JAL 得分", "REPRODUCED")
                .containsEntry("GSXZ.JAL 偏差率", "REPRODUCED");
        assertThat(business.get("consistent").asBoolean()).as(business.toString()).isTrue();

        JsonNode food = finalScorecard(year + "SPAQ");
        assertThat(food.get("scorecard").get("total").asText()).isEqualTo("99.94");
        assertThat(verdicts(food)).containsEntry("总分", "REPRODUCED").containsEntry("SPAQ.HGL 得分", "REPRODUCED")
                // 4944 / 3500 − 1 = 41.26%, printed +41.0%
                .containsEntry("SPAQ.KSJC 偏差率", "DIFFERENT")
                // 附件3 divides by 调整后 (170.51 / 170.51 = 100.0%) where the other reports divide by 年初: the scheme
                // names this plan's basis, with the sentence that states it
                .containsEntry("执行率", "REPRODUCED")
                .containsEntry("执行率得分", "REPRODUCED");
        assertThat(food.get("scorecard").get("execution").get("base").asText()).isEqualTo("调整后预算");
        assertThat(food.get("scorecard").get("flags").toString()).contains("附件3: 调整后预算资金为 170.51 万元");
        assertThat(general.get("scorecard").get("execution").get("base").asText()).isEqualTo("年初预算");
        assertThat(figure(food, "SPAQ.KSJC 偏差率", "recomputed")).isEqualTo("41.3");

        JsonNode quality = finalScorecard(year + "ZLJS");
        // 重点单位巡查 is printed "设定分值 5 分" but scored 1.88 = 4 × 188 / 400; with 5 the total is 97.11, not 96.64
        assertThat(quality.get("scorecard").get("total").asText()).isEqualTo("97.11");
        assertThat(quality.get("scorecard").get("maxTotal").decimalValue()).isEqualByComparingTo("101");
        assertThat(verdicts(quality)).containsEntry("总分", "DIFFERENT").containsEntry("ZLJS.ZDXC 得分", "DIFFERENT")
                .containsEntry("ZLJS.RCXC 得分", "REPRODUCED");
        assertThat(figure(quality, "ZLJS.ZDXC 得分", "recomputed")).isEqualTo("2.35");
        assertThat(quality.get("consistent").asBoolean()).isFalse();
    }
}
