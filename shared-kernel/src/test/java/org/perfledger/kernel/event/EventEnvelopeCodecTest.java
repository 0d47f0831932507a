package org.perfledger.kernel.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.budget.DepartmentBudgetAdjusted;
import org.perfledger.kernel.budget.DocumentNumber;
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
        DepartmentBudgetAdjusted event = new DepartmentBudgetAdjusted(DepartmentId.of("caidian", "scjgj"),
                FiscalYear.of(2020), WanYuan.of("6352.76"), WanYuan.of("6273.65"), "按决算数调整",
                new DocumentNumber("蔡财预〔2020〕88号"));
        String payload = EventEnvelopeCodec.mapper().writeValueAsString(event);
        // Derived accessors (district(), change()) are not stored; amounts are decimal strings.
        assertThat(EventEnvelopeCodec.mapper().readTree(payload).has("district")).isFalse();
        assertThat(EventEnvelopeCodec.mapper().readTree(payload).has("change")).isFalse();
        assertThat(payload).contains("\"to\":\"6273.65\"");
        EventEnvelope envelope = new EventEnvelope("e-1", "DepartmentBudgetAdjusted", 1, "DepartmentBudget",
                "caidian/scjgj/budget/2020", 1, 4, Instant.parse("2020-12-31T08:00:00Z"),
                Map.of("district", "caidian", "actor", "zhang.san", "correlationId", "c-1"), payload);

        EventEnvelope decoded = EventEnvelopeCodec.decode(EventEnvelopeCodec.encode(envelope));

        assertThat(decoded).isEqualTo(envelope);
        assertThat(EventEnvelopeCodec.payload(decoded)).isEqualTo(event);
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
