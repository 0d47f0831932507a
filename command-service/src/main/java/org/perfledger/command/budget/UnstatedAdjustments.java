package org.perfledger.command.budget;

import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.requireInYearWhereDated;
import static org.perfledger.command.planning.PlanRules.text;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.perfledger.command.budget.BudgetCommands.NoteBudgetAdjustment;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjustmentNoted;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.plan.PlanId;

/**
 * An adjustment whose documents name it without its amount (蔡甸 2020's 压减 of four projects' funds): kept with what it
 * touched, why and on what authority, and no figure changed, since none is printed. Its items are named at most
 * {@value #MAX_ITEMS} times, each once.
 */
final class UnstatedAdjustments {

    static final int MAX_ITEMS = 50;

    private UnstatedAdjustments() {
    }

    static BudgetAdjustmentNoted noted(PlanId plan, NoteBudgetAdjustment command) {
        String reason = text("reason", command.reason(), PlanLimits.MAX_REASON);
        String authority = optionalText("authority", command.authority(), PlanLimits.MAX_REASON);
        requireInYearWhereDated(plan, "date", command.date());
        List<String> items = command.items();
        if (items.size() > MAX_ITEMS) {
            throw new DomainRejection(Kind.RULE, "adjustment.items-count", "items", "an adjustment names at most "
                    + MAX_ITEMS + " items, not " + items.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String item = text("items[" + i + "]", items.get(i), BudgetLine.MAX_NAME_LENGTH);
            if (!seen.add(item)) {
                throw new DomainRejection(Kind.RULE, "adjustment.item-duplicate", "items[" + i + "]",
                        "'" + item + "' is named twice");
            }
        }
        return new BudgetAdjustmentNoted(plan, command.kind(), items, reason, authority, command.date());
    }
}
