package org.perfledger.command.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The write path: the command bus handles each command on its caller's thread, as Axon's autoconfiguration would,
 * but with {@link GroupCommit} as its transaction manager; the storage engine holds appended events for the group
 * ({@link GroupedAppends}) and otherwise is Axon's JDBC engine. The group's writer has connections of its own: two,
 * so a broken one is replaced without waiting.
 */
@Configuration(proxyBeanMethods = false)
class WritePathConfiguration {

    static final int WRITER_CONNECTIONS = 2;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          EventSchema eventSchema) {
        return new GroupedAppends(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .build());
    }

    @Bean
    GroupCommit groupCommit(DataSource dataSource, MeterRegistry registry, Serializer defaultSerializer,
                            @Qualifier("eventSerializer") Serializer eventSerializer,
                            PersistenceExceptionResolver persistenceExceptionResolver, EventSchema eventSchema)
            throws SQLException {
        HikariDataSource writer = writerPool(dataSource.unwrap(HikariDataSource.class));
        GroupWrites writes = groupWrites(writer, defaultSerializer, eventSerializer, persistenceExceptionResolver,
                eventSchema);
        return new GroupCommit(writes, registry, writer::close);
    }

    /** Axon's command bus ({@code AxonAutoConfiguration#commandBus}) with the group commit for transactions. */
    @Bean
    @Qualifier("localSegment")
    CommandBus commandBus(GroupCommit groupCommit, org.axonframework.config.Configuration axonConfiguration,
                          DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(groupCommit.transactions())
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }

    /** The group's writes on the given pool, its events appended by Axon's JDBC engine without transactions of its own. */
    static GroupWrites groupWrites(DataSource pool, Serializer snapshotSerializer, Serializer eventSerializer,
                                   PersistenceExceptionResolver persistenceExceptionResolver, EventSchema eventSchema) {
        return new GroupWrites(pool, (ConnectionProvider connections) -> JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .connectionProvider(connections)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(eventSchema)
                .build());
    }

    /** The main pool's settings (URL, schema, user, session setup), for the writer alone; opened on first use. */
    private static HikariDataSource writerPool(HikariDataSource main) {
        HikariDataSource writer = new HikariDataSource();
        main.copyStateTo(writer);
        Properties properties = new Properties();
        properties.putAll(main.getDataSourceProperties());
        // the group's events go in as one multi-row INSERT
        properties.setProperty("reWriteBatchedInserts", "true");
        writer.setDataSourceProperties(properties);
        writer.setPoolName("perfledger-group-commit");
        writer.setMaximumPoolSize(WRITER_CONNECTIONS);
        writer.setMinimumIdle(1);
        return writer;
    }
}
