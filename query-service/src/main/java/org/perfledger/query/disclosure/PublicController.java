package org.perfledger.query.disclosure;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.disclosure.PublishedPlans.DayHead;
import org.perfledger.query.disclosure.PublishedPlans.PublishedEvaluation;
import org.perfledger.query.disclosure.PublishedPlans.PublishedPlan;
import org.perfledger.query.disclosure.PublishedPlans.PublishedYear;
import org.perfledger.query.platform.NotFoundException;
import org.perfledger.query.readmodel.PlanKeys;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public disclosure API (绩效信息公开), without sign-in: a district's published years, a year's published plans with
 * their figures and chain heads (as JSON, as CSV for Excel, and as a fiscal data package whose measures follow the
 * Open Fiscal Data Package's phases: approved, adjusted, executed), the year's published evaluations, and one
 * published plan.
 */
@RestController
class PublicController {

    private static final String DISTRICT = "/api/v1/public/districts/{district}";

    private final PublishedPlans published;

    PublicController(PublishedPlans published) {
        this.published = published;
    }

    /**
     * @param years       each year published in, with how many self-evaluations it published (0: only evaluations)
     * @param evaluations the same years, with how many evaluations each published
     */
    record Years(String district, Map<Integer, Integer> years, Map<Integer, Integer> evaluations) {
    }

    @GetMapping(DISTRICT + "/years")
    Years years(@PathVariable("district") String district) {
        PublishedPlans.Years years = published.years(district);
        if (years.selfEvaluations().isEmpty()) {
            throw new NotFoundException("district", "public.nothing-published", "nothing is published for "
                    + (district.length() > 63 ? district.substring(0, 63) + "…" : district));
        }
        return new Years(district, years.selfEvaluations(), years.evaluations());
    }

    @GetMapping(DISTRICT + "/years/{year}")
    PublishedYear year(@PathVariable("district") String district, @PathVariable("year") String year) {
        return published.year(district, year);
    }

    @GetMapping(DISTRICT + "/departments/{department}/years/{year}/plans/{plan}")
    PublishedPlans.PublishedDetail plan(@PathVariable("district") String district,
                                        @PathVariable("department") String department,
                                        @PathVariable("year") String year, @PathVariable("plan") String plan) {
        return published.detail(district, PlanKeys.fromPath(district, department, year,
                PlanId.DEPARTMENT_WIDE.equals(plan) ? null : plan));
    }

    /** The year as CSV for Excel (UTF-8 with its byte order mark), a line a published plan. */
    @GetMapping(DISTRICT + "/years/{year}.csv")
    ResponseEntity<byte[]> csv(@PathVariable("district") String district, @PathVariable("year") String year) {
        PublishedYear data = published.year(district, year);
        StringBuilder csv = new StringBuilder("\uFEFF部门,项目编码,项目名称,年初预算（万元）,调整后预算（万元）,执行数（万元）,"
                + "执行率（%）,得分,等级,公开日期,公开渠道,当日链头位置,当日链头哈希\r\n");
        for (PublishedPlan plan : data.plans()) {
            csv.append(String.join(",", List.of(cell(plan.departmentName()), cell(plan.name() == null ? "" : plan.plan()),
                    cell(plan.name() == null ? "部门整体" : plan.name()), plain(plan.approved().amount()),
                    plain(plan.adjusted().amount()), plain(plan.executed().amount()), plain(plan.executionRate()),
                    plain(plan.score()), cell(plan.grade()), cell(plan.publishedOn() == null ? null
                            : plan.publishedOn().toString()), cell(plan.channels()), headCells(plan.chainHead()))))
                    .append("\r\n");
        }
        return download(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
                data.year() + "-" + district + "-绩效公开.csv");
    }

    /** The year's published evaluations as CSV for Excel (UTF-8 with its byte order mark), a line each. */
    @GetMapping(DISTRICT + "/years/{year}/evaluations.csv")
    ResponseEntity<byte[]> evaluationsCsv(@PathVariable("district") String district,
                                          @PathVariable("year") String year) {
        PublishedYear data = published.year(district, year);
        StringBuilder csv = new StringBuilder("\uFEFF部门,项目编码,项目名称,评价类型,序号,评价机构,核实支出（万元）,评价得分,"
                + "评价等级,自评得分,自评等级,差异,主要发现,存在问题,改进建议,公开日期,公开渠道,当日链头位置,当日链头哈希\r\n");
        for (PublishedEvaluation evaluation : data.evaluations()) {
            csv.append(String.join(",", List.of(cell(evaluation.departmentName()),
                    cell(evaluation.name() == null ? "" : evaluation.plan()),
                    cell(evaluation.name() == null ? "部门整体" : evaluation.name()), cell(evaluation.typeLabel()),
                    String.valueOf(evaluation.number()), cell(evaluation.agency()),
                    evaluation.executed() == null ? "" : plain(evaluation.executed().amount()),
                    plain(evaluation.score()), cell(evaluation.grade()), plain(evaluation.selfScore()),
                    cell(evaluation.selfGrade()), plain(evaluation.difference()), cell(evaluation.findings()),
                    cell(evaluation.problems()), cell(evaluation.suggestions()),
                    cell(evaluation.publishedOn() == null ? null : evaluation.publishedOn().toString()),
                    cell(evaluation.channels()), headCells(evaluation.chainHead())))).append("\r\n");
        }
        return download(csv.toString().getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8",
                data.year() + "-" + district + "-绩效评价公开.csv");
    }

    /**
     * The year as a fiscal data package: the published plans as rows, and a model mapping the budget approved
     * (年初预算), adjusted (调整后预算) and executed (执行数) to OFDP's phases, in 万元 (factor 10000 to CNY).
     */
    @GetMapping(DISTRICT + "/years/{year}.json")
    ResponseEntity<Map<String, Object>> dataPackage(@PathVariable("district") String district,
                                                    @PathVariable("year") String year) {
        PublishedYear data = published.year(district, year);
        List<Map<String, Object>> rows = data.plans().stream().map(plan -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("department", plan.departmentName());
            row.put("departmentCode", plan.department());
            row.put("plan", plan.plan());
            row.put("name", plan.name() == null ? "部门整体" : plan.name());
            row.put("approved", plan.approved().amount());
            row.put("adjusted", plan.adjusted().amount());
            row.put("executed", plan.executed().amount());
            row.put("score", plan.score());
            row.put("grade", plan.grade());
            row.put("publishedOn", plan.publishedOn());
            row.put("chainHead", plan.chainHead());
            return row;
        }).toList();
        Map<String, Object> measures = new LinkedHashMap<>();
        for (String phase : List.of("approved", "adjusted", "executed")) {
            measures.put(phase, Map.of("source", phase, "currency", "CNY", "factor", 10000, "phase", phase,
                    "direction", "expenditure"));
        }
        Map<String, Object> pack = new LinkedHashMap<>();
        pack.put("profile", "fiscal-data-package");
        pack.put("name", district + "-" + data.year() + "-performance");
        pack.put("title", data.districtName() + " " + data.year() + " 年度预算绩效信息公开");
        pack.put("fiscalPeriod", Map.of("start", data.year() + "-01-01", "end", data.year() + "-12-31"));
        // the evaluations published: no budget phase of their own, so a resource beside the model's
        pack.put("resources", List.of(Map.of("name", "published-plans", "profile", "tabular-data-resource",
                "data", rows), Map.of("name", "published-evaluations", "profile", "tabular-data-resource",
                "data", data.evaluations())));
        pack.put("model", Map.of("measures", measures, "dimensions", Map.of(
                "administrative-classification", Map.of("dimensionType", "classification",
                        "classificationType", "administrative", "primaryKey", "departmentCode",
                        "attributes", Map.of("departmentCode", Map.of("source", "departmentCode"),
                                "department", Map.of("source", "department"))),
                "activity", Map.of("dimensionType", "activity", "primaryKey", "plan",
                        "attributes", Map.of("plan", Map.of("source", "plan"), "name", Map.of("source", "name"))))));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.inline().filename(data.year() + "-" + district + "-datapackage.json",
                        StandardCharsets.UTF_8).build().toString()).body(pack);
    }

    /** A CSV field: quoted where it holds a comma, a quote or a line break; a leading =, +, - or @ neutralised. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** The publication day's chain head as two CSV fields, its position and its hash; empty where not known. */
    private static String headCells(DayHead head) {
        return (head == null || head.position() == null ? "" : head.position().toString()) + ","
                + cell(head == null ? null : head.hash());
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, String file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
