package org.perfledger.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.time.LocalDate;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;

class EventEnvelopeCodecTest {

    @Test
    void everyCatalogTypeHasAStableNameAndAVersion() {
        assertThat(EventCatalog.types()).isNotEmpty().allSatisfy(type -> {
            assertThat(EventCatalog.classOf(EventCatalog.nameOf(type))).contains(type);
            assertThat(EventCatalog.versionOf(type)).isPositive();
        });
    }

    @Test
    void roundTripsAnEnvelopeAndItsPayloadExactly() throws Exception {
        PlanId plan = PlanId.departmentWide(DepartmentId.of("caidian", "scjgj"), FiscalYear.of(2020));
        BudgetAdjusted event = new BudgetAdjusted(plan, 1, AdjustmentKind.REDUCTION,
                FundingSource.GENERAL_PUBLIC_BUDGET, null, WanYuan.of("79.11"), WanYuan.of("6352.76"),
                WanYuan.of("6273.65"), "压减非刚性开支", new DocumentNumber("蔡财预〔2020〕88号"),
                LocalDate.of(2020, 9, 30));
        String payload = EventEnvelopeCodec.mapper().writeValueAsString(event);
        // Derived accessors (district(), departmentWide(), aggregateId()) are not stored; amounts are decimal strings.
        assertThat(EventEnvelopeCodec.mapper().readTree(payload).has("district")).isFalse();
        assertThat(EventEnvelopeCodec.mapper().readTree(payload).get("plan").size()).isEqualTo(3);
        assertThat(payload).contains("\"to\":\"6273.65\"").contains("\"date\":\"2020-09-30\"");
        EventEnvelope envelope = new EventEnvelope("e-1", "BudgetAdjusted", 1, "AnnualPlan",
                plan.aggregateId(), 1, 4, Instant.parse("2020-12-31T08:00:00Z"),
                Map.of("district", "caidian", "actor", "zhang.san", "correlationId", "c-1"), payload);

        EventEnvelope decoded = EventEnvelopeCodec.decode(EventEnvelopeCodec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(EventEnvelopeCodec.payload(decoded)).isEqualTo(event);
    }

    @Test
    void aTargetTravelsAsItsTextAndItsTypedValue() throws Exception {
        PlanId plan = PlanId.project(DepartmentId.of("donghu", "scjgj"), FiscalYear.of(2018), "SPAQ");
        IndicatorTargetSet event = new IndicatorTargetSet(plan, new Indicator(new IndicatorCode("SPAQ.CJ"), 1,
                IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "食品监督抽检", Points.parse("5"),
                Target.parse("5万批次以上")));
        String payload = EventEnvelopeCodec.mapper().writeValueAsString(event);

        assertThat(payload).contains("\"text\":\"5万批次以上\"").contains("\"kind\":\"quantity\"");
        assertThat(EventEnvelopeCodec.mapper().readValue(payload, IndicatorTargetSet.class)).isEqualTo(event);
    }

    @Test
    void bytesThatAreNotAnEnvelopeAreMalformed() {
        assertThatThrownBy(() -> EventEnvelopeCodec.decode("not an event".getBytes()))
                .isInstanceOf(EventEnvelopeCodec.MalformedEnvelopeException.class);
        assertThatThrownBy(() -> EventEnvelopeCodec.decode("{\"type\":\"X\"}".getBytes()))
                .isInstanceOf(EventEnvelopeCodec.MalformedEnvelopeException.class);
    }

    @Test
    void aTombstoneIsMalformedNotACrash() {
        assertThatThrownBy(() -> EventEnvelopeCodec.decode(null))
                .isInstanceOf(EventEnvelopeCodec.MalformedEnvelopeException.class);
        assertThatThrownBy(() -> EventEnvelopeCodec.decode(new byte[0]))
                .isInstanceOf(EventEnvelopeCodec.MalformedEnvelopeException.class);
    }
}
