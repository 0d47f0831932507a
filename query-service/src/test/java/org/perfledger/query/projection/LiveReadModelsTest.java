package org.perfledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.TestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The live path loads a batch's rows without locking them and locks the streams' positions only to write: a batch
 * whose streams another consumer moved in between (two instances during a rebalance) is refused as a transient
 * conflict and comes again, never written over what the other wrote.
 */
@SpringBootTest(properties = {"spring.config.name=query-service", "spring.kafka.listener.auto-startup=false"})
class LiveReadModelsTest {

    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("live");

    @Autowired
    LiveReadModels models;
    @Autowired
    ProjectionApplier applier;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, DATABASE, "perfledger.events.live-" + UUID.randomUUID());
    }

    @Test
    void aBatchWhoseStreamsMovedSinceItWasLoadedComesAgain() {
        List<DecodedEvent> first = EveryKindOfEvent.events().stream().limit(2).map(DecodedEvent::of).toList();
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            LiveReadModels.Loaded loaded = models.load(first);
            first.forEach(loaded.model()::apply);
            other.executeWithoutResult(meanwhile -> applier.replay(first)); // another consumer, committed
            models.write(loaded);
        })).isInstanceOf(ConcurrencyFailureException.class).hasMessageContaining("comes again");
        // what the other consumer wrote stands, once
        assertThat(jdbc.queryForObject("SELECT count(*) FROM district WHERE district = 'caidian'", Long.class))
                .isEqualTo(1);
        // and the batch, coming again, finds its events already applied
        outer.executeWithoutResult(status -> applier.replay(first));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM department WHERE district = 'caidian'", Long.class))
                .isEqualTo(1);
    }
}
