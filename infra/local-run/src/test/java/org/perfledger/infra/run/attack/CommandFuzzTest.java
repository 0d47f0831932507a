package org.perfledger.infra.run.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfledger.infra.run.attack.AttackedPlatform.DISTRICT;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random and mutated bodies for every command of the JSON API, sent to the running platform: whatever the body, the
 * answer is never a 5xx, a refusal is problem+json and stores nothing, and the services stay up. Mutations start
 * from a valid body and change one thing (a value of another type or shape, a missing or unknown field, text in any
 * script including unpaired surrogates, numbers past every range), or send something that is no such body at all.
 */
class CommandFuzzTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static String plan;
    private static String editor;
    private static String finance;

    /** A command of the API with a body it accepts. */
    record Endpoint(String method, String path, String validBody, boolean asFinance) {
    }

    /** One request: an endpoint and the body sent to it. */
    record Request(Endpoint endpoint, String body) {
        @Override
        public String toString() {
            return endpoint.method() + " " + endpoint.path() + " " + (body.length() > 300 ? body.substring(0, 300)
                    + "…" : body);
        }
    }

    @BeforeContainer
    static void planToFuzz() {
        plan = AttackedPlatform.planInExecution("fz", "5000.00");
        editor = AttackedPlatform.token(DISTRICT, "fz", "DEPARTMENT_EDITOR");
        finance = AttackedPlatform.token(DISTRICT, null, "DISTRICT_FINANCE");
    }

    @AfterContainer
    static void theServicesAreStillUp() {
        for (String base : List.of(AttackedPlatform.get().commandUrl(), AttackedPlatform.get().queryUrl())) {
            AttackedPlatform.expect(AttackedPlatform.send(base + "/actuator/health", "GET", null, null), 200);
        }
    }

    private static List<Endpoint> endpoints() {
        String year = "/api/v1/districts/" + DISTRICT + "/years/2022";
        return List.of(
                new Endpoint("POST", plan + "/budget/expenditures",
                        "{\"amount\":\"1.00\",\"date\":\"2020-06-12\",\"expenditureClass\":\"公用经费\",\"description\":"
                        + "\"办公\",\"voucher\":\"记-1\"}", false),
                new Endpoint("POST", plan + "/budget/expenditure-corrections", "{\"amount\":\"0.50\",\"date\":"
                        + "\"2020-06-13\",\"expenditureClass\":\"公用经费\",\"reason\":\"冲销\",\"originalVoucher\":\"记-1\"}", false),
                new Endpoint("POST", plan + "/budget/receipts", "{\"amount\":\"1.00\",\"date\":\"2020-06-01\"}", false),
                new Endpoint("POST", plan + "/budget/adjustments", "{\"kind\":\"追加\",\"amount\":\"1.00\",\"reason\":"
                        + "\"追加\",\"documentNumber\":\"财字[2020]1号\",\"date\":\"2020-06-30\"}", true),
                new Endpoint("PUT", plan + "/budget/lines", "{\"lines\":[{\"name\":\"办公\",\"amount\":\"5000.00\"}]}",
                        false),
                new Endpoint("POST", plan + "/goals", "{\"text\":\"保障运转\"}", false),
                new Endpoint("PUT", plan + "/indicators/F.2", "{\"goal\":1,\"level1\":\"产出指标\",\"level2\":\"数量指标\","
                        + "\"name\":\"批次\",\"weight\":\"10\",\"target\":\"100批次\"}", false),
                new Endpoint("POST", plan + "/indicators/F.1/completions", "{\"actual\":\"50批次\",\"asOf\":"
                        + "\"2020-06-30\",\"evidence\":\"台账\"}", false),
                new Endpoint("PUT", year + "/reporting-calendar", "{\"monitoring\":[{\"period\":\"H1\",\"label\":"
                        + "\"上半年\",\"due\":\"2022-07-15\"}],\"selfEvaluationDue\":\"2023-03-31\","
                        + "\"deviationMargin\":\"10\"}", true),
                new Endpoint("PUT", year + "/scoring-schemes/project", "{\"execution\":{\"weight\":20,\"base\":"
                        + "\"INITIAL\",\"capped\":true,\"bands\":[]},\"partialCredit\":50,\"shortfallBands\":[],"
                        + "\"overrides\":{},\"grades\":[{\"grade\":\"EXCELLENT\",\"atLeast\":90},{\"grade\":\"POOR\","
                        + "\"atLeast\":0}],\"precision\":{\"rateDecimals\":2,\"scoreDecimals\":2}}", true),
                new Endpoint("POST", "/api/v1/districts/" + DISTRICT + "/departments",
                        "{\"departmentId\":\"fz2\",\"name\":\"某局\"}", true));
    }

    @Property(tries = 400)
    void noBodyBreaksTheCommandApi(@ForAll("requests") Request request) {
        long before = AttackedPlatform.storedEvents();
        HttpResponse<String> response = AttackedPlatform.command(request.endpoint().method(), request.endpoint().path(),
                request.body(), request.endpoint().asFinance() ? finance : editor);
        assertThat(response.statusCode()).as(request + " → " + response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(request.toString())
                    .startsWith("application/problem+json");
            assertThat(AttackedPlatform.storedEvents()).as("a refused request stores nothing: " + request)
                    .isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Endpoint> endpoint = Arbitraries.of(endpoints());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Combinators.combine(endpoint, values(), Arbitraries.integers().between(0, 99))
                        .as((e, value, pick) -> new Request(e, replaced(e.validBody(), value, pick)))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(endpoint, Arbitraries.integers().between(0, 99))
                        .as((e, pick) -> new Request(e, removed(e.validBody(), pick)))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(endpoint, values())
                        .as((e, value) -> new Request(e, value.toString()))),
                net.jqwik.api.Tuple.of(1, Combinators.combine(endpoint, Arbitraries.strings().all().ofMaxLength(200))
                        .as(Request::new)),
                net.jqwik.api.Tuple.of(1, Combinators.combine(endpoint, Arbitraries.integers().between(1, 5000))
                        .as((e, depth) -> new Request(e, "[".repeat(depth) + "]".repeat(depth)))));
    }

    /** Any JSON value: text in any script (surrogates included), numbers of any size, lists, objects, null. */
    private static Arbitrary<JsonNode> values() {
        Arbitrary<JsonNode> text = Arbitraries.strings().all().ofMaxLength(300).map(NODES::textNode);
        Arbitrary<JsonNode> longText = Arbitraries.strings().withCharRange('一', '龥').ofMinLength(1000)
                .ofMaxLength(6000).map(NODES::textNode);
        Arbitrary<JsonNode> money = Arbitraries.bigDecimals().between(new BigDecimal("-1E20"), new BigDecimal("1E20"))
                .ofScale(3).map(value -> NODES.textNode(value.toPlainString()));
        Arbitrary<JsonNode> number = Arbitraries.oneOf(Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of("1E+999999", "-0", "1e-400", "99999999999999999999999999").map(NODES::textNode));
        Arbitrary<JsonNode> scalar = Arbitraries.oneOf(text, longText, money, number,
                Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.textNode(""),
                        NODES.textNode("2020-02-30"), NODES.textNode("+999999999-12-31")));
        Arbitrary<JsonNode> list = scalar.list().ofMaxSize(5).map(items -> {
            ArrayNode array = NODES.arrayNode();
            items.forEach(array::add);
            return array;
        });
        Arbitrary<JsonNode> object = Combinators.combine(Arbitraries.strings().all().ofMaxLength(20), scalar)
                .as((key, value) -> {
                    ObjectNode node = NODES.objectNode();
                    node.set(key, value);
                    return node;
                });
        return Arbitraries.oneOf(scalar, scalar, scalar, list, object);
    }

    /** The valid body with one field (the pick-th, anywhere in it) set to {@code value}. */
    private static String replaced(String body, JsonNode value, int pick) {
        JsonNode root = AttackedPlatform.json(body);
        List<ObjectNode> owners = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collect(root, owners, names);
        int at = pick % owners.size();
        owners.get(at).set(names.get(at), value);
        return root.toString();
    }

    /** The valid body without one of its fields. */
    private static String removed(String body, int pick) {
        JsonNode root = AttackedPlatform.json(body);
        List<ObjectNode> owners = new ArrayList<>();
        List<String> names = new ArrayList<>();
        collect(root, owners, names);
        int at = pick % owners.size();
        owners.get(at).remove(names.get(at));
        return root.toString();
    }

    private static void collect(JsonNode node, List<ObjectNode> owners, List<String> names) {
        if (node instanceof ObjectNode object) {
            for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
                String name = fields.next();
                owners.add(object);
                names.add(name);
                collect(object.get(name), owners, names);
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> collect(item, owners, names));
        }
    }
}
