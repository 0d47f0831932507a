package org.perfledger.infra.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How the web UI is served, over plain HTTP: the page and its libraries without a token, a Content-Security-Policy
 * that admits exactly the page's import map, and commands from the UI's origin (only) accepted by the command
 * service across origins.
 */
class WebUiServingTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() {
        platform = LaunchedPlatform.get();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsLibrariesNeedNoTokenAndThePolicyAdmitsOnlyTheImportMap() throws Exception {
        HttpResponse<String> page = get(platform.queryUrl() + "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"zh-CN\">")
                .contains("content=\"" + platform.commandUrl() + "\"");
        Matcher importMap = Pattern.compile("<script type=\"importmap\">(.*?)</script>").matcher(page.body());
        assertThat(importMap.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("script-src 'self' 'sha256-" + hash + "';")
                .contains("connect-src 'self' " + platform.commandUrl() + platform.keycloak()
                        .map(keycloak -> " " + keycloak.url()).orElse("") + ";")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");

        JsonNode imports = new ObjectMapper().readTree(importMap.group(1)).get("imports");
        for (String module : List.of(imports.get("preact").asText(), imports.get("preact/hooks").asText(),
                "/ui/app.js", "/ui/api.js", "/ui/oidc.js", "/ui/i18n.js", "/ui/chart.js", "/ui/style.css")) {
            assertThat(get(platform.queryUrl() + module).statusCode()).as(module).isEqualTo(200);
        }
        Matcher echarts = Pattern.compile("<script src=\"([^\"]+echarts.min.js)\"").matcher(page.body());
        assertThat(echarts.find()).isTrue();
        assertThat(get(platform.queryUrl() + echarts.group(1)).statusCode()).isEqualTo(200);
        assertThat(get(platform.queryUrl() + "/api/v1/districts/donghu/years").statusCode())
                .as("the APIs still need a token").isEqualTo(401);
    }

    @Test
    void theCommandServiceAcceptsCommandsFromTheUisOriginOnly() throws Exception {
        String path = platform.commandUrl() + "/api/v1/districts/donghu/departments/scjgj/years/2020/projects/ZLJS"
                + "/budget/expenditures";
        HttpResponse<String> ours = preflight(path, platform.queryUrl());
        assertThat(ours.statusCode()).isEqualTo(200);
        assertThat(ours.headers().firstValue("Access-Control-Allow-Origin")).hasValue(platform.queryUrl());
        assertThat(ours.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                .contains("authorization").contains("idempotency-key");
        HttpResponse<String> foreign = preflight(path, "https://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static HttpResponse<String> preflight(String url, String origin) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key").build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
