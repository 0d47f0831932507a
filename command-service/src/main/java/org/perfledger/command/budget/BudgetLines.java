package org.perfledger.command.budget;

import static org.perfledger.command.planning.PlanRules.nonNegative;
import static org.perfledger.command.planning.PlanRules.sum;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.money.WanYuan;

/**
 * The 项目支出明细 as a rule: 1 to {@value PlanLimits#MAX_LIST} lines, each named once and none below 0, adding up
 * to the budget when they are set and still when the year closes; spending charged to a line names one of them.
 */
final class BudgetLines {

    private BudgetLines() {
    }

    /** The lines' total, once they are shown to be a 明细 of {@code budget}. */
    static WanYuan checked(List<BudgetLine> lines, WanYuan budget) {
        if (lines.isEmpty() || lines.size() > PlanLimits.MAX_LIST) {
            throw new DomainRejection(Kind.RULE, "budget.lines-count", "lines",
                    "the 项目支出明细 has 1 to " + PlanLimits.MAX_LIST + " lines");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            BudgetLine line = lines.get(i);
            nonNegative("lines[" + i + "].amount", line.amount());
            if (!names.add(line.name())) {
                throw new DomainRejection(Kind.RULE, "budget.lines-duplicate", "lines[" + i + "].name",
                        "the line '" + line.name() + "' is listed twice");
            }
        }
        WanYuan total = total(lines);
        if (!total.equals(budget)) {
            throw new DomainRejection(Kind.RULE, "budget.lines-sum", "lines", "the lines sum to " + total
                    + " but the budget is " + budget + "; the 项目支出明细 must add up to the budget");
        }
        return total;
    }

    /** A charge to {@code line} (null: to none) names a line of the 明细. */
    static void requireKnown(List<BudgetLine> lines, String line) {
        if (line != null && lines.stream().noneMatch(known -> known.name().equals(line))) {
            throw new DomainRejection(Kind.RULE, "expenditure.unknown-line", "line", "'" + line + "' is not a line "
                    + "of the 项目支出明细; the lines are " + lines.stream().map(BudgetLine::name).toList());
        }
    }

    /** The 明细 (if any) still adds up to the budget after its adjustments: what closing the year needs. */
    static void requireBalanced(List<BudgetLine> lines, WanYuan budget) {
        if (!lines.isEmpty() && !total(lines).equals(budget)) {
            throw new DomainRejection(Kind.RULE, "year.lines-unbalanced", "lines", "the 项目支出明细 sums to "
                    + total(lines) + " but the budget is now " + budget + "; set the lines again before closing");
        }
    }

    private static WanYuan total(List<BudgetLine> lines) {
        return sum("lines", lines.stream().map(BudgetLine::amount).toList());
    }
}
