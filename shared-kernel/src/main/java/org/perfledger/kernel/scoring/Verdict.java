package org.perfledger.kernel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A figure a department reported (得分, 执行率, 偏差率, 总分) held against the one PerfLedger recomputes.
 *
 * @param recomputed the recomputed value, unrounded, or null when it cannot be computed
 * @param rule       how it was recomputed, in words
 */
public record Verdict(Kind kind, BigDecimal reported, BigDecimal recomputed, String rule) {

    public enum Kind {
        /** The reported figure is the recomputed one rounded HALF_UP to the reported decimals. */
        REPRODUCED,
        /** Off by less than one unit of the last printed digit: rounded another way (e.g. truncated). */
        ROUNDING,
        /** Off by more than rounding explains. */
        DIFFERENT,
        /** PerfLedger cannot check it (the reason is in {@code rule}: not printed, derived from itself, no rule). */
        CANNOT_CHECK
    }

    public Verdict {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(rule, "rule");
    }

    /** Judges {@code reported} at the decimals it was printed with. */
    public static Verdict of(BigDecimal reported, BigDecimal recomputed, String rule) {
        if (recomputed == null) {
            return new Verdict(Kind.CANNOT_CHECK, reported, null, rule);
        }
        int decimals = Math.max(reported.scale(), 0);
        BigDecimal rounded = recomputed.setScale(decimals, RoundingMode.HALF_UP);
        if (rounded.compareTo(reported) == 0) {
            return new Verdict(Kind.REPRODUCED, reported, recomputed, rule);
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(decimals);
        Kind kind = recomputed.subtract(reported).abs().compareTo(unit) < 0 ? Kind.ROUNDING : Kind.DIFFERENT;
        return new Verdict(kind, reported, recomputed, rule);
    }

    /** The recomputed value at the reported decimals, HALF_UP, for showing beside the reported one. */
    public BigDecimal recomputedShown() {
        return recomputed == null ? null : recomputed.setScale(Math.max(reported.scale(), 0), RoundingMode.HALF_UP);
    }
}
