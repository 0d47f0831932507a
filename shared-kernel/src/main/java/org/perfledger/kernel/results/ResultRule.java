package org.perfledger.kernel.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Labelled;

/**
 * What finance does with a grade: an action, and for 压减 the share cut (more than 0, less than 100 percent).
 *
 * @param share the share 压减 cuts, or null for every other action
 */
public record ResultRule(ResultAction action, Percentage share) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ResultRule {
        Objects.requireNonNull(action, "action");
        if (action == ResultAction.REDUCE) {
            if (share == null || share.value().signum() <= 0 || share.value().compareTo(HUNDRED) >= 0
                    || share.value().stripTrailingZeros().scale() > 2) {
                throw new InvalidValueException("results.share", "压减 cuts a share of more than 0 and less than 100 "
                        + "percent, with at most two decimals; got " + (share == null ? "none" : share.toPlainString()));
            }
        } else if (share != null) {
            throw new InvalidValueException("results.share", action.label() + " cuts no share; got "
                    + share.toPlainString());
        }
    }

    /**
     * Next year's money for a plan whose budget this year was {@code base}: the base kept, the base less the share
     * (rounded HALF_UP to 分, once), or nothing.
     */
    public WanYuan proposed(WanYuan base) {
        return switch (action) {
            case PRIORITISE, AS_NEEDED -> base;
            case REDUCE -> new WanYuan(base.amount().multiply(HUNDRED.subtract(share.value()))
                    .divide(HUNDRED, WanYuan.SCALE, RoundingMode.HALF_UP));
            case CANCEL, SUSPEND -> WanYuan.ZERO;
        };
    }

    private static final Pattern WRITTEN = Pattern.compile("\\s*([^\\s\\d%]+)\\s*(\\d{1,3}(?:\\.\\d{1,2})?)?\\s*%?\\s*");

    /** A rule as written: an action by label or code, and for 压减 its share ("压减 10%", "压减10", "REDUCE 10"). */
    public static ResultRule parse(String text) {
        Matcher written = WRITTEN.matcher(text == null ? "" : text);
        if (text == null || text.length() > 40 || !written.matches()) {
            throw new InvalidValueException("results.rule", "a rule is an action (优先保障, 据实安排, 压减, 取消, 暂停), "
                    + "for 压减 with its share, e.g. 压减 10%; got '" + (text == null ? "" : text.length() > 40
                    ? text.substring(0, 40) + "…" : text) + "'");
        }
        ResultAction action = Labelled.parse(ResultAction.class, written.group(1), "results.rule", "action");
        return new ResultRule(action, written.group(2) == null ? null : new Percentage(new BigDecimal(written.group(2))));
    }

    /** In words: 压减 10%, 优先保障. */
    public String describe() {
        return action.label() + (share == null ? "" : " " + share.toPlainString() + "%");
    }
}
