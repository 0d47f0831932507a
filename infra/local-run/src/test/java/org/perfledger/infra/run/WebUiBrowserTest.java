package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perfledger.infra.embedded.ScratchDirectories;

/**
 * The web UI in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; other paths through
 * {@code -Dperfledger.chromium} and {@code -Dperfledger.chromedriver}), against the whole platform with the demo
 * districts: district finance opens the overview, drills into a department, follows year over year, switches language
 * and exports workbooks; a department editor records a completion and an expenditure through the forms and sees the
 * dashboard change, and submits a self-evaluation; a viewer gets no forms.
 */
class WebUiBrowserTest {

    private static final String DEPARTMENT = "#/dept/scjgj/2020";
    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Path downloads;

    @BeforeAll
    static void startBrowser() throws IOException {
        platform = LaunchedPlatform.get();
        downloads = ScratchDirectories.create("perfledger-downloads");
        browser = Browsers.start(downloads);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshSession() {
        forgetSessions();
    }

    /** Each test's last page as a screenshot under target/screenshots, to see what a failure looked like. */
    @AfterEach
    void screenshotAndSignOut(TestInfo test) throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(folder.resolve(test.getTestMethod().map(m -> m.getName()).orElse("test") + ".png"),
                browser.getScreenshotAs(OutputType.BYTES));
        forgetSessions();
    }

    /** Signs in as a demo user (see {@link Browsers#signIn}), then opens {@code page} if given. */
    private static void signInAs(String subject, String district, String department, String role, String page) {
        Browsers.signIn(browser, wait, platform, subject);
        if (page != null) {
            browser.get(platform.queryUrl() + "/" + page);
        }
    }

    private static void forgetSessions() {
        Browsers.forgetSessions(browser, platform);
    }

    /**
     * Clicks an element inside another, found afresh until the click lands: the page may render again (data arriving,
     * a token renewed) between finding an element and clicking it.
     */
    private static void clickIn(String scope, String test) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("[data-test='" + scope + "'] [data-test='" + test + "']")).click();
            return true;
        });
    }

    /** A figure of the ECharts chart in the element: {@code option…} read from the chart's current option. */
    private static Object chart(String test, String expression) {
        return wait.until(driver -> ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "const chart = window.echarts.getInstanceByDom(document.querySelector(\"[data-test='" + test + "']\"));"
                        + "if (!chart) return null; const option = chart.getOption(); return " + expression + ";"));
    }

    private static WebElement find(String test) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test='" + test + "']")));
    }

    private static List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    private static WebElement in(WebElement scope, String test) {
        return scope.findElement(By.cssSelector("[data-test='" + test + "']"));
    }

    @Test
    void financeOpensTheOverviewDrillsIntoADepartmentSwitchesLanguageAndExports() throws Exception {
        signInAs("donghu.finance", "donghu", null, "DISTRICT_FINANCE", null);
        // finance lands on the latest year's work queue, then opens the overview: 东湖 2020 (sample year) with four
        // projects and a chart
        wait.until(ExpectedConditions.urlContains("#/work/2020"));
        find("nav-overview").click();
        wait.until(driver -> all("[data-test=overview-row]").size() == 4);
        assertThat(browser.getCurrentUrl()).endsWith("#/overview/2020");
        // the chart shows what the table shows: a bar per plan, each plan's score, the legend naming both series
        assertThat(chart("overview-chart", "option.series[0].data.length")).isEqualTo(4L);
        assertThat(chart("overview-chart", "option.legend[0].data.join('|')")).isEqualTo("得分|执行率");
        assertThat((Long) chart("overview-chart", "option.yAxis[0].max")).as("no score clipped").isGreaterThanOrEqualTo(100L);
        assertThat(find("overview").getText()).contains("质量技术监督项目", "执行中", "执行进度滞后");

        find("sort-score").click();
        wait.until(ExpectedConditions.urlContains("sort=score"));
        find("filter-alert").sendKeys("执行进度滞后");
        wait.until(driver -> all("[data-test=overview-row]").size() == 1);
        assertThat(find("overview").getText()).contains("质量技术监督项目").doesNotContain("食品药品安全专项");

        // what is due against the sample 2020 calendar (H1 monitoring by 2020-07-15, 自评 by 2021-03-31)
        find("nav-due").click();
        wait.until(driver -> all("[data-test=due-row]").size() == 8);
        assertThat(find("due").getText()).contains("绩效运行监控（H1）", "年度绩效自评", "已逾期", "已完成");
        find("late-only").click();
        wait.until(driver -> all("[data-test=due-row]").size() < 8);
        assertThat(all("[data-test=due-row]")).as("late rows only, and some").isNotEmpty()
                .allSatisfy(row -> assertThat(row.getText()).contains("已逾期"));
        browser.navigate().back();
        browser.navigate().back();
        wait.until(driver -> all("[data-test=overview-row]").size() == 1);

        find("department-link").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=department-title]"),
                "东湖高新区市场监督管理局 · 2020 年度"));
        WebElement quality = find("plan-ZLJS");
        assertThat(in(quality, "time-progress").getText()).contains("序时进度", "执行滞后");
        assertThat(chart("department-chart", "option.series[0].data.length")).isEqualTo(4L);
        assertThat(chart("department-chart", "option.series[0].markLine.data[0].name")).isEqualTo("序时进度");
        assertThat(all("[data-test=record-completion]")).as("finance does not record completions").isEmpty();

        find("yoy-link").click();
        wait.until(driver -> all("[data-test=yoy-row]").size() >= 12);
        assertThat((String) chart("yoy-score", "option.xAxis[0].data.join('|')")).startsWith("2018|2019|2020");
        assertThat((Long) chart("yoy-score", "option.series.length")).as("a line per plan").isGreaterThanOrEqualTo(4L);
        assertThat(find("yoy").getText()).contains("2018", "2019", "2020", "下降");

        find("lang-switch").click();
        wait.until(driver -> "en".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(find("nav-overview").getText()).isEqualTo("District overview");
        assertThat(find("yoy").getText()).contains("Execution", "down");
        find("lang-switch").click();
        wait.until(driver -> "zh-CN".equals(browser.findElement(By.tagName("html")).getAttribute("lang")));
        assertThat(find("nav-overview").getText()).isEqualTo("全区总览");

        browser.get(platform.queryUrl() + "/#/dept/scjgj/2018");
        clickIn("plan-ZLJS", "export-self-evaluation");
        Path workbook = downloaded("2018-scjgj-ZLJS-自评表.xlsx");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(workbook)))) {
            assertThat(book.getSheet("自评表").getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("2018 年度质量技术监督项目自评表");
        }
        browser.get(platform.queryUrl() + "/#/overview/2018");
        find("download-summary").click();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(
                downloaded("2018-donghu-汇总.xlsx"))))) {
            assertThat(book.getSheet("汇总")).isNotNull();
        }
    }

    @Test
    void anEditorRecordsACompletionAndAnExpenditureAndSeesTheDashboardChange() {
        signInAs("donghu.scjgj.editor", "donghu", "scjgj", "DEPARTMENT_EDITOR", null);
        // an editor lands on its department's latest year
        wait.until(ExpectedConditions.urlContains(DEPARTMENT));
        WebElement row = find("indicator-ZLJS.ZDXC");
        assertThat(in(row, "actual").getText()).isEqualTo("—");
        assertThat(find("plan-ZLJS").getText()).contains("缺少完成值：ZLJS.ZDXC 重点单位巡查单位家数")
                .contains("需填写偏差原因：ZLJS.RCXC 日常监管巡查设备台数（-24.03%）");

        in(row, "record-completion").click();
        WebElement form = find("completion-form");
        // a refused value is said at its field, as text: markup typed in it is not rendered
        in(form, "field-value").sendKeys("<b>260</b> 家");
        in(form, "field-evidence").sendKeys("巡查台账");
        in(form, "submit").click();
        assertThat(find("error-value").getText()).isNotBlank();
        assertThat(all("[data-test=completion-form] b")).isEmpty();
        in(form, "field-value").clear();
        in(form, "field-value").sendKeys("260 家");
        in(form, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test='indicator-ZLJS.ZDXC'] [data-test=actual]"), "260 家"));
        assertThat(find("indicator-ZLJS.ZDXC").getText()).contains("65.00%");
        // 260 of 400: now it needs a reason instead
        assertThat(find("plan-ZLJS").getText()).doesNotContain("缺少完成值：ZLJS.ZDXC")
                .contains("需填写偏差原因：ZLJS.ZDXC 重点单位巡查单位家数（-35.00%）");

        clickIn("plan-ZLJS", "record-expenditure");
        WebElement spend = find("expenditure-form");
        in(spend, "field-amount").sendKeys("12.345");
        in(spend, "field-description").sendKeys("浏览器测试支出");
        in(spend, "submit").click();
        assertThat(find("error-amount").getText()).contains("两位小数");
        in(spend, "field-amount").clear();
        in(spend, "field-amount").sendKeys("10.00");
        in(spend, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=plan-ZLJS]"),
                "124.91"));

        // a slip of digits: 100,000 万元 on a 212.80 万元 project is refused until someone confirms it
        clickIn("plan-ZLJS", "record-expenditure");
        WebElement slip = find("expenditure-form");
        assertThat(slip.findElements(By.cssSelector("[data-test=field-overBudgetConfirmed]"))).as("asked only when "
                + "needed").isEmpty();
        in(slip, "field-amount").sendKeys("100000.00");
        in(slip, "field-description").sendKeys("多输了几位");
        in(slip, "submit").click();
        assertThat(find("error-overBudgetConfirmed").getText()).contains("超过预算");
        assertThat(in(slip, "field-overBudgetConfirmed").isDisplayed()).isTrue();
        assertThat(in(slip, "field-amount").getAttribute("value")).as("what was typed is kept").isEqualTo("100000.00");
        assertThat(find("plan-ZLJS").getText()).as("nothing was recorded").contains("124.91");
    }

    @Test
    void anImportedWorkbookWithMistakesIsRefusedCellByCellAndTimeProgressFollowsTheChosenDay() throws IOException {
        Path file = downloads.resolve("不是自评表.xlsx");
        try (Workbook book = new XSSFWorkbook(); java.io.OutputStream out = Files.newOutputStream(file)) {
            book.createSheet("自评表").createRow(0).createCell(0).setCellValue("2019 年度市场局综合事务管理专项自评表");
            book.write(out);
        }
        // 东湖 2019 市场局综合事务管理专项 (sample year): closed, its self-evaluation still to come
        signInAs("donghu.scjgj.editor", "donghu", "scjgj", "DEPARTMENT_EDITOR", "#/dept/scjgj/2019");
        clickIn("plan-ZHSW", "import-self-evaluation");
        find("import-file").sendKeys(file.toAbsolutePath().toString());
        WebElement problems = find("problems");
        assertThat(problems.getText()).contains("nothing was imported", "A1", "一级指标", "预算数");
        assertThat(find("plan-ZHSW").getText()).as("nothing was recorded").contains("年度已结束");

        // 序时进度 as of 1 July 2020: 183 of 366 days gone
        browser.get(platform.queryUrl() + "/" + DEPARTMENT + "?asOf=2020-07-01");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("[data-test=plan-ZLJS] [data-test=time-progress]"), "序时进度 50.00%"));
    }

    @Test
    void anEditorSubmitsTheSelfEvaluationOfAClosedYear() {
        signInAs("donghu.scjgj.editor", "donghu", "scjgj", "DEPARTMENT_EDITOR", DEPARTMENT);
        WebElement plan = find("plan-GSXZ");
        assertThat(plan.getText()).contains("年度已结束");
        in(plan, "submit-self-evaluation").click();
        WebElement form = find("self-evaluation-form");
        for (WebElement reason : form.findElements(By.cssSelector("textarea[name^='reason:']"))) {
            reason.sendKeys("示例：按实际完成情况说明");
        }
        in(form, "field-deviationAnalysis").sendKeys("示例：部分指标超额完成");
        in(form, "field-improvementMeasures").sendKeys("示例：加强执行监控");
        in(form, "field-resultsUse").sendKeys("示例：作为下年预算依据");
        in(form, "field-publicationPlan").sendKeys("示例：随部门决算公开");
        in(form, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=plan-GSXZ]"),
                "自评已报送"));
        assertThat(find("plan-GSXZ").getText()).as("finance has not reviewed it yet").doesNotContain("已复核", "审核通过");
    }

    /**
     * 东湖 2018's 食品药品安全专项 measured three indicators its approved targets did not hold: the plan page marks them
     * 自评时补充 with the report's words, and on a closed year the editor is offered the form to add one (with its
     * reason, required), which passes axe.
     */
    @Test
    void indicatorsAddedAtTheSelfEvaluationAreMarkedAndAnEditorMayAddOne() throws IOException {
        signInAs("donghu.finance", "donghu", null, "DISTRICT_FINANCE", "#/plan/scjgj/2018/SPAQ");
        WebElement added = in(find("indicator-SPAQ.HSD"), "added-at-self-evaluation");
        assertThat(added.getText()).contains("自评时补充");
        assertThat(added.getAttribute("title")).isEqualTo("上述调整完善措施已在本次自评时予以体现");
        assertThat(find("indicator-SPAQ.KSJC").findElements(By.cssSelector("[data-test=added-at-self-evaluation]")))
                .isEmpty();
        assertThat(all("[data-test=add-late-indicator]")).as("finance does not draw up a self-evaluation").isEmpty();

        forgetSessions();
        signInAs("donghu.scjgj.editor", "donghu", "scjgj", "DEPARTMENT_EDITOR", DEPARTMENT);
        assertThat(find("plan-GSXZ").getText()).contains("年度已结束");
        browser.get(platform.queryUrl() + "/#/plan/scjgj/2020/GSXZ");
        find("add-late-indicator").click();
        WebElement form = find("late-indicator-form");
        assertThat(form.getText()).contains("补充原因");
        assertThat(Accessibility.violations(browser, "late-indicator-form", "screenshots")).isEmpty();
    }

    @Test
    void anAuditorReadsTheEventLogInWordsAndVerifiesTheChain() {
        signInAs("donghu.auditor", "donghu", null, "AUDITOR", null);
        wait.until(driver -> all("[data-test=overview-row]").size() == 4);
        assertThat(all("[data-test=record-completion]")).isEmpty();

        find("nav-log").click();
        wait.until(driver -> all("[data-test=log-row]").size() == 100);
        assertThat(find("event-log").getText()).contains("区县接入", "东湖高新区");
        find("log-more").click();
        wait.until(driver -> all("[data-test=log-row]").size() > 100);

        // one project's year: 食品药品安全专项 2018 with its 上级转移支付 20.91 (seed 001)
        browser.get(platform.queryUrl() + "/#/audit/log?department=scjgj&year=2018&plan=SPAQ");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=event-log]"),
                "预算调整：第 1 次，上级转移支付 20.91 万元，149.60 → 170.51 万元，原因：上级转移支付资金"));
        assertThat(find("event-log").getText()).contains("demo-loader", "自评报送").doesNotContain("质量技术监督项目");

        find("nav-chain").click();
        find("chain-verify").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=chain-result]"),
                "哈希链完好"));
        // the daily heads to hand to an outside party, each a SHA-256 in hex (other tests may write to donghu in
        // between, so it is not compared with the verified head here; EventChainTest does that)
        List<WebElement> heads = all("[data-test=chain-heads] tbody tr");
        assertThat(heads).isNotEmpty();
        String latest = heads.get(heads.size() - 1).findElements(By.tagName("td")).get(2).getText();
        assertThat(latest).hasSize(64);
    }

    /** In 天心, which no other browser test reads, so its new department changes nothing they count. */
    @Test
    void anAuditorSeesADashboardAsItStoodThenWhatChangedSinceAndExportsTheLog() throws Exception {
        PlatformClient client = new PlatformClient(platform);
        String plan = "/api/v1/districts/tianxin/departments/uiasof/years/2020/department";
        client.send("POST", "/api/v1/districts/tianxin/departments", "{\"departmentId\":\"uiasof\",\"name\":\"历史回放局\"}");
        client.send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"500.00\"}}");
        client.send("POST", plan + "/goals", "{\"text\":\"开展抽检\"}");
        client.send("PUT", plan + "/indicators/UI.1", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                + "\"name\":\"抽检批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        client.send("POST", plan + "/targets/submission", null);
        client.send("POST", plan + "/targets/approval", null);
        client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"100.00\",\"date\":\"2020-04-30\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"一季度抽检\"}");
        String dashboard = "/api/v1/districts/tianxin/departments/uiasof/years/2020/dashboard";
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> client.read(dashboard).get("plans").get(0)
                .get("executed").asText().equals("100.00"));
        Instant then = Instant.now();
        Thread.sleep(5);
        client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"150.00\",\"date\":\"2020-08-31\","
                + "\"expenditureClass\":\"公用经费\",\"description\":\"二季度抽检\"}");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> client.read(dashboard).get("plans").get(0)
                .get("executed").asText().equals("250.00"));

        signInAs("tianxin.auditor", "tianxin", null, "AUDITOR", "#/dept/uiasof/2020?at=" + then);
        find("as-of-banner");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=plan-department]"),
                "100.00"));
        assertThat(find("plan-department").getText()).doesNotContain("250.00");

        find("changes-link").click();
        wait.until(driver -> !all("[data-test=change-row]").isEmpty());
        assertThat(find("changes").getText()).as("in business words").contains("部门整体 · 执行数", "100.00 万元", "250.00 万元")
                .doesNotContain("plans[", "executed");
        assertThat(find("changes-events").getText()).contains("支出", "150.00", "二季度抽检", "finance");

        find("nav-log").click();
        find("log-export").click();
        List<String> lines = Files.readAllLines(downloaded("perfledger-tianxin-all-years-event-log", ".jsonl"));
        assertThat(lines.get(0)).contains("\"record\":\"header\"", "\"district\":\"tianxin\"");
        assertThat(lines.get(lines.size() - 1)).contains("\"record\":\"end\"");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("tianxin/uiasof/2020/department",
                "二季度抽检"));
    }

    /**
     * 硚口's 政府购岗人员 table prints 得分 but no 分值: finance sees the weights as not set (not 0), every reported figure
     * beside its recomputation, the 执行率得分 of 17 for 100% flagged, the printed 总分 checked against its printed parts,
     * and the checks pass axe.
     */
    @Test
    void financeSeesEveryReportedFigureCheckedAndWeightsThatAreNotPrinted() throws IOException {
        signInAs("qiaokou.finance", "qiaokou", null, "DISTRICT_FINANCE", "#/plan/scjgj/2020/GGRY");
        WebElement checks = find("reported-checks");
        WebElement execution = wait.until(driver -> checks.findElements(By.cssSelector("[data-test='check-执行率得分']"))
                .stream().findFirst().orElse(null));
        assertThat(in(execution, "verdict").getText()).isEqualTo("不一致");
        assertThat(execution.getText()).contains("17").contains("20");
        assertThat(in(checks.findElement(By.cssSelector("[data-test='check-总分 = Σ 得分']")), "verdict").getText())
                .isEqualTo("一致");
        assertThat(in(checks.findElement(By.cssSelector("[data-test='check-总分']")), "verdict").getText())
                .isEqualTo("无法核对");
        WebElement indicator = find("indicator-GGRY.01");
        assertThat(indicator.getText()).contains("未设");
        assertThat(find("weights").getText()).contains("5 个指标未设分值");
        assertThat(Accessibility.violations(browser, "reported-checks", "screenshots")).isEmpty();
    }

    /** 天心 2020 states no budget: the plan page says so, offers no adjustment, and its checks show the printed sums. */
    @Test
    void aBudgetTheDocumentsDoNotStateIsShownAsSuchNotAsZero() throws IOException {
        signInAs("tianxin.finance", "tianxin", null, "DISTRICT_FINANCE", "#/plan/scjgj/2020/department");
        assertThat(find("budget-unstated").getText()).contains("预算未载明");
        // its 基本情况's headcounts, their sum checked
        assertThat(find("staffing-section").getText()).contains("在职人员", "168", "编外人员", "92");
        assertThat(find("staffing-check").getText()).contains("168");
        // its goal says which fund it is for
        assertThat(find("goal-funded-by").getText()).contains("食品安全监管检测经费");
        assertThat(find("overall-goals").getText()).contains("信息化工作经费：", "2020知识产权战略推进专项：");
        assertThat(all("[data-test=adjust-budget]")).isEmpty();
        WebElement checks = find("reported-checks");
        WebElement share = wait.until(driver -> checks.findElements(By.cssSelector(
                "[data-test='check-企业占比 = 企业 / 市场主体总量']")).stream().findFirst().orElse(null));
        assertThat(in(share, "verdict").getText()).isEqualTo("不一致");
        assertThat(Accessibility.violations(browser, "budget-unstated", "screenshots")).isEmpty();
    }

    /**
     * 东湖 2018's 综合事务管理专项 names three sub-projects and prints no 明细: each is listed, its amount not printed;
     * the section passes axe.
     */
    @Test
    void aProjectsSubProjectsAreListedWithAmountsOnlyWhereTheDocumentsPrintThem() throws IOException {
        signInAs("donghu.finance", "donghu", null, "DISTRICT_FINANCE", "#/plan/scjgj/2018/ZHSW");
        WebElement section = find("sub-projects-section");
        assertThat(section.getText()).contains("党务经费", "购买服务及劳务费专项经费", "基层站所专项经费");
        assertThat(all("[data-test=sub-project-no-amount]")).hasSize(3)
                .allSatisfy(cell -> assertThat(cell.getText()).isEqualTo("金额未载明"));
        assertThat(Accessibility.violations(browser, "sub-projects-section", "screenshots")).isEmpty();
    }

    /**
     * 事前绩效评估 through the pages: a new project's budget is refused without an assessment; finance sets the year's
     * scheme; the department submits the assessment; finance scores and concludes it; then the budget opens. The
     * section passes axe.
     */
    @Test
    void aNewProjectIsAssessedBeforeItGetsABudget() throws Exception {
        PlatformClient client = new PlatformClient(platform);
        // in 蔡甸 2019, a year before its seed's: no other test reads it, nor finds a later year than it expects
        String year = "/api/v1/districts/caidian/departments/scjgj/years/2019";
        String plan = year + "/projects/ZHSC";
        client.send("POST", year + "/projects", "{\"code\":\"ZHSC\",\"name\":\"智慧农贸市场建设\","
                + "\"attribute\":\"新增性项目\",\"type\":\"一次性项目\"}");
        String budget = "{\"sources\":{\"一般公共预算财政拨款\":\"80.00\"}}";
        java.net.http.HttpResponse<String> refused = client.command("POST", plan + "/budget", budget,
                platform.tokenFor(plan, "finance"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("budget.assessment-missing", "没有事前评估或评估未通过的，不得安排预算");

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/schemes/2019");
        in(find("assessment-scheme-form"), "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=assessment-scheme]"),
                "现行第 1 版"));
        forgetSessions();

        signInAs("caidian.scjgj.editor", "caidian", "scjgj", "DEPARTMENT_EDITOR", "#/plan/scjgj/2019/ZHSC");
        find("assessment-rule");
        find("submit-assessment").click();
        WebElement submit = find("assessment-form");
        for (String code : List.of("NECESSITY", "ECONOMY", "GOALS", "FEASIBILITY", "COMPLIANCE")) {
            in(submit, "field-" + code).sendKeys("辖区农贸市场快检能力不足，" + code);
        }
        in(submit, "field-NECESSITY:evidence").sendKeys("调研报告");
        in(submit, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=assessment-round-1]"),
                "调研报告"));
        assertThat(all("[data-test=submit-assessment]")).as("one round waits for finance").isEmpty();
        forgetSessions();

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/plan/scjgj/2019/ZHSC");
        find("conclude-assessment").click();
        WebElement conclude = find("conclusion-form");
        String[] scores = {"18", "16", "15", "17", "16"};
        List<String> codes = List.of("NECESSITY", "ECONOMY", "GOALS", "FEASIBILITY", "COMPLIANCE");
        for (int i = 0; i < scores.length; i++) {
            in(conclude, "field-" + codes.get(i)).sendKeys(scores[i]);
        }
        new org.openqa.selenium.support.ui.Select(in(conclude, "field-conclusion")).selectByValue("SUPPORTED");
        in(conclude, "field-opinion").sendKeys("项目必要，方案可行，予以支持");
        in(conclude, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=assessment-conclusion]"),
                "予以支持"));
        assertThat(find("assessment-total").getText()).isEqualTo("82");
        assertThat(find("assessment-opinion").getText()).contains("项目必要，方案可行，予以支持");
        assertThat(Accessibility.violations(browser, "assessment-section", "screenshots")).isEmpty();

        client.send("POST", plan + "/budget", budget);
    }

    /**
     * Finance suspends a plan's funds from its page: the page says so, a receipt is refused saying why, and once
     * finance resumes them the receipt is recorded. The section passes axe.
     */
    @Test
    void financeSuspendsAPlansFundsAndResumesThem() throws Exception {
        PlatformClient client = new PlatformClient(platform);
        String plan = projectInExecution(client, "ZFHD", "暂缓拨付测试项目");
        String receipt = "{\"amount\":\"10.00\",\"date\":\"2019-07-31\"}";

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/plan/scjgj/2019/ZFHD");
        clickIn("budget-section", "hold-funds");
        WebElement hold = find("hold-funds-form");
        new org.openqa.selenium.support.ui.Select(in(hold, "field-hold")).selectByValue("SUSPENDED");
        in(hold, "field-reason").sendKeys("执行进度严重滞后");
        in(hold, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=funds-held]"),
                "暂缓拨付"));
        assertThat(find("funds-held").getText()).contains("执行进度严重滞后");
        assertThat(Accessibility.violations(browser, "funds-held", "screenshots")).isEmpty();
        java.net.http.HttpResponse<String> refused = client.command("POST", plan + "/budget/receipts", receipt,
                platform.tokenFor(plan, "finance"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("funds.held", "执行进度严重滞后");

        clickIn("budget-section", "resume-funds");
        WebElement resume = find("resume-funds-form");
        in(resume, "field-reason").sendKeys("已整改");
        in(resume, "submit").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test=funds-held]")));
        client.send("POST", plan + "/budget/receipts", receipt);
    }

    /**
     * Finance warns a plan from its page (警示, with a day to answer by); the department's editor finds it in the work
     * queue, answers it on the plan's page, and the answer is shown with the warning. The section passes axe.
     */
    @Test
    void financeWarnsAPlanAndTheDepartmentAnswers() throws Exception {
        PlatformClient client = new PlatformClient(platform);
        projectInExecution(client, "YJCS", "预警测试项目");

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/plan/scjgj/2019/YJCS");
        clickIn("warnings-section", "issue-warning");
        WebElement form = find("warning-form");
        new org.openqa.selenium.support.ui.Select(in(form, "field-level")).selectByValue("CAUTION");
        in(form, "field-text").sendKeys("执行率低于序时进度 20 个百分点");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const input = arguments[0]; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "
                        + "'value').set; set.call(input, '2019-09-30'); input.dispatchEvent(new Event('input', "
                        + "{bubbles: true}));", in(form, "field-respondBy"));
        in(form, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=warning-1]"),
                "执行率低于序时进度 20 个百分点"));
        assertThat(find("warning-1").getText()).contains("警示", "2019-09-30");
        forgetSessions();

        signInAs("caidian.scjgj.editor", "caidian", "scjgj", "DEPARTMENT_EDITOR", "#/work/2019");
        wait.until(driver -> !all("[data-test=task-answer-warning]").isEmpty());
        browser.get(platform.queryUrl() + "/#/plan/scjgj/2019/YJCS");
        clickIn("warnings-section", "answer-warning-1");
        WebElement answer = find("answer-form");
        in(answer, "field-response").sendKeys("已加快采购进度");
        in(answer, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=warning-answer]"),
                "已加快采购进度"));
        assertThat(Accessibility.violations(browser, "warnings-section", "screenshots")).isEmpty();
    }

    /**
     * Finance sets the year's thresholds of the monitoring lights on the schemes page; the department's dashboard then
     * shows a plan in execution with the light they give, in words as well as colour, and the district overview finds
     * it by its light. The card, the plan and the overview pass axe.
     */
    @Test
    void financeSetsTheThresholdsAndTheDashboardsShowTheLights() throws Exception {
        projectInExecution(new PlatformClient(platform), "HLD", "红绿灯测试项目");

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/schemes/2019");
        WebElement form = find("thresholds-form");
        in(form, "field-yellow").clear();
        in(form, "field-yellow").sendKeys("8");
        in(form, "field-red").clear();
        in(form, "field-red").sendKeys("x");
        in(form, "submit").click();
        assertThat(find("error-red").getText()).contains("百分点");
        in(form, "field-red").clear();
        in(form, "field-red").sendKeys("15");
        in(form, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=thresholds]"),
                "现行第 1 版"));
        assertThat(find("thresholds-rule").getText()).contains("黄灯", "落后超过 8 个百分点", "红灯",
                "落后超过 15 个百分点");
        assertThat(Accessibility.violations(browser, "thresholds", "screenshots")).isEmpty();

        // nothing spent by the end of 2019: 100 points behind, past 15
        browser.get(platform.queryUrl() + "/#/dept/scjgj/2019");
        WebElement light = find("plan-HLD").findElement(By.cssSelector("[data-test=plan-light]"));
        assertThat(light.getText()).isEqualTo("红灯");
        assertThat(light.getAttribute("data-light")).isEqualTo("RED");
        assertThat(find("plan-HLD").findElement(By.cssSelector("[data-test=indicator-light]")).getText())
                .isEqualTo("无（尚未填报完成值或无法比较）");
        assertThat(Accessibility.violations(browser, "plan-HLD", "screenshots")).isEmpty();

        browser.get(platform.queryUrl() + "/#/overview/2019?light=RED");
        wait.until(driver -> !all("[data-test=overview-row]").isEmpty());
        List<String> lights = all("[data-test=overview-light]").stream().map(WebElement::getText).toList();
        assertThat(lights).isNotEmpty().allMatch("红灯"::equals);
        assertThat(all("[data-test=overview-row]").stream().map(WebElement::getText).toList())
                .anyMatch(row -> row.contains("红绿灯测试项目"));
        assertThat(Accessibility.violations(browser, "overview-lights", "screenshots")).isEmpty();
    }

    /**
     * Finance adds an indicator to the district's library; a department's editor, drafting a project, picks it, and the
     * plan records where it came from; finance then sees the plan among the indicator's uses and in its benchmark. The
     * library, the drafting form and the indicator's page pass axe.
     */
    @Test
    void financeKeepsTheLibraryAndAnEditorPicksFromIt() throws Exception {
        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/library");
        WebElement form = find("library-form");
        in(form, "field-code").sendKeys("GX.ZJDWL");
        new org.openqa.selenium.support.ui.Select(in(form, "field-level1")).selectByValue("OUTPUT");
        new org.openqa.selenium.support.ui.Select(in(form, "field-level2")).selectByValue("QUALITY");
        in(form, "field-name").sendKeys("资金到位率");
        in(form, "field-unit").sendKeys("%");
        in(form, "submit").click();
        wait.until(driver -> !all("[data-test='library-GX.ZJDWL']").isEmpty());
        assertThat(find("library-GX.ZJDWL").getText()).contains("资金到位率", "共性指标", "%", "计划标准");
        assertThat(Accessibility.violations(browser, "library", "screenshots")).isEmpty();
        forgetSessions();

        PlatformClient client = new PlatformClient(platform);
        String year = "/api/v1/districts/caidian/departments/scjgj/years/2019";
        client.send("POST", year + "/projects", "{\"code\":\"ZJDW\",\"name\":\"指标库测试项目\","
                + "\"attribute\":\"持续性项目\"}");
        client.send("POST", year + "/projects/ZJDW/goals", "{\"text\":\"保障资金及时到位\"}");
        signInAs("caidian.scjgj.editor", "caidian", "scjgj", "DEPARTMENT_EDITOR", "#/plan/scjgj/2019/ZJDW");
        clickIn("targets-section", "add-indicator");
        new org.openqa.selenium.support.ui.Select(find("pick-library")).selectByValue("GX.ZJDWL");
        WebElement indicator = find("indicator-form");
        assertThat(indicator.getText()).contains("选自指标库 GX.ZJDWL");
        assertThat(in(indicator, "field-name").getAttribute("value")).isEqualTo("资金到位率");
        in(indicator, "field-weight").sendKeys("20");
        in(indicator, "field-target").sendKeys("≥95%");
        assertThat(Accessibility.violations(browser, "library-pick", "screenshots")).isEmpty();
        in(find("indicator-form"), "submit").click();
        wait.until(driver -> all("[data-test=indicator-form]").isEmpty());
        forgetSessions();

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/library/GX.ZJDWL");
        wait.until(driver -> !all("[data-test=library-use]").isEmpty());
        assertThat(find("library-uses").getText()).contains("2019", "指标库测试项目", "GX.ZJDWL", "≥95%");
        assertThat(find("spread-2019").getText()).contains("2019");
        assertThat(Accessibility.violations(browser, "library-indicator", "screenshots")).isEmpty();
    }

    /**
     * Finance raises a rectification item (整改) on a plan, with its owner and deadline; the editor finds it in the work
     * queue and reports what was done; finance closes it. The section passes axe.
     */
    @Test
    void financeRaisesARectificationItemAndClosesItOnceReported() throws Exception {
        projectInExecution(new PlatformClient(platform), "ZGCS", "整改测试项目");

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/plan/scjgj/2019/ZGCS");
        clickIn("rectifications-section", "raise-rectification");
        WebElement raise = find("rectification-form");
        in(raise, "field-issue").sendKeys("快检台账不全");
        in(raise, "field-owner").sendKeys("食品科 张三");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const input = arguments[0]; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "
                        + "'value').set; set.call(input, '2019-11-30'); input.dispatchEvent(new Event('input', "
                        + "{bubbles: true}));", in(raise, "field-deadline"));
        in(raise, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=rectification-1]"),
                "快检台账不全"));
        assertThat(find("rectification-1").getText()).contains("待整改", "食品科 张三", "2019-11-30", "逾期");
        forgetSessions();

        signInAs("caidian.scjgj.editor", "caidian", "scjgj", "DEPARTMENT_EDITOR", "#/work/2019");
        wait.until(driver -> !all("[data-test=task-rectify]").isEmpty());
        browser.get(platform.queryUrl() + "/#/plan/scjgj/2019/ZGCS");
        clickIn("rectifications-section", "report-rectification-1");
        WebElement report = find("rectification-report-form");
        in(report, "field-measures").sendKeys("已补齐台账");
        in(report, "field-evidence").sendKeys("台账扫描件");
        in(report, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=rectification-1]"),
                "已报告"));
        forgetSessions();

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/plan/scjgj/2019/ZGCS");
        clickIn("rectifications-section", "close-rectification-1");
        WebElement close = find("rectification-close-form");
        in(close, "field-note").sendKeys("整改到位");
        in(close, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=rectification-1]"),
                "已销号"));
        assertThat(find("rectification-1").getText()).contains("已补齐台账", "整改到位");
        assertThat(Accessibility.violations(browser, "rectifications-section", "screenshots")).isEmpty();
    }

    /**
     * A 财政重点评价: finance commissions it from the district's third-party evaluator; the evaluator signs in to its
     * list, which is all its navigation offers, opens the plan and reports what it verified (half the spending) and
     * found; finance sees the report in its work queue, the score beside the self-evaluation's with the difference,
     * and accepts it, then publishes it; anyone reads it on the public site. The pages pass axe; the evaluator's
     * token reads no dashboard.
     */
    @Test
    void aThirdPartyEvaluatorReportsTheKeyEvaluationFinanceCommissioned() throws Exception {
        PlatformClient client = new PlatformClient(platform);
        String plan = projectInExecution(client, "ZDPJ", "重点评价测试项目");
        String scheme = SeedDataset.read("004-tianxin-2020.json").get("schemes").get("department-wide").toString();
        client.send("PUT", "/api/v1/districts/caidian/years/2019/scoring-schemes/external", scheme);
        client.send("PUT", "/api/v1/districts/caidian/years/2019/scoring-schemes/project", scheme);
        client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"40.00\",\"date\":\"2019-09-30\","
                + "\"description\":\"抽检费\"}");
        client.send("POST", plan + "/indicators/ZDPJ.1/completions", "{\"value\":\"100批次\",\"asOf\":\"2019-09-30\"}");

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/plan/scjgj/2019/ZDPJ");
        clickIn("evaluations-section", "commission-evaluation");
        WebElement commission = find("evaluation-commission-form");
        in(commission, "field-evaluator").sendKeys("caidian.evaluator");
        in(commission, "field-evaluatorName").sendKeys("李评");
        in(commission, "field-agency").sendKeys("某绩效评价中心");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const input = arguments[0]; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "
                        + "'value').set; set.call(input, '2020-03-31'); input.dispatchEvent(new Event('input', "
                        + "{bubbles: true}));", in(commission, "field-due"));
        in(commission, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=evaluation-1]"),
                "已委托"));
        assertThat(find("evaluation-1").getText()).contains("财政重点评价", "李评", "某绩效评价中心", "2020-03-31");
        forgetSessions();

        signInAs("caidian.evaluator", "caidian", null, "EVALUATOR", null);
        wait.until(driver -> !all("[data-test=evaluation-row]").isEmpty());
        assertThat(all("header nav a").stream().map(link -> link.getAttribute("data-test")).toList())
                .containsExactly("nav-evaluations");
        assertThat(Accessibility.violations(browser, "evaluations", "screenshots")).isEmpty();
        // its list holds the demo cycle's evaluation too, newest year first; this one is 2019's
        all("[data-test=evaluation-plan]").stream().filter(link -> link.getText().equals("重点评价测试项目")).findFirst()
                .orElseThrow().click();
        clickIn("evaluations-section", "report-evaluation-1");
        WebElement report = find("evaluation-report-form");
        in(report, "field-executed").sendKeys("25.00");
        in(report, "field-v_ZDPJ.1").sendKeys("90批次");
        in(report, "field-findings").sendKeys("抽检台账与支出凭证不符");
        in(report, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=evaluation-1]"),
                "待验收"));
        assertThat(find("evaluation-report").getText()).contains("抽检台账与支出凭证不符", "25.00", "ZDPJ.1：90批次");
        assertThat(all("[data-test=commission-evaluation]")).isEmpty();
        forgetSessions();

        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/work/2019");
        wait.until(driver -> !all("[data-test=task-accept-evaluation]").isEmpty());
        browser.get(platform.queryUrl() + "/#/plan/scjgj/2019/ZDPJ");
        wait.until(driver -> !all("[data-test=evaluation-comparison]").isEmpty());
        assertThat(find("evaluation-comparison").getText()).contains("本次评价", "自评（重算）", "总分");
        assertThat(find("evaluation-difference").getText()).contains("相差");
        clickIn("evaluations-section", "accept-evaluation-1");
        WebElement accept = find("evaluation-accept-form");
        in(accept, "field-comment").sendKeys("验收通过");
        in(accept, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=evaluation-1]"),
                "已验收"));
        assertThat(Accessibility.violations(browser, "evaluations-section", "screenshots")).isEmpty();
        // accepted, finance publishes it
        clickIn("evaluations-section", "publish-evaluation-1");
        WebElement publish = find("evaluation-publish-form");
        in(publish, "field-channels").sendKeys("区政府门户网站");
        in(publish, "submit").click();
        wait.until(driver -> !all("[data-test=evaluation-published]").isEmpty());
        assertThat(find("evaluation-1").getText()).contains("已公开", "区政府门户网站");
        assertThat(all("[data-test=publish-evaluation-1]")).isEmpty();
        forgetSessions();

        // the department commissions its own 部门评价: the only type its editor is offered
        signInAs("caidian.scjgj.editor", "caidian", "scjgj", "DEPARTMENT_EDITOR", "#/plan/scjgj/2019/ZDPJ");
        clickIn("evaluations-section", "commission-evaluation");
        WebElement own = find("evaluation-commission-form");
        assertThat(in(own, "field-type").findElements(By.tagName("option")).stream().map(WebElement::getText).toList())
                .containsExactly("部门评价");
        in(own, "field-evaluator").sendKeys("caidian.evaluator");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const input = arguments[0]; const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "
                        + "'value').set; set.call(input, '2020-02-28'); input.dispatchEvent(new Event('input', "
                        + "{bubbles: true}));", in(own, "field-due"));
        in(own, "submit").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=evaluation-2]"),
                "部门评价"));
        assertThat(all("[data-test=accept-evaluation-1]")).isEmpty();
        forgetSessions();

        // anyone reads the published evaluation on the public site: its score beside the self-evaluation's in the
        // chart and the table, its findings to open, under its agency's name, not its evaluator's
        browser.get(platform.queryUrl() + "/public#/caidian/2019");
        wait.until(driver -> all("[data-test=public-evaluation]").stream()
                .anyMatch(row -> row.getText().contains("重点评价测试项目")));
        WebElement row = all("[data-test=public-evaluation]").stream()
                .filter(line -> line.getText().contains("重点评价测试项目")).findFirst().orElseThrow();
        assertThat(row.getText()).contains("财政重点评价 第 1 号", "某绩效评价中心", "25.00").doesNotContain("李评");
        assertThat(row.findElement(By.cssSelector("[data-test=chain-head]")).getText())
                .containsPattern("第 \\d+ 个链节，[0-9a-f]{64}");
        row.findElement(By.tagName("summary")).click();
        assertThat(in(row, "public-evaluation-findings").getText()).contains("抽检台账与支出凭证不符", "ZDPJ.1：90批次");
        List<?> names = (List<?>) chart("public-evaluation-chart", "option.xAxis[0].data");
        assertThat(names.stream().map(Object::toString).toList()).contains("重点评价测试项目（财政重点评价）");
        assertThat(find("download-evaluations-csv").getAttribute("href")).endsWith("/years/2019/evaluations.csv");
        assertThat(find("download-year-xlsx").getAttribute("href")).endsWith("/years/2019.xlsx");
        assertThat(Accessibility.violations(browser, "public-evaluations", "screenshots")).isEmpty();

        // a published plan's page lists its published evaluations too: the demo cycle's project of 2021
        browser.get(platform.queryUrl() + "/public#/caidian/2021/scjgj/SPJC");
        wait.until(driver -> !all("[data-test=public-indicators] tbody tr").isEmpty());
        assertThat(all("[data-test=public-evaluation]")).hasSize(1);
        assertThat(find("public-evaluations").getText()).contains("财政重点评价 第 1 号", "某绩效评价中心（示例）");
        // its grade, in the 评价等级 column
        assertThat(all("[data-test=public-evaluation] td").get(6).getText()).isEqualTo("中");
        assertThat(Accessibility.violations(browser, "public-plan-evaluations", "screenshots")).isEmpty();
    }

    /**
     * Finance opens the year's report for the people's congress from the navigation: the year at a glance with its
     * grades, the evaluations finance accepted, and the workbook to download; the page passes axe. A department's
     * editor has no such link.
     */
    @Test
    void financeReadsTheReportForThePeoplesCongress() throws Exception {
        signInAs("caidian.finance", "caidian", null, "DISTRICT_FINANCE", "#/overview/2020");
        find("nav-congress").click();
        wait.until(driver -> !all("[data-test=congress-report]").isEmpty());
        String summary = find("congress-summary").getText();
        assertThat(summary).contains("绩效目标（计划）", "最终等级：优秀", "执行率", "整改事项");
        // as many key evaluations listed as the summary counts plans with their self-evaluation accepted
        java.util.regex.Matcher evaluated = java.util.regex.Pattern.compile("其中自评已审核 (\\d+) 个").matcher(summary);
        assertThat(evaluated.find()).isTrue();
        assertThat(all("[data-test=congress-evaluations] tbody tr")).hasSize(Integer.parseInt(evaluated.group(1)));
        assertThat(find("download-congress").isDisplayed()).isTrue();
        assertThat(Accessibility.violations(browser, "congress-report", "screenshots")).isEmpty();
        forgetSessions();
        signInAs("caidian.scjgj.editor", "caidian", "scjgj", "DEPARTMENT_EDITOR", "#/overview/2020");
        find("nav-overview");
        assertThat(all("[data-test=nav-congress]")).isEmpty();
    }

    /**
     * The public disclosure site, without signing in: a project of 蔡甸 2019 taken through its year and published, shown
     * with its figures, the chain head of its publication day and the downloads, and its 自评表; the year's projects
     * not published are not shown. Both pages pass axe.
     */
    @Test
    void anyoneReadsWhatTheDistrictPublishedWithoutSigningIn() throws Exception {
        PlatformClient client = new PlatformClient(platform);
        String plan = projectInExecution(client, "GKCS", "信息公开测试项目");
        client.send("POST", plan + "/indicators/GKCS.1/completions", "{\"value\":\"100批次\",\"asOf\":\"2019-12-20\","
                + "\"evidence\":\"抽检台账\"}");
        client.send("POST", plan + "/closure", null);
        client.send("POST", plan + "/self-evaluation", "{\"indicators\":[],\"score\":\"90\",\"grade\":\"优秀\","
                + "\"improvementMeasures\":\"加强监管\",\"resultsUse\":\"作为预算安排依据\",\"publicationPlan\":\"官网公示\"}");
        client.send("POST", plan + "/self-evaluation/acceptance", "{\"comment\":\"审核通过\"}");
        client.send("POST", plan + "/self-evaluation/publication", "{\"channels\":\"区政府门户网站\"}");

        browser.get(platform.queryUrl() + "/public#/caidian/2019");
        wait.until(driver -> !all("[data-test=public-plan]").isEmpty());
        // only what is published: this project, not the year's others still in execution
        assertThat(all("[data-test=public-plan]").stream().map(WebElement::getText).toList())
                .hasSize(1).allMatch(row -> row.contains("信息公开测试项目"));
        assertThat(find("chain-head").getText()).containsPattern("第 \\d+ 个链节，[0-9a-f]{64}");
        assertThat(find("download-csv").getAttribute("href")).endsWith("/years/2019.csv");
        assertThat(find("download-json").getAttribute("href")).endsWith("/years/2019.json");
        assertThat(Accessibility.violations(browser, "public-year", "screenshots")).isEmpty();
        find("public-plans").findElement(By.cssSelector("tbody a")).click();
        wait.until(driver -> !all("[data-test=public-indicators] tbody tr").isEmpty());
        assertThat(find("public-indicators").getText()).contains("抽检批次", "100批次");
        assertThat(find("download-xlsx").getAttribute("href")).endsWith("/plans/GKCS/self-evaluation.xlsx");
        assertThat(Accessibility.violations(browser, "public-plan", "screenshots")).isEmpty();
        // a year with nothing published says so
        browser.get(platform.queryUrl() + "/public#/caidian/2017");
        wait.until(driver -> !all("[data-test=public-error]").isEmpty());
    }

    @Test
    void aViewerSeesTheDashboardWithoutForms() {
        signInAs("donghu.scjgj.viewer", "donghu", "scjgj", "DEPARTMENT_VIEWER", DEPARTMENT);
        find("plan-ZLJS");
        assertThat(all("[data-test=record-completion]")).isEmpty();
        assertThat(all("[data-test=record-expenditure]")).isEmpty();
        assertThat(all("[data-test=submit-self-evaluation]")).isEmpty();
        assertThat(all("[data-test=export-self-evaluation]")).isNotEmpty();
    }

    /**
     * A project of 蔡甸 2019 (a year no other test reads) with a budget of 50.00 and one indicator, its targets
     * approved: in execution. Answers its path.
     */
    private static String projectInExecution(PlatformClient client, String code, String name) {
        String year = "/api/v1/districts/caidian/departments/scjgj/years/2019";
        String plan = year + "/projects/" + code;
        client.send("POST", year + "/projects", "{\"code\":\"" + code + "\",\"name\":\"" + name + "\","
                + "\"attribute\":\"持续性项目\"}");
        client.send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"50.00\"}}");
        client.send("POST", plan + "/goals", "{\"text\":\"开展抽检\"}");
        client.send("PUT", plan + "/indicators/" + code + ".1", "{\"goal\":1,\"level1\":\"产出指标\","
                + "\"level2\":\"数量指标\",\"name\":\"抽检批次\",\"weight\":\"80\",\"target\":\"100批次\"}");
        client.send("POST", plan + "/targets/submission", null);
        client.send("POST", plan + "/targets/approval", null);
        return plan;
    }

    /** Waits for a finished download whose name contains every fragment. */
    private static Path downloaded(String... fragments) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(file -> Stream.of(fragments).allMatch(file.getFileName().toString()::contains)
                        && !file.getFileName().toString().endsWith(".crdownload")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }
}
