package org.perfledger.kernel.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.security.Identity;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/** Text that is not valid Unicode: refused where it enters, repaired wherever it is read. */
class UnicodeTextTest {

    @Test
    void anUnpairedSurrogateIsNotWellFormedAPairIs() {
        assertThat(UnicodeText.isWellFormed("药品😀")).isTrue();
        assertThat(UnicodeText.isWellFormed("x\ud800y")).isFalse();
        assertThat(UnicodeText.isWellFormed("\udc00")).isFalse();
        assertThat(UnicodeText.isWellFormed("\ud83d")).isFalse();
        assertThat(UnicodeText.isWellFormed("\ude00\ud83d")).as("a pair in the wrong order").isFalse();
    }

    @Test
    void repairingReplacesEachUnpairedSurrogateAndKeepsPairs() {
        assertThat(UnicodeText.repaired("x\ud800y😀\udc00")).isEqualTo("x\uFFFDy😀\uFFFD");
        String clean = "保障运转";
        assertThat(UnicodeText.repaired(clean)).isSameAs(clean);
        assertThat(UnicodeText.repaired(null)).isNull();
    }

    @Test
    void theTextRulesRefuseIt() {
        assertThatThrownBy(() -> Checks.requireText("目标\ud83d", "text", 100))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.rule()).isEqualTo("text.unicode"));
        assertThat(Identity.problem("x\ud800")).contains("is not valid Unicode");
    }

    @Test
    void theKernelsReadersRepairWhatAStoreHolds() throws Exception {
        Map<String, String> read = EventEnvelopeCodec.mapper().readValue("{\"a\\ud800\":\"x\\ud800y\"}",
                new TypeReference<>() { });
        assertThat(read).containsEntry("a\uFFFD", "x\uFFFDy");
        assertThat(EventEnvelopeCodec.mapper().readTree("[\"\\udc00\"]").get(0).asText()).isEqualTo("\uFFFD");
        // a stored row whose metadata names an actor with an unpaired surrogate
        EventRow row = new EventRow(1, "e1", "district:x", 0, "District", "2020-01-01T00:00:00Z",
                "DistrictRegistered", "1", "{\"district\":\"x\",\"name\":\"x\\ud800区\"}".getBytes(StandardCharsets.UTF_8),
                "{\"district\":\"x\",\"actor\":\"a\\ud800\",\"correlationId\":\"c\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(row.metadata()).containsEntry("actor", "a\uFFFD");
        EventEnvelope envelope = row.toEnvelope();
        EventEnvelope decoded = EventEnvelopeCodec.decode(EventEnvelopeCodec.encode(envelope));
        assertThat(decoded.metadata()).containsEntry("actor", "a\uFFFD");
        assertThat(EventEnvelopeCodec.payload(decoded).toString()).contains("x\uFFFD区");
        assertThat(decoded.timestamp()).isEqualTo(Instant.parse("2020-01-01T00:00:00Z"));
    }
}
