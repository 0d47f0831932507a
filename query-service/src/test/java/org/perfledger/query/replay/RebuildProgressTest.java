package org.perfledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A rebuild's rate and time left, as its status shows them. */
class RebuildProgressTest {

    @Test
    void theRateIsEventsPerSecondSoFarAndTheTimeLeftFollowsFromIt() {
        BigDecimal rate = ReadModelRebuilds.rate(250_000, Duration.ofMillis(2_500));
        assertThat(rate).isEqualByComparingTo("100000");
        assertThat(ReadModelRebuilds.secondsLeft(250_000, 1_000_000, rate)).isEqualTo(8);
        // rounded up: a second and a bit is two seconds
        assertThat(ReadModelRebuilds.secondsLeft(250_000, 360_001, rate)).isEqualTo(2);
        assertThat(ReadModelRebuilds.secondsLeft(1_000_000, 1_000_000, rate)).isZero();
    }

    @Test
    void beforeAnythingIsReplayedThereIsNoTimeLeftToTell() {
        BigDecimal rate = ReadModelRebuilds.rate(0, Duration.ZERO);
        assertThat(rate).isZero();
        assertThat(ReadModelRebuilds.secondsLeft(0, 1_000_000, rate)).isNull();
    }
}
