package org.perfledger.command.platform;

import java.util.Optional;
import java.util.function.Function;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads another aggregate from the event store within the unit of work of the command that asks: how a command
 * checks a fact that lives elsewhere (a registered district, a finance calendar, a scheme version).
 */
public final class EventSourcedLookup {

    private EventSourcedLookup() {
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
