package org.perfledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A rebuild's rate and time left, as its status shows them. */
class RebuildProgressTest {

    @Test
    void theRateIsEventsPerSecondSoFarAndTheTimeLeftFollowsFromIt() {
        BigDecimal rate = RebuildProgress.rate(250_000, Duration.ofMillis(2_500));
        assertThat(rate).isEqualByComparingTo("100000");
        assertThat(RebuildProgress.secondsLeft(250_000, 1_000_000, rate)).isEqualTo(8);
        // rounded up: a second and a bit is two seconds
        assertThat(RebuildProgress.secondsLeft(250_000, 360_001, rate)).isEqualTo(2);
        assertThat(RebuildProgress.secondsLeft(1_000_000, 1_000_000, rate)).isZero();
    }

    @Test
    void beforeAnythingIsReplayedThereIsNoTimeLeftToTell() {
        BigDecimal rate = RebuildProgress.rate(0, Duration.ZERO);
        assertThat(rate).isZero();
        assertThat(RebuildProgress.secondsLeft(0, 1_000_000, rate)).isNull();
    }
}
