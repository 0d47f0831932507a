package org.perfledger.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;

/** Older stored versions read as the current one, derived only from what they already say. */
class EventUpcastingTest {

    private static final String YEAR_CLOSED_V1 = "{\"plan\":{\"department\":{\"district\":\"caidian\",\"code\":\"scjgj\"},"
            + "\"year\":2020,\"project\":null},\"initialBudget\":\"6352.76\",\"adjustedBudget\":\"6352.76\","
            + "\"received\":\"6352.76\",\"executed\":\"6273.65\"}";

    @Test
    void aVersionOneYearClosedGainsItsExecutionRate() throws Exception {
        JsonNode current = EventUpcasting.toCurrent("YearClosed", 1, EventEnvelopeCodec.mapper().readTree(YEAR_CLOSED_V1));
        YearClosed closed = EventEnvelopeCodec.mapper().treeToValue(current, YearClosed.class);
        // seed 000: 蔡甸 6273.65 of 6352.76 = 98.75%
        assertThat(closed.executionRate().rounded(2)).isEqualByComparingTo("98.75");
        assertThat(closed).isEqualTo(new YearClosed(PlanId.departmentWide(DepartmentId.of("caidian", "scjgj"),
                FiscalYear.of(2020)), WanYuan.of("6352.76"), WanYuan.of("6352.76"), WanYuan.of("6352.76"),
                WanYuan.of("6273.65")));
        assertThat(EventCatalog.versionOf(YearClosed.class)).isEqualTo(2);
    }

    @Test
    void aVersionOneEnvelopeFromTheTopicDecodesAsTheCurrentVersion() {
        EventEnvelope v1 = new EventEnvelope("e-1", "YearClosed", 1, "AnnualPlan", "caidian/scjgj/2020/department", 9,
                40, Instant.parse("2021-01-05T02:00:00Z"), Map.of("district", "caidian", "actor", "caidian.finance",
                "correlationId", "c-1"), YEAR_CLOSED_V1);

        PerfLedgerEvent decoded = EventEnvelopeCodec.payload(EventEnvelopeCodec.decode(EventEnvelopeCodec.encode(v1)));

        assertThat(decoded).isInstanceOfSatisfying(YearClosed.class,
                closed -> assertThat(closed.executionRate().rounded(2)).isEqualByComparingTo("98.75"));
    }

    @Test
    void overAZeroBudgetTheRateStaysUnknown() throws Exception {
        JsonNode v1 = EventEnvelopeCodec.mapper().readTree(YEAR_CLOSED_V1.replace("\"adjustedBudget\":\"6352.76\"",
                "\"adjustedBudget\":\"0.00\""));
        assertThat(EventUpcasting.toCurrent("YearClosed", 1, v1).get("executionRate").isNull()).isTrue();
    }

    /** Version 1 kept every score at two decimals; version 2 keeps the printed ones. */
    @Test
    void aVersionOneSelfEvaluationIsReadAtTheDecimalsItsScoresKept() throws Exception {
        JsonNode v1 = EventEnvelopeCodec.mapper().readTree("{\"score\":\"96.20\",\"executionScore\":\"20.00\","
                + "\"indicators\":[{\"indicator\":\"SPAQ.HGL\",\"score\":\"9.94\"},{\"indicator\":\"SPAQ.XCP\","
                + "\"score\":null}]}");
        JsonNode current = EventUpcasting.toCurrent("SelfEvaluationSubmitted", 1, v1);
        assertThat(current.get("score").asText()).isEqualTo("96.2");
        assertThat(current.get("executionScore").asText()).isEqualTo("20");
        assertThat(current.get("indicators").get(0).get("score").asText()).isEqualTo("9.94");
        assertThat(current.get("indicators").get(1).get("score").isNull()).isTrue();
        assertThat(EventCatalog.versionOf(org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted.class))
                .isEqualTo(2);
        // what version 2 stores is what was printed
        assertThat(org.perfledger.kernel.performance.Points.parse("17.0").toPlainString()).isEqualTo("17.0");
        assertThat(org.perfledger.kernel.performance.Points.parse("17").toPlainString()).isEqualTo("17");
    }

    @Test
    void aVersionOneProjectRegistrationHasItsTypeAsAList() throws Exception {
        JsonNode v1 = EventEnvelopeCodec.mapper().readTree("{\"plan\":{\"department\":{\"district\":\"donghu\","
                + "\"code\":\"scjgj\"},\"year\":2018,\"project\":\"SPAQ\"},\"name\":\"食品药品安全专项\","
                + "\"implementingUnits\":[],\"category\":\"DEPARTMENT_BUDGET\",\"attribute\":\"CONTINUING\","
                + "\"type\":\"RECURRING\",\"financeDesk\":null}");
        org.perfledger.kernel.plan.PlanEvents.ProjectRegistered registered = EventEnvelopeCodec.mapper().treeToValue(
                EventUpcasting.toCurrent("ProjectRegistered", 1, v1),
                org.perfledger.kernel.plan.PlanEvents.ProjectRegistered.class);
        assertThat(registered.types()).containsExactly(org.perfledger.kernel.plan.ProjectType.RECURRING);
        assertThat(EventCatalog.versionOf(org.perfledger.kernel.plan.PlanEvents.ProjectRegistered.class)).isEqualTo(2);
    }

    /** A goal stored before goals had points had none of its own. */
    @Test
    void aVersionOneGoalHasNoPoints() throws Exception {
        JsonNode v1 = EventEnvelopeCodec.mapper().readTree("{\"plan\":{\"department\":{\"district\":\"qiaokou\","
                + "\"code\":\"scjgj\"},\"year\":2020,\"project\":\"YXJG\"},\"number\":1,\"text\":\"开展药械日常监督检查\"}");
        org.perfledger.kernel.performance.PerformanceEvents.GoalAdded goal = EventEnvelopeCodec.mapper().treeToValue(
                EventUpcasting.toCurrent("GoalAdded", 1, v1),
                org.perfledger.kernel.performance.PerformanceEvents.GoalAdded.class);
        assertThat(goal.weight()).isNull();
        assertThat(goal.text()).isEqualTo("开展药械日常监督检查");
        assertThat(goal.fundedBy()).isNull();
        assertThat(EventCatalog.versionOf(org.perfledger.kernel.performance.PerformanceEvents.GoalAdded.class))
                .isEqualTo(3);
    }

    /** A goal stored before goals could be tied to a part of the budget keeps its points and is tied to none. */
    @Test
    void aVersionTwoGoalIsForNoPartOfTheBudget() throws Exception {
        JsonNode v2 = EventEnvelopeCodec.mapper().readTree("{\"plan\":{\"department\":{\"district\":\"qiaokou\","
                + "\"code\":\"scjgj\"},\"year\":2020,\"project\":\"YXJG\"},\"number\":1,\"text\":\"开展药械日常监督检查\","
                + "\"weight\":\"80\"}");
        JsonNode current = EventUpcasting.toCurrent("GoalAdded", 2, v2);
        assertThat(current.has("fundedBy")).isTrue();
        org.perfledger.kernel.performance.PerformanceEvents.GoalAdded goal = EventEnvelopeCodec.mapper().treeToValue(
                current, org.perfledger.kernel.performance.PerformanceEvents.GoalAdded.class);
        assertThat(goal.fundedBy()).isNull();
        assertThat(goal.weight().value()).isEqualByComparingTo("80");
    }

    /** An adjustment stored before adjustments had parts was not itemised: it reads with none. */
    @Test
    void aVersionOneAdjustmentHasNoParts() throws Exception {
        JsonNode v1 = EventEnvelopeCodec.mapper().readTree("{\"plan\":{\"department\":{\"district\":\"donghu\","
                + "\"code\":\"scjgj\"},\"year\":2018,\"project\":\"ZHSW\"},\"number\":2,\"kind\":\"REDUCTION\","
                + "\"source\":\"GENERAL_PUBLIC_BUDGET\",\"expenditureClass\":\"PROJECT\",\"amount\":\"109.58\","
                + "\"from\":\"466.62\",\"to\":\"357.04\",\"reason\":\"减少九峰所、豹澥所维修费\","
                + "\"documentNumber\":\"未载明\",\"date\":null}");
        JsonNode current = EventUpcasting.toCurrent("BudgetAdjusted", 1, v1);
        assertThat(current.get("parts").isArray()).isTrue();
        assertThat(current.get("parts")).isEmpty();
        org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted adjusted = EventEnvelopeCodec.mapper().treeToValue(
                current, org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted.class);
        assertThat(adjusted.parts()).isEmpty();
        assertThat(adjusted.amount().toPlainString()).isEqualTo("109.58");
        assertThat(EventCatalog.versionOf(org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted.class)).isEqualTo(2);
    }

    /** A figure read from the topic keeps its printed decimals, as one read directly does (硚口 SCJG: 27.70%). */
    @Test
    void aNumberReadThroughATreeKeepsItsDecimals() throws Exception {
        String payload = "{\"plan\":{\"department\":{\"district\":\"qiaokou\",\"code\":\"scjgj\"},\"year\":2020,"
                + "\"project\":\"SCJG\"},\"round\":1,\"indicators\":[],\"score\":\"85.54\",\"grade\":null,"
                + "\"executionRate\":27.70,\"executionScore\":\"5.54\",\"schemeVersion\":1,\"deviationAnalysis\":null,"
                + "\"improvementMeasures\":\"a\",\"resultsUse\":\"b\",\"publicationPlan\":\"c\",\"printed\":[]}";
        EventEnvelope envelope = new EventEnvelope("e-2", "SelfEvaluationSubmitted", 2, "AnnualPlan",
                "qiaokou/scjgj/2020/projects/SCJG", 30, 41, Instant.parse("2021-03-01T02:00:00Z"),
                Map.of("district", "qiaokou", "actor", "qiaokou.scjgj.editor", "correlationId", "c-2"), payload);
        PerfLedgerEvent decoded = EventEnvelopeCodec.payload(EventEnvelopeCodec.decode(EventEnvelopeCodec.encode(envelope)));
        assertThat(decoded).isInstanceOfSatisfying(
                org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted.class,
                submitted -> assertThat(submitted.executionRate().toPlainString()).isEqualTo("27.70"));
    }

    @Test
    void currentVersionsAndUnknownTypesPassUnchanged() throws Exception {
        JsonNode v2 = EventEnvelopeCodec.mapper().readTree("{\"executionRate\":\"50\"}");
        assertThat(EventUpcasting.toCurrent("YearClosed", 2, v2)).isSameAs(v2);
        assertThat(EventUpcasting.hasStep("CompletionRecorded", 1)).isFalse();
        assertThatThrownBy(() -> EventUpcasting.step("CompletionRecorded", 1, v2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
