package org.perfledger.command.budget;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.AdjustmentPart;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;

/** Commands on a plan's budget. */
public final class BudgetCommands {

    private BudgetCommands() {
    }

    /**
     * Set the initial appropriation (年初预算) by funding source; for a department-wide plan optionally also split into
     * 人员经费 / 公用经费 / 项目支出.
     */
    @SentBy({Role.DEPARTMENT_EDITOR, Role.DISTRICT_FINANCE})
    public record OpenBudget(PlanId plan, Map<FundingSource, WanYuan> sources, Map<ExpenditureClass, WanYuan> classes,
                             boolean unstated, Long expectedVersion) implements PlanCommand {

        public OpenBudget {
            sources = Map.copyOf(sources);
            classes = Map.copyOf(classes);
        }

        public OpenBudget(PlanId plan, Map<FundingSource, WanYuan> sources, Map<ExpenditureClass, WanYuan> classes,
                          Long expectedVersion) {
            this(plan, sources, classes, false, expectedVersion);
        }
    }

    /**
     * Adjust the budget: 追加 / 上级转移支付 / 结转 add {@code amount}, 调减 takes it away.
     *
     * @param source           where the money comes from or goes back to, or null for the kind's usual source
     * @param expenditureClass for a department-wide plan, which part changes, or null
     */
    @SentBy(Role.DISTRICT_FINANCE)
    public record AdjustBudget(PlanId plan, AdjustmentKind kind, WanYuan amount, FundingSource source,
                               ExpenditureClass expenditureClass, String reason, DocumentNumber documentNumber,
                               LocalDate date, List<AdjustmentPart> parts, Long expectedVersion)
            implements PlanCommand {

        public AdjustBudget {
            parts = parts == null ? List.of() : List.copyOf(parts);
        }

        /** An adjustment not itemised. */
        public AdjustBudget(PlanId plan, AdjustmentKind kind, WanYuan amount, FundingSource source,
                            ExpenditureClass expenditureClass, String reason, DocumentNumber documentNumber,
                            LocalDate date, Long expectedVersion) {
            this(plan, kind, amount, source, expenditureClass, reason, documentNumber, date, List.of(),
                    expectedVersion);
        }
    }

    /**
     * Keep an adjustment the documents name without its amount (压减 of named projects' funds, no sum printed): it
     * changes no figure.
     *
     * @param items     what it touched, as named (may be empty)
     * @param authority the document it rests on as named (a 文号 or a title), or null
     * @param date      null where the documents date it nowhere
     */
    @SentBy(Role.DISTRICT_FINANCE)
    public record NoteBudgetAdjustment(PlanId plan, AdjustmentKind kind, List<String> items, String reason,
                                       String authority, LocalDate date, Long expectedVersion) implements PlanCommand {

        public NoteBudgetAdjustment {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * State what was spent from each funding source (决算 by 资金来源), as the documents print it; a later statement
     * replaces the earlier one.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record StateSpendingBySource(PlanId plan, Map<FundingSource, WanYuan> bySource, Long expectedVersion)
            implements PlanCommand {

        public StateSpendingBySource {
            bySource = bySource == null ? Map.of() : Map.copyOf(bySource);
        }
    }

    /** Record money that arrived (资金到位). */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record RecordFundsReceived(PlanId plan, WanYuan amount, FundingSource source, LocalDate date, String note,
                                      Long expectedVersion) implements PlanCommand {
    }

    /**
     * Record spending (执行).
     *
     * @param expenditureClass required for a department-wide plan; a project's spending is 项目支出
     * @param line             the 项目支出明细 line it is charged to, or null
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record RecordExpenditure(PlanId plan, WanYuan amount, LocalDate date, ExpenditureClass expenditureClass,
                                    String line, String description, String voucher, boolean overBudgetConfirmed,
                                    Long expectedVersion)
            implements PlanCommand {
    }

    /**
     * Take back spending recorded in error (红字冲销): {@code amount} comes off the year's spending, and off the class
     * and line it was charged to, which must have spent at least that much.
     */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record CorrectExpenditure(PlanId plan, WanYuan amount, LocalDate date, ExpenditureClass expenditureClass,
                                     String line, String reason, String originalVoucher, Long expectedVersion)
            implements PlanCommand {
    }

    /** Set the 项目支出明细; the lines must sum to the budget as it stands. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record SetBudgetLines(PlanId plan, List<BudgetLine> lines, Long expectedVersion) implements PlanCommand {

        public SetBudgetLines {
            lines = List.copyOf(lines);
        }
    }
}
