package org.perfledger.query.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.event.Streams;
import org.perfledger.query.SliceTest;
import org.perfledger.query.projection.DecodedEvent;
import org.perfledger.query.projection.ProjectionApplier;
import org.springframework.beans.factory.annotation.Autowired;

/** A plan as its page reads it: budget figures with the rates beside them, parts, movements, completions, calendar. */
class PlanSliceTest extends SliceTest {

    @Test
    void theDepartmentWidePlanWithItsRatesPartsAndMovements() throws Exception {
        JsonNode plan = read(YEAR_PATH + "/department", editor(DEPARTMENT));
        assertThat(plan.get("phase").get("code").asText()).isEqualTo("PUBLISHED");
        JsonNode budget = plan.get("budget");
        // 5184.00 / 6273.65 = 82.632…%, 5184.00 / 6352.76 = 81.602…%, 6000.00 / 6273.65 = 95.638…%
        assertThat(budget.get("executionRate").asText()).isEqualTo("82.63");
        assertThat(budget.get("executionRateInitial").asText()).isEqualTo("81.60");
        assertThat(budget.get("receiptRate").asText()).isEqualTo("95.64");
        JsonNode projectClass = budget.get("classes").get(1);
        assertThat(projectClass.get("part").get("code").asText()).isEqualTo("PROJECT");
        assertThat(projectClass.get("adjusted").asText()).as("1352.76 − 79.11").isEqualTo("1273.65");
        assertThat(budget.get("movements").findValuesAsText("movement"))
                .containsExactly("opened", "received", "adjusted", "spent", "corrected");
        assertThat(plan.get("targetsReview").get("decision").asText()).isEqualTo("approved");
    }

    /** The department's headcounts as stated, in the categories' order, with the establishments' sum checked. */
    @Test
    void theDepartmentsHeadcountsWithTheirSumChecked() throws Exception {
        JsonNode staffing = read(YEAR_PATH + "/department", finance()).get("staffing");
        assertThat(staffing.get("headcounts").findValuesAsText("code")).containsExactly("IN_SERVICE",
                "ADMINISTRATIVE", "PUBLIC_SERVICE_MANAGED", "OTHER_INSTITUTION");
        assertThat(staffing.get("establishments").asInt()).isEqualTo(168);
        assertThat(staffing.get("agrees").asBoolean()).isTrue();
        // a project has no headcounts of its own
        JsonNode project = read(YEAR_PATH + "/projects/SPAQ", finance());
        assertThat(project.get("staffing").isNull()).isTrue();
        // its goal is printed at 80 points, and its indicators' 分值 (10 + 5) are checked against them
        JsonNode goal = project.get("goals").get(0);
        assertThat(goal.get("weight").decimalValue()).isEqualByComparingTo("80");
        assertThat(goal.get("indicatorWeights").decimalValue()).isEqualByComparingTo("15");
        assertThat(goal.get("weightsAgree").asBoolean()).isFalse();
        // the goal is for the part of the budget it names
        assertThat(goal.get("fundedBy").asText()).isEqualTo("抽检");
        // its sub-projects as named: one is a line of its 明细 (120.00, spent 60.00); the other bears no line's name,
        // and is not given one
        JsonNode subProjects = project.get("subProjects");
        assertThat(subProjects.findValuesAsText("name")).containsExactly("抽检", "快速检测");
        assertThat(subProjects.get(0).get("amount").asText()).isEqualTo("120.00");
        assertThat(subProjects.get(0).get("executed").asText()).isEqualTo("60.00");
        assertThat(subProjects.get(0).get("amountNote").isNull()).isTrue();
        assertThat(subProjects.get(1).get("amount").isNull()).isTrue();
        assertThat(subProjects.get(1).get("amountNote").asText()).isEqualTo("no 明细 line of this name");
        // the department-wide plan names none
        assertThat(read(YEAR_PATH + "/department", finance()).get("subProjects").isNull()).isTrue();
        // its 年度总体目标, each with the fund it names, if any
        JsonNode overall = project.get("overallGoals");
        assertThat(overall.findValuesAsText("text")).containsExactly("保障食品安全", "群众满意");
        assertThat(overall.get(0).get("fundedBy").asText()).isEqualTo("抽检");
        assertThat(overall.get(1).get("fundedBy").isNull()).isTrue();
        // what it spent by funding source, as stated: they add up to its 执行数, so nothing is flagged
        JsonNode sources = project.get("budget").get("sources");
        assertThat(sources.findValuesAsText("executed")).containsExactlyInAnyOrder("229.09", "20.91");
        assertThat(project.get("budget").get("flags").toString()).doesNotContain("spending-by-source-differs");
        // the department-wide plan states none: by source its spending is not stated, not 0
        read(YEAR_PATH + "/department", finance()).get("budget").get("sources")
                .forEach(source -> assertThat(source.get("executed").isNull()).as(source.toString()).isTrue());
        assertThat(read(YEAR_PATH + "/department", finance()).get("budget").get("sources")).isNotEmpty();
        // an adjustment named without its amount: kept with its items, no amount, no figure moved
        JsonNode noted = read(YEAR_PATH + "/projects/SPAQ", finance()).get("budget").get("movements")
                .findParents("movement").stream().filter(m -> m.get("movement").asText().equals("noted"))
                .findFirst().orElseThrow();
        assertThat(noted.get("amount").isNull()).isTrue();
        assertThat(noted.get("parts").findValuesAsText("name")).containsExactly("农贸市场以奖代补资金", "智慧食药监信息化工程");
    }

    @Test
    void aProjectItsListAndAnIndicatorsCompletions() throws Exception {
        JsonNode project = read(YEAR_PATH + "/projects/SPAQ", finance());
        assertThat(project.get("profile").get("implementingUnits").toString())
                .isEqualTo("[\"东湖高新区市场监督管理局\",\"检验所\"]");
        assertThat(project.get("budget").get("flags").toString()).contains("over-budget");
        JsonNode projects = read(YEAR_PATH + "/projects", finance());
        assertThat(projects).hasSize(1);
        assertThat(projects.get(0).get("executionRate").asText()).isEqualTo("146.62");
        JsonNode completions = read(YEAR_PATH + "/department/indicators/CD.CJ/completions", finance());
        assertThat(completions).hasSize(1);
        assertThat(completions.get(0).get("actual").get("value").get("value").asInt()).isEqualTo(1426);
        assertThat(status(YEAR_PATH + "/projects/NOPE", finance())).isEqualTo(404);
        JsonNode calendar = read("/api/v1/districts/caidian/years/2020/reporting-calendar", finance());
        assertThat(calendar.get("deviationMargin").asText()).isEqualTo("15.00");
    }

    @Autowired
    ProjectionApplier projections;

    /**
     * Read-your-writes: asked for a version the read model has not reached, the plan is answered once a projection
     * batch brings it (the batch's commit notifies), not before; a version already there answers at once.
     */
    @Test
    void aPlanAskedForAtAVersionIsAnsweredWhenItsReadModelGetsThere() throws Exception {
        // a district of its own: the slices' tests share the read models, and this one adds to them
        PlanId plan = PlanId.departmentWide(DepartmentId.of("waits", "bureau"), FiscalYear.of(2020));
        String path = "/api/v1/districts/waits/departments/bureau/years/2020/department";
        String editor = TestInfrastructure.issuer().token("editor", "waits", "bureau", List.of("DEPARTMENT_EDITOR"));
        project(Streams.department(plan.department()), 0, new DepartmentRegistered(plan.department(), "等待局"));
        project(plan.aggregateId(), 0, new DepartmentPlanStarted(plan));
        assertThat(read(path + "?minVersion=0", editor).get("version").asLong()).isZero();

        CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path + "?minVersion=1"))
                .header("Authorization", "Bearer " + editor).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(600);
        assertThat(waiting).as("held while the read model is at version 0").isNotDone();
        long applied = System.nanoTime();
        project(plan.aggregateId(), 1, new GoalAdded(plan, 1, "保障运转"));
        HttpResponse<String> answer = waiting.get(5, TimeUnit.SECONDS);
        assertThat(Duration.ofNanos(System.nanoTime() - applied)).as("answered on the commit's notice, not at the "
                + "ten-second deadline").isLessThan(Duration.ofSeconds(5));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("version").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(answer.body()).get("goals").get(0).get("text").asText()).isEqualTo("保障运转");
    }

    /**
     * A year's totals as a self-evaluation table prints them, with no day: the plan shows them undated (null), in the
     * movements, the completions and the indicator's latest, rather than on some day nobody stated.
     */
    @Test
    void figuresWhoseSourceStatesNoDateAreShownUndated() throws Exception {
        PlanId plan = PlanId.departmentWide(DepartmentId.of("undated", "bureau"), FiscalYear.of(2020));
        String path = "/api/v1/districts/undated/departments/bureau/years/2020/department";
        String editor = TestInfrastructure.issuer().token("editor", "undated", "bureau", List.of("DEPARTMENT_EDITOR"));
        IndicatorCode code = new IndicatorCode("CJ");
        List<PerfLedgerEvent> history = List.of(new DepartmentPlanStarted(plan),
                new BudgetOpened(plan, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00")),
                        Map.of(ExpenditureClass.PERSONNEL, WanYuan.of("100.00")), WanYuan.of("100.00")),
                new GoalAdded(plan, 1, "保障运转"),
                new IndicatorTargetSet(plan, new Indicator(code, 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY,
                        "抽检", Points.parse("10"), Target.parse("100批次"))),
                new FundsReceived(plan, WanYuan.of("100.00"), FundingSource.GENERAL_PUBLIC_BUDGET, null, null,
                        WanYuan.of("100.00")),
                new ExpenditureRecorded(plan, WanYuan.of("90.00"), null, ExpenditureClass.PERSONNEL, null, "全年执行",
                        null, WanYuan.of("90.00"), WanYuan.of("100.00"), false),
                new CompletionRecorded(plan, code, Target.parse("98批次"), null, null, null, null));
        for (int i = 0; i < history.size(); i++) {
            project(plan.aggregateId(), i, history.get(i), "undated");
        }
        JsonNode view = read(path + "?minVersion=" + (history.size() - 1), editor);
        JsonNode movements = view.get("budget").get("movements");
        assertThat(movements.findValuesAsText("movement")).containsExactly("opened", "received", "spent");
        movements.forEach(movement -> assertThat(movement.get("date").isNull()).as(movement.toString()).isTrue());
        assertThat(view.get("budget").get("executed").asText()).isEqualTo("90.00");
        JsonNode indicator = view.get("goals").get(0).get("indicators").get(0);
        assertThat(indicator.get("latest").get("actual").get("text").asText()).isEqualTo("98批次");
        assertThat(indicator.get("latest").get("asOf").isNull()).isTrue();
        JsonNode completions = read(path + "/indicators/CJ/completions", editor);
        assertThat(completions).hasSize(1);
        assertThat(completions.get(0).get("asOf").isNull()).isTrue();
    }

    /**
     * A plan read again at the same version is the same document (remembered, not read again), a new event makes a
     * new one, and a client sending back the version it holds (If-None-Match) is told 304 with no body.
     */
    @Test
    void aPlanReadAgainIsTheSameUntilItChangesAndAnUnchangedOneIsNotSentAgain() throws Exception {
        PlanId plan = PlanId.departmentWide(DepartmentId.of("again", "bureau"), FiscalYear.of(2020));
        String path = "/api/v1/districts/again/departments/bureau/years/2020/department";
        String editor = TestInfrastructure.issuer().token("editor", "again", "bureau", List.of("DEPARTMENT_EDITOR"));
        project(plan.aggregateId(), 0, new DepartmentPlanStarted(plan), "again");
        project(plan.aggregateId(), 1, new GoalAdded(plan, 1, "保障运转"), "again");
        HttpResponse<byte[]> first = get(path, editor);
        assertThat(first.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(new String(get(path, editor).body())).isEqualTo(new String(first.body()));

        HttpResponse<byte[]> unchanged = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + editor).header("If-None-Match", "\"1\"").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();

        project(plan.aggregateId(), 2, new GoalAdded(plan, 2, "提升服务"), "again");
        JsonNode changed = read(path, editor);
        assertThat(changed.get("version").asLong()).isEqualTo(2);
        assertThat(changed.get("goals").findValuesAsText("text")).containsExactly("保障运转", "提升服务");
        HttpResponse<byte[]> stale = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + editor).header("If-None-Match", "\"1\"").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(stale.statusCode()).as("the version held is no longer the plan's").isEqualTo(200);
    }

    @Test
    void aVersionToWaitForIsAWholeNumberAndNotAskedOfThePast() throws Exception {
        String path = YEAR_PATH + "/department";
        HttpResponse<byte[]> word = get(path + "?minVersion=abc", finance());
        assertThat(word.statusCode()).isEqualTo(400);
        assertThat(new String(word.body())).contains("minVersion").contains("version.format");
        assertThat(status(path + "?minVersion=-1", finance())).isEqualTo(400);
        HttpResponse<byte[]> both = get(path + "?minVersion=1&at=2020-06-30T00:00:00Z", finance());
        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(new String(both.body())).contains("parameters.exclusive");
        // another department's editor is refused (its plans are not known to it) before anything waits
        long asked = System.nanoTime();
        assertThat(status(path + "?minVersion=999999", editor("other"))).isEqualTo(404);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(5));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private void project(String stream, long sequence, PerfLedgerEvent event) throws Exception {
        project(stream, sequence, event, "waits");
    }
}
