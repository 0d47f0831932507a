package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perfledger.infra.embedded.ScratchDirectories;

/**
 * The browser tests' Chromium (Debian's {@code chromium} and {@code chromium-driver}; other paths through
 * {@code -Dperfledger.chromium} and {@code -Dperfledger.chromedriver}), and signing in as people do.
 */
final class Browsers {

    private Browsers() {
    }

    /** A headless Chromium with a fresh profile; downloads, if a folder is given, land there without asking. */
    static ChromeDriver start(Path downloads) {
        String chromium = System.getProperty("perfledger.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("perfledger.chromedriver", "/usr/bin/chromedriver");
        assertThat(new File(chromium).canExecute()).as("Chromium is needed for the browser tests: apt-get install "
                + "chromium chromium-driver (see README)").isTrue();
        assertThat(new File(driver).canExecute()).as("ChromeDriver is needed: apt-get install chromium-driver").isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        // the flags this machine's closed network needs (see the env notes), and a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--user-data-dir=" + ScratchDirectories.create("perfledger-chromium"));
        // the page's console, for a failing test to show
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver)).build(), options);
        if (downloads != null) {
            browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                    downloads.toString()));
        }
        return browser;
    }

    /** Leaves no session behind: the page's storage, and the identity provider's session cookie. */
    static void forgetSessions(ChromeDriver browser, LocalPlatform platform) {
        browser.get(platform.queryUrl() + "/ui/style.css");
        browser.executeScript("sessionStorage.clear(); localStorage.clear();");
        platform.keycloak().ifPresent(keycloak -> {
            browser.get(keycloak.issuer() + "/.well-known/openid-configuration");
            browser.manage().deleteAllCookies();
        });
    }

    /**
     * Signs in as a demo user ({@code district.role} or {@code district.department.role}): through Keycloak's login
     * page with the user's password where the platform runs Keycloak, else with a local token in the sign-in link.
     */
    static void signIn(ChromeDriver browser, WebDriverWait wait, LocalPlatform platform, String username) {
        if (platform.keycloak().isPresent()) {
            browser.get(platform.queryUrl() + "/");
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=sign-in-provider]"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(platform.demoPasswords().orElseThrow().of(username));
            browser.findElement(By.id("kc-login")).click();
        } else {
            String[] parts = username.split("\\.");
            String role = switch (parts[parts.length - 1]) {
                case "finance" -> "DISTRICT_FINANCE";
                case "auditor" -> "AUDITOR";
                case "editor" -> "DEPARTMENT_EDITOR";
                case "viewer" -> "DEPARTMENT_VIEWER";
                case "evaluator" -> "EVALUATOR";
                default -> throw new IllegalArgumentException("no demo role in " + username);
            };
            browser.get(platform.queryUrl() + "/#token=" + platform.issuer().orElseThrow().token(username, parts[0],
                    parts.length > 2 ? parts[1] : null, List.of(role), Duration.ofHours(1)));
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-test=user]")));
    }
}
