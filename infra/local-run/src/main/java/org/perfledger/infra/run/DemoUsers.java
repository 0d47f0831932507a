package org.perfledger.infra.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.perfledger.infra.embedded.KeycloakRealm;
import org.perfledger.infra.embedded.KeycloakServer;
import org.perfledger.infra.embedded.LocalIssuer;

/**
 * Ready tokens for the demo users of every role, so the local run works without any identity provider: per demo
 * district its finance officer, its auditor, and the editor and viewer of its market-supervision bureau; and the
 * platform admin. Valid for 30 days; the signing key stays in the home folder.
 */
final class DemoUsers {

    static final List<String> DISTRICTS = List.of("caidian", "donghu", "rugao", "qiaokou", "tianxin");
    private static final Duration LIFETIME = Duration.ofDays(30);

    private DemoUsers() {
    }

    /**
     * Writes every token to {@code file}, each with a sign-in link to the web UI at {@code webUrl} (the token rides in
     * the link's fragment, which the browser never sends to a server); answers donghu finance's, for the printed
     * example.
     */
    static String write(LocalIssuer issuer, Path file, String webUrl) {
        StringBuilder text = new StringBuilder("# PerfLedger demo users: send 'Authorization: Bearer <token>', or open "
                + "the user's sign-in link in a browser.\n");
        String example = null;
        for (String district : DISTRICTS) {
            String finance = issuer.token(district + ".finance", district, null, List.of("DISTRICT_FINANCE"), LIFETIME);
            if (district.equals("donghu")) {
                example = finance;
            }
            line(text, webUrl, district + ".finance (DISTRICT_FINANCE)", finance);
            line(text, webUrl, district + ".auditor (AUDITOR)",
                    issuer.token(district + ".auditor", district, null, List.of("AUDITOR"), LIFETIME));
            line(text, webUrl, district + ".scjgj.editor (DEPARTMENT_EDITOR of scjgj)",
                    issuer.token(district + ".scjgj.editor", district, "scjgj", List.of("DEPARTMENT_EDITOR"), LIFETIME));
            line(text, webUrl, district + ".scjgj.viewer (DEPARTMENT_VIEWER of scjgj)",
                    issuer.token(district + ".scjgj.viewer", district, "scjgj", List.of("DEPARTMENT_VIEWER"), LIFETIME));
            line(text, webUrl, district + ".evaluator (EVALUATOR: a third-party agency's evaluator)",
                    issuer.token(district + ".evaluator", district, null, List.of("EVALUATOR"), LIFETIME));
        }
        line(text, webUrl, "admin (PLATFORM_ADMIN)",
                issuer.token("admin", null, null, List.of("PLATFORM_ADMIN"), LIFETIME));
        try {
            writeOwnerOnly(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return example;
    }

    /** The people of the demo districts, as Keycloak's realm holds them: username, name, district, department, role. */
    record Person(String username, String name, String district, String department, String role) {
    }

    /** The demo user with this username. */
    static Person person(String username) {
        return people().stream().filter(person -> person.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo user " + username));
    }

    private static List<Person> people() {
        List<Person> people = new ArrayList<>();
        for (String district : DISTRICTS) {
            people.add(new Person(district + ".finance", district + " 财政局", district, null, "DISTRICT_FINANCE"));
            people.add(new Person(district + ".auditor", district + " 审计", district, null, "AUDITOR"));
            people.add(new Person(district + ".scjgj.editor", district + " 市场监管局填报", district, "scjgj",
                    "DEPARTMENT_EDITOR"));
            people.add(new Person(district + ".scjgj.viewer", district + " 市场监管局查阅", district, "scjgj",
                    "DEPARTMENT_VIEWER"));
            people.add(new Person(district + ".evaluator", district + " 第三方评价机构", district, null, "EVALUATOR"));
        }
        people.add(new Person("platform.admin", "平台管理员", null, null, "PLATFORM_ADMIN"));
        return people;
    }

    /**
     * The demo users' passwords and Keycloak's administrator's, made once (random) and kept in the Keycloak home, so
     * that a restarted local run keeps them and they are never in the repository.
     */
    record Passwords(Properties values) {

        static Passwords in(Path home) {
            Properties values = new Properties();
            Path file = home.resolve("passwords.properties");
            try {
                Files.createDirectories(home);
                if (Files.exists(file)) {
                    try (var in = Files.newBufferedReader(file)) {
                        values.load(in);
                    }
                }
                SecureRandom random = new SecureRandom();
                boolean added = false;
                for (String name : Stream.concat(Stream.of("keycloak.admin"), people().stream().map(Person::username))
                        .toList()) {
                    if (!values.containsKey(name)) {
                        byte[] secret = new byte[12];
                        random.nextBytes(secret);
                        values.setProperty(name, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
                        added = true;
                    }
                }
                if (added) {
                    try (var out = Files.newBufferedWriter(file)) {
                        values.store(out, "PerfLedger local run: passwords of Keycloak's admin and the demo users");
                    }
                    ownerOnly(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Passwords(values);
        }

        String admin() {
            return values.getProperty("keycloak.admin");
        }

        String of(String username) {
            return values.getProperty(username);
        }
    }

    /** The demo users as accounts of Keycloak's realm. */
    static List<KeycloakRealm.User> accounts(Passwords passwords) {
        return people().stream().map(person -> new KeycloakRealm.User(person.username(), passwords.of(person.username()),
                person.name(), person.district(), person.department(), List.of(person.role()))).toList();
    }

    /** Writes who can sign in, with which password, where: for the person trying the local run. */
    static void writeAccounts(Passwords passwords, Path file, KeycloakServer keycloak) {
        StringBuilder text = new StringBuilder("# PerfLedger demo users: sign in to the web UI at Keycloak ("
                + keycloak.issuer() + ") with a username and password below.\n# API clients: the password grant of "
                + "client " + KeycloakRealm.API_CLIENT + " at " + keycloak.issuer()
                + "/protocol/openid-connect/token\n\n");
        for (Person person : people()) {
            text.append(person.username()).append('\t').append(passwords.of(person.username())).append('\t')
                    .append(person.role()).append(person.district() == null ? "" : " in " + person.district())
                    .append(person.department() == null ? "" : "/" + person.department()).append('\n');
        }
        try {
            writeOwnerOnly(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Secrets (tokens, passwords) go into a file only its owner can read, made so before anything is written. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.writeString(file, "");
        ownerOnly(file);
        Files.writeString(file, text);
    }

    /** Passwords are for their owner's eyes only (where the file system has owners). */
    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system has no owner-only permissions
        }
    }

    private static void line(StringBuilder text, String webUrl, String who, String token) {
        text.append(who).append('\n').append(token).append('\n').append(webUrl).append("/#token=").append(token)
                .append("\n\n");
    }
}
