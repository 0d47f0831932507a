package org.perfledger.kernel.warning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.performance.Comparator;
import org.perfledger.kernel.performance.TargetValue.Qualitative;
import org.perfledger.kernel.performance.TargetValue.Quantity;

/**
 * An indicator's light during the year, from its progress towards the target against the time elapsed.
 * <ul>
 *   <li>A count to reach (a quantity, not a percentage, "at least" or "more than" a positive target: 培训人次 ≥ 1000)
 *       is cumulative: its progress is actual ÷ target (at most 100%), and it is behind by 时间进度 − that progress,
 *       in percentage points.</li>
 *   <li>A level to hold (a rate such as 合格率 ≥ 95%, an upper bound such as 投诉率 ≤ 5%, 左右, several parts) is not
 *       reached little by little: it is behind by how far the latest actual falls short of the target, in percent of
 *       the target (the 偏差率's size), and not behind when met. A target of 0 that is not met is 红灯.</li>
 *   <li>A qualitative target stands as the department last judged it: 达成 绿灯, 部分达成 黄灯, 未达成 红灯.</li>
 * </ul>
 * Without a completion, or where actual and target cannot be compared, there is no light, and {@code basis} says why.
 *
 * @param progress actual ÷ target of a count to reach, rounded to two decimals; null otherwise
 * @param behind   percentage points behind (negative: ahead), rounded to two decimals; null without a figure
 */
public record IndicatorLight(TrafficLight light, BigDecimal progress, BigDecimal behind, String basis) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * @param elapsed the share of the year elapsed (时间进度), in percent, unrounded
     */
    public static IndicatorLight of(TargetValue target, TargetValue actual, Achievement achievement,
                                       BigDecimal elapsed, MonitoringThresholds thresholds) {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(thresholds, "thresholds");
        if (actual == null) {
            return new IndicatorLight(null, null, null, "no completion recorded");
        }
        if (target instanceof Qualitative) {
            if (achievement == null) {
                Deviation deviation = Deviation.of(target, actual, null);
                return deviation.outcome() == Deviation.Outcome.MET
                        ? new IndicatorLight(TrafficLight.GREEN, null, null, "达成")
                        : new IndicatorLight(null, null, null, deviation.reason());
            }
            return new IndicatorLight(switch (achievement) {
                case ACHIEVED -> TrafficLight.GREEN;
                case PARTIALLY_ACHIEVED -> TrafficLight.YELLOW;
                case NOT_ACHIEVED -> TrafficLight.RED;
            }, null, null, achievement.label());
        }
        if (target instanceof Quantity wanted && actual instanceof Quantity got && toReach(wanted)
                && !got.percent()) {
            BigDecimal progress = Percentage.ofRatio(got.value(), wanted.value()).value().min(HUNDRED);
            BigDecimal behind = elapsed.subtract(progress);
            return new IndicatorLight(thresholds.light(behind), round(progress), round(behind),
                    "完成进度 " + round(progress).toPlainString() + "% against 时间进度 " + round(elapsed).toPlainString()
                            + "%");
        }
        Deviation deviation = Deviation.of(target, actual, achievement);
        if (deviation.outcome() == Deviation.Outcome.UNKNOWN) {
            return new IndicatorLight(null, null, null, deviation.reason());
        }
        if (deviation.rate() == null) {
            return deviation.outcome() == Deviation.Outcome.MET
                    ? new IndicatorLight(TrafficLight.GREEN, null, null, "met")
                    : new IndicatorLight(TrafficLight.RED, null, null, "not met");
        }
        boolean held = deviation.outcome() == Deviation.Outcome.MET
                && !(target instanceof Quantity quantity && quantity.comparator() == Comparator.ABOUT);
        BigDecimal behind = held ? BigDecimal.ZERO : deviation.rate().value().abs();
        return new IndicatorLight(thresholds.light(behind), null, round(behind),
                (held ? "met" : "偏差率 " + deviation.rate().rounded(2).toPlainString() + "%"));
    }

    private static boolean toReach(Quantity target) {
        return (target.comparator() == Comparator.AT_LEAST || target.comparator() == Comparator.MORE_THAN)
                && !target.percent() && target.value().signum() > 0;
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
