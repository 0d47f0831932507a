package org.perfledger.infra.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A Keycloak realm for PerfLedger, as JSON for Keycloak's import: PerfLedger's roles as realm roles, people as users
 * with a password and their district and department as attributes, and two clients whose tokens carry the claims the
 * services read ({@code roles}, {@code district}, {@code department}):
 * <ul>
 *   <li>{@value #WEB_CLIENT}: the web UI, a public client signing people in by the authorization code flow with PKCE
 *   (S256), short-lived access tokens renewed by refresh tokens, logout at the provider;</li>
 *   <li>{@value #API_CLIENT}: scripts and the demo loader, by the password grant of a user.</li>
 * </ul>
 * infra/deploy/keycloak/perfledger-realm.json is the same realm for docker-compose.
 */
public record KeycloakRealm(String name, List<String> webOrigins, List<User> users, int accessTokenSeconds) {

    /** Five minutes, renewed by the web UI while the page is in use. */
    public static final int ACCESS_TOKEN_SECONDS = 300;

    public KeycloakRealm(String name, List<String> webOrigins, List<User> users) {
        this(name, webOrigins, users, ACCESS_TOKEN_SECONDS);
    }

    public static final String WEB_CLIENT = "perfledger-web";
    public static final String API_CLIENT = "perfledger-api";
    public static final List<String> ROLES = List.of("DISTRICT_FINANCE", "DEPARTMENT_EDITOR", "DEPARTMENT_VIEWER",
            "AUDITOR", "EVALUATOR", "PLATFORM_ADMIN");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A person: district and department null where the role is bound to none. */
    public record User(String username, String password, String name, String district, String department,
                       List<String> roles) {
    }

    public String toJson() {
        ObjectNode realm = JSON.createObjectNode();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("defaultLocale", "zh-CN");
        realm.put("internationalizationEnabled", true);
        realm.putArray("supportedLocales").add("zh-CN").add("en");
        // the web UI renews access tokens while in use; a session ends after 30 idle minutes or 10 hours
        realm.put("accessTokenLifespan", accessTokenSeconds);
        realm.put("ssoSessionIdleTimeout", 1800);
        realm.put("ssoSessionMaxLifespan", 36000);
        realm.put("bruteForceProtected", true);
        ArrayNode roles = realm.putObject("roles").putArray("realm");
        ROLES.forEach(role -> roles.addObject().put("name", role));
        // district and department are attributes the realm's user profile does not declare
        ObjectNode profile = realm.putObject("components").putArray("org.keycloak.userprofile.UserProfileProvider")
                .addObject();
        profile.put("providerId", "declarative-user-profile");
        profile.putObject("config").putArray("kc.user.profile.config").add("""
                {"unmanagedAttributePolicy":"ADMIN_EDIT","attributes":[
                {"name":"username","displayName":"${username}","permissions":{"view":["admin","user"],"edit":["admin"]},
                 "validations":{"length":{"min":3,"max":100},"username-prohibited-characters":{}}},
                {"name":"email","displayName":"${email}","permissions":{"view":["admin","user"],"edit":["admin"]},
                 "validations":{"email":{},"length":{"max":255}}},
                {"name":"firstName","displayName":"${firstName}","permissions":{"view":["admin","user"],"edit":["admin"]}},
                {"name":"lastName","displayName":"${lastName}","permissions":{"view":["admin","user"],"edit":["admin"]}}]}""");
        ArrayNode clients = realm.putArray("clients");
        ObjectNode web = client(clients, WEB_CLIENT);
        web.put("standardFlowEnabled", true);
        web.put("directAccessGrantsEnabled", false);
        ArrayNode redirects = web.putArray("redirectUris");
        ArrayNode origins = web.putArray("webOrigins");
        for (String origin : webOrigins) {
            redirects.add(origin + "/*");
            origins.add(origin);
        }
        web.putObject("attributes").put("pkce.code.challenge.method", "S256")
                .put("post.logout.redirect.uris", String.join("##", webOrigins.stream()
                        .map(origin -> origin + "/*").toList()));
        ObjectNode api = client(clients, API_CLIENT);
        api.put("standardFlowEnabled", false);
        api.put("directAccessGrantsEnabled", true);
        // scripts and loaders run for a while on one token
        api.putObject("attributes").put("access.token.lifespan", "3600");
        ArrayNode users = realm.putArray("users");
        for (User user : this.users) {
            ObjectNode node = users.addObject();
            node.put("username", user.username());
            node.put("enabled", true);
            node.put("emailVerified", true);
            node.put("firstName", user.name());
            node.putArray("credentials").addObject().put("type", "password").put("value", user.password())
                    .put("temporary", false);
            ArrayNode realmRoles = node.putArray("realmRoles");
            user.roles().forEach(realmRoles::add);
            ObjectNode attributes = node.putObject("attributes");
            if (user.district() != null) {
                attributes.putArray("district").add(user.district());
            }
            if (user.department() != null) {
                attributes.putArray("department").add(user.department());
            }
        }
        return realm.toPrettyString();
    }

    private static ObjectNode client(ArrayNode clients, String id) {
        ObjectNode client = clients.addObject();
        client.put("clientId", id);
        client.put("enabled", true);
        client.put("publicClient", true);
        client.put("protocol", "openid-connect");
        client.put("fullScopeAllowed", true);
        ArrayNode mappers = client.putArray("protocolMappers");
        attribute(mappers, "district");
        attribute(mappers, "department");
        ObjectNode roles = mappers.addObject();
        roles.put("name", "roles");
        roles.put("protocol", "openid-connect");
        roles.put("protocolMapper", "oidc-usermodel-realm-role-mapper");
        roles.putObject("config").put("claim.name", "roles").put("multivalued", "true")
                .put("jsonType.label", "String").put("access.token.claim", "true").put("id.token.claim", "true")
                .put("userinfo.token.claim", "true");
        return client;
    }

    private static void attribute(ArrayNode mappers, String name) {
        ObjectNode mapper = mappers.addObject();
        mapper.put("name", name);
        mapper.put("protocol", "openid-connect");
        mapper.put("protocolMapper", "oidc-usermodel-attribute-mapper");
        mapper.putObject("config").put("user.attribute", name).put("claim.name", name)
                .put("jsonType.label", "String").put("access.token.claim", "true").put("id.token.claim", "true")
                .put("userinfo.token.claim", "true");
    }
}
