package org.perfledger.query.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.perfledger.query.replay.ReadModelRebuilds.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The query service as a rebuild job (profile {@code rebuild}: the same jar, a process of its own, a Kubernetes Job in
 * the manifests): once started it rebuilds every read model on its own thread, to the end, and exits, so the memory a
 * rebuild needs is never the serving instances'. They go on answering from, and consuming into, the live tables; the
 * swap reaches them as a notification ({@link RemoteSwaps}).
 *
 * <p>Its status as the rebuild API gives it (phases and their seconds, events, workers, the comparison) is written as
 * JSON to {@code perfledger.rebuild.report} when that names a file: {@code /dev/termination-log} in the Kubernetes job,
 * so {@code kubectl describe} shows how it went.
 *
 * <p>Exit status: 0 when the read models were rebuilt (and swapped, or found equal when only checking), 3 when a check
 * without swapping found differences (as {@code ./perfledger rebuild --check}), 1 when the rebuild failed or another was running.
 */
@Component
@ConditionalOnProperty(name = "perfledger.rebuild.job", havingValue = "true")
class RebuildJob {

    private static final Logger log = LoggerFactory.getLogger(RebuildJob.class);

    private final ReadModelRebuilds rebuilds;
    private final ConfigurableApplicationContext context;
    private final boolean swap;
    private final String report;
    private final ObjectMapper json;

    RebuildJob(ReadModelRebuilds rebuilds, ConfigurableApplicationContext context, ObjectMapper json,
               @Value("${perfledger.rebuild.swap:true}") boolean swap,
               @Value("${perfledger.rebuild.report:}") String report) {
        this.rebuilds = rebuilds;
        this.context = context;
        this.json = json;
        this.swap = swap;
        this.report = report;
    }

    @EventListener(ApplicationReadyEvent.class)
    void run() {
        int status = exitStatus();
        System.exit(SpringApplication.exit(context, () -> status));
    }

    private int exitStatus() {
        try {
            Status done = rebuilds.runHere(swap, "rebuild-job");
            report(done);
            if (done.error() != null) {
                log.error("The rebuild job failed: {}", done.error());
                return 1;
            }
            boolean equal = done.comparison() == null || done.comparison().equal();
            log.info("The rebuild job replayed {} events in {} s: {}", done.applied(),
                    Duration.between(done.startedAt(), done.finishedAt()).toSeconds(),
                    swap ? "swapped in" : equal ? "equal to the live read models" : "DIFFERENT from the live ones");
            return swap || equal ? 0 : 3;
        } catch (RuntimeException e) {
            log.error("The rebuild job could not run", e);
            return 1;
        }
    }

    private void report(Status done) {
        if (report.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(report), json.writeValueAsString(done));
        } catch (IOException | RuntimeException e) {
            log.warn("Could not write the rebuild's report to {}", report, e);
        }
    }
}
