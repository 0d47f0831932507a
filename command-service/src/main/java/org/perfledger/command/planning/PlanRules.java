package org.perfledger.command.planning;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.PlanPhase;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * The rules every part of a plan holds its commands to: the phase an action needs, dates within the fiscal year,
 * texts within their bounds, amounts positive or not negative, running totals within what the ledger holds, and rates
 * as the tables print them. Each refusal names its field and a stable code.
 */
public final class PlanRules {

    private PlanRules() {
    }

    public static void requirePhase(PlanPhase phase, String action, PlanPhase... allowed) {
        if (Arrays.asList(allowed).contains(phase)) {
            return;
        }
        throw new DomainRejection(Kind.CONFLICT, "plan.phase", null, "cannot " + action + ": the plan is "
                + phase.label() + " (" + phase + "); that is possible only when it is "
                + Arrays.stream(allowed).map(p -> p.label() + " (" + p + ")").collect(Collectors.joining(" or ")));
    }

    public static void requireInYear(PlanId plan, String field, LocalDate date) {
        if (date == null) {
            throw new DomainRejection(Kind.RULE, "date.required", field, field + " is required");
        }
        if (!plan.year().contains(date)) {
            throw new DomainRejection(Kind.RULE, "date.outside-year", field, field + " must fall within the fiscal "
                    + "year " + plan.year() + " (" + plan.year().firstDay() + " to " + plan.year().lastDay()
                    + "), got " + date);
        }
    }

    /** A date the source may leave unstated (null): where there is one, it falls within the fiscal year. */
    public static void requireInYearWhereDated(PlanId plan, String field, LocalDate date) {
        if (date != null) {
            requireInYear(plan, field, date);
        }
    }

    public static String text(String field, String value, int maxLength) {
        try {
            return Checks.requireText(value, field, maxLength);
        } catch (InvalidValueException e) {
            throw DomainRejection.brokenRule(field, e);
        }
    }

    public static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isEmpty() ? null : text(field, value, maxLength);
    }

    public static void positive(String field, WanYuan amount) {
        if (amount == null || amount.isNegative() || amount.isZero()) {
            throw new DomainRejection(Kind.RULE, "money.positive", field, field + " must be more than 0");
        }
    }

    public static void nonNegative(String field, WanYuan amount) {
        if (amount == null || amount.isNegative()) {
            throw new DomainRejection(Kind.RULE, "money.non-negative", field, field + " must not be negative");
        }
    }

    public static WanYuan sum(String field, Collection<WanYuan> amounts) {
        WanYuan total = WanYuan.ZERO;
        for (WanYuan amount : amounts) {
            total = total(field, total, amount);
        }
        return total;
    }

    /** A running total that must stay an amount the ledger can hold (13 integer digits), or the command is refused. */
    public static WanYuan total(String field, WanYuan sofar, WanYuan amount) {
        try {
            return sofar.plus(amount);
        } catch (InvalidValueException e) {
            throw new DomainRejection(Kind.RULE, "money.total-range", field, "adding " + amount + " to " + sofar
                    + " would leave the range of amounts in 万元 (at most " + WanYuan.MAX_INTEGER_DIGITS
                    + " integer digits)");
        }
    }

    /** 执行率 / 到位率 as the tables print them, or null when the budget is 0 (flagged, not 100%). */
    public static String rate(WanYuan part, WanYuan whole) {
        return whole.isZero() ? null : Percentage.ofRatio(part, whole).rounded(2).toPlainString();
    }
}
