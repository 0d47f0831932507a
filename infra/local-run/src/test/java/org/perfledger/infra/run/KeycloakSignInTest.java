package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.infra.embedded.FreePorts;
import org.perfledger.infra.embedded.KeycloakServer;

/**
 * People sign in at Keycloak, the identity provider districts deploy, as the local run starts it with
 * {@code PERFLEDGER_IDENTITY=keycloak}: district finance opens the web UI, is sent to Keycloak's login page, signs in
 * with a demo user's password, comes back to the district overview by the authorization code flow with PKCE, and the
 * services accept the provider's token. While the page is open the token is renewed before it expires. Signing out
 * ends the session at Keycloak too: the next sign-in asks for the password again. The demo loader's commands use Keycloak's tokens as well (accounts made through its admin API).
 */
class KeycloakSignInTest {

    private static LocalPlatform platform;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() throws IOException {
        Assumptions.assumeTrue(KeycloakServer.javaAtLeast(21).isPresent(), "Keycloak needs a JDK of at least 21");
        Path home = ScratchDirectories.create("perfledger-keycloak");
        // access tokens of 65 s, so the page renews its token (a minute before expiry) within the test
        System.setProperty("perfledger.keycloak.access-token-seconds", "65");
        platform = LocalPlatform.start(new PlatformSettings(home, Path.of("target/services").toAbsolutePath(),
                Optional.empty(), "postgres", "", Optional.empty(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), FreePorts.pick(), false).withKeycloak(Path.of("target/keycloak/keycloak")
                .toAbsolutePath()));
        // commands with Keycloak's tokens: the platform admin onboards, finance registers, the editor budgets
        PlatformClient client = new PlatformClient(platform);
        assertThat(client.command("POST", "/api/v1/districts", "{\"district\":\"donghu\",\"name\":\"东湖高新区\"}",
                platform.adminToken()).statusCode()).isEqualTo(201);
        client.send("POST", "/api/v1/districts/donghu/departments", "{\"departmentId\":\"scjgj\",\"name\":\"市场监管局\"}");
        client.send("POST", "/api/v1/districts/donghu/departments/scjgj/years/2020/department/budget",
                "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}");
        browser = Browsers.start(null);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(folder.resolve("keycloakSignIn.png"), browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
        if (platform != null) {
            platform.close();
        }
        System.clearProperty("perfledger.keycloak.access-token-seconds");
    }

    @Test
    void financeSignsInAtKeycloakWorksAndSigningOutEndsTheProviderSession() throws Exception {
        String password = platform.demoPasswords().orElseThrow().of("donghu.finance");
        browser.get(platform.queryUrl() + "/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=sign-in-provider]"))).click();
        // Keycloak's own login page
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(platform.keycloak().orElseThrow().issuer());
        browser.findElement(By.id("username")).sendKeys("donghu.finance");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("kc-login")).click();
        // back at PerfLedger, signed in with the provider's token, at finance's work queue for the district
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=user]"), "donghu"));
        assertThat(browser.getCurrentUrl()).startsWith(platform.queryUrl()).doesNotContain("code=");
        wait.until(driver -> !driver.findElements(By.cssSelector("[data-test=work], [data-test=work-empty]"))
                .isEmpty());
        String token = (String) browser.executeScript("return sessionStorage.getItem('perfledger.token')");
        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        platform.queryUrl() + "/api/v1/districts/donghu/years/2020/overview"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).contains("scjgj");

        // while the page is open, the session renews itself before the access token expires
        new WebDriverWait(browser, Duration.ofSeconds(40)).until(driver -> !token.equals(browser.executeScript(
                "return sessionStorage.getItem('perfledger.token')")));
        String renewed = (String) browser.executeScript("return sessionStorage.getItem('perfledger.token')");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.queryUrl()
                        + "/api/v1/districts/donghu/years/2020/overview")).header("Authorization", "Bearer " + renewed)
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[data-test=user]"), "donghu"));

        // who acted is the username, as an auditor reads it in the event log (Keycloak's sub is a UUID)
        HttpResponse<String> log = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        platform.commandUrl() + "/api/v1/districts/donghu/event-log")).header("Authorization", "Bearer "
                        + platform.tokens().token("auditor", "donghu", null, java.util.List.of("AUDITOR"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(log.statusCode()).as(log.body()).isEqualTo(200);
        assertThat(PlatformClient.json(log.body()).findValuesAsText("actor")).contains("finance@donghu.scjgj_dep-dis")
                .noneMatch(actor -> actor.matches("[0-9a-f-]{36}"));

        // signing out ends the session at the provider: the next sign-in asks for the password again
        browser.findElement(By.cssSelector("[data-test=sign-out]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-test=sign-in-provider]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).startsWith(platform.keycloak().orElseThrow().issuer());
    }
}
