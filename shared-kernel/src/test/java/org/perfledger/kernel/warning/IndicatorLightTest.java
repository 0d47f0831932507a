package org.perfledger.kernel.warning;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.TargetParser;

class IndicatorLightTest {

    private static final MonitoringThresholds FIVE_AND_TEN = MonitoringThresholds.DEFAULT;
    private static final BigDecimal HALF_YEAR = new BigDecimal("50");

    private static IndicatorLight of(String target, String actual, Achievement achievement, BigDecimal elapsed) {
        return IndicatorLight.of(TargetParser.parse(target), actual == null ? null : TargetParser.parse(actual),
                achievement, elapsed, FIVE_AND_TEN);
    }

    @Test
    void aCountToReachIsMeasuredAgainstTheTimeElapsed() {
        // 400 of 1000 at mid-year: 40% done, 10 points behind: not more than 10, so yellow
        IndicatorLight yellow = of("≥1000人次", "400人次", null, HALF_YEAR);
        assertThat(yellow.light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(yellow.progress()).isEqualByComparingTo("40.00");
        assertThat(yellow.behind()).isEqualByComparingTo("10.00");
        // 399: 10.1 points behind, red
        assertThat(of("≥1000人次", "399人次", null, HALF_YEAR).light()).isEqualTo(TrafficLight.RED);
        // 450: 5 points behind exactly, still green (behind by more than the threshold turns it)
        assertThat(of("≥1000人次", "450人次", null, HALF_YEAR).light()).isEqualTo(TrafficLight.GREEN);
        // ahead of time, and progress is capped at 100%
        IndicatorLight ahead = of("≥1000人次", "1500人次", null, HALF_YEAR);
        assertThat(ahead.light()).isEqualTo(TrafficLight.GREEN);
        assertThat(ahead.progress()).isEqualByComparingTo("100.00");
        assertThat(ahead.behind()).isEqualByComparingTo("-50.00");
    }

    @Test
    void aLevelToHoldIsMeasuredByItsShortfallNotByTime() {
        // 合格率 ≥ 95%: 90% falls 5.26% short of it, whatever the time of year
        IndicatorLight rate = of("≥95%", "90%", null, new BigDecimal("10"));
        assertThat(rate.light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(rate.progress()).isNull();
        assertThat(rate.behind()).isEqualByComparingTo("5.26");
        assertThat(of("≥95%", "96%", null, new BigDecimal("99")).light()).isEqualTo(TrafficLight.GREEN);
        assertThat(of("≥95%", "85%", null, HALF_YEAR).light()).isEqualTo(TrafficLight.RED);
        // an upper bound: 投诉率 ≤ 5%, at 5.4% it is 8% over, yellow; met, green
        assertThat(of("≤5%", "5.4%", null, HALF_YEAR).light()).isEqualTo(TrafficLight.YELLOW);
        assertThat(of("≤5%", "3%", null, HALF_YEAR).light()).isEqualTo(TrafficLight.GREEN);
        // a ceiling of 0 that is broken has no rate to measure: red
        assertThat(of("0次", "1次", null, HALF_YEAR).light()).isEqualTo(TrafficLight.RED);
    }

    @Test
    void aQualitativeTargetStandsAsJudged() {
        assertThat(of("有效提升", "有所提升", Achievement.ACHIEVED, HALF_YEAR).light()).isEqualTo(TrafficLight.GREEN);
        assertThat(of("有效提升", "有所提升", Achievement.PARTIALLY_ACHIEVED, HALF_YEAR).light())
                .isEqualTo(TrafficLight.YELLOW);
        assertThat(of("有效提升", "未提升", Achievement.NOT_ACHIEVED, HALF_YEAR).light()).isEqualTo(TrafficLight.RED);
        IndicatorLight unjudged = of("有效提升", "有所提升", null, HALF_YEAR);
        assertThat(unjudged.light()).isNull();
        assertThat(unjudged.basis()).contains("judgement");
    }

    @Test
    void withoutACompletionThereIsNoLight() {
        IndicatorLight none = of("≥1000人次", null, null, HALF_YEAR);
        assertThat(none.light()).isNull();
        assertThat(none.basis()).isEqualTo("no completion recorded");
    }

    @Test
    void financesThresholdsDecide() {
        MonitoringThresholds strict = new MonitoringThresholds(new Percentage(BigDecimal.ONE),
                new Percentage(new BigDecimal("2.5")));
        assertThat(strict.light(new BigDecimal("1"))).isEqualTo(TrafficLight.GREEN);
        assertThat(strict.light(new BigDecimal("1.01"))).isEqualTo(TrafficLight.YELLOW);
        assertThat(strict.light(new BigDecimal("2.51"))).isEqualTo(TrafficLight.RED);
        assertThat(IndicatorLight.of(TargetParser.parse("≥1000人次"), TargetParser.parse("480人次"), null,
                HALF_YEAR, strict).light()).isEqualTo(TrafficLight.YELLOW);
    }
}
