package org.perfledger.query.warning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
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
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.warning.WarningEvents.MonitoringThresholdsSet;
import org.perfledger.query.SliceTest;

/**
 * The lights of a plan in execution (执行率 against 序时进度) and of its indicators (progress against time, or a
 * level's shortfall) on the department's dashboard and the district overview, under the default thresholds and then
 * under finance's own.
 */
class LightsSliceTest extends SliceTest {

    private static final DistrictId LIGHTS = DistrictId.of("lights");
    private static final FiscalYear Y2020 = FiscalYear.of(2020);
    private static final PlanId PLAN = PlanId.departmentWide(DepartmentId.of("lights", "jyj"), Y2020);
    private static final String DASHBOARD = "/api/v1/districts/lights/departments/jyj/years/2020/dashboard"
            + "?asOf=2020-07-01";
    private static final String OVERVIEW = "/api/v1/districts/lights/years/2020/overview?asOf=2020-07-01";
    private static final String THRESHOLDS = "/api/v1/districts/lights/years/2020/monitoring-thresholds";

    private long sequence;

    private void project(PerfLedgerEvent event) throws Exception {
        project(PLAN.aggregateId(), sequence++, event, "lights");
    }

    private static Indicator indicator(String code, String name, IndicatorLevel2 level2, String target) {
        return new Indicator(new IndicatorCode(code), 1, IndicatorLevel1.OUTPUT, level2, name, Points.parse("10"),
                Target.parse(target));
    }

    private static Map<String, JsonNode> lights(JsonNode plan) {
        Map<String, JsonNode> byCode = new TreeMap<>();
        plan.get("indicators").forEach(line -> byCode.put(line.get("code").asText(), line));
        return byCode;
    }

    @Test
    void lightsFollowFinancesThresholds() throws Exception {
        String finance = TestInfrastructure.issuer().token("finance", "lights", null, List.of("DISTRICT_FINANCE"));
        project(new DepartmentPlanStarted(PLAN));
        project(new BudgetOpened(PLAN, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100.00")), Map.of(),
                WanYuan.of("100.00")));
        project(new GoalAdded(PLAN, 1, "提升办学质量"));
        project(new IndicatorTargetSet(PLAN, indicator("JY.PX", "教师培训人次", IndicatorLevel2.QUANTITY, "≥1000人次")));
        project(new IndicatorTargetSet(PLAN, indicator("JY.HG", "合格率", IndicatorLevel2.QUALITY, "≥95%")));
        project(new TargetsSubmitted(PLAN, 1, 2, new BigDecimal("20")));
        project(new TargetsApproved(PLAN, null));
        project(new ExpenditureRecorded(PLAN, WanYuan.of("30.00"), LocalDate.of(2020, 6, 1), ExpenditureClass.PROJECT,
                null, "培训费", null, WanYuan.of("30.00"), WanYuan.of("100.00"), false));
        project(new CompletionRecorded(PLAN, new IndicatorCode("JY.PX"), Target.parse("400人次"), null,
                LocalDate.of(2020, 6, 30), "培训台账", null));
        project(new CompletionRecorded(PLAN, new IndicatorCode("JY.HG"), Target.parse("90%"), null,
                LocalDate.of(2020, 6, 30), null, null));

        // the defaults: 5 and 10 points; on 1 July half of 2020 is gone (183 of 366 days)
        JsonNode standing = read(THRESHOLDS, finance);
        assertThat(standing.get("version").asInt()).isZero();
        assertThat(standing.get("yellow").decimalValue()).isEqualByComparingTo("5");
        assertThat(standing.get("red").decimalValue()).isEqualByComparingTo("10");
        JsonNode dashboard = read(DASHBOARD, finance);
        assertThat(dashboard.get("thresholds").get("version").asInt()).isZero();
        JsonNode plan = dashboard.get("plans").get(0);
        // 30% spent against 50% of the year: 20 points behind, red, and an open item
        assertThat(plan.get("timeProgress").get("yearElapsed").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(plan.get("timeProgress").get("lag").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(plan.get("timeProgress").get("light").asText()).isEqualTo("RED");
        assertThat(plan.get("openItems").findValuesAsText("kind")).contains("spending-lags");
        // 400 of 1000 人次: 40% done, 10 points behind, yellow; 合格率 90% against ≥95%: 5.26% short, yellow
        Map<String, JsonNode> lines = lights(plan);
        assertThat(lines.get("JY.PX").get("light").asText()).isEqualTo("YELLOW");
        assertThat(lines.get("JY.PX").get("progress").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(lines.get("JY.PX").get("behind").decimalValue()).isEqualByComparingTo("10.00");
        assertThat(lines.get("JY.HG").get("light").asText()).isEqualTo("YELLOW");
        assertThat(lines.get("JY.HG").get("progress").isNull()).isTrue();
        assertThat(lines.get("JY.HG").get("behind").decimalValue()).isEqualByComparingTo("5.26");
        JsonNode overview = read(OVERVIEW, finance);
        assertThat(overview.get("items").findValuesAsText("light")).containsExactly("RED");
        assertThat(read(OVERVIEW + "&light=红灯", finance).get("total").asInt()).isEqualTo(1);
        assertThat(read(OVERVIEW + "&light=YELLOW", finance).get("total").asInt()).isZero();

        // finance widens them: 12 and 25 points
        project(Streams.warningScheme(LIGHTS, Y2020), 0, new MonitoringThresholdsSet(LIGHTS, Y2020, 1,
                new Percentage(new BigDecimal("12")), new Percentage(new BigDecimal("25")), "区财政局通知"), "lights");
        JsonNode set = read(THRESHOLDS, finance);
        assertThat(set.get("version").asInt()).isEqualTo(1);
        assertThat(set.get("source").asText()).isEqualTo("区财政局通知");
        assertThat(set.get("versions").get(0).get("setBy").asText()).isNotBlank();
        plan = read(DASHBOARD, finance).get("plans").get(0);
        assertThat(plan.get("timeProgress").get("light").asText()).isEqualTo("YELLOW");
        assertThat(plan.get("timeProgress").get("lagging").asBoolean()).isFalse();
        assertThat(plan.get("openItems").findValuesAsText("kind")).doesNotContain("spending-lags");
        lines = lights(plan);
        assertThat(lines.get("JY.PX").get("light").asText()).isEqualTo("GREEN");
        assertThat(lines.get("JY.HG").get("light").asText()).isEqualTo("GREEN");
        // the overview remembered under the old thresholds is not shown again
        assertThat(read(OVERVIEW, finance).get("items").findValuesAsText("light")).containsExactly("YELLOW");
        assertThat(read(OVERVIEW + "&light=RED", finance).get("total").asInt()).isZero();
    }

    @Test
    void anUnknownLightIsRefusedByName() throws Exception {
        String finance = TestInfrastructure.issuer().token("finance", "lights", null, List.of("DISTRICT_FINANCE"));
        assertThat(status(OVERVIEW + "&light=purple", finance)).isEqualTo(400);
    }
}
