package org.perfledger.query.replay;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** A rebuild's progress, written by the worker and read by status requests, with its rate and the time left. */
final class RebuildProgress {

    final String id;
    final boolean swap;
    final String requestedBy;
    final Instant startedAt = Instant.now();
    volatile String phase = "queued";
    volatile long applied;
    volatile long total;
    volatile Instant finishedAt;
    volatile String error;
    volatile ReadModelComparison.Comparison comparison;

    RebuildProgress(String id, boolean swap, String requestedBy) {
        this.id = id;
        this.swap = swap;
        this.requestedBy = requestedBy;
    }

    void phase(String phase) {
        this.phase = phase;
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
        phase = failure == null ? "done" : "failed";
        finishedAt = Instant.now();
    }

    ReadModelRebuilds.Status status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        BigDecimal rate = rate(applied, Duration.between(startedAt, end));
        Long left = finishedAt != null ? null : secondsLeft(applied, total, rate);
        String state = finishedAt == null ? "running" : error == null ? "done" : "failed";
        return new ReadModelRebuilds.Status(id, swap, requestedBy, state, phase, applied, total, rate, left, startedAt,
                finishedAt, error, comparison);
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
