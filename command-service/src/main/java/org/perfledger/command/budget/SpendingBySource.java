package org.perfledger.command.budget;

import static org.perfledger.command.planning.PlanRules.nonNegative;
import static org.perfledger.command.planning.PlanRules.sum;

import org.perfledger.command.budget.BudgetCommands.StateSpendingBySource;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;

/**
 * What was spent from each funding source (决算 by 资金来源), as the documents print it. Spending is recorded by
 * expenditure class; where the documents print it by source too, it is stated here as a whole, never split out of the
 * recorded spending by a guess. At least one source, none below 0, on an opened budget. Whether the sources add up to
 * the 执行数 is not refused: the documents' figures are kept as printed, the event records both, and the views check
 * the sum.
 */
public final class SpendingBySource {

    private SpendingBySource() {
    }

    public static SpendingBySourceStated stated(PlanId plan, StateSpendingBySource command, PlanBudget budget) {
        budget.requireOpened("state the spending by funding source");
        if (command.bySource().isEmpty()) {
            throw new DomainRejection(Kind.RULE, "spending-by-source.empty", "bySource", "state the spending of at "
                    + "least one funding source, e.g. {\"一般公共预算财政拨款\": \"14962.36\"}");
        }
        command.bySource().forEach((source, amount) -> nonNegative("bySource." + source.name(), amount));
        WanYuan total = sum("bySource", command.bySource().values());
        return new SpendingBySourceStated(plan, command.bySource(), total, budget.executed());
    }
}
