package org.perfledger.query.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rebuild's progress, written by the worker and read by status requests, with its rate and the time left. */
final class RebuildProgress {

    final String id;
    final boolean swap;
    final String requestedBy;
    final int workers;
    final Instant startedAt = Instant.now();
    /** When each phase began, in the order they ran; the last is the phase it is in. */
    private final Map<String, Instant> phaseStarts = Collections.synchronizedMap(new LinkedHashMap<>());
    volatile long applied;
    volatile long total;
    volatile Instant finishedAt;
    volatile String error;
    volatile ReadModelComparison.Comparison comparison;

    RebuildProgress(String id, boolean swap, String requestedBy, int workers) {
        this.id = id;
        this.swap = swap;
        this.requestedBy = requestedBy;
        this.workers = workers;
        phase("queued");
    }

    void phase(String phase) {
        phaseStarts.put(phase, Instant.now());
    }

    void applied(int more) {
        appliedTo(applied + more);
    }

    void appliedTo(long count) {
        applied = count;
        total = Math.max(total, applied);
    }

    void finish(String failure) {
        error = failure;
        finishedAt = Instant.now();
        phase(failure == null ? "done" : "failed");
    }

    ReadModelRebuilds.Status status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        BigDecimal rate = rate(applied, Duration.between(startedAt, end));
        Long left = finishedAt != null ? null : secondsLeft(applied, total, rate);
        String state = finishedAt == null ? "running" : error == null ? "done" : "failed";
        return new ReadModelRebuilds.Status(id, swap, requestedBy, workers, state, phase(), applied, total, rate, left,
                startedAt, finishedAt, phaseSeconds(), error, comparison);
    }

    /** The phase it is in: the last one begun. */
    String phase() {
        synchronized (phaseStarts) {
            String current = null;
            for (String phase : phaseStarts.keySet()) {
                current = phase;
            }
            return current;
        }
    }

    /** Seconds each phase took, to the millisecond, in the order they ran; the running one up to now. */
    Map<String, BigDecimal> phaseSeconds() {
        Map<String, BigDecimal> seconds = new LinkedHashMap<>();
        synchronized (phaseStarts) {
            Instant previous = null;
            String previousPhase = null;
            for (Map.Entry<String, Instant> start : phaseStarts.entrySet()) {
                if (previous != null) {
                    seconds.put(previousPhase, seconds(Duration.between(previous, start.getValue())));
                }
                previous = start.getValue();
                previousPhase = start.getKey();
            }
            if (previous != null && finishedAt == null) {
                seconds.put(previousPhase, seconds(Duration.between(previous, Instant.now())));
            }
        }
        return seconds;
    }

    private static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.toMillis()).movePointLeft(3);
    }

    /** Events per second so far. */
    static BigDecimal rate(long applied, Duration elapsed) {
        long millis = Math.max(1, elapsed.toMillis());
        return BigDecimal.valueOf(applied).multiply(BigDecimal.valueOf(1000)).divide(BigDecimal.valueOf(millis), 0,
                RoundingMode.HALF_UP);
    }

    /** Seconds left at the rate so far, rounded up; null before there is a rate. */
    static Long secondsLeft(long applied, long total, BigDecimal rate) {
        if (rate.signum() == 0) {
            return null;
        }
        return BigDecimal.valueOf(Math.max(0, total - applied)).divide(rate, 0, RoundingMode.UP).longValue();
    }
}
