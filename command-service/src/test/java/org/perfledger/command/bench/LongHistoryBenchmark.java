package org.perfledger.command.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.department.RegisterDepartment;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.plan.PlanCommands.ApproveTargets;
import org.perfledger.command.plan.PlanCommands.SubmitTargets;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * How fast a plan takes a command as its year grows: RecordExpenditure on one department-wide plan when it holds
 * about 10, 1,000, 2,000 and 5,000 events, each measured warm (plan in the aggregate cache) and cold (cache emptied
 * before every command, so each load reads the latest snapshot and the events after it). Writes its table to
 * {@code command-service/target/benchmarks/long-history.md}. Run with {@code ./perfledger bench}.
 */
@Tag("benchmark")
class LongHistoryBenchmark extends CommandServiceTestBase {

    private static final int SAMPLE = 200;
    private static final int[] HISTORY = {10, 1_000, 2_000, 5_000};

    @Autowired
    CommandGateway gateway;

    @Autowired
    @Qualifier("annualPlanCache")
    Cache cache;

    private void send(Object command) {
        gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                EventMetadata.DISTRICT, "bench", EventMetadata.ACTOR, "bench",
                EventMetadata.CORRELATION_ID, UUID.randomUUID().toString())));
    }

    private RecordExpenditure spend(PlanId plan, int i) {
        return new RecordExpenditure(plan, WanYuan.of("0.01"), LocalDate.of(2020, 1 + i % 12, 1),
                ExpenditureClass.PUBLIC_FUNDS, null, "日常公用 " + i, null, false, null);
    }

    @Test
    void commandsPerSecondAsThePlanGrows() throws IOException {
        // Warm the JIT, connection pool and caches on a plan of its own first.
        PlanId warmUp = newPlan();
        measure(warmUp, 0, false);
        measure(warmUp, SAMPLE, true);

        PlanId plan = newPlan();
        int events = 6;
        int counter = 0;

        List<String> rows = new ArrayList<>();
        for (int history : HISTORY) {
            while (events < history) {
                send(spend(plan, counter++));
                events++;
            }
            double[] warm = measure(plan, counter, false);
            counter += SAMPLE;
            events += SAMPLE;
            double[] cold = measure(plan, counter, true);
            counter += SAMPLE;
            events += SAMPLE;
            rows.add(row(String.format("%,d", history), warm, cold));
        }
        PlanId fresh = newPlan();
        rows.add(row("6 (a fresh plan, measured last)", measure(fresh, 0, false), measure(fresh, SAMPLE, true)));

        Path out = Path.of("target/benchmarks/long-history.md");
        Files.createDirectories(out.getParent());
        String table = """
                | events in the plan | warm commands/s | warm p50 ms | warm p99 ms | cold commands/s | cold p50 ms | cold p99 ms |
                | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
                """ + String.join("\n", rows) + "\n";
        Files.writeString(out, table);
        System.out.println(table);
    }

    private static String row(String label, double[] warm, double[] cold) {
        return String.format("| %s | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f |", label, warm[0], warm[1], warm[2],
                cold[0], cold[1], cold[2]);
    }

    /** A department-wide plan in execution, 6 events long. */
    private PlanId newPlan() {
        DepartmentId department = DepartmentId.of("bench", "d" + UUID.randomUUID().toString().substring(0, 8));
        try {
            ensureDistrict("bench");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        send(new RegisterDepartment(department, "基准部门"));
        PlanId plan = PlanId.departmentWide(department, FiscalYear.of(2020));
        send(new OpenBudget(plan, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("100000.00")), Map.of(), null));
        send(new AddGoal(plan, "保障运转", null));
        send(new SetAnnualTarget(plan, new IndicatorCode("B.1"), 1, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY,
                "抽检", Points.parse("10"), Target.parse("1000批次"), null));
        send(new SubmitTargets(plan, null));
        send(new ApproveTargets(plan, null, null));
        return plan;
    }

    /** SAMPLE sequential commands; answers commands/s, p50 and p99 latency in ms. */
    private double[] measure(PlanId plan, int from, boolean cold) {
        long[] latencies = new long[SAMPLE];
        long start = System.nanoTime();
        for (int i = 0; i < SAMPLE; i++) {
            if (cold) {
                cache.removeAll();
            }
            long t = System.nanoTime();
            send(spend(plan, from + i));
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        return new double[] {SAMPLE / seconds, latencies[SAMPLE / 2] / 1e6, latencies[SAMPLE * 99 / 100] / 1e6};
    }
}
