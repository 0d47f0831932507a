package org.perfledger.command.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.ScratchDirectories;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.library.IndicatorLibrary;
import org.perfledger.command.results.Proposals;
import org.perfledger.command.calendar.ReportingCalendars;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.plan.AnnualPlan;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.plan.PlanCommands.ApproveTargets;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.command.scoring.ScoringSchemes;
import org.perfledger.infra.bench.ClosedLoop;
import org.perfledger.infra.embedded.PostgresServer;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanId;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The reference for PerfLedger's command throughput: the same aggregate ({@code AnnualPlan}) and the same command
 * ({@code RecordExpenditure}) through a plain Axon setup with its defaults (simple command bus, JDBC storage engine
 * with its own schema, no aggregate cache, no snapshots), sent through Axon's command gateway in process, on a durable
 * PostgreSQL of the same build and settings as the platform's benchmark (fsync and synchronous commit on). The only
 * departure from the defaults: Jackson as the serializer (Axon's XStream refuses the kernel's records). 1, 8 and 32
 * threads, each on a plan of its own, three runs of ten seconds each. Writes
 * {@code command-service/target/benchmarks/plain-axon.json}, which the benchmark report sets beside PerfLedger's.
 */
@Tag("benchmark")
class PlainAxonBenchmark {

    private static final int[] CLIENTS = {1, 8, 32};
    private static final int RUNS = 3;
    private static final Duration RUN = Duration.ofSeconds(10);

    @Test
    void recordExpenditureThroughPlainAxon() throws Exception {
        Path data = ScratchDirectories.create("perfledger-plain-axon");
        try (PostgresServer postgres = PostgresServer.start(data, 0, true)) {
            postgres.createDatabaseIfMissing("plainaxon");
            HikariConfig pool = new HikariConfig();
            pool.setJdbcUrl(postgres.jdbcUrl("plainaxon"));
            pool.setUsername(PostgresServer.USER);
            pool.setMaximumPoolSize(40);
            try (HikariDataSource dataSource = new HikariDataSource(pool)) {
                TransactionManager transactions = new SpringTransactionManager(
                        new DataSourceTransactionManager(dataSource));
                JacksonSerializer serializer = JacksonSerializer.builder()
                        .objectMapper(EventEnvelopeCodec.mapper().copy()).build();
                JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                        .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                                new SpringDataSourceConnectionProvider(dataSource)))
                        .transactionManager(transactions)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .build();
                engine.createSchema(PostgresEventTableFactory.INSTANCE);
                Configuration axon = DefaultConfigurer.defaultConfiguration()
                        .configureSerializer(c -> serializer)
                        .configureTransactionManager(c -> transactions)
                        .configureEmbeddedEventStore(c -> engine)
                        // the one thing every setup of this aggregate needs: commands name their plan by its id
                        .configureAggregate(AggregateConfigurer.defaultConfiguration(AnnualPlan.class)
                                .configureCommandTargetResolver(c -> command -> new VersionedAggregateIdentifier(
                                        ((PlanCommand) command.getPayload()).plan().aggregateId(), null)))
                        .registerComponent(DepartmentDirectory.class, c -> department -> { })
                        .registerComponent(ReportingCalendars.class, c -> new ReportingCalendars() {
                            @Override
                            public Optional<org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod>
                                    monitoringPeriod(org.perfledger.kernel.organisation.DistrictId district,
                                                     FiscalYear year, String period) {
                                return Optional.empty();
                            }

                            @Override
                            public Percentage deviationMargin(org.perfledger.kernel.organisation.DistrictId district,
                                                              FiscalYear year) {
                                return new Percentage(java.math.BigDecimal.TEN);
                            }
                        })
                        .registerComponent(ScoringSchemes.class, c -> (district, year, kind) -> null)
                        // the benchmark's plans start afresh: no library indicator, no result of a year before
                        .registerComponent(IndicatorLibrary.class, c -> (district, code) -> Optional.empty())
                        .registerComponent(Proposals.class, c -> plan -> Optional.empty())
                        .buildConfiguration();
                axon.start();
                try {
                    write(measureAll(axon.commandGateway()));
                } finally {
                    axon.shutdown();
                }
            }
        }
    }

    private static ArrayNode measureAll(CommandGateway gateway) throws InterruptedException {
        ObjectMapper json = new ObjectMapper();
        ArrayNode levels = json.createArrayNode();
        // warm up the JIT, the pool and PostgreSQL
        run(gateway, plans(gateway, 8), Duration.ofSeconds(5));
        for (int clients : CLIENTS) {
            List<PlanId> plans = plans(gateway, clients);
            ObjectNode level = levels.addObject();
            level.put("clients", clients);
            ArrayNode runs = level.putArray("runs");
            for (int r = 0; r < RUNS; r++) {
                ClosedLoop.Figures figures = ClosedLoop.Figures.of(run(gateway, plans, RUN), RUN);
                runs.addObject().put("perSecond", figures.perSecond()).put("p50Ms", figures.p50Ms())
                        .put("p99Ms", figures.p99Ms());
            }
        }
        return levels;
    }

    /** Every client sends RecordExpenditure to its own plan as fast as it is answered, for the duration. */
    private static List<Long> run(CommandGateway gateway, List<PlanId> plans, Duration duration)
            throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        return ClosedLoop.run(plans, duration, 0, plan -> gateway.sendAndWait(new RecordExpenditure(plan,
                WanYuan.of("0.01"), LocalDate.of(2020, 1 + sent.getAndIncrement() % 12, 1),
                ExpenditureClass.PUBLIC_FUNDS, null, "日常公用", null, false, null)));
    }

    private static List<PlanId> plans(CommandGateway gateway, int count) {
        List<PlanId> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PlanId plan = PlanId.departmentWide(DepartmentId.of("bench", "d" + UUID.randomUUID().toString()
                    .substring(0, 8)), FiscalYear.of(2020));
            gateway.sendAndWait(new OpenBudget(plan, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET,
                    WanYuan.of("100000.00")), Map.of(), null));
            gateway.sendAndWait(new AddGoal(plan, "保障运转", null));
            gateway.sendAndWait(new SetAnnualTarget(plan, new IndicatorCode("B.1"), 1, IndicatorLevel1.OUTPUT,
                    IndicatorLevel2.QUANTITY, "抽检", Points.parse("10"), Target.parse("1000批次"), null));
            gateway.sendAndWait(new SubmitTargets(plan, null));
            gateway.sendAndWait(new ApproveTargets(plan, null, null));
            plans.add(plan);
        }
        return plans;
    }

    private static void write(ArrayNode levels) throws IOException {
        Path out = Path.of("target", "benchmarks", "plain-axon.json");
        Files.createDirectories(out.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), levels);
        System.out.println(levels.toPrettyString());
    }
}
