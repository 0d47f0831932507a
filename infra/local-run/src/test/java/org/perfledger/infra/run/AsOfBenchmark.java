package org.perfledger.infra.run;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How fast a view comes back as it stood at an instant, for a department with ten years of history (2011–2020, a
 * department-wide plan and five projects a year, each through its year: budget, goals, ten indicators, approval,
 * forty expenditures, a completion per indicator, an adjustment and the close; the last year still in execution). Measured over HTTP, as a browser
 * asks: the live dashboard for reference, the dashboard of one year as of an instant in its middle (replays that
 * department-year), and year over year as of that instant (replays all ten years). Writes
 * {@code infra/local-run/target/benchmarks/as-of.md}. Run with {@code ./perfledger bench}.
 */
@Tag("benchmark")
class AsOfBenchmark {

    private static final String DEPARTMENT = "/api/v1/districts/rugao/departments/tenyears";
    private static final int YEARS = 10;
    private static final int PROJECTS = 5;
    private static final int INDICATORS = 10;
    private static final int EXPENDITURES = 40;
    private static final int SAMPLES = 30;

    @Test
    void asOfViewsOverTenYearsOfHistory() throws Exception {
        LocalPlatform platform = LaunchedPlatform.get();
        PlatformClient client = new PlatformClient(platform);
        client.send("POST", "/api/v1/districts/rugao/departments", "{\"departmentId\":\"tenyears\",\"name\":\"十年局\"}");
        Instant middle = null;
        long commands = 0;
        long loading = System.nanoTime();
        for (int year = 2011; year < 2011 + YEARS; year++) {
            for (String kind : List.of("project", "department-wide")) {
                client.send("PUT", "/api/v1/districts/rugao/years/" + year + "/scoring-schemes/" + kind,
                        SeedDataset.read("003-qiaokou-2020.json").get("schemes").get(kind).toString());
            }
            List<String> plans = new ArrayList<>(List.of(DEPARTMENT + "/years/" + year + "/department"));
            for (int p = 1; p <= PROJECTS; p++) {
                client.send("POST", DEPARTMENT + "/years/" + year + "/projects", "{\"code\":\"P" + p + "\",\"name\":\"项目"
                        + p + "\",\"implementingUnits\":[\"十年局\"],\"category\":\"部门预算项目\",\"attribute\":\"持续性项目\","
                        + "\"type\":\"常年性项目\",\"financeDesk\":\"行政政法科\"}");
                plans.add(DEPARTMENT + "/years/" + year + "/projects/P" + p);
            }
            for (String plan : plans) {
                commands += year(client, plan, year);
            }
            if (year == 2011 + YEARS - 1) {
                middle = Instant.now();
            }
        }
        // one more change after the instant measured, so the as-of views differ from the live ones
        client.send("POST", DEPARTMENT + "/years/2020/department/budget/adjustments", "{\"kind\":\"追加\","
                + "\"amount\":\"1.00\",\"reason\":\"基准测试\",\"documentNumber\":\"测〔2020〕1号\",\"date\":\"2020-12-30\"}");
        double loadSeconds = (System.nanoTime() - loading) / 1e9;
        String dashboard = DEPARTMENT + "/years/2020/dashboard";
        await().atMost(Duration.ofMinutes(2)).until(() -> client.read(dashboard).get("plans").get(0)
                .get("adjustedBudget").asText().endsWith("1.00"));
        String at = URLEncoder.encode(middle.toString(), StandardCharsets.UTF_8);

        List<String> rows = new ArrayList<>();
        rows.add(row("live department dashboard, one year", measure(platform, client, dashboard)));
        rows.add(row("department dashboard of 2020 as of an instant", measure(platform, client, dashboard + "?at=" + at)));
        rows.add(row("year over year (ten years) as of an instant", measure(platform, client,
                DEPARTMENT + "/years?at=" + at)));
        rows.add(row("what changed on the 2020 dashboard since an instant", measure(platform, client,
                dashboard + "/changes?from=" + at)));

        Path out = Path.of("target", "benchmarks", "as-of.md");
        Files.createDirectories(out.getParent());
        String report = "# Views as of an instant over ten years of history\n\n"
                + String.format(Locale.ROOT, "One department, %d years × %d plans (%d commands, about %d events), "
                        + "loaded over HTTP in %.0f s. %d requests per view after %d warm-ups.%n%n", YEARS,
                PROJECTS + 1, commands, commands * 11 / 10, loadSeconds, SAMPLES, 5)
                + "| view | min ms | p50 ms | p99 ms | max ms |\n| --- | ---: | ---: | ---: | ---: |\n"
                + String.join("\n", rows) + "\n";
        Files.writeString(out, report);
        System.out.println(report);
    }

    /** One plan through its year; answers the commands sent. */
    private static int year(PlatformClient client, String plan, int year) {
        int sent = 0;
        client.send("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"1000.00\"}}");
        for (int goal = 1; goal <= 2; goal++) {
            client.send("POST", plan + "/goals", "{\"text\":\"年度目标" + goal + "\"}");
        }
        for (int i = 1; i <= INDICATORS; i++) {
            client.send("PUT", plan + "/indicators/I" + i, "{\"goal\":" + (1 + i % 2) + ",\"level1\":\"产出指标\","
                    + "\"level2\":\"数量指标\",\"name\":\"指标" + i + "\",\"weight\":\"8\",\"target\":\"100批次\"}");
        }
        client.send("POST", plan + "/targets/submission", null);
        client.send("POST", plan + "/targets/approval", null);
        for (int i = 0; i < EXPENDITURES; i++) {
            client.send("POST", plan + "/budget/expenditures", "{\"amount\":\"20.00\",\"date\":\"" + year + "-"
                    + String.format("%02d", 1 + i % 12) + "-15\",\"expenditureClass\":\"项目支出\",\"description\":\"支出\"}");
        }
        for (int i = 1; i <= INDICATORS; i++) {
            client.send("POST", plan + "/indicators/I" + i + "/completions", "{\"value\":\"" + (90 + i) + "批次\","
                    + "\"asOf\":\"" + year + "-12-20\"}");
        }
        client.send("POST", plan + "/budget/adjustments", "{\"kind\":\"调减\",\"amount\":\"100.00\",\"reason\":\"按决算数调整\","
                + "\"documentNumber\":\"测〔" + year + "〕8号\",\"date\":\"" + year + "-12-25\"}");
        sent += 1 + 2 + INDICATORS + 2 + EXPENDITURES + INDICATORS + 1;
        if (year < 2011 + YEARS - 1) {
            client.send("POST", plan + "/closure", null);
            sent++;
        }
        return sent;
    }

    private static List<Double> measure(LocalPlatform platform, PlatformClient client, String path) throws IOException {
        String token = platform.tokenFor(path, "bench");
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 5 + SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.get(platform.queryUrl() + path, token);
            double took = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IOException(path + " → " + response.statusCode() + " " + response.body());
            }
            if (i >= 5) {
                millis.add(took);
            }
        }
        Collections.sort(millis);
        return millis;
    }

    private static String row(String view, List<Double> sorted) {
        return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f |", view, sorted.get(0),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                sorted.get(sorted.size() - 1));
    }
}
