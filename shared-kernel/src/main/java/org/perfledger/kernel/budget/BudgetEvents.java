package org.perfledger.kernel.budget;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/**
 * The budget of a plan: 年初预算 by funding source, adjustments to 调整后预算, funds received (到位) and spending (执行).
 * Every event that changes a total carries the total before and after, so each figure traces to the event behind it.
 */
public final class BudgetEvents {

    private BudgetEvents() {
    }

    /**
     * The initial appropriation (年初预算) was set.
     *
     * @param sources by funding source; they sum to {@code total}
     * @param classes for a department-wide plan, the split 人员经费 / 公用经费 / 项目支出 (summing to {@code total}), or empty
     * @param unstated true where the plan's documents state no budget at all (天心 2020's report prints its spending
     *                 only): no sources, a total of 0 that is not a budget of 0, and no 执行率 to compute. Absent in
     *                 events stored before it existed, where it is false.
     */
    @EventType(name = "BudgetOpened", version = 1)
    public record BudgetOpened(PlanId plan, Map<FundingSource, WanYuan> sources, Map<ExpenditureClass, WanYuan> classes,
                               WanYuan total, boolean unstated) implements PlanEvent {

        public BudgetOpened {
            Objects.requireNonNull(plan, "plan");
            sources = Collections.unmodifiableMap(new TreeMap<>(sources));
            classes = Collections.unmodifiableMap(new TreeMap<>(classes));
            Objects.requireNonNull(total, "total");
        }

        public BudgetOpened(PlanId plan, Map<FundingSource, WanYuan> sources, Map<ExpenditureClass, WanYuan> classes,
                            WanYuan total) {
            this(plan, sources, classes, total, false);
        }
    }

    /**
     * The budget was adjusted (追加 / 调减 / 上级转移支付 / 结转) by {@code amount}, from {@code from} to {@code to}.
     *
     * @param number          1 for the plan's first adjustment, and so on
     * @param amount          the size of the change, always positive; the kind says its direction
     * @param expenditureClass which part of a department-wide budget changes, or null (a project's is all 项目支出)
     * @param parts           the items it is made of where the documents itemise it (they add up to {@code amount}),
     *                        else empty; since version 2
     */
    @EventType(name = "BudgetAdjusted", version = 2)
    public record BudgetAdjusted(PlanId plan, int number, AdjustmentKind kind, FundingSource source,
                                 ExpenditureClass expenditureClass, WanYuan amount, WanYuan from, WanYuan to,
                                 String reason, DocumentNumber documentNumber, LocalDate date,
                                 List<AdjustmentPart> parts) implements PlanEvent {

        /** An adjustment not itemised. */
        public BudgetAdjusted(PlanId plan, int number, AdjustmentKind kind, FundingSource source,
                              ExpenditureClass expenditureClass, WanYuan amount, WanYuan from, WanYuan to,
                              String reason, DocumentNumber documentNumber, LocalDate date) {
            this(plan, number, kind, source, expenditureClass, amount, from, to, reason, documentNumber, date,
                    List.of());
        }

        public BudgetAdjusted {
            parts = parts == null ? List.of() : List.copyOf(parts);
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(documentNumber, "documentNumber");
            // date: null where the documents date the adjustment nowhere (东湖 2018's reports, 如皋 2023's table)
        }
    }

    /**
     * An adjustment the documents name without its amount (蔡甸 2020: 压减 of four projects' funds under
     * 《区财政局关于应对疫情影响平衡公共预算收支的工作方案》, no sum given). It is kept as they state it and changes no
     * figure, since none is printed: the figures stand as the documents print them.
     *
     * @param items     what it touched, as the documents name them (may be empty)
     * @param authority the document it rests on as named (a 文号 or a title), or null where none is named
     * @param date      null where the documents date it nowhere
     */
    @EventType(name = "BudgetAdjustmentNoted", version = 1)
    public record BudgetAdjustmentNoted(PlanId plan, AdjustmentKind kind, List<String> items, String reason,
                                        String authority, LocalDate date) implements PlanEvent {

        public BudgetAdjustmentNoted {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    /**
     * Money arrived (资金到位). {@code receivedTotal} is the year's total after it. {@code date}: null where the source
     * states none (a year's total from a self-evaluation table).
     */
    @EventType(name = "FundsReceived", version = 1)
    public record FundsReceived(PlanId plan, WanYuan amount, FundingSource source, LocalDate date, String note,
                                WanYuan receivedTotal) implements PlanEvent {

        public FundsReceived {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(receivedTotal, "receivedTotal");
        }
    }

    /**
     * Money was spent (执行). {@code executedTotal} is the year's spending after it; {@code overBudget} says it now
     * exceeds the adjusted budget, which is allowed (the seeds show 121%) but flagged.
     *
     * @param line the 项目支出明细 line it is charged to, or null
     * @param date when, or null where the source states no date (a year's total from a self-evaluation table)
     */
    @EventType(name = "ExpenditureRecorded", version = 1)
    public record ExpenditureRecorded(PlanId plan, WanYuan amount, LocalDate date, ExpenditureClass expenditureClass,
                                      String line, String description, String voucher, WanYuan executedTotal,
                                      WanYuan budget, boolean overBudget) implements PlanEvent {

        public ExpenditureRecorded {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(expenditureClass, "expenditureClass");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(executedTotal, "executedTotal");
            Objects.requireNonNull(budget, "budget");
        }
    }

    /**
     * Spending recorded in error was taken back (红字冲销) by {@code amount}, against the voucher of the original entry.
     * {@code executedTotal} is the year's spending after it.
     */
    @EventType(name = "ExpenditureCorrected", version = 1)
    public record ExpenditureCorrected(PlanId plan, WanYuan amount, LocalDate date, ExpenditureClass expenditureClass,
                                       String line, String reason, String originalVoucher, WanYuan executedTotal,
                                       WanYuan budget, boolean overBudget) implements PlanEvent {

        public ExpenditureCorrected {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(expenditureClass, "expenditureClass");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(originalVoucher, "originalVoucher");
            Objects.requireNonNull(executedTotal, "executedTotal");
            Objects.requireNonNull(budget, "budget");
        }
    }

    /**
     * What was spent from each funding source (决算 by 资金来源), as the documents print it (如皋 2023: 一般公共预算财政拨款
     * 14962.36, 政府性基金预算 1140.04); a later statement replaces the earlier one. {@code total} is their sum and
     * {@code executed} the plan's 执行数 when it was stated: where the two differ the documents' figures are kept as
     * printed, and the views say so.
     */
    @EventType(name = "SpendingBySourceStated", version = 1)
    public record SpendingBySourceStated(PlanId plan, Map<FundingSource, WanYuan> bySource, WanYuan total,
                                         WanYuan executed) implements PlanEvent {

        public SpendingBySourceStated {
            Objects.requireNonNull(plan, "plan");
            bySource = Collections.unmodifiableMap(new TreeMap<>(bySource));
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(executed, "executed");
        }
    }

    /** The 项目支出明细 was set; its lines sum to the budget as it stood ({@code total}). */
    @EventType(name = "BudgetLinesSet", version = 1)
    public record BudgetLinesSet(PlanId plan, List<BudgetLine> lines, WanYuan total) implements PlanEvent {

        public BudgetLinesSet {
            Objects.requireNonNull(plan, "plan");
            lines = List.copyOf(lines);
            Objects.requireNonNull(total, "total");
        }
    }
}
