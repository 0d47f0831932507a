package org.perfledger.query.trail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;

/** The budget adjustments behind a figure: 6352.76 → 6273.65, who, when, why, under which document. */
class TrailSliceTest extends SliceTest {

    @Test
    void everyAdjustmentWithItsDocumentReasonAndActor() throws Exception {
        JsonNode trail = read("/api/v1/districts/caidian/departments/scjgj/years/2020/adjustments", finance());
        assertThat(trail).hasSize(2);
        JsonNode reduction = trail.get(0).get("plan").asText().equals("department") ? trail.get(0) : trail.get(1);
        assertThat(reduction.get("from").asText()).isEqualTo("6352.76");
        assertThat(reduction.get("to").asText()).isEqualTo("6273.65");
        assertThat(reduction.get("amount").asText()).isEqualTo("79.11");
        assertThat(reduction.get("kind").asText()).isEqualTo("REDUCTION");
        assertThat(reduction.get("documentNumber").asText()).isEqualTo("蔡财预〔2020〕88号");
        assertThat(reduction.get("reason").asText()).isEqualTo("按决算数调整");
        assertThat(reduction.get("actor").asText()).isEqualTo("li.si\t\"引号\"\\");
        assertThat(reduction.get("correlationId").asText()).startsWith("c-");
    }
}
