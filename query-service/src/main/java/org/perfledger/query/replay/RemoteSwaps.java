package org.perfledger.query.replay;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.perfledger.infra.lifecycle.PostgresChannel;
import org.perfledger.query.replay.ReadModelRebuilds.ReadModelsRebuilding;
import org.perfledger.query.replay.ReadModelRebuilds.ReadModelsSwapped;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A rebuild another process ran (the rebuild job, another instance) swapped the read models in: what this instance
 * remembers of the views is let go and warmed again, as after a rebuild of its own. Swaps are announced on a
 * PostgreSQL channel as they commit ({@link ReadModelRebuilds#SWAPS}).
 */
@Component
class RemoteSwaps implements SmartLifecycle {

    private final PostgresChannel swaps;
    private final ReadModelRebuilds rebuilds;
    private final ApplicationEventPublisher publisher;
    private final Counter heard;

    RemoteSwaps(DataSource dataSource, ReadModelRebuilds rebuilds, ApplicationEventPublisher publisher,
                MeterRegistry registry) {
        this.swaps = new PostgresChannel(dataSource, ReadModelRebuilds.SWAPS);
        this.rebuilds = rebuilds;
        this.publisher = publisher;
        this.heard = Counter.builder("perfledger.rebuild.remote-swaps")
                .description("Swaps of the read models by a rebuild another process ran, heard by this instance")
                .register(registry);
    }

    @Override
    public void start() {
        swaps.listen(() -> { }, ids -> ids.stream().filter(id -> !rebuilds.ran(id)).distinct().forEach(id -> {
            heard.increment();
            publisher.publishEvent(new ReadModelsRebuilding(id));
            publisher.publishEvent(new ReadModelsSwapped(id));
        }));
    }

    @Override
    public void stop() {
        swaps.stop();
    }

    @Override
    public boolean isRunning() {
        return swaps.listening();
    }
}
