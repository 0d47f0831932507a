package org.perfledger.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.validation.InvalidValueException;

class WanYuanTest {

    @Test
    void keepsTwoDecimalsSoEqualAmountsAreEqual() {
        assertThat(WanYuan.of("93")).isEqualTo(WanYuan.of("93.00"));
        assertThat(WanYuan.of("68.00").plus(WanYuan.of("25.00"))).isEqualTo(WanYuan.of("93.00"));
        assertThat(WanYuan.of("6352.76").minus(WanYuan.of("6273.65")).toPlainString()).isEqualTo("79.11");
    }

    @Test
    void refusesWhatIsNotAPlainDecimalWithItsRule() {
        assertThat(rule("1.005")).isEqualTo("money.scale");
        assertThat(rule("1e3")).isEqualTo("money.format");
        assertThat(rule("NaN")).isEqualTo("money.format");
        assertThat(rule("1,000.00")).isEqualTo("money.format");
        assertThat(rule(" 1.00")).isEqualTo("money.format");
        assertThat(rule("12345678901234")).isEqualTo("money.range");
        assertThat(rule("")).isEqualTo("money.required");
        assertThatThrownBy(() -> WanYuan.parseNonNegative("-0.01")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rateKeepsTheUnroundedRatioAndRoundsHalfUpOnlyWhenShown() {
        Percentage execution = Percentage.ofRatio(WanYuan.of("6273.65"), WanYuan.of("6352.76"));
        assertThat(execution.rounded(2)).isEqualByComparingTo(new BigDecimal("98.75"));
        assertThat(execution.value().scale()).isGreaterThan(2);
        assertThatThrownBy(() -> Percentage.ofRatio(WanYuan.of("1.00"), WanYuan.ZERO))
                .isInstanceOf(InvalidValueException.class);
    }

    private static String rule(String text) {
        try {
            WanYuan.parse(text);
            return "accepted";
        } catch (InvalidValueException e) {
            return e.rule();
        }
    }
}
