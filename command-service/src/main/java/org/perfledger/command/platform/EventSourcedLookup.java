package org.perfledger.command.platform;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads another aggregate from the event store within the unit of work of the command that asks: how a command
 * checks a fact that lives elsewhere (a registered district, a finance calendar, a scheme version).
 *
 * <p>The aggregates read this way are reference data many commands consult and few change, so they are locked
 * optimistically ({@link #OPTIMISTIC_LOCKING}): a lookup takes no lock, and of two concurrent changes to one of them the
 * second is refused by the event store's unique sequence (409). With Axon's default, a pessimistic lock held until the
 * command commits, every command of a district would wait for the one before it to commit (each consults the district),
 * and none could share a group commit.
 */
public final class EventSourcedLookup {

    /** The bean name of the lock factory of aggregates consulted by other commands: {@link NullLockFactory}. */
    public static final String OPTIMISTIC_LOCKING = "optimisticLocking";

    private EventSourcedLookup() {
    }

    @Configuration(proxyBeanMethods = false)
    static class Locking {

        @Bean(OPTIMISTIC_LOCKING)
        LockFactory optimisticLocking() {
            return NullLockFactory.INSTANCE;
        }
    }

    /** What {@code read} answers of the aggregate, or empty if no such aggregate exists. */
    public static <T, R> Optional<R> find(Repository<T> repository, String aggregateId, Function<T, R> read) {
        try {
            return Optional.ofNullable(repository.load(aggregateId).invoke(read));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }
}
