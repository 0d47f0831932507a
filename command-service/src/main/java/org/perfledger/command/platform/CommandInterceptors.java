package org.perfledger.command.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.perfledger.command.eventstore.IdempotencyClaim;
import org.perfledger.command.relay.EventRelay;
import org.perfledger.kernel.event.EventMetadata;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every command goes through on the command bus: a guard that its metadata is complete and names the command's
 * own district, the {@code perfledger.commands} meter by type and outcome, a nudge to the relay once its events are
 * committed, and at-most-once handling of requests sent with an {@code Idempotency-Key}.
 */
@Configuration(proxyBeanMethods = false)
class CommandInterceptors {

    CommandInterceptors(CommandBus commandBus, MeterRegistry registry, ObjectProvider<EventRelay> relay,
                        JdbcTemplate jdbc) {
        commandBus.registerDispatchInterceptor(metadataGuard());
        commandBus.registerHandlerInterceptor(new Metered(registry, relay));
        // The key is claimed in the command's group transaction, so it commits with the events.
        commandBus.registerHandlerInterceptor(new IdempotentCommands(jdbc));
    }

    static MessageDispatchInterceptor<CommandMessage<?>> metadataGuard() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, message) -> {
                    for (String key : EventMetadata.REQUIRED) {
                        Object value = message.getMetaData().get(key);
                        if (value == null || value.toString().isBlank()) {
                            throw new IllegalStateException("command " + message.getCommandName()
                                    + " dispatched without '" + key + "' metadata");
                        }
                    }
                    if (message.getPayload() instanceof DistrictCommand command && !Objects.equals(
                            command.district().value(), message.getMetaData().get(EventMetadata.DISTRICT))) {
                        throw new IllegalStateException("command " + message.getCommandName()
                                + " names another district than its metadata");
                    }
                    return message;
                };
            }
        };
    }

    private record Metered(MeterRegistry registry, ObjectProvider<EventRelay> relay)
            implements MessageHandlerInterceptor<CommandMessage<?>> {

        @Override
        public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                throws Exception {
            String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
            Timer.Sample sample = Timer.start(registry);
            unitOfWork.afterCommit(u -> sample.stop(timer(type, "accepted")));
            // committed or rolled back, the relay is told (it waits for this instance's running commands, not polls)
            EventRelay running = relay.getIfAvailable();
            if (running != null) {
                running.writing();
                unitOfWork.onCleanup(u -> running.written());
            }
            unitOfWork.onRollback(u -> sample.stop(timer(type,
                    outcome(u.getExecutionResult() == null ? null : u.getExecutionResult().getExceptionResult()))));
            return chain.proceed();
        }

        private Timer timer(String type, String outcome) {
            return Timer.builder("perfledger.commands")
                    .description("Commands handled, by type and outcome")
                    .tag("type", type)
                    .tag("outcome", outcome)
                    .register(registry);
        }

        private static String outcome(Throwable failure) {
            if (failure instanceof DomainRejection rejection) {
                return switch (rejection.kind()) {
                    case NOT_FOUND -> "not-found";
                    case FORBIDDEN -> "forbidden";
                    case CONFLICT -> "conflict";
                    case RULE -> "rejected";
                };
            }
            if (failure instanceof ConcurrencyException || failure instanceof ConflictingModificationException) {
                return "conflict";
            }
            if (failure instanceof AggregateNotFoundException) {
                return "not-found";
            }
            if (failure instanceof IdempotencyClaim.AnsweredBefore) {
                return "answered-before";
            }
            return "error";
        }
    }
}
