package org.perfledger.infra.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        }
        line(text, webUrl, "admin (PLATFORM_ADMIN)",
                issuer.token("admin", null, null, List.of("PLATFORM_ADMIN"), LIFETIME));
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return example;
    }

    private static void line(StringBuilder text, String webUrl, String who, String token) {
        text.append(who).append('\n').append(token).append('\n').append(webUrl).append("/#token=").append(token)
                .append("\n\n");
    }
}
