package org.perfledger.kernel.budget;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * One item of an adjustment its documents itemise: 东湖 2018's "减少九峰所、豹澥所维修费 109.58 万元" is 九峰所维修费
 * 51.08 and 豹澥所维修费 58.50. The parts of an adjustment add up to its amount.
 *
 * @param name   what the part is, as the documents name it
 * @param amount its share of the adjustment, positive, in the adjustment's direction
 */
public record AdjustmentPart(String name, WanYuan amount) {

    /** The most parts one adjustment may have. */
    public static final int MAX_PARTS = 50;

    public AdjustmentPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
    }

    /**
     * An adjustment's parts as they may be: none (not itemised), or at most {@link #MAX_PARTS} positive amounts, no
     * name twice, adding up to the adjustment's {@code amount}.
     *
     * @throws InvalidValueException naming the rule broken
     */
    public static List<AdjustmentPart> check(List<AdjustmentPart> parts, WanYuan amount) {
        if (parts.isEmpty()) {
            return parts;
        }
        if (parts.size() > MAX_PARTS) {
            throw new InvalidValueException("adjustment.parts-count", "an adjustment has at most " + MAX_PARTS
                    + " parts, not " + parts.size());
        }
        WanYuan sum = WanYuan.ZERO;
        Set<String> named = new HashSet<>();
        for (AdjustmentPart part : parts) {
            if (part.amount().isZero() || part.amount().isNegative()) {
                throw new InvalidValueException("adjustment.part-positive", "part '" + part.name() + "' is "
                        + part.amount() + "; each part of an adjustment is more than 0 (the kind says its direction)");
            }
            if (!named.add(part.name())) {
                throw new InvalidValueException("adjustment.part-duplicate", "part '" + part.name()
                        + "' is named twice");
            }
            sum = sum.plus(part.amount());
        }
        if (sum.compareTo(amount) != 0) {
            throw new InvalidValueException("adjustment.parts-sum", "the parts add up to " + sum + " 万元, not to the "
                    + "adjustment's " + amount + " 万元");
        }
        return parts;
    }
}
