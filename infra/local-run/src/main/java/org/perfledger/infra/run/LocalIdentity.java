package org.perfledger.infra.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.perfledger.infra.embedded.KeycloakAccounts;
import org.perfledger.infra.embedded.KeycloakRealm;
import org.perfledger.infra.embedded.KeycloakServer;
import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.embedded.PostgresServer;
import org.perfledger.infra.embedded.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who signs people in and tokens for the local run, and what the services are told of it: an external OIDC provider
 * when {@code SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI} is set (the services inherit it); Keycloak when
 * the settings name its distribution (people sign in there); otherwise the local issuer, whose key stays in the home
 * folder.
 */
final class LocalIdentity implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalIdentity.class);
    /** Where the build unpacks Keycloak's distribution (infra/local-run's pom names its version). */
    static final String KEYCLOAK_DISTRIBUTION = "infra/local-run/target/keycloak/keycloak";
    static final String REALM = "perfledger";

    private final LocalIssuer issuer;
    private final KeycloakServer keycloak;
    private final TokenSource tokens;
    private final DemoUsers.Passwords demoPasswords;
    private final Map<String, String> environment;

    private LocalIdentity(LocalIssuer issuer, KeycloakServer keycloak, TokenSource tokens,
                          DemoUsers.Passwords demoPasswords, Map<String, String> environment) {
        this.issuer = issuer;
        this.keycloak = keycloak;
        this.tokens = tokens;
        this.demoPasswords = demoPasswords;
        this.environment = environment;
    }

    /**
     * Keycloak's distribution unless {@code PERFLEDGER_IDENTITY=local}, or an external provider is configured, or no
     * JDK of at least 21 is on the machine (then the local issuer, with a word why).
     */
    static Optional<Path> keycloakDistribution(Map<String, String> env) {
        Path distribution = Path.of(env.getOrDefault("PERFLEDGER_KEYCLOAK", KEYCLOAK_DISTRIBUTION)).toAbsolutePath();
        if ("local".equals(env.get("PERFLEDGER_IDENTITY"))
                || env.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") != null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(distribution) || KeycloakServer.javaAtLeast(21).isEmpty()) {
            log.warn("Keycloak is not started ({}): people sign in with the local issuer's tokens",
                    Files.isDirectory(distribution) ? "it needs a JDK of at least 21" : distribution + " is missing");
            return Optional.empty();
        }
        return Optional.of(distribution);
    }

    static LocalIdentity start(PlatformSettings settings, PostgresServer postgres, String webUrl) {
        if (settings.keycloak().isPresent()) {
            return keycloak(settings, postgres, webUrl);
        }
        if (System.getenv("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI") != null) {
            return new LocalIdentity(null, null, null, null, Map.of());
        }
        LocalIssuer issuer = LocalIssuer.in(settings.home().resolve("issuer"));
        return new LocalIdentity(issuer, null, issuer, null, Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", issuer.publicKeyLocation(),
                "PERFLEDGER_TOKEN_ISSUERS", LocalIssuer.ISSUER));
    }

    /**
     * Keycloak on a database of its own in the same PostgreSQL, with the realm of the demo users (their passwords made
     * once and kept in the home folder) and the web UI's origins as its client's redirect targets.
     */
    private static LocalIdentity keycloak(PlatformSettings settings, PostgresServer postgres, String webUrl) {
        if (postgres == null) {
            throw new IllegalStateException("Keycloak runs on the embedded PostgreSQL; unset PERFLEDGER_DB_URL");
        }
        postgres.createDatabaseIfMissing("keycloak");
        Path home = settings.home().resolve("keycloak");
        DemoUsers.Passwords passwords = DemoUsers.Passwords.in(home);
        KeycloakRealm realm = new KeycloakRealm(REALM, List.of(webUrl, webUrl.replace("localhost", "127.0.0.1")),
                DemoUsers.accounts(passwords), Integer.getInteger("perfledger.keycloak.access-token-seconds",
                KeycloakRealm.ACCESS_TOKEN_SECONDS));
        int port = Integer.parseInt(System.getenv().getOrDefault("PERFLEDGER_KEYCLOAK_PORT", "0"));
        KeycloakServer keycloak = KeycloakServer.start(new KeycloakServer.Settings(settings.keycloak().get(), home,
                port, postgres.jdbcUrl("keycloak"), PostgresServer.USER, "", realm, passwords.admin()));
        try {
            // for the operator's commands (./perfledger rebuild), which sign in as the platform admin
            Files.writeString(home.resolve("issuer.txt"), keycloak.issuer());
        } catch (IOException e) {
            keycloak.close();
            throw new UncheckedIOException(e);
        }
        // who acted is the person's username, as auditors read it (Keycloak's sub is a UUID)
        return new LocalIdentity(null, keycloak, new KeycloakAccounts(keycloak, REALM, KeycloakServer.ADMIN,
                passwords.admin()), passwords, Map.of(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", keycloak.issuer(),
                "PERFLEDGER_WEB_OIDC_ISSUER", keycloak.issuer(),
                "PERFLEDGER_SECURITY_CLAIMS_SUBJECT", "preferred_username"));
    }

    /** What the services are told about tokens. */
    Map<String, String> environment() {
        return environment;
    }

    Optional<LocalIssuer> issuer() {
        return Optional.ofNullable(issuer);
    }

    Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    Optional<DemoUsers.Passwords> demoPasswords() {
        return Optional.ofNullable(demoPasswords);
    }

    TokenSource tokens() {
        if (tokens == null) {
            throw new IllegalStateException("an external issuer signs the tokens");
        }
        return tokens;
    }

    /** Whether this run can act as its demo users (not so when an external provider signs their tokens). */
    boolean signsDemoUsers() {
        return tokens != null;
    }

    /**
     * Writes how the demo users sign in, and says where: their passwords (Keycloak), or ready tokens with sign-in
     * links to the web UI at {@code webUrl} (the local issuer).
     */
    void writeDemoSignIns(Path home, String webUrl) {
        if (keycloak != null) {
            Path users = home.resolve("users.txt");
            DemoUsers.writeAccounts(demoPasswords, users, keycloak);
            System.out.println("  sign-in          " + keycloak.issuer() + " (Keycloak; users and passwords in "
                    + users + ")");
        }
        if (issuer != null) {
            Path tokenFile = home.resolve("tokens.txt");
            String finance = DemoUsers.write(issuer, tokenFile, webUrl);
            System.out.println("  demo users       tokens for every role of every demo district in " + tokenFile);
            System.out.println("Try: curl -H 'Authorization: Bearer " + finance + "' \\");
            System.out.println("       " + webUrl
                    + "/api/v1/districts/donghu/departments/scjgj/years/2018/projects/ZLJS/scorecard");
        }
    }

    @Override
    public void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }
}
