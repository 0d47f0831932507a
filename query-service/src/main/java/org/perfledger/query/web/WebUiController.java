package org.perfledger.query.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.perfledger.kernel.organisation.ShardMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The web UI's one page. Its scripts are static (under {@code /ui/}) and its libraries come from their jars: Preact
 * ({@code /webjars/preact/…}) and Apache ECharts ({@code /_static/echarts/…}); the page names their versions, so no
 * JavaScript build is needed. It also tells the scripts where the command service answers
 * ({@code perfledger.web.command-api}; empty when both services sit behind one origin) and, on a sharded platform
 * ({@code perfledger.sharding.map}), which command service keeps which district.
 *
 * <p>The page is served with a strict Content-Security-Policy: scripts only from this origin plus the inline import
 * map by its hash; connections only to this origin, the command service and the identity provider
 * ({@code perfledger.web.oidc.issuer}; when set, people sign in there, see {@code ui/oidc.js}). Everything shown comes from the APIs and
 * is rendered as text (Preact escapes it), never as markup.
 */
@RestController
class WebUiController {

    private final String page;
    private final String publicPage;
    private final String policy;
    private final String publicPolicy;

    WebUiController(@Value("${perfledger.web.command-api:}") String commandApi,
                    @Value("${perfledger.web.oidc.issuer:}") String oidcIssuer,
                    @Value("${perfledger.web.oidc.client-id:perfledger-web}") String oidcClient,
                    ShardMap shards) {
        String preact = "/webjars/preact/" + version("org.webjars.npm", "preact");
        String importMap = "{\"imports\":{\"preact\":\"" + preact + "/dist/preact.module.js\",\"preact/hooks\":\""
                + preact + "/hooks/dist/hooks.module.js\"}}";
        String echarts = "/_static/echarts/" + version("org.mvnpm", "echarts") + "/dist/echarts.min.js";
        this.publicPage = template("/ui/public.html").replace("{{importMap}}", importMap).replace("{{echarts}}", echarts);
        this.page = template("/ui/index.html").replace("{{importMap}}", importMap).replace("{{echarts}}", echarts)
                .replace("{{commandApi}}", HtmlUtils.htmlEscape(commandApi))
                .replace("{{commandShards}}", HtmlUtils.htmlEscape(commandShards(shards)))
                .replace("{{oidcIssuer}}", HtmlUtils.htmlEscape(oidcIssuer))
                .replace("{{oidcClient}}", HtmlUtils.htmlEscape(oidcIssuer.isBlank() ? "" : oidcClient));
        Set<String> commandOrigins = new LinkedHashSet<>();
        if (!commandApi.isBlank()) {
            commandOrigins.add(origin(commandApi));
        }
        shards.shards().forEach(shard -> commandOrigins.add(origin(shard.commandApi().toString())));
        String commandOrigin = commandOrigins.stream().map(origin -> " " + origin).collect(Collectors.joining());
        // the browser asks the identity provider for its endpoints and tokens (sign-in itself is a navigation)
        String providerOrigin = oidcIssuer.isBlank() ? "" : " " + origin(oidcIssuer);
        this.policy = "default-src 'self'; script-src 'self' 'sha256-" + sha256(importMap) + "'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'" + commandOrigin + providerOrigin
                + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        // the public site signs no one in: it talks to this origin only
        this.publicPolicy = "default-src 'self'; script-src 'self' 'sha256-" + sha256(importMap) + "'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The public disclosure site (绩效信息公开): what districts published, without signing in. */
    @GetMapping(path = {"/public", "/public/"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> publicSite() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", publicPolicy)
                .header("Referrer-Policy", "no-referrer")
                .body(publicPage);
    }

    @GetMapping(path = {"/", "/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", policy)
                .header("Referrer-Policy", "no-referrer")
                .body(page);
    }

    /**
     * Where each district's commands go on a sharded platform, for the scripts ({@code ui/api.js}): the command API
     * of the shard naming the district, else that of the {@code *} shard; empty on the unsharded platform.
     */
    static String commandShards(ShardMap shards) {
        if (shards.unsharded()) {
            return "";
        }
        Map<String, Object> districts = new TreeMap<>();
        String rest = null;
        for (ShardMap.Shard shard : shards.shards()) {
            shard.districts().forEach(district -> districts.put(district.value(), shard.commandApi().toString()));
            if (shard.rest()) {
                rest = shard.commandApi().toString();
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("districts", districts);
        map.put("rest", rest);
        try {
            return new ObjectMapper().writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String template(String path) {
        try (InputStream in = WebUiController.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a library jar on the class path, from the pom.properties Maven puts in every jar. */
    static String version(String group, String artifact) {
        String path = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = WebUiController.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(group + ":" + artifact + " is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
