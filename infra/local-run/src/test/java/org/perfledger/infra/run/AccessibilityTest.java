package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
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

    /** The page at both widths: its serious and critical violations, each as "page @width: rule (impact) × n". */
    private static List<String> check(String name, String page, String ready) throws IOException {
        List<String> found = new ArrayList<>();
        for (int width : new int[] {1440, 390}) {
            browser.manage().window().setSize(new Dimension(width, 900));
            browser.get(platform.queryUrl() + "/" + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(ready)));
            Path folder = Files.createDirectories(Path.of("target", "screenshots", "a11y"));
            Files.write(folder.resolve(name + "-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(browser);
            for (Rule rule : results.getViolations()) {
                if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                    found.add(name + " @" + width + ": " + rule.getId() + " (" + rule.getImpact() + ") × "
                            + rule.getNodes().size() + " e.g. " + rule.getNodes().get(0).getTarget());
                }
            }
            long overflow = (Long) browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (width == 390 && overflow > 0) {
                found.add(name + " @390: the page is " + overflow + " px wider than the screen");
            }
        }
        return found;
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
        signIn("donghu.auditor");
        violations.addAll(check("event-log", "#/audit/log", "main table"));
        violations.addAll(check("chain", "#/audit/chain", "main button"));
        signIn("donghu.scjgj.editor");
        violations.addAll(check("editor-department", "#/dept/scjgj/2020", "[data-test=plan-ZLJS]"));
        assertThat(violations).isEmpty();
    }
}
