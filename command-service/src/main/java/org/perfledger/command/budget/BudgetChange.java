package org.perfledger.command.budget;

import org.perfledger.kernel.money.WanYuan;

/** What a budget command did: the amount before and after, and the budget's version after it. */
public record BudgetChange(WanYuan from, WanYuan to, long version) {
}
