package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page of the web UI, as each role reaches it, checked by axe-core (Deque's engine, WCAG 2.1 A and AA rules) at
 * a desktop width (1440 px) and a phone's (390 px): no serious or critical violation, and nothing wider than the
 * phone's screen. Screenshots of each page and width land in target/screenshots/a11y.
 */
class AccessibilityTest {

    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

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

    private static void signIn(String username) {
        Browsers.forgetSessions(browser, platform);
        Browsers.signIn(browser, wait, platform, username);
    }

    /** The page at both widths, once it shows {@code ready}. */
    private static List<String> check(String name, String page, String ready) throws IOException {
        browser.manage().window().setSize(new Dimension(1440, 900));
        browser.get(platform.queryUrl() + "/" + page);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
        return Accessibility.violations(browser, name, "a11y");
    }

    @Test
    void everyPageEveryRoleReachesHasNoSeriousOrCriticalViolationAtDesktopAndPhoneWidths() throws IOException {
        List<String> violations = new ArrayList<>();
        violations.addAll(check("sign-in", "", "[data-test=user], [data-test=sign-in-provider], [data-test=sign-in]"));
        signIn("donghu.finance");
        violations.addAll(check("overview", "#/overview/2020", "[data-test=overview-row]"));
        // sorting is reached by keyboard, and the sorted column says so
        browser.manage().window().setSize(new Dimension(1440, 900));
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("[data-test=sort-score]")).sendKeys(Keys.ENTER);
            return true;
        });
        wait.ignoring(StaleElementReferenceException.class).until(driver -> "ascending".equals(driver.findElement(
                By.cssSelector("th:has([data-test=sort-score])")).getAttribute("aria-sort")));
        violations.addAll(check("due", "#/due/2020", "main table, main p"));
        violations.addAll(check("department", "#/dept/scjgj/2020", "[data-test=plan-ZLJS]"));
        violations.addAll(check("year-over-year", "#/dept/scjgj/years", "main table"));
        violations.addAll(check("trail", "#/dept/scjgj/2020/trail", "main table, main p"));
        violations.addAll(check("work-queue", "#/work/2020", "main table, [data-test=work-empty]"));
        violations.addAll(check("calendar", "#/calendar/2020", "[data-test=calendar]"));
        violations.addAll(check("departments", "#/departments", "[data-test=departments]"));
        violations.addAll(check("plan", "#/plan/scjgj/2020/ZLJS", "[data-test=targets-section]"));
        signIn("donghu.auditor");
        violations.addAll(check("event-log", "#/audit/log", "main table"));
        violations.addAll(check("chain", "#/audit/chain", "main button"));
        signIn("donghu.scjgj.editor");
        violations.addAll(check("editor-department", "#/dept/scjgj/2020", "[data-test=plan-ZLJS]"));
        violations.addAll(check("editor-plan", "#/plan/scjgj/2020/ZLJS", "[data-test=targets-section]"));
        violations.addAll(check("editor-work-queue", "#/work/2020", "main table, [data-test=work-empty]"));
        // the platform's operators: onboarding a district through its form, then the page checked with it open
        signIn("platform.admin");
        violations.addAll(check("admin", "", "[data-test=admin-rebuilds]"));
        wait.ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(By.cssSelector("[data-test=onboard-district]")).click();
            return true;
        });
        browser.findElement(By.cssSelector("[data-test=field-district]")).sendKeys("a11yd");
        browser.findElement(By.cssSelector("[data-test=field-name]")).sendKeys("无障碍测试区");
        violations.addAll(Accessibility.violations(browser, "admin-onboard-form", "a11y"));
        browser.findElement(By.cssSelector("[data-test=district-form] [data-test=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=notice]"), "已保存"));
        assertThat(violations).isEmpty();
    }
}
