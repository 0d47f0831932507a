package org.perfledger.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The relay's waits between looks: for a nudge, for its own commands, for a holder that never nudges. */
class RelayWaitsTest {

    private static final RelayProperties PROPERTIES = new RelayProperties("t", 12, (short) 1, 500,
            Duration.ofMillis(200), Duration.ofMillis(2), Duration.ofMillis(100), Duration.ofSeconds(20),
            Duration.ofSeconds(5));

    @Test
    void nothingHeldWaitsForANudgeUpToThePollInterval() {
        assertThat(new RelayWaits(PROPERTIES).after(false)).isEqualTo(200);
    }

    @Test
    void aHolderThatNeverNudgesIsLookedForEverySettleIntervalThenLessOften() throws Exception {
        RelayWaits waits = new RelayWaits(PROPERTIES);
        assertThat(waits.after(true)).isEqualTo(2);
        assertThat(waits.after(true)).isEqualTo(2);
        Thread.sleep(130);
        // held for 130 ms, past the 100 ms patience: half of that, until the poll interval
        assertThat(waits.after(true)).isBetween(65L, 200L);
        // a round that sent a full batch, or found nothing held, ends the hold
        waits.flowing();
        assertThat(waits.after(true)).isEqualTo(2);
    }

    @Test
    void whileItsOwnCommandsRunItWaitsForThemToEnd() {
        RelayWaits waits = new RelayWaits(PROPERTIES);
        waits.writing();
        assertThat(waits.after(true)).isEqualTo(RelayWaits.LOCAL_WAIT.toMillis());
        waits.written();
        assertThat(waits.after(true)).isEqualTo(2);
    }
}
