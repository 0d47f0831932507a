package org.perfledger.kernel.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.evaluation.PrintedFigure.Kind;
import org.perfledger.kernel.validation.InvalidValueException;

/** What a self-evaluation may print beside its scores, and how it travels. */
class PrintedFigureTest {

    private static BigDecimal d(String text) {
        return new BigDecimal(text);
    }

    @Test
    void keepsItsPrintedDecimalsThroughJson() throws Exception {
        PrintedFigure sum = new PrintedFigure("项目支出明细 合计", Kind.SUM, null, d("93.00"), List.of(d("68.00"), d("25.00")));
        String json = EventEnvelopeCodec.mapper().writeValueAsString(sum);
        assertThat(json).contains("\"value\":\"93.00\"").contains("\"parts\":[\"68.00\",\"25.00\"]");
        PrintedFigure back = EventEnvelopeCodec.mapper().readValue(json, PrintedFigure.class);
        assertThat(back.value().toPlainString()).isEqualTo("93.00");
        assertThat(back).isEqualTo(sum);
    }

    @Test
    void eachKindHasTheParticularsItIsCheckedBy() {
        assertThatThrownBy(() -> new PrintedFigure("占比", Kind.QUOTIENT, null, d("94.26"), List.of(d("1"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("numerator and denominator");
        assertThatThrownBy(() -> new PrintedFigure("合计", Kind.SUM, null, d("93"), List.of(d("93"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("at least two parts");
        assertThatThrownBy(() -> new PrintedFigure("小计", Kind.SUBTOTAL_SCORE, null, d("40"), List.of()))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("一级指标");
        assertThatThrownBy(() -> new PrintedFigure("到位率", Kind.FUNDING_RATE, null, d("100"), List.of(d("1"), d("1"))))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("only a sum or a quotient");
        assertThatThrownBy(() -> new PrintedFigure(" ", Kind.FUNDING_RATE, null, d("100"), null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PrintedFigure("x", Kind.FUNDING_RATE, null, d("1.00001"), null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("4 decimals");
        assertThat(new PrintedFigure("产出指标 得分率", Kind.SUBTOTAL_RATE, "产出指标", d("97.50"), null).parts()).isEmpty();
    }
}
