package org.perfledger.infra.run.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.perfledger.infra.run.attack.AttackedPlatform.DEPARTMENT;
import static org.perfledger.infra.run.attack.AttackedPlatform.DISTRICT;
import static org.perfledger.infra.run.attack.AttackedPlatform.PLAN;
import static org.perfledger.infra.run.attack.AttackedPlatform.command;
import static org.perfledger.infra.run.attack.AttackedPlatform.expect;
import static org.perfledger.infra.run.attack.AttackedPlatform.json;
import static org.perfledger.infra.run.attack.AttackedPlatform.number;
import static org.perfledger.infra.run.attack.AttackedPlatform.query;
import static org.perfledger.infra.run.attack.AttackedPlatform.storedEvents;
import static org.perfledger.infra.run.attack.AttackedPlatform.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.perfledger.infra.embedded.LocalIssuer;
import org.perfledger.infra.run.LocalPlatform;
import org.perfledger.kernel.event.EventRow;

/**
 * The platform attacked over HTTP as an outsider would, class by class (issue 15): text that is not valid Unicode,
 * amounts past the money range, a district never onboarded, forged and malformed tokens, workbooks built to exhaust
 * memory or read files, event-log imports that collide, extreme instants, and requests a server refuses before the
 * application sees them. Every refusal must be problem+json with a stable type, name no class of ours or of a
 * library, and store nothing (counted in the event store, and by correlation id). The last test holds the whole
 * platform to account: every chain verifies, a rebuild comes out equal, views as of an instant answer, and the
 * services' logs hold no ERROR.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackTest {

    private static final LocalPlatform PLATFORM = AttackedPlatform.get();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static final List<String> LEAKS = List.of("org.perfledger", "java.", "javax.", "jakarta.",
            "springframework", "apache", "Exception", "<html", "Tomcat", "$", "\tat ");

    private final String editor = token(DISTRICT, DEPARTMENT, "DEPARTMENT_EDITOR");
    private final String finance = token(DISTRICT, null, "DISTRICT_FINANCE");

    /** A refusal as the rules want it: the status, problem+json with a stable type and the rule, nothing leaked. */
    private static JsonNode refused(HttpResponse<String> response, int status, String rule) {
        String what = response.request().method() + " " + abbreviated(response.request().uri().toString()) + " → "
                + response.body();
        assertThat(response.statusCode()).as(what).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                .startsWith("application/problem+json");
        noLeak(response.body());
        JsonNode problem = json(response.body());
        assertThat(problem.path("type").asText()).as(what).startsWith("urn:perfledger:problem:");
        if (rule != null) {
            assertThat(problem.path("errors").findValuesAsText("rule")).as(what).contains(rule);
        }
        return problem;
    }

    private static void noLeak(String body) {
        for (String leak : LEAKS) {
            assertThat(body).as("a refusal names nothing internal").doesNotContain(leak);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    /** A command sent with a fresh correlation id; afterwards nothing may be stored under it, nor at all. */
    private static HttpResponse<String> attempt(String method, String path, String body, String token,
                                                String... headers) {
        String correlation = "attack-" + ATTEMPTS.incrementAndGet();
        long before = storedEvents();
        String[] all = Stream.concat(Stream.of("X-Correlation-Id", correlation), Stream.of(headers))
                .toArray(String[]::new);
        HttpResponse<String> response = command(method, path, body, token, all);
        if (response.statusCode() >= 400) {
            assertThat(storedEvents()).as("nothing stored by a refused request").isEqualTo(before);
            assertThat(number("SELECT count(*) FROM eventstore.domain_event_entry WHERE convert_from(meta_data, "
                    + "'UTF8') LIKE ?", "%\"" + correlation + "\"%")).isZero();
        }
        return response;
    }

    private static String expenditure(String amount, String description) {
        return "{\"amount\":\"" + amount + "\",\"date\":\"2020-06-12\",\"expenditureClass\":\"公用经费\","
                + "\"description\":\"" + description + "\"}";
    }

    @Test
    @Order(1)
    void textThatIsNotValidUnicodeIsRefusedWhereverItEnters() {
        refused(attempt("POST", PLAN + "/budget/expenditures", expenditure("1.00", "x\\ud800y"), editor), 400,
                "text.unicode");
        refused(attempt("POST", PLAN + "/budget/expenditures", expenditure("1.00", "\\udc00"), editor), 400,
                "text.unicode");
        refused(attempt("POST", PLAN + "/goals", "{\"text\":\"目标\\ud83d\"}", editor), 400, "text.unicode");
        JsonNode key = refused(attempt("POST", PLAN + "/budget/receipts",
                "{\"amount\":\"1.00\",\"date\":\"2020-06-01\",\"note\":\"\\ud800\\ud800\"}", editor), 400,
                "text.unicode");
        assertThat(key.path("errors").get(0).path("field").asText()).isEqualTo("note");
        // a pair of surrogates is a character like any other
        expect(attempt("POST", PLAN + "/budget/expenditures", expenditure("1.00", "药品\\ud83d\\ude00"), editor), 201);
        // stored headers: a correlation id or an Idempotency-Key of other characters
        refused(command("POST", PLAN + "/goals", "{\"text\":\"目标\"}", editor, "X-Correlation-Id", "a b"), 400,
                "correlation-id.format");
        refused(command("POST", PLAN + "/goals", "{\"text\":\"目标\"}", editor, "Idempotency-Key", "x".repeat(101)),
                400, "idempotency-key.format");
    }

    @Test
    @Order(2)
    void totalsThatWouldLeaveTheMoneyRangeAreRefusedAndNothingIsStored() {
        String plan = AttackedPlatform.planInExecution("rich", "9999999999999.99");
        String rich = token(DISTRICT, "rich", "DEPARTMENT_EDITOR");
        expect(attempt("POST", plan + "/budget/expenditures", expenditure("9999999999999.99", "全部"), rich), 201);
        refused(attempt("POST", plan + "/budget/expenditures", expenditure("0.01", "再一笔"), rich), 422,
                "money.total-range");
        expect(attempt("POST", plan + "/budget/receipts", "{\"amount\":\"9999999999999.99\",\"date\":\"2020-06-01\"}",
                rich), 201);
        refused(attempt("POST", plan + "/budget/receipts", "{\"amount\":\"0.01\",\"date\":\"2020-06-02\"}", rich), 422,
                "money.total-range");
        refused(attempt("POST", plan + "/budget/adjustments", "{\"kind\":\"追加\",\"amount\":\"0.01\",\"reason\":\"追加\","
                + "\"documentNumber\":\"财字[2020]1号\",\"date\":\"2020-06-30\"}", token(DISTRICT, null,
                "DISTRICT_FINANCE")), 422, "money.total-range");
        refused(attempt("POST", plan + "/budget/expenditures", expenditure("99999999999999.99", "太大"), rich), 400,
                "money.range");
    }

    @Test
    @Order(3)
    void aDistrictThatWasNeverOnboardedTakesNoCommand() {
        String ghost = "/api/v1/districts/ghost";
        String ghostFinance = token("ghost", null, "DISTRICT_FINANCE");
        refused(attempt("PUT", ghost + "/years/2020/reporting-calendar", "{\"selfEvaluationDue\":\"2021-03-31\"}", ghostFinance),
                404, "district.unknown");
        refused(attempt("PUT", ghost + "/years/2020/scoring-schemes/project", """
                {"execution":{"weight":20,"base":"INITIAL","capped":true,"bands":[]},"partialCredit":50,
                 "shortfallBands":[],"overrides":{},"grades":[{"grade":"EXCELLENT","atLeast":90}],
                 "precision":{"rateDecimals":2,"scoreDecimals":2}}""", ghostFinance), 404, "district.unknown");
        refused(attempt("POST", ghost + "/departments", "{\"departmentId\":\"x\",\"name\":\"某局\"}", ghostFinance), 404,
                "district.unknown");
        assertThat(number("SELECT count(*) FROM eventstore.event_chain WHERE district = 'ghost'")).isZero();
    }

    @Test
    @Order(4)
    void tokensWithoutExpiryFromAnotherIssuerOrWithoutAFitSubjectGet401() {
        LocalIssuer issuer = AttackedPlatform.issuer();
        Date later = Date.from(Instant.now().plusSeconds(600));
        JWTClaimsSet.Builder valid = new JWTClaimsSet.Builder().issuer(LocalIssuer.ISSUER).subject("siege.auditor")
                .expirationTime(later).claim("district", DISTRICT).claim("roles", List.of("AUDITOR", "DISTRICT_FINANCE"));
        String read = "/api/v1/districts/" + DISTRICT + "/years/2020/overview";
        expect(query(read, issuer.sign(valid.build())), 200);
        List<String> forged = List.of(
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).expirationTime(null).build()),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).issuer("https://evil.example/realms/x").build()),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).issuer(null).build()),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).subject(null).build()),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).subject("a".repeat(150)).build()),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).subject("a".repeat(250)).build()),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).subject("zhang san").build()),
                issuer.signRaw("{\"iss\":\"" + LocalIssuer.ISSUER + "\",\"sub\":\"x\\ud800\",\"exp\":"
                        + later.toInstant().getEpochSecond() + ",\"district\":\"siege\",\"roles\":[\"AUDITOR\"]}"),
                issuer.sign(new JWTClaimsSet.Builder(valid.build()).claim("district", "d".repeat(100)).build()),
                issuer.expiredToken("siege.auditor", DISTRICT, null, List.of("AUDITOR")),
                LocalIssuer.foreignToken("siege.auditor", DISTRICT, null, List.of("AUDITOR")),
                unsigned(valid.build()),
                "not.a.token");
        long audited = number("SELECT count(*) FROM readmodel.access_audit")
                + number("SELECT count(*) FROM eventstore.access_audit");
        for (String token : forged) {
            refused(query(read, token), 401, "unauthenticated");
            // (the refusal's message says which rule the token broke)
            refused(attempt("POST", PLAN + "/budget/expenditures", expenditure("1.00", "伪造"), token,
                    "Idempotency-Key", UUID.randomUUID().toString()), 401, "unauthenticated");
        }
        assertThat(number("SELECT count(*) FROM readmodel.access_audit")
                + number("SELECT count(*) FROM eventstore.access_audit")).as("nothing answered, nothing audited")
                .isEqualTo(audited);
    }

    /** The token with {@code alg: none}, as an attacker strips a signature. */
    private static String unsigned(JWTClaimsSet claims) {
        java.util.Base64.Encoder base64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    @Order(5)
    void workbooksBuiltToExhaustMemoryOrReachOutAreRefusedAndMemoryStaysFlat() {
        long before = AttackedPlatform.residentMiB("command-service");
        String upload = PLAN + "/self-evaluation.xlsx";
        // a sheet that inflates to 80 MiB from a few hundred KiB
        refusedUpload(upload, Xlsx.withRows("").stream("xl/worksheets/sheet1.xml", out -> repeat(out,
                "<row><c t=\"inlineStr\"><is><t>a</t></is></c></row>", 80 << 20)).bytes(), "workbook.too-large");
        // rows that differ (so deflate cannot fold them): past the limit on all parts at an ordinary ratio
        refusedUpload(upload, Xlsx.withRows("").stream("xl/worksheets/sheet1.xml", out -> {
            try {
                for (int row = 1; row < 700_000; row++) {
                    out.write(("<row r=\"" + row + "\"><c r=\"A" + row + "\"><v>" + row * 7 + "</v></c></row>")
                            .getBytes(StandardCharsets.US_ASCII));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).bytes(), null);
        // entity expansion, external entities, parameter entities
        refusedUpload(upload, Xlsx.withRows("").put("xl/worksheets/sheet1.xml", Xlsx.sheet("<!DOCTYPE lolz [<!ENTITY "
                + "lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 "
                + "\"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>",
                "<row><c t=\"inlineStr\"><is><t>&lol3;</t></is></c></row>")).bytes(), "workbook.doctype");
        refusedUpload(upload, Xlsx.withRows("").put("xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY "
                + "e SYSTEM \"file:///etc/passwd\">]><workbook>&e;</workbook>").bytes(), "workbook.doctype");
        refusedUpload(upload, Xlsx.withRows("").put("xl/worksheets/sheet1.xml", Xlsx.sheet("<!doctype x [<!ENTITY % p "
                + "SYSTEM \"http://127.0.0.1:9/p.dtd\"> %p;]>", "")).bytes(), "workbook.doctype");
        // a link to another workbook
        refusedUpload(upload, Xlsx.withRows("<row r=\"1\"><c r=\"A1\"><f>[1]Sheet1!A1</f><v>1</v></c></row>")
                .put("xl/externalLinks/externalLink1.xml", "<externalLink/>").bytes(), "workbook.external-reference");
        // not a workbook at all, and a damaged zip
        refusedUpload(upload, "PK\u0003\u0004broken".getBytes(StandardCharsets.ISO_8859_1), "workbook.unreadable");
        refusedUpload(upload, "<html>".getBytes(StandardCharsets.UTF_8), "workbook.unreadable");
        // a formula is never evaluated: WEBSERVICE gives at most the value Excel saved with it
        HttpResponse<String> formula = upload(upload, Xlsx.withRows("<row r=\"1\"><c r=\"A1\" t=\"str\"><f>WEBSERVICE("
                + "\"http://127.0.0.1:9/x\")</f><v>一级指标</v></c></row>").bytes());
        assertThat(formula.statusCode()).as(formula.body()).isBetween(400, 499);
        noLeak(formula.body());
        long after = AttackedPlatform.residentMiB("command-service");
        System.out.println("command-service resident memory around the workbook attacks: " + before + " → " + after
                + " MiB");
        assertThat(PLATFORM.process("command-service").isAlive()).isTrue();
        assertThat(after - before).as("resident memory grew from " + before + " to " + after + " MiB")
                .isLessThan(96);
    }

    private void refusedUpload(String path, byte[] file, String rule) {
        HttpResponse<String> response = upload(path, file);
        if (response.statusCode() == 413) {
            refused(response, 413, null);
        } else {
            refused(response, 422, rule);
        }
    }

    private HttpResponse<String> upload(String path, byte[] file) {
        long before = storedEvents();
        try {
            HttpResponse<String> response = AttackedPlatform.HTTP.send(HttpRequest.newBuilder(URI.create(
                            PLATFORM.commandUrl() + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(storedEvents()).isEqualTo(before);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void repeat(java.io.OutputStream out, String text, long bytes) {
        byte[] chunk = text.repeat(1024).getBytes(StandardCharsets.US_ASCII);
        try {
            for (long written = 0; written < bytes; written += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    @Order(6)
    void anEventLogImportThatCollidesOrIsNotValidUnicodeIsRefusedByLine() {
        String existing = AttackedPlatform.text("SELECT event_identifier FROM eventstore.domain_event_entry LIMIT 1");
        String admin = PLATFORM.adminToken();
        String path = "/api/v1/districts/copy/event-log.jsonl";
        JsonNode duplicate = refused(importLog(path, log(existing, "{}"), admin), 422, "event-log.duplicate-event");
        assertThat(duplicate.path("errors").get(0).path("field").asText()).isEqualTo("line 2.eventIdentifier");
        String twice = UUID.randomUUID().toString();
        refused(importLog(path, log(twice, "{}").replace("\n{\"record\":\"end\"", "\n" + eventLine(twice, 1,
                hashOf(twice, 0, "{}", EventRow.GENESIS)) + "\n{\"record\":\"end\""), admin), 422, null);
        refused(importLog(path, log(UUID.randomUUID().toString(), "{\"text\":\"\\ud800\"}"), admin), 422,
                "text.unicode");
        assertThat(number("SELECT count(*) FROM eventstore.event_chain WHERE district = 'copy'")).isZero();
    }

    private static final String COPY_STREAM = "district:copy";

    private static String log(String eventId, String payload) {
        byte[] hash = hashOf(eventId, 0, payload, EventRow.GENESIS);
        return "{\"record\":\"header\",\"format\":\"perfledger.event-log\",\"version\":1,\"district\":\"copy\","
                + "\"wholeChain\":false}\n" + eventLine(eventId, 0, hash).replace("\"payload\":\"{}\"",
                "\"payload\":" + jsonString(payload)) + "\n{\"record\":\"end\",\"events\":1,\"lastHash\":\""
                + HexFormat.of().formatHex(hash) + "\"}\n";
    }

    /**
     * The payload as the JSON string of a line. Quotes and backslashes are escaped, except the escape of an unpaired
     * surrogate, which stays one: the line itself then carries text that is not valid Unicode.
     */
    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\ud800", "\\ud800") + "\"";
    }

    private static String eventLine(String eventId, long sequence, byte[] hash) {
        return "{\"record\":\"event\",\"position\":" + (sequence + 1) + ",\"eventIdentifier\":\"" + eventId
                + "\",\"aggregateIdentifier\":\"" + COPY_STREAM + "\",\"sequenceNumber\":" + sequence
                + ",\"aggregateType\":\"District\",\"timeStamp\":\"2020-01-01T00:00:00Z\",\"payloadType\":"
                + "\"DistrictRegistered\",\"payloadRevision\":\"1\",\"payload\":\"{}\",\"metaData\":" + META
                + ",\"previousHash\":\"" + HexFormat.of().formatHex(EventRow.GENESIS) + "\",\"hash\":\""
                + HexFormat.of().formatHex(hash) + "\",\"chainedAt\":\"2020-01-01T00:00:00Z\"}";
    }

    private static final String META_TEXT = "{\"district\":\"copy\",\"actor\":\"admin\",\"correlationId\":\"c\"}";
    private static final String META = "\"" + META_TEXT.replace("\"", "\\\"") + "\"";

    private static byte[] hashOf(String eventId, long sequence, String payload, byte[] previous) {
        return new EventRow(0, eventId, COPY_STREAM, sequence, "District", "2020-01-01T00:00:00Z",
                "DistrictRegistered", "1", payload.getBytes(StandardCharsets.UTF_8),
                META_TEXT.getBytes(StandardCharsets.UTF_8)).link(previous);
    }

    private static HttpResponse<String> importLog(String path, String log, String token) {
        long before = storedEvents();
        HttpResponse<String> response;
        try {
            response = AttackedPlatform.HTTP.send(HttpRequest.newBuilder(URI.create(PLATFORM.commandUrl() + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(log)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(storedEvents()).isEqualTo(before);
        return response;
    }

    @Test
    @Order(7)
    void instantsPastTheCalendarAreA400NamingTheParameter() {
        String dashboard = "/api/v1/districts/" + DISTRICT + "/departments/" + DEPARTMENT + "/years/2020/dashboard";
        for (String at : List.of("+999999999-12-31", "-999999999-01-01", "2020-13-45", "9".repeat(5000),
                "+10000-01-01T00:00:00Z", "0000-01-01")) {
            JsonNode problem = refused(query(dashboard + "?at=" + java.net.URLEncoder.encode(at,
                    StandardCharsets.UTF_8), finance), 400, null);
            assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("at");
        }
        refused(query("/api/v1/districts/" + DISTRICT + "/years/2020/overview?at=%2B999999999-12-31", finance), 400,
                null);
    }

    @Test
    @Order(8)
    void whatServersRefuseBeforeTheApplicationIsProblemJsonToo() {
        String valid = "Authorization: Bearer " + finance + "\r\n";
        for (String base : List.of(PLATFORM.commandUrl(), PLATFORM.queryUrl())) {
            for (String request : List.of(
                    "GET /api/v1/districts/siege%2Fx/years HTTP/1.1\r\n" + valid,
                    "GET /api/v1/districts/%00/years HTTP/1.1\r\n" + valid,
                    "GET /api/v1/districts/" + DISTRICT + "/%2e%2e/x HTTP/1.1\r\n" + valid,
                    "GET /api/v1/districts/" + DISTRICT + ";x=1/years HTTP/1.1\r\n" + valid,
                    "GET /" + "a".repeat(10_000) + " HTTP/1.1\r\n" + valid,
                    "GET /api/v1/districts/" + DISTRICT + "/years HTTP/1.1\r\nX-Big: " + "b".repeat(100_000) + "\r\n",
                    "TRACE / HTTP/1.1\r\n" + valid,
                    "GET /api/v1/districts/" + DISTRICT + "/years HTTP/1.1\r\nX-Bad: a\u0001b\r\n" + valid)) {
                RawHttp.Answer answer = RawHttp.send(base, request);
                String what = base + " " + abbreviated(request.lines().findFirst().orElse("")) + " → " + answer;
                assertThat(answer.status()).as(what).isBetween(400, 499).isNotEqualTo(401);
                assertThat(answer.contentType()).as(what).startsWith("application/problem+json");
                assertThat(json(answer.body()).path("type").asText()).as(what).startsWith("urn:perfledger:problem:");
                noLeak(answer.body());
            }
        }
    }

    @Test
    @Order(9)
    void refusalsNameNoInternalsAndEveryInputHasABound() {
        refused(attempt("POST", PLAN + "/budget/expenditures", "{\"amount\":5,\"date\":\"2020-06-12\"}", editor), 400,
                "json.type");
        refused(attempt("POST", PLAN + "/budget/expenditures", "{\"date\":\"2020-06-12\"}", editor), 400, null);
        refused(attempt("POST", PLAN + "/budget/expenditures", "{\"amount\":", editor), 400, "json.syntax");
        refused(attempt("POST", PLAN + "/budget/expenditures", "[]", editor), 400, null);
        // an Idempotency-Key reused by someone else tells them nothing of the first request
        String key = UUID.randomUUID().toString();
        expect(attempt("POST", PLAN + "/budget/expenditures", expenditure("2.00", "办公"), editor, "Idempotency-Key",
                key), 201);
        String colleague = AttackedPlatform.issuer().token("siege.sj.colleague", DISTRICT, DEPARTMENT,
                List.of("DEPARTMENT_EDITOR"), Duration.ofMinutes(5));
        JsonNode reused = refused(attempt("POST", PLAN + "/goals", "{\"text\":\"另一目标\"}", colleague,
                "Idempotency-Key", key), 422, "idempotency-key.reused");
        assertThat(reused.toString()).doesNotContain("Expenditure", "Record");
        // scoring schemes are bounded
        String scheme = """
                {"execution":{"weight":20,"base":"INITIAL","capped":true,"bands":[]},"partialCredit":50,
                 "shortfallBands":%s,"overrides":%s,"grades":[{"grade":"EXCELLENT","atLeast":90}],
                 "precision":{"rateDecimals":2,"scoreDecimals":2}}""";
        String path = "/api/v1/districts/" + DISTRICT + "/years/2021/scoring-schemes/project";
        refused(attempt("PUT", path, scheme.formatted("[]", "{\"" + "C".repeat(5000) + "\":{\"type\":\"PROPORTIONAL\","
                + "\"bands\":[]}}"), finance), 422, "text.length");
        StringBuilder bands = new StringBuilder("[");
        for (int i = 0; i < 30_000; i++) {
            bands.append(i == 0 ? "" : ",").append("{\"atLeast\":1,\"credit\":1}");
        }
        refused(attempt("PUT", path, scheme.formatted(bands + "]", "{}"), finance), 422, "scheme.bands-count");
        refused(attempt("PUT", path, scheme.formatted("[{\"atLeast\":1E+999999,\"credit\":1}]", "{}"), finance), 422,
                null);
        // a plan scored on its own layout names where that comes from; a stand-in for no published rule names its own
        refused(attempt("PUT", path, scheme.formatted("[]", "{}").replace("\"precision\"", "\"plans\":{\"sj/X\":"
                + "{\"base\":\"ADJUSTED\"}},\"precision\""), finance), 422, "scheme.source-required");
        refused(attempt("PUT", path, scheme.formatted("[]", "{}").replace("\"precision\"", "\"unpublished\":true,"
                + "\"precision\""), finance), 422, "scheme.source-required");
        // the figures a self-evaluation prints are bounded and named by their field, before anything is sent
        String printed = "{\"improvementMeasures\":\"a\",\"resultsUse\":\"b\",\"publicationPlan\":\"c\","
                + "\"printed\":[%s]}";
        JsonNode kind = refused(attempt("POST", PLAN + "/self-evaluation", printed.formatted("{\"label\":\"x\","
                + "\"kind\":\"BOGUS\",\"value\":\"1\"}"), editor), 400, "printed.kind");
        assertThat(kind.toString()).contains("printed[0].kind");
        refused(attempt("POST", PLAN + "/self-evaluation", printed.formatted("{\"label\":\"x\",\"kind\":\"QUOTIENT\","
                + "\"value\":\"1\",\"parts\":[\"1\"]}"), editor), 400, "printed.parts");
        refused(attempt("POST", PLAN + "/self-evaluation", printed.formatted(("{\"label\":\"x\",\"kind\":\"SUM\","
                + "\"value\":\"1\",\"parts\":[\"1\",\"0\"]},").repeat(201) + "{}"), editor), 400, "printed.count");
    }

    @Test
    @Order(10)
    void versionConflictsAreCountedAsConflicts() {
        HttpResponse<String> stale = attempt("POST", PLAN + "/goals", "{\"text\":\"过时\"}", editor, "If-Match", "\"1\"");
        refused(stale, 409, "version-conflict");
        String metrics = AttackedPlatform.send(PLATFORM.commandUrl() + "/actuator/prometheus", "GET", null, null).body();
        assertThat(metrics.lines().filter(line -> line.startsWith("perfledger_commands_seconds_count")
                && line.contains("type=\"AddGoal\"") && line.contains("outcome=\"conflict\""))).isNotEmpty();
    }

    @Test
    @Order(11)
    void aStoreThatAlreadyHoldsAnUnpairedSurrogateAndAnOverLongActorStillReadsEverywhere() throws Exception {
        String key = "behind-" + UUID.randomUUID();
        expect(command("POST", PLAN + "/budget/expenditures", expenditure("3.00", "原件"), editor, "X-Correlation-Id",
                key), 201);
        // the event just stored, copied behind the API with an unpaired surrogate and a 250-character actor
        String original = " convert_from(meta_data, 'UTF8') LIKE '%\"" + key + "\"%' AND convert_from(payload, 'UTF8') "
                + "LIKE '%原件%'";
        String stream = AttackedPlatform.text("SELECT aggregate_identifier FROM eventstore.domain_event_entry WHERE "
                + original);
        long next = number("SELECT max(sequence_number) + 1 FROM eventstore.domain_event_entry WHERE "
                + "aggregate_identifier = ?", stream);
        int inserted = AttackedPlatform.update("""
                INSERT INTO eventstore.domain_event_entry (event_identifier, aggregate_identifier, sequence_number,
                       type, time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT ?, aggregate_identifier, ?, type, time_stamp, payload_type, payload_revision,
                       convert_to(replace(convert_from(payload, 'UTF8'), '原件', 'x\\ud800y'), 'UTF8'),
                       convert_to(regexp_replace(convert_from(meta_data, 'UTF8'), '"actor":"[^"]*"',
                                                 '"actor":"' || repeat('a', 250) || '"'), 'UTF8')
                  FROM eventstore.domain_event_entry WHERE """ + original, UUID.randomUUID().toString(), next);
        assertThat(inserted).as(stream).isEqualTo(1);
        // the live projections take it
        await().atMost(Duration.ofSeconds(60)).until(() -> number("SELECT coalesce(max(last_sequence), -1) FROM "
                + "readmodel.projection_position WHERE aggregate_id = ?", stream) >= next);
        // the plan takes commands on top of it: the service that cached the plan before the row appeared finds the
        // sequence taken (409, as for any concurrent write) and reads the plan again for the retry
        HttpResponse<String> after = command("POST", PLAN + "/budget/expenditures", expenditure("1.00", "之后"), editor);
        if (after.statusCode() == 409) {
            refused(after, 409, null);
            after = command("POST", PLAN + "/budget/expenditures", expenditure("1.00", "之后"), editor);
        }
        expect(after, 201);
        String auditor = token(DISTRICT, null, "AUDITOR");
        HttpResponse<String> log = expect(command("GET", "/api/v1/districts/" + DISTRICT + "/event-log?size=500", null,
                auditor), 200);
        assertThat(log.body()).contains("x\uFFFDy").contains("a".repeat(250));
        HttpResponse<String> export = expect(command("GET", "/api/v1/districts/" + DISTRICT + "/event-log.jsonl", null,
                auditor), 200);
        assertThat(export.body().lines().count()).isGreaterThan(3);
        String at = java.net.URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
        expect(query("/api/v1/districts/" + DISTRICT + "/departments/" + DEPARTMENT + "/years/2020/dashboard?at=" + at,
                finance), 200);
        expect(query("/api/v1/districts/" + DISTRICT + "/years/2020/overview?at=" + at, finance), 200);
    }

    @Test
    @Order(100)
    void afterwardsEveryChainVerifiesARebuildComesOutEqualAndTheLogsHoldNoError() throws IOException {
        for (String district : List.of(DISTRICT, AttackedPlatform.BYSTANDER)) {
            JsonNode chain = json(expect(command("GET", "/api/v1/districts/" + district + "/event-chain/verification",
                    null, token(district, null, "AUDITOR")), 200).body());
            assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
        }
        JsonNode check = rebuildCheck();
        assertThat(check.get("state").asText()).as(check.toString()).isEqualTo("done");
        assertThat(check.get("comparison").get("equal").asBoolean()).as(check.toString()).isTrue();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> logs = Files.list(AttackedPlatform.logs())) {
            for (Path file : logs.toList()) {
                Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .filter(line -> line.contains(" ERROR ")).map(line -> file.getFileName() + ": " + line)
                        .forEach(errors::add);
            }
        }
        assertThat(errors).as("no unexpected ERROR in the services' logs").isEmpty();
    }

    private static JsonNode rebuildCheck() {
        HttpResponse<String> started = AttackedPlatform.send(PLATFORM.queryUrl() + "/api/v1/read-models/rebuilds?swap="
                + "false", "POST", null, PLATFORM.adminToken());
        expect(started, 202);
        String location = started.headers().firstValue("Location").orElseThrow();
        return await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> json(
                        AttackedPlatform.send(PLATFORM.queryUrl() + location, "GET", null, PLATFORM.adminToken()).body()),
                status -> !status.get("state").asText().equals("running"));
    }
}
