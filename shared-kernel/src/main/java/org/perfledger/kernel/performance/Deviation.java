package org.perfledger.kernel.performance;

import java.math.BigDecimal;
import java.util.Objects;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.TargetValue.Compound;
import org.perfledger.kernel.performance.TargetValue.Qualitative;
import org.perfledger.kernel.performance.TargetValue.Quantity;

/**
 * Whether an actual value meets its target, and by how much it is off (偏差率 = actual / target − 1, unrounded).
 *
 * @param rate null when there is no rate: a qualitative target, a target of zero, or values that cannot be compared
 * @param reason why the outcome is {@link Outcome#UNKNOWN}, or null
 */
public record Deviation(Outcome outcome, Percentage rate, String reason) {

    public enum Outcome { MET, NOT_MET, UNKNOWN }

    /** How far an indicator may be off its target without a 偏差原因 where district finance sets no margin: 10%. */
    public static final Percentage DEFAULT_MARGIN = new Percentage(BigDecimal.TEN);

    public Deviation {
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * @param actual      the latest completion, or null if none was recorded
     * @param achievement the department's judgement of a qualitative target at that completion, or null
     */
    public static Deviation of(TargetValue target, TargetValue actual, Achievement achievement) {
        if (actual == null) {
            return new Deviation(Outcome.UNKNOWN, null, "no completion recorded");
        }
        if (target instanceof Qualitative statement) {
            if (achievement != null) {
                return new Deviation(achievement == Achievement.ACHIEVED ? Outcome.MET : Outcome.NOT_MET, null, null);
            }
            if (actual instanceof Qualitative said && said.statement().equals(statement.statement())) {
                return new Deviation(Outcome.MET, null, null);
            }
            return new Deviation(Outcome.UNKNOWN, null, "a qualitative target needs a judgement (达成 / 部分达成 / 未达成)");
        }
        if (target instanceof Quantity wanted && actual instanceof Quantity got) {
            if (wanted.percent() != got.percent()) {
                return new Deviation(Outcome.UNKNOWN, null, "the target is " + (wanted.percent() ? "" : "not ")
                        + "a percentage but the actual is " + (got.percent() ? "" : "not ") + "one");
            }
            return compare(wanted.comparator(), wanted.value(), got.value());
        }
        if (target instanceof Compound wanted && actual instanceof Compound got) {
            if (wanted.parts().size() != got.parts().size()) {
                return new Deviation(Outcome.UNKNOWN, null, "the target has " + wanted.parts().size()
                        + " parts but the actual " + got.parts().size());
            }
            Deviation worst = null;
            for (int i = 0; i < wanted.parts().size(); i++) {
                Deviation part = compare(Comparator.AT_LEAST, wanted.parts().get(i), got.parts().get(i));
                if (worst == null || part.outcome() == Outcome.NOT_MET && worst.outcome() == Outcome.MET
                        || part.outcome() == worst.outcome() && larger(part.rate(), worst.rate())) {
                    worst = part;
                }
            }
            return worst;
        }
        return new Deviation(Outcome.UNKNOWN, null, "the actual value is not of the target's kind");
    }

    /** Whether the indicator needs a deviation reason: not met, not known, or off by more than the margin. */
    public boolean needsReason(Percentage margin) {
        return outcome != Outcome.MET || rate != null && rate.value().abs().compareTo(margin.value()) > 0;
    }

    private static Deviation compare(Comparator comparator, BigDecimal target, BigDecimal actual) {
        int order = actual.compareTo(target);
        boolean met = switch (comparator) {
            case AT_LEAST -> order >= 0;
            case MORE_THAN -> order > 0;
            case AT_MOST -> order <= 0;
            case LESS_THAN -> order < 0;
            case EQUAL, ABOUT -> order == 0;
        };
        if (target.signum() == 0) {
            return new Deviation(met ? Outcome.MET : Outcome.NOT_MET, null, null);
        }
        Percentage rate = Percentage.ofRatio(actual.subtract(target), target);
        if (comparator == Comparator.ABOUT) {
            met = true; // 左右: judged by the margin, through the rate
        }
        return new Deviation(met ? Outcome.MET : Outcome.NOT_MET, rate, null);
    }

    private static boolean larger(Percentage a, Percentage b) {
        return a != null && (b == null || a.value().abs().compareTo(b.value().abs()) > 0);
    }

}
