package org.perfledger.infra.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.infra.run.SeedYear.Step;

/**
 * The seed documents as data (one JSON file per document under {@code seed-data/}), turned into the requests a
 * department and district finance would send, in order. Nothing is written to a database directly: loading a seed is
 * sending these commands.
 *
 * <p>A file holds the district, the department, the scoring schemes finance set, and per plan: the project's head,
 * the budget (年初 by source, adjustments, spending), goals with indicators (target, actual, weight) and the figures
 * the document reports (得分, 执行率, 偏差率, 总分, 等级). A plan's year is closed and its self-evaluation submitted
 * with those reported figures, so PerfLedger's recomputation can be held against them.
 *
 * <p>A file holds only what its document prints. Where a field the model has is not printed, its value says so,
 * {@code {"notPrinted": "why"}}, and it is sent as absent (an indicator's 分值 that a table does not print is unset,
 * not 0). A value worked out from printed ones says from what, {@code {"derived": "value", "from": "formula"}}, and
 * is sent as its value. {@code SeedTranscriptionTest} holds every other value against its document's text.
 */
public final class SeedDataset {

    /** The seed files, in the order of the seed folder's README. */
    public static final List<String> DOCUMENTS = List.of("000-caidian-2020.json", "001-donghu-2018.json",
            "002-rugao-2023.json", "003-qiaokou-2020.json", "004-tianxin-2020.json");

    /**
     * Sample years PerfLedger made up (folder {@code sample-data/}, each file saying so in its {@code note}) so that
     * the year-over-year views have a department with several years: 东湖's 市场监督管理局 in 2019 and 2020, derived
     * from its 2018 seed. In 2020 one project is still in execution and one is closed awaiting its self-evaluation.
     */
    public static final List<String> SAMPLES = List.of("005-donghu-2019-sample.json", "006-donghu-2020-sample.json");

    /**
     * Sample cycles PerfLedger made up (folder {@code sample-data/}, each saying so in its {@code note} and texts), as
     * the requests that make them, in order: 蔡甸区市场监督管理局's 食品安全抽检项目 through 2021 and into 2022, from its
     * ex-ante assessment to the 财政重点评价 whose grade cuts the next year's budget. A step {@code as} an
     * {@code EVALUATOR:<user>} is sent by that evaluator.
     */
    public static final List<String> CYCLES = List.of("007-caidian-cycle-sample.json");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The marker of a value the document does not print. */
    static final String NOT_PRINTED = "notPrinted";
    /** The marker of a value worked out from printed ones, beside {@code from}, the formula. */
    static final String DERIVED = "derived";
    /**
     * The marker of an indicator the document says was added as its self-evaluation was drawn up, not among the
     * approved targets, with the document's words for it ("上述调整完善措施已在本次自评时予以体现").
     */
    static final String ADDED_LATE = "addedAtSelfEvaluation";
    /**
     * What the data files say where an indicator needs a 偏差原因 and the seed gives none, so the gap stays visible;
     * also the 偏差原因分析 when a plan has none.
     */
    static final String NO_REASON_GIVEN = "（自评表未填写偏差原因）";
    private static final String LEFT_BLANK = "（自评表未填写）";
    /**
     * Texts the commands require that a document may leave empty, and the words sent in their place when the data file
     * marks them not printed (or leaves them out): a statement that the document says nothing, never made-up content.
     */
    static final Map<String, String> LEFT_EMPTY = Map.of(
            "deviationReason", NO_REASON_GIVEN,
            "deviationAnalysis", NO_REASON_GIVEN,
            "improvementMeasures", LEFT_BLANK,
            "resultsUse", LEFT_BLANK,
            "publicationPlan", LEFT_BLANK,
            "documentNumber", "（自评报告未载明文号）",
            "description", "（文件未列支出用途）");

    private SeedDataset() {
    }

    public static JsonNode read(String document) {
        String folder = SAMPLES.contains(document) || CYCLES.contains(document) ? "/sample-data/" : "/seed-data/";
        try (InputStream in = SeedDataset.class.getResourceAsStream(folder + document)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed data file " + document);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every request that loads the document, in order. */
    public static List<Step> steps(String document) {
        return steps(read(document));
    }

    static List<Step> steps(JsonNode given) {
        if (given.has("steps")) {
            List<Step> steps = new ArrayList<>();
            for (JsonNode step : given.get("steps")) {
                steps.add(new Step(step.get("method").asText(), step.get("path").asText(),
                        step.has("body") ? step.get("body").toString() : null,
                        step.has("as") ? step.get("as").asText() : null));
            }
            return steps;
        }
        JsonNode seed = resolved(given);
        String district = seed.get("district").asText();
        int year = seed.get("year").asInt();
        JsonNode department = seed.get("department");
        String code = department.get("code").asText();
        String base = "/api/v1/districts/" + district;
        String yearPath = base + "/departments/" + code + "/years/" + year;
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("POST", "/api/v1/districts", json(Map.of("district", district,
                "name", seed.get("districtName").asText())), "PLATFORM_ADMIN"));
        steps.add(new Step("POST", base + "/departments", json(Map.of("departmentId", code,
                "name", department.get("name").asText()))));
        for (Iterator<Map.Entry<String, JsonNode>> schemes = seed.path("schemes").fields(); schemes.hasNext(); ) {
            Map.Entry<String, JsonNode> scheme = schemes.next();
            steps.add(new Step("PUT", base + "/years/" + year + "/scoring-schemes/" + scheme.getKey(),
                    scheme.getValue().toString()));
        }
        if (seed.has("calendar")) {
            steps.add(new Step("PUT", base + "/years/" + year + "/reporting-calendar", seed.get("calendar").toString()));
        }
        for (JsonNode plan : seed.get("plans")) {
            steps.addAll(plan(yearPath, plan));
        }
        return steps;
    }

    private static List<Step> plan(String yearPath, JsonNode plan) {
        List<Step> steps = new ArrayList<>();
        JsonNode project = plan.get("project");
        String path;
        if (project != null && !project.isNull()) {
            path = yearPath + "/projects/" + project.get("code").asText();
            steps.add(new Step("POST", yearPath + "/projects", project.toString()));
        } else {
            path = yearPath + "/department";
        }
        JsonNode budget = plan.get("budget");
        ObjectNode open = JSON.createObjectNode();
        if (budget.path("unstated").asBoolean(false)) {
            // the document states no budget (天心 2020 reports its spending only): none is made up
            open.put("unstated", true);
        } else {
            open.set("sources", budget.get("sources"));
        }
        if (budget.has("classes")) {
            open.set("classes", budget.get("classes"));
        }
        steps.add(new Step("POST", path + "/budget", open.toString()));
        // the department's headcounts as its 基本情况 states them
        statement(steps, plan, "staffing", path + "/staffing", "headcounts");
        // the 年度总体目标 a report states, each with the fund it names (天心 2020's nine)
        statement(steps, plan, "overallGoals", path + "/overall-goals", "goals");
        // the sub-projects (子项目) the report names for the project, as it names them
        statement(steps, plan, "subProjects", path + "/sub-projects", "names");

        int goal = 0;
        // indicators the document says were added as its self-evaluation was drawn up (自评时补充), by goal
        Map<JsonNode, Integer> addedLate = new LinkedHashMap<>();
        for (JsonNode given : plan.get("goals")) {
            goal++;
            ObjectNode goalBody = JSON.createObjectNode().put("text", given.get("text").asText());
            copy(given, goalBody, "weight"); // the points a table prints for the goal as a whole (年度绩效目标1 (80分))
            copy(given, goalBody, "fundedBy"); // the fund the report ties the goal to (2.食品安全监管检测经费，…)
            steps.add(new Step("POST", path + "/goals", goalBody.toString()));
            for (JsonNode indicator : given.get("indicators")) {
                if (indicator.hasNonNull(ADDED_LATE)) {
                    addedLate.put(indicator, goal);
                } else {
                    steps.add(new Step("PUT", path + "/indicators/" + indicator.get("code").asText(),
                            target(indicator, goal).toString()));
                }
            }
        }
        steps.add(new Step("POST", path + "/targets/submission", null));
        steps.add(new Step("POST", path + "/targets/approval", null));

        // the tables print the year's totals and no day for them: they are recorded undated (the views say 未载明),
        // never on a made-up 31 December
        for (JsonNode adjustment : budget.path("adjustments")) {
            steps.add(new Step("POST", path + "/budget/adjustments", adjustment.toString()));
        }
        if (budget.has("lines")) {
            // the 项目支出明细表: its lines add up to the budget as adjusted, and the spending is charged to them
            ObjectNode lines = JSON.createObjectNode();
            lines.set("lines", budget.get("lines"));
            steps.add(new Step("PUT", path + "/budget/lines", lines.toString()));
        }
        if (budget.has("received")) {
            steps.add(new Step("POST", path + "/budget/receipts", json(Map.of("amount", budget.get("received").asText(),
                    "undated", true))));
        }
        for (JsonNode spent : budget.path("expenditures")) {
            ObjectNode expenditure = ((ObjectNode) spent.deepCopy());
            if (!expenditure.hasNonNull("date")) {
                expenditure.remove("date");
                expenditure.put("undated", true);
            }
            // the document prints this spending: where it passes the budget (硚口 2020's department-wide plan spent
            // 121%), the printed table is the confirmation the rule asks for
            expenditure.put("overBudgetConfirmed", true);
            steps.add(new Step("POST", path + "/budget/expenditures", expenditure.toString()));
        }
        // the 决算 by funding source, as printed beside the 决算 by class (如皋 2023)
        statement(steps, budget, "spendingBySource", path + "/budget/spending-by-source", "bySource");
        for (JsonNode given : plan.get("goals")) {
            for (JsonNode indicator : given.get("indicators")) {
                if (!addedLate.containsKey(indicator)) {
                    completion(steps, path, indicator);
                }
            }
        }
        // "through": how far the year has gone; by default to the submitted self-evaluation
        String through = plan.path("through").asText("self-evaluation");
        if (through.equals("execution")) {
            return steps;
        }
        steps.add(new Step("POST", path + "/closure", null));
        addedLate.forEach((indicator, number) -> {
            ObjectNode target = target(indicator, number);
            target.put("reason", indicator.get(ADDED_LATE).asText());
            steps.add(new Step("PUT", path + "/self-evaluation/indicators/" + indicator.get("code").asText(),
                    target.toString()));
            completion(steps, path, indicator);
        });
        if (through.equals("closed")) {
            return steps;
        }
        steps.add(new Step("POST", path + "/self-evaluation", selfEvaluation(plan).toString()));
        return steps;
    }

    private static ObjectNode target(JsonNode indicator, int goal) {
        ObjectNode target = JSON.createObjectNode();
        target.put("goal", goal);
        copy(indicator, target, "level1", "level2", "name", "weight", "target", "direction");
        return target;
    }

    /** The year's actual value as the document prints it, undated (the tables give no day). */
    private static void completion(List<Step> steps, String path, JsonNode indicator) {
        if (indicator.hasNonNull("actual")) {
            ObjectNode completion = JSON.createObjectNode();
            completion.set("value", indicator.get("actual"));
            completion.put("undated", true);
            copy(indicator, completion, "narrative", "achievement");
            // as the document prints it, even where its kind differs from the target's (the scorecard flags it)
            completion.put("asPrinted", true);
            steps.add(new Step("POST", path + "/indicators/" + indicator.get("code").asText() + "/completions",
                    completion.toString()));
        }
    }

    private static ObjectNode selfEvaluation(JsonNode plan) {
        JsonNode reported = plan.path("reported");
        ObjectNode evaluation = JSON.createObjectNode();
        ArrayNode indicators = evaluation.putArray("indicators");
        for (JsonNode given : plan.get("goals")) {
            for (JsonNode indicator : given.get("indicators")) {
                ObjectNode entry = indicators.addObject();
                entry.put("indicator", indicator.get("code").asText());
                if (indicator.hasNonNull("reportedScore")) {
                    entry.put("score", indicator.get("reportedScore").asText());
                }
                if (indicator.hasNonNull("reportedDeviationRate")) {
                    entry.put("deviationRate", indicator.get("reportedDeviationRate").asText());
                }
                if (indicator.hasNonNull("deviationReason")) {
                    entry.put("deviationReason", indicator.get("deviationReason").asText());
                }
            }
        }
        copy(reported, evaluation, "score", "grade", "executionRate", "executionScore", "printed");
        JsonNode texts = plan.path("selfEvaluation");
        for (String text : List.of("deviationAnalysis", "improvementMeasures", "resultsUse", "publicationPlan")) {
            evaluation.put(text, texts.path(text).asText(LEFT_EMPTY.get(text)));
        }
        return evaluation;
    }

    /** A value marked {@code notPrinted} as absent, one marked {@code derived} as its value; a copy. */
    static JsonNode resolved(JsonNode node) {
        if (node.isObject()) {
            if (node.has(NOT_PRINTED)) {
                return JSON.nullNode();
            }
            if (node.has(DERIVED)) {
                return node.get(DERIVED);
            }
            ObjectNode copy = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().has(NOT_PRINTED)) {
                    copy.set(field.getKey(), resolved(field.getValue()));
                } else if (LEFT_EMPTY.containsKey(field.getKey())) {
                    // a text the commands require, which the document leaves empty: sent as words that say so
                    copy.put(field.getKey(), LEFT_EMPTY.get(field.getKey()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(resolved(element)));
            return copy;
        }
        return node;
    }

    /** Where the seed holds {@code field}, a PUT of it to {@code path} as the body's {@code as}. */
    private static void statement(List<Step> steps, JsonNode from, String field, String path, String as) {
        if (from.has(field)) {
            ObjectNode body = JSON.createObjectNode();
            body.set(as, from.get(field));
            steps.add(new Step("PUT", path, body.toString()));
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.hasNonNull(field)) {
                to.set(field, from.get(field));
            }
        }
    }

    private static String json(Map<String, ?> fields) {
        return JSON.valueToTree(fields).toString();
    }
}
