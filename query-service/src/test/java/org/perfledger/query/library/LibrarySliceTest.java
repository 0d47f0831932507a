package org.perfledger.query.library;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorDefined;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorRetired;
import org.perfledger.kernel.library.LibraryKind;
import org.perfledger.kernel.library.TargetBasis;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.LibraryRef;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.query.SliceTest;

/**
 * The indicator library as finance and a department see it: each indicator with how many plans picked it, one
 * indicator's versions and uses, and its benchmark across departments and years with the spread of the figures.
 */
class LibrarySliceTest extends SliceTest {

    private static final DistrictId LIB = DistrictId.of("lib");
    private static final IndicatorCode FUNDING = new IndicatorCode("GX.ZJDWL");
    private static final String LIBRARY = "/api/v1/districts/lib/indicator-library";

    private static LibraryIndicatorDefined funding(int version, String name) {
        return new LibraryIndicatorDefined(LIB, FUNDING, version, LibraryKind.COMMON, null, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUALITY, name, "%", Direction.HIGHER_IS_BETTER, TargetBasis.PLANNED, null);
    }

    /** A department's plan of a year whose indicator was picked from the library, with its latest actual. */
    private void plan(String department, int year, String indicator, String actual) throws Exception {
        PlanId plan = PlanId.departmentWide(DepartmentId.of("lib", department), FiscalYear.of(year));
        List<Object> events = new ArrayList<>(List.of(new DepartmentPlanStarted(plan), new GoalAdded(plan, 1, "保障资金"),
                new IndicatorTargetSet(plan, new Indicator(new IndicatorCode(indicator), 1, IndicatorLevel1.OUTPUT,
                        IndicatorLevel2.QUALITY, "资金到位率", Points.parse("10"), Target.parse("≥100%"), null,
                        new LibraryRef(FUNDING, 2)))));
        if (actual != null) {
            events.add(new CompletionRecorded(plan, new IndicatorCode(indicator), Target.parse(actual), null,
                    LocalDate.of(year, 12, 31), null, null));
        }
        for (int i = 0; i < events.size(); i++) {
            project(plan.aggregateId(), i, (org.perfledger.kernel.event.PerfLedgerEvent) events.get(i), "lib");
        }
    }

    @Test
    void financeSeesEachIndicatorItsUsesAndItsSpread() throws Exception {
        String finance = TestInfrastructure.issuer().token("finance", "lib", null, List.of("DISTRICT_FINANCE"));
        String editor = TestInfrastructure.issuer().token("editor", "lib", "jyj", List.of("DEPARTMENT_EDITOR"));
        String stream = Streams.libraryIndicator(LIB, FUNDING);
        project(stream, 0, funding(1, "资金到位率"), "lib");
        project(stream, 1, funding(2, "资金到位率（含转移支付）"), "lib");
        IndicatorCode old = new IndicatorCode("GX.OLD");
        project(Streams.libraryIndicator(LIB, old), 0, new LibraryIndicatorDefined(LIB, old, 1, LibraryKind.SECTOR,
                "教育", IndicatorLevel1.OUTPUT, IndicatorLevel2.TIMELINESS, "完成及时性", null,
                Direction.HIGHER_IS_BETTER, TargetBasis.HISTORICAL, "按上年"), "lib");
        project(Streams.libraryIndicator(LIB, old), 1, new LibraryIndicatorRetired(LIB, old, "并入其他指标"), "lib");
        plan("jyj", 2020, "JY.ZJ", "95%");
        plan("wsj", 2020, "WS.ZJ", "88%");
        plan("jyj", 2019, "JY.ZJ", "90%");
        plan("wsj", 2019, "WS.ZJ", "基本到位");

        JsonNode library = read(LIBRARY, finance);
        assertThat(library.findValuesAsText("code")).containsExactly("GX.OLD", "GX.ZJDWL");
        JsonNode funding = library.get(1);
        assertThat(funding.get("version").asInt()).isEqualTo(2);
        assertThat(funding.get("name").asText()).isEqualTo("资金到位率（含转移支付）");
        assertThat(funding.get("uses").asInt()).isEqualTo(4);
        assertThat(funding.get("departments").asInt()).isEqualTo(2);
        assertThat(funding.get("years").asInt()).isEqualTo(2);
        assertThat(library.get(0).get("retiredReason").asText()).isEqualTo("并入其他指标");
        assertThat(library.get(0).get("sector").asText()).isEqualTo("教育");

        JsonNode detail = read(LIBRARY + "/GX.ZJDWL", finance);
        assertThat(detail.get("versions").findValuesAsText("name")).containsExactly("资金到位率", "资金到位率（含转移支付）");
        assertThat(detail.get("uses")).hasSize(4);
        assertThat(detail.get("uses").get(0).get("year").asInt()).isEqualTo(2019);
        assertThat(detail.get("uses").get(0).get("libraryVersion").asInt()).isEqualTo(2);

        JsonNode years = read(LIBRARY + "/GX.ZJDWL/benchmark", finance).get("years");
        assertThat(years.findValuesAsText("year")).containsExactly("2019", "2020");
        // 2019: one number and one statement, which is shown but not compared
        JsonNode y2019 = years.get(0);
        assertThat(y2019.get("values").get("count").asInt()).isEqualTo(1);
        assertThat(y2019.get("figures").get(1).get("comparable").asBoolean()).isFalse();
        assertThat(y2019.get("figures").get(1).get("actual").asText()).isEqualTo("基本到位");
        // 2020: 88 and 95
        JsonNode spread = years.get(1).get("values");
        assertThat(spread.get("count").asInt()).isEqualTo(2);
        assertThat(spread.get("min").decimalValue()).isEqualByComparingTo("88.00");
        assertThat(spread.get("median").decimalValue()).isEqualByComparingTo("91.50");
        assertThat(spread.get("max").decimalValue()).isEqualByComparingTo("95.00");
        assertThat(spread.get("range").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(years.get(1).get("completions").get("median").decimalValue()).isEqualByComparingTo("91.50");

        // a department sees the library whole, but only its own uses and figures
        assertThat(read(LIBRARY, editor).get(1).get("uses").asInt()).isEqualTo(2);
        assertThat(read(LIBRARY + "/GX.ZJDWL", editor).get("uses").findValuesAsText("department"))
                .containsOnly("jyj");
        assertThat(read(LIBRARY + "/GX.ZJDWL/benchmark", editor).findValuesAsText("department"))
                .containsOnly("jyj");
        // another district's finance is not told the library exists
        assertThat(status(LIBRARY + "/GX.ZJDWL", finance())).isEqualTo(404);
        assertThat(status(LIBRARY + "/GX.NONE", finance)).isEqualTo(404);
        assertThat(status(LIBRARY + "/" + "x".repeat(300), finance)).isEqualTo(404);
    }

    @Test
    void theSpreadOfAnEvenCountIsTheMeanOfTheMiddleTwoRoundedOnce() {
        Spread spread = Spread.of(java.util.Arrays.asList(new BigDecimal("1.005"), null, new BigDecimal("2"),
                new BigDecimal("3"), new BigDecimal("4.001")));
        assertThat(spread.count()).isEqualTo(4);
        assertThat(spread.median()).isEqualByComparingTo("2.50");
        assertThat(spread.min()).isEqualByComparingTo("1.01");
        assertThat(spread.range()).isEqualByComparingTo("3.00");
        assertThat(Spread.of(List.of()).count()).isZero();
    }
}
