package org.perfledger.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two command-service instances on one real PostgreSQL server, as their relays' wakeups see it: the one that does
 * not lead announces its commands' endings, the leader hears them on its own connection and wakes its relay; the
 * leader announces nothing (its relay is woken in memory), and one that stops leading stops listening.
 */
class RelayWakeupsTest {

    private static DriverManagerDataSource database() {
        String url = TestInfrastructure.postgres().newDatabase("wakeups");
        return new DriverManagerDataSource(url, TestInfrastructure.postgres().username(),
                TestInfrastructure.postgres().password());
    }

    @Test
    void theLeaderIsWokenByTheCommandsOfAnInstanceThatDoesNotLead() throws Exception {
        DriverManagerDataSource database = database();
        Semaphore leaderWoken = new Semaphore(0);
        Semaphore otherWoken = new Semaphore(0);
        RelayWakeups leader = new RelayWakeups(database, leaderWoken::release);
        RelayWakeups other = new RelayWakeups(database, otherWoken::release);
        leader.start();
        other.start();
        try {
            leader.leading();
            // listening, it wakes its relay once for whatever committed before it listened
            assertThat(leaderWoken.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            leaderWoken.drainPermits();

            other.commandEnded();
            assertThat(leaderWoken.tryAcquire(10, TimeUnit.SECONDS)).as("woken by the other's commit").isTrue();

            // a notification from anything else on the channel (a script, an import elsewhere) wakes it the same way
            leaderWoken.drainPermits();
            try (Connection connection = database.getConnection(); Statement notify = connection.createStatement()) {
                notify.execute("NOTIFY " + RelayWakeups.CHANNEL);
            }
            assertThat(leaderWoken.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

            // the leader's own commands are not announced: nobody else listens, and its relay is nudged in memory
            leaderWoken.drainPermits();
            leader.commandEnded();
            assertThat(leaderWoken.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
            assertThat(otherWoken.availablePermits()).isZero();

            // no longer leading, it no longer listens
            leader.stopListening();
            leaderWoken.drainPermits();
            other.commandEnded();
            assertThat(leaderWoken.tryAcquire(1, TimeUnit.SECONDS)).isFalse();
        } finally {
            leader.stop();
            other.stop();
        }
    }
}
