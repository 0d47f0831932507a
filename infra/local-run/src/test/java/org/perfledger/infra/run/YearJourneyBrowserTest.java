package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole year of one new project, as its people run it in the browser, each signing in at the identity provider's
 * login page: the department's editor drafts the project (budget, goal, indicator) and submits it; district finance
 * returns it with a comment, the editor fixes it, finance approves; finance sets the reporting calendar; the editor
 * records funds, payments (one past the budget, confirmed), a reversal, completions (a value of the wrong kind is
 * refused at its field), a monitoring report and a request to change a target, which finance approves; finance closes
 * the year; the editor submits the self-evaluation, finance returns it, then accepts and publishes it; an auditor finds
 * every step in the event log, in words. Key steps are taken again in English. Every page on the way is checked by
 * axe-core at desktop and phone widths; screenshots are kept under target/screenshots/journey.
 */
class YearJourneyBrowserTest {

    private static final String YEAR = "2021";
    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static int step;
    private final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void start() {
        platform = LaunchedPlatform.get();
        browser = Browsers.start(null);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The last page as it stood, to see what a failure looked like. */
    @AfterEach
    void keepLastPage() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "screenshots", "journey"));
        Files.write(folder.resolve("last.png"), browser.getScreenshotAs(OutputType.BYTES));
        Files.writeString(folder.resolve("last.html"), browser.getPageSource());
        Files.write(folder.resolve("console.txt"), browser.manage().logs().get("browser").getAll().stream()
                .map(Object::toString).toList());
    }

    @Test
    void aNewProjectRunsItsWholeYearThroughTheBrowser() throws IOException {
        String code = "UIJ-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String plan = "#/plan/scjgj/" + YEAR + "/" + code;

        // 1. the editor drafts a new project plan with its budget, a goal and an indicator, and submits it
        as("donghu.scjgj.editor", "#/dept/scjgj/" + YEAR);
        click("new-project");
        fill("register-project-form", "code", code);
        fill("register-project-form", "name", "浏览器全年测试项目");
        choose("register-project-form", "category", "DEPARTMENT_BUDGET");
        choose("register-project-form", "attribute", "NEW");
        field("register-project-form", "type:ONE_OFF").click();
        submit("register-project-form");
        find("plan-page");
        assertThat(text("plan-title")).contains("浏览器全年测试项目", "目标编制中");
        // a new project (新增性项目) is assessed before it gets money: the editor submits its 事前绩效评估, finance sets
        // the year's scheme and concludes it supported
        find("assessment-rule");
        click("submit-assessment");
        for (String criterion : List.of("NECESSITY", "ECONOMY", "GOALS", "FEASIBILITY", "COMPLIANCE")) {
            fill("assessment-form", criterion, "浏览器测试：" + criterion);
        }
        submitAndWait("assessment-form");
        find("assessment-round-1");
        as("donghu.finance", "#/schemes/" + YEAR);
        submit("assessment-scheme-form");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=assessment-scheme]"),
                "现行第"));
        open(plan);
        click("conclude-assessment");
        for (String criterion : List.of("NECESSITY", "ECONOMY", "GOALS", "FEASIBILITY", "COMPLIANCE")) {
            fill("conclusion-form", criterion, "18");
        }
        choose("conclusion-form", "conclusion", "SUPPORTED");
        fill("conclusion-form", "opinion", "予以支持");
        submitAndWait("conclusion-form");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=assessment-conclusion]"),
                "予以支持"));
        check("finance-concluded-assessment");
        as("donghu.scjgj.editor", plan);
        click("open-budget");
        fill("open-budget-form", "source:GENERAL_PUBLIC_BUDGET", "100.5");
        submitAndWait("open-budget-form");
        assertThat(text("figure-budget.initial")).isEqualTo("100.50");
        click("add-goal");
        submit("goal-form");
        assertThat(text("error-text")).as("a required field is said at the field, before sending").isEqualTo("此项必填");
        fill("goal-form", "text", "全年完成市场主体检查");
        submitAndWait("goal-form");
        click("add-indicator");
        choose("indicator-form", "level1", "OUTPUT");
        choose("indicator-form", "level2", "QUANTITY");
        fill("indicator-form", "name", "检查企业户数");
        fill("indicator-form", "weight", "90");
        fill("indicator-form", "target", "≥400家");
        wait.until(driver -> field("indicator-form", "target").findElement(By.xpath("..")).getText().contains("读作"));
        assertThat(field("indicator-form", "target").findElement(By.xpath("..")).getText()).contains("≥ 400 家");
        submitAndWait("indicator-form");
        check("editor-drafted");
        click("submit-targets");
        submitAndWait("submit-targets-form");
        assertThat(text("plan-phase")).isEqualTo("目标已报送");

        // 2. finance finds it in its queue, returns it with a comment; the editor fixes it; finance approves
        as("donghu.finance", "#/work/" + YEAR);
        WebElement task = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[@data-test='task-review-targets'][.//a[contains(., '浏览器全年测试项目')]]")));
        check("finance-work-queue");
        task.findElement(By.cssSelector("[data-test=task-link]")).click();
        click("return-targets");
        fill("return-targets-form", "reason", "分值合计应为 100，请补充指标");
        submitAndWait("return-targets-form");
        as("donghu.scjgj.editor", plan);
        assertThat(text("returned-note")).contains("分值合计应为 100");
        click("edit-indicator");
        fill("indicator-form", "weight", "100");
        submitAndWait("indicator-form");
        click("submit-targets");
        submitAndWait("submit-targets-form");
        as("donghu.finance", plan);
        click("approve-targets");
        submitAndWait("approve-targets-form");
        assertThat(text("plan-phase")).isEqualTo("执行中");

        // finance sets the year's reporting calendar (one monitoring round), so monitoring can be reported
        open("#/calendar/" + YEAR);
        click("edit-calendar");
        fill("calendar-form", "rounds", "H1 1-6月 " + YEAR + "-07-31");
        submit("calendar-form");
        wait.until(driver -> driver.findElement(By.cssSelector("[data-test=calendar-rounds]")).getText().contains("H1"));
        check("finance-calendar");

        // and the year's scoring scheme: a preview of every project's score under it first, then set
        open("#/schemes/" + YEAR);
        find("scheme-form");
        submit("scheme-form");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[@data-test='preview-row'][contains(., '浏览器全年测试项目')]")));
        check("finance-scheme-preview");
        click("set-scheme");
        wait.until(driver -> driver.findElement(By.cssSelector("[data-test=scheme-current]")).getText()
                .contains("现行第 1 版"));

        // 3. the editor records the year: funds, payments, a reversal, completions, monitoring, a target change
        as("donghu.scjgj.editor", plan);
        click("record-receipt");
        fill("receipt-form", "amount", "80");
        submitAndWait("receipt-form");
        click("record-expenditure");
        fill("expenditure-form", "amount", "60");
        fill("expenditure-form", "description", "委托检查服务费");
        fill("expenditure-form", "voucher", "记-0601");
        submitAndWait("expenditure-form");
        click("record-expenditure");
        fill("expenditure-form", "amount", "100000");
        fill("expenditure-form", "description", "多输了几位");
        fill("expenditure-form", "voucher", "记-0602");
        assertThat(browser.findElements(By.cssSelector("[data-test=field-overBudgetConfirmed]"))).isEmpty();
        submit("expenditure-form");
        assertThat(text("error-overBudgetConfirmed")).as("the confirmation is asked for at its box").contains("超过预算");
        assertThat(field("expenditure-form", "amount").getAttribute("value")).as("what was typed is kept")
                .isEqualTo("100000");
        field("expenditure-form", "overBudgetConfirmed").click();
        submitAndWait("expenditure-form");
        assertThat(find("over-budget").getText()).contains("超预算");
        WebElement overspent = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[@data-test='movement-spent'][contains(., '记-0602')]")));
        overspent.findElement(By.cssSelector("[data-test=correct-movement]")).click();
        fill("correction-form", "reason", "金额录入错误，红字冲销");
        submitAndWait("correction-form");
        find("movement-corrected");
        assertThat(browser.findElements(By.cssSelector("[data-test=over-budget]"))).isEmpty();

        clickIn("targets-section", "record-completion");
        fill("completion-form", "value", "很多");
        submit("completion-form");
        assertThat(text("error-value")).as("a value of the wrong kind is refused at its field, in the reader's words")
                .contains("以“家”计的数量");
        fill("completion-form", "value", "460家");
        fill("completion-form", "evidence", "检查台账");
        submitAndWait("completion-form");
        assertThat(find("targets-section").getText()).contains("460家");

        click("submit-monitoring");
        fill("monitoring-form", "deviations", "进度正常");
        submitAndWait("monitoring-form");
        assertThat(find("monitoring-section").getText()).contains("H1", "进度正常");

        click("request-adjustment");
        fill("adjustment-request-form", "target", "≥450家");
        fill("adjustment-request-form", "reason", "新增专项检查任务");
        submitAndWait("adjustment-request-form");
        check("editor-in-execution");

        as("donghu.finance", "#/work/" + YEAR);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//tr[@data-test='task-decide-target-adjustment'][.//a[contains(., '浏览器全年测试项目')]]")))
                .findElement(By.cssSelector("[data-test=task-link]")).click();
        click("approve-adjustment");
        submitAndWait("approve-adjustment-form");
        assertThat(find("target-adjustments").getText()).contains("已同意");
        assertThat(find("targets-section").getText()).contains("≥450家");

        // 4. finance closes the year; the editor submits the self-evaluation; finance returns it, then accepts and
        // publishes it
        click("close-year");
        submitAndWait("close-year-form");
        assertThat(text("plan-phase")).isEqualTo("年度已结束");
        as("donghu.scjgj.editor", plan);
        click("submit-self-evaluation");
        check("editor-self-evaluation");
        submit("self-evaluation-form");
        assertThat(text("error-improvementMeasures")).isEqualTo("此项必填");
        fill("self-evaluation-form", "improvementMeasures", "加强过程监控");
        fill("self-evaluation-form", "resultsUse", "作为下年预算安排依据");
        fill("self-evaluation-form", "publicationPlan", "随部门决算公开");
        submitAndWait("self-evaluation-form");
        assertThat(text("plan-phase")).isEqualTo("自评已报送");
        as("donghu.finance", plan);
        click("return-self-evaluation");
        fill("return-self-evaluation-form", "reason", "请补充偏差分析");
        submitAndWait("return-self-evaluation-form");
        as("donghu.scjgj.editor", plan);
        assertThat(find("evaluation-section").getText()).contains("请补充偏差分析");
        click("submit-self-evaluation");
        fill("self-evaluation-form", "deviationAnalysis", "目标调整后全部完成");
        fill("self-evaluation-form", "improvementMeasures", "加强过程监控");
        fill("self-evaluation-form", "resultsUse", "作为下年预算安排依据");
        fill("self-evaluation-form", "publicationPlan", "随部门决算公开");
        // the other figures the table prints, one a line, checked beside the scores; a line that does not read so is
        // refused at the field before anything is sent
        fill("self-evaluation-form", "printed", "乱写");
        submit("self-evaluation-form");
        assertThat(text("error-printed")).isEqualTo("第 1 行不是“名称 | 类型 | 数值 | 组成”");
        fill("self-evaluation-form", "printed", "明细合计 | 合计 | 3.00 | 1.00,2.00\n上报率 | 比率 | 66.7 | 2,3");
        submitAndWait("self-evaluation-form");
        assertThat(find("reported-checks").getText()).contains("明细合计", "上报率");
        as("donghu.finance", plan);
        click("accept-self-evaluation");
        submitAndWait("accept-self-evaluation-form");
        click("publish-self-evaluation");
        fill("publish-form", "channels", "东湖高新区门户网站");
        submitAndWait("publish-form");
        assertThat(text("plan-phase")).isEqualTo("已公开");

        // finance sets its rules of using the year's results (the common template), then draws up next year's budget
        // proposal from the plan's final grade; next year's budget, opened on it, says so
        open("#/schemes/" + YEAR);
        submit("result-rules-form");
        wait.until(driver -> driver.findElement(By.cssSelector("[data-test=result-rules]")).getText()
                .contains("现行第 1 版"));
        assertThat(find("result-rules-list").getText()).contains("中 → 压减 10%", "差 → 取消");
        check("finance-result-rules");
        open(plan);
        click("propose-budget");
        submitAndWait("proposal-form");
        assertThat(find("proposal-1").getText()).contains("按规则", "第 1 版规则");
        check("finance-proposal");
        PlatformClient client = new PlatformClient(platform);
        String next = "/api/v1/districts/donghu/departments/scjgj/years/" + (Integer.parseInt(YEAR) + 1);
        client.send("POST", next + "/projects", "{\"code\":\"" + code + "\",\"name\":\"浏览器全年测试项目\","
                + "\"attribute\":\"持续性项目\"}");
        client.send("POST", next + "/projects/" + code + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"50.00\"}}");
        open("#/plan/scjgj/" + (Integer.parseInt(YEAR) + 1) + "/" + code);
        assertThat(find("budget-basis").getText()).contains("依据 " + YEAR + " 年度评价结果", "第 1 号建议");
        check("finance-next-year");

        // 5. an auditor finds every step in the event log, in words
        as("donghu.auditor", "#/audit/log?department=scjgj&year=" + YEAR + "&plan=" + code);
        wait.until(driver -> driver.findElements(By.cssSelector("[data-test=log-row]")).size() >= 20);
        String log = find("event-log").getText();
        assertThat(log).contains("项目登记", "年初预算", "年度目标", "绩效指标", "目标报送", "目标退回", "分值合计应为 100",
                "目标审核通过", "资金到位", "支出", "支出冲销", "金额录入错误", "完成值", "460家", "绩效运行监控",
                "目标调整申请", "目标调整批准", "年度结束", "自评报送", "自评退回", "请补充偏差分析", "自评审核通过",
                "自评公开", "东湖高新区门户网站", "下年度预算安排建议");
        check("auditor-log");
        // narrowed to one kind of event, newest first; then the chain against a head saved earlier
        new Select(find("log-type")).selectByValue("TargetsReturned");
        wait.until(driver -> driver.findElements(By.cssSelector("[data-test=log-row]")).size() == 1);
        assertThat(find("event-log").getText()).contains("目标退回", "分值合计应为 100").doesNotContain("年初预算");
        new Select(find("log-type")).selectByValue("");
        new Select(find("log-order")).selectByValue("newest");
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            List<WebElement> rows = driver.findElements(By.cssSelector("[data-test=log-row]"));
            return rows.size() >= 20 && rows.get(0).getText().contains("下年度预算安排建议");
        });
        open("#/audit/chain");
        WebElement head = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-test=chain-heads] tbody tr")));
        String day = head.findElements(By.tagName("td")).get(0).getText();
        String hash = head.findElements(By.tagName("td")).get(2).getText();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("const input = arguments[0];"
                + "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);"
                + "input.dispatchEvent(new Event('input', { bubbles: true }));", find("saved-day"), day);
        find("saved-hash").sendKeys(hash);
        find("compare").click();
        assertThat(text("compare-result")).contains("一致").doesNotContain("不一致");
        find("saved-hash").clear();
        find("saved-hash").sendKeys("0".repeat(64));
        find("compare").click();
        wait.until(driver -> driver.findElement(By.cssSelector("[data-test=compare-result]")).getText().contains("不一致"));
        check("auditor-chain");

        // key steps again in English: the queue, a refusal at its field, the plan's words
        as("donghu.scjgj.editor", "#/dept/scjgj/" + YEAR);
        click("lang-switch");
        click("new-project");
        submit("register-project-form");
        assertThat(text("error-code")).isEqualTo("Required");
        fill("register-project-form", "code", code);
        fill("register-project-form", "name", "Duplicate");
        choose("register-project-form", "category", "DEPARTMENT_BUDGET");
        choose("register-project-form", "attribute", "NEW");
        field("register-project-form", "type:ONE_OFF").click();
        submit("register-project-form");
        assertThat(text("error-code")).as("a refusal from the server, at its field, in the reader's language")
                .isEqualTo("This project code is already registered this year");
        open(plan);
        assertThat(text("plan-phase")).isEqualTo("Published");
        assertThat(find("plan-profile").getText()).contains("Department budget project", "New", "One-off");
        assertThat(find("budget-section").getText()).contains("Initial budget", "Reversal");
        // the page's own words (headings, column heads, buttons, navigation, badges) are all English; Chinese stays
        // only where the record holds it (names, reasons, texts)
        String chrome = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return [...document"
                + ".querySelectorAll('h3, th, button:not([data-test=lang-switch]), nav a, summary, label, .badge, caption')].map(e => e.innerText)"
                + ".join(' | ')");
        assertThat(chrome).doesNotContainPattern("\\p{IsHan}");
        check("editor-english");
        click("lang-switch");

        assertThat(violations).isEmpty();
    }

    /** Signs in afresh as a demo user at the identity provider, then opens a page. */
    private static void as(String username, String page) {
        Browsers.forgetSessions(browser, platform);
        Browsers.signIn(browser, wait, platform, username);
        open(page);
    }

    private static void open(String page) {
        browser.get(platform.queryUrl() + "/" + page);
        browser.navigate().refresh();
    }

    private void check(String name) throws IOException {
        violations.addAll(Accessibility.violations(browser, String.format("%02d-%s", ++step, name), "journey"));
    }

    private static WebElement find(String test) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test='" + test + "']")));
    }

    private static String text(String test) {
        return wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            String shown = driver.findElement(By.cssSelector("[data-test='" + test + "']")).getText();
            return shown.isBlank() ? null : shown.trim();
        });
    }

    /** Clicks the element, found afresh until the click lands (the page may render again in between). */
    private static void click(String test) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = driver.findElement(By.cssSelector("[data-test='" + test + "']"));
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static void clickIn(String scope, String test) {
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("[data-test='" + scope + "'] [data-test='" + test + "']")).click();
            return true;
        });
    }

    private static WebElement field(String form, String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "[data-test='" + form + "'] [data-test='field-" + name + "']")));
    }

    private static void fill(String form, String name, String value) {
        WebElement input = field(form, name);
        if (!"date".equals(input.getAttribute("type"))) {
            input.clear();
        }
        input.sendKeys(value);
    }

    private static void choose(String form, String name, String value) {
        new Select(field(form, name)).selectByValue(value);
    }

    private static void submit(String form) {
        find(form).findElement(By.cssSelector("[data-test=submit]")).click();
    }

    /** Submits, then waits until the form has gone and the page shows the change as saved. */
    private static void submitAndWait(String form) throws IOException {
        submit(form);
        try {
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-test='" + form + "']")));
            wait.until(driver -> driver.findElements(By.cssSelector(".notice.busy[data-test=notice]")).isEmpty()
                    && driver.findElements(By.cssSelector("[data-test=notice]")).stream()
                    .anyMatch(notice -> notice.getText().contains("已保存") || notice.getText().contains("Saved")));
        } finally {
            Path folder = Files.createDirectories(Path.of("target", "screenshots", "journey"));
            Files.write(folder.resolve(String.format("%02d-%s.png", ++step, form)),
                    browser.getScreenshotAs(OutputType.BYTES));
        }
    }
}
