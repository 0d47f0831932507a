package org.perfledger.infra.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tokens from Keycloak for whoever the demo loader or a test acts as: the account is made in the realm on first use
 * (through Keycloak's admin API, with its district and department as attributes and PerfLedger's roles as realm
 * roles), and its token comes by the password grant of the realm's API client. Tokens are kept until a minute
 * before they expire.
 */
public final class KeycloakAccounts implements TokenSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeycloakServer keycloak;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, Kept> tokens = new ConcurrentHashMap<>();

    private record Kept(String token, long expiresAtMillis) {
    }

    public KeycloakAccounts(KeycloakServer keycloak, String realm, String adminUser, String adminPassword) {
        this.keycloak = keycloak;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    @Override
    public String token(String subject, String district, String department, Collection<String> roles) {
        String username = username(subject, district, department, roles);
        Kept kept = tokens.get(username);
        if (kept != null && kept.expiresAtMillis() > System.currentTimeMillis() + 60_000) {
            return kept.token();
        }
        String password = passwords.computeIfAbsent(username, name -> create(name, district, department, roles));
        String token = keycloak.passwordGrant(KeycloakRealm.API_CLIENT, username, password);
        tokens.put(username, new Kept(token, expiry(token)));
        return token;
    }

    /** One account per subject, district, department and set of roles: a user's roles are fixed when it is made. */
    private static String username(String subject, String district, String department, Collection<String> roles) {
        String name = subject + (district == null ? "" : "@" + district) + (department == null ? "" : "." + department)
                + "_" + new TreeSet<>(roles).stream().map(role -> role.substring(0, Math.min(3, role.length())))
                .collect(Collectors.joining("-"));
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private String create(String username, String district, String department, Collection<String> roles) {
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String admin = adminToken();
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username);
        user.put("enabled", true);
        user.put("emailVerified", true);
        user.put("firstName", username);
        ObjectNode attributes = user.putObject("attributes");
        if (district != null) {
            attributes.putArray("district").add(district);
        }
        if (department != null) {
            attributes.putArray("department").add(department);
        }
        user.putArray("credentials").addObject().put("type", "password").put("value", password)
                .put("temporary", false);
        HttpResponse<String> created = send("POST", "/admin/realms/" + realm + "/users", user.toString(), admin);
        String id;
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        } else if (created.statusCode() == 409) {
            // made by an earlier run of the same realm: give it a password this process knows
            id = read(send("GET", "/admin/realms/" + realm + "/users?exact=true&username="
                    + URLEncoder.encode(username, StandardCharsets.UTF_8), null, admin)).get(0).get("id").asText();
            ObjectNode credential = JSON.createObjectNode().put("type", "password").put("value", password)
                    .put("temporary", false);
            expect(send("PUT", "/admin/realms/" + realm + "/users/" + id + "/reset-password", credential.toString(),
                    admin), 204);
        } else {
            throw new IllegalStateException("Keycloak did not make user " + username + ": " + created.body());
        }
        ArrayNode mappings = JSON.createArrayNode();
        for (String role : roles) {
            mappings.add(read(send("GET", "/admin/realms/" + realm + "/roles/" + role, null, admin)));
        }
        expect(send("POST", "/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm", mappings.toString(),
                admin), 204);
        return password;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(adminUser, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> answer = send("POST", "/realms/master/protocol/openid-connect/token", form, null);
        return read(expect(answer, 200)).get("access_token").asText();
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.url() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", bearer == null ? "application/x-www-form-urlencoded" : "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                    + response.request().method() + " " + response.request().uri() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long expiry(String token) {
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            return claims.path("exp").asLong() * 1000;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
