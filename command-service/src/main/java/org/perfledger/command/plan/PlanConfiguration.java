package org.perfledger.command.plan;

import java.time.Duration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps a plan with a long history as fast to command as a fresh one: loaded plans stay in a bounded cache
 * ({@code perfledger.plan-cache.maximum-size} plans, each let go after {@code perfledger.plan-cache.idle} unused), and
 * every {@value #SNAPSHOT_EVERY} events a snapshot bounds what a cold load must replay.
 *
 * <p>The cache assumes one command-service instance owns each plan; running several needs commands routed by plan
 * (Axon's distributed command bus does that by aggregate id) or the cache turned off.
 */
@Configuration(proxyBeanMethods = false)
class PlanConfiguration {

    static final int SNAPSHOT_EVERY = 100;

    @Bean
    Cache annualPlanCache(@Value("${perfledger.plan-cache.maximum-size:2000}") long maximumSize,
                          @Value("${perfledger.plan-cache.idle:30m}") Duration idle) {
        return new BoundedAggregateCache(maximumSize, idle);
    }

    @Bean
    SnapshotTriggerDefinition annualPlanSnapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, SNAPSHOT_EVERY);
    }

    /**
     * A plan's snapshot is read only in the layout the code holds ({@link AnnualPlan#SNAPSHOT_LAYOUT}); one of an
     * earlier layout is passed over and the plan is loaded from its events, and the next snapshot is of the new one.
     */
    @Bean
    SnapshotFilter annualPlanSnapshotFilter() {
        return snapshot -> AnnualPlan.SNAPSHOT_LAYOUT.equals(snapshot.getPayload().getType().getRevision());
    }
}
