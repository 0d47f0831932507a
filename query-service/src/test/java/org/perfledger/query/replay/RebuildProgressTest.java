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
    void eachPhaseKeepsItsSecondsInTheOrderTheyRanAndAFinishedRebuildHasNoRunningPhase() {
        RebuildProgress rebuild = new RebuildProgress("r", true, "admin", 4);
        rebuild.phase("preparing");
        rebuild.phase("replaying");
        assertThat(rebuild.phaseSeconds()).containsOnlyKeys("queued", "preparing", "replaying");
        rebuild.phase("writing");
        rebuild.finish(null);

        ReadModelRebuilds.Status status = rebuild.status();
        assertThat(status.workers()).isEqualTo(4);
        assertThat(status.phase()).isEqualTo("done");
        assertThat(status.phaseSeconds().keySet()).containsExactly("queued", "preparing", "replaying", "writing");
        assertThat(status.phaseSeconds().values()).allSatisfy(seconds -> assertThat(seconds).isNotNegative());
        assertThat(status.phaseSeconds().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isLessThanOrEqualTo(BigDecimal.valueOf(Duration.between(status.startedAt(), status.finishedAt())
                        .toMillis()).movePointLeft(3));
    }

    @Test
    void beforeAnythingIsReplayedThereIsNoTimeLeftToTell() {
        BigDecimal rate = RebuildProgress.rate(0, Duration.ZERO);
        assertThat(rate).isZero();
        assertThat(RebuildProgress.secondsLeft(0, 1_000_000, rate)).isNull();
    }
}
