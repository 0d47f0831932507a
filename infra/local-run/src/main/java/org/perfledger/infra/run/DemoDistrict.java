package org.perfledger.infra.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demo district through the public command API, as a department would: the market-supervision bureaus of
 * the seed documents with their budgets as opened at the start of the year. Loading again changes nothing (a 409
 * means the step was done before).
 *
 * <p>Figures: seed 000 (武汉市蔡甸区市场监督管理局 2020, 预算数 6352.76), seed 003 (硚口区市场监督管理局 2020).
 */
public final class DemoDistrict {

    private static final Logger log = LoggerFactory.getLogger(DemoDistrict.class);

    private record Step(String path, String body) {
    }

    private static final List<Step> STEPS = List.of(
            new Step("/api/v1/districts/caidian/departments",
                    "{\"departmentId\":\"scjgj\",\"name\":\"武汉市蔡甸区市场监督管理局\"}"),
            new Step("/api/v1/districts/caidian/departments/scjgj/budgets/2020", "{\"initialAmount\":\"6352.76\"}"),
            new Step("/api/v1/districts/qiaokou/departments",
                    "{\"departmentId\":\"scjgj\",\"name\":\"武汉市硚口区市场监督管理局\"}"));

    private final String commandUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    public DemoDistrict(String commandUrl) {
        this.commandUrl = commandUrl;
    }

    public void load() {
        for (Step step : STEPS) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(commandUrl + step.path()))
                        .header("Content-Type", "application/json")
                        .header("X-Actor", "demo-loader")
                        .POST(HttpRequest.BodyPublishers.ofString(step.body())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 201 && response.statusCode() != 409) {
                    throw new IllegalStateException("demo step " + step.path() + " failed: " + response.statusCode()
                            + " " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("demo step " + step.path() + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.info("Demo district loaded: caidian/scjgj with its 2020 budget of 6352.76 万元, qiaokou/scjgj");
    }
}
