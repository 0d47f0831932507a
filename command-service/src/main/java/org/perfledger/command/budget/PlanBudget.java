package org.perfledger.command.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.planning.PlanRules.nonNegative;
import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.positive;
import static org.perfledger.command.planning.PlanRules.rate;
import static org.perfledger.command.planning.PlanRules.requireInYear;
import static org.perfledger.command.planning.PlanRules.requireInYearWhereDated;
import static org.perfledger.command.planning.PlanRules.sum;
import static org.perfledger.command.planning.PlanRules.text;
import static org.perfledger.command.planning.PlanRules.total;

import org.perfledger.command.planning.PlanLimits;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.budget.BudgetCommands.AdjustBudget;
import org.perfledger.command.budget.BudgetCommands.CorrectExpenditure;
import org.perfledger.command.budget.BudgetCommands.NoteBudgetAdjustment;
import org.perfledger.command.budget.BudgetCommands.OpenBudget;
import org.perfledger.command.budget.BudgetCommands.RecordExpenditure;
import org.perfledger.command.budget.BudgetCommands.RecordFundsReceived;
import org.perfledger.command.budget.BudgetCommands.SetBudgetLines;
import org.perfledger.command.budget.BudgetCommands.StateSpendingBySource;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.AdjustmentPart;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanId;

/**
 * A plan's budget (an aggregate member of {@link AnnualPlan}): opened by funding source and class, adjusted under a
 * 文号, received, spent and corrected (红字冲销), with its 项目支出明细. It holds running totals only, so it stays small
 * however many payments the year brings. The plan checks the phase; this part checks the money.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanBudget {

    private boolean opened;
    /** The documents state no budget: spending is recorded against none (false in snapshots from before it). */
    private boolean unstated;
    private WanYuan initial = WanYuan.ZERO;
    private WanYuan adjusted = WanYuan.ZERO;
    private WanYuan received = WanYuan.ZERO;
    private WanYuan executed = WanYuan.ZERO;
    private int adjustments;
    private List<BudgetLine> lines = new ArrayList<>();
    /** Spending so far by expenditure class and by 项目支出明细 line: what a correction may take back. */
    private Map<ExpenditureClass, WanYuan> executedByClass = new TreeMap<>();
    /** The budget's split by expenditure class, which charges must follow. */
    private ClassSplit split = ClassSplit.NONE;
    private Map<String, WanYuan> executedByLine = new TreeMap<>();

    public boolean opened() {
        return opened;
    }

    /** Whether the documents state no budget: its figures are 0, not a budget of 0. */
    public boolean unstated() {
        return unstated;
    }

    public WanYuan initial() {
        return initial;
    }

    public WanYuan adjusted() {
        return adjusted;
    }

    public WanYuan received() {
        return received;
    }

    public WanYuan executed() {
        return executed;
    }

    public Object[] open(PlanId plan, OpenBudget command) {
        if (opened) {
            throw new DomainRejection(Kind.CONFLICT, "budget.already-opened", "sources", "the " + plan.year()
                    + " budget of " + plan + " is already open at " + initial + "; change it by adjustments");
        }
        if (command.unstated()) {
            // the documents state no budget (a narrative report of spending): nothing is made up for it
            if (!command.sources().isEmpty() || !command.classes().isEmpty()) {
                throw new DomainRejection(Kind.RULE, "budget.unstated-with-amounts", "unstated", "a budget the "
                        + "documents do not state has no sources or classes");
            }
            apply(new BudgetOpened(plan, Map.of(), Map.of(), WanYuan.ZERO, true));
            return new Object[] {"unstated", true};
        }
        if (command.sources().isEmpty()) {
            throw new DomainRejection(Kind.RULE, "budget.sources-required", "sources",
                    "the initial budget needs at least one funding source with its amount");
        }
        command.sources().forEach((source, amount) -> nonNegative("sources." + source.name(), amount));
        WanYuan total = sum("sources", command.sources().values());
        ClassSplit.opening(plan, command.classes(), total);
        apply(new BudgetOpened(plan, command.sources(), command.classes(), total));
        return new Object[] {"initialBudget", total};
    }

    @CommandHandler
    Object[] adjust(AdjustBudget command) {
        PlanId plan = command.plan();
        requireStated("adjust the budget");
        positive("amount", command.amount());
        String reason = text("reason", command.reason(), PlanLimits.MAX_REASON);
        // an adjustment whose documents date it nowhere keeps no date rather than a made-up one
        requireInYearWhereDated(plan, "date", command.date());
        ExpenditureClass type = split.classFor(plan, command.expenditureClass(), false);
        WanYuan from = adjusted;
        WanYuan to = command.kind().direction() > 0 ? total("amount", from, command.amount())
                : from.minus(command.amount());
        if (to.isNegative()) {
            throw new DomainRejection(Kind.RULE, "budget.negative", "amount", "调减 " + command.amount()
                    + " would take the budget of " + from + " below zero");
        }
        FundingSource source = command.source() != null ? command.source() : command.kind().defaultSource();
        List<AdjustmentPart> parts = DomainRejection.checked("parts",
                () -> AdjustmentPart.check(command.parts(), command.amount()));
        apply(new BudgetAdjusted(plan, adjustments + 1, command.kind(), source, type, command.amount(), from, to,
                reason, command.documentNumber(), command.date(), parts));
        return new Object[] {"number", adjustments, "kind", command.kind(), "from", from, "to", to};
    }

    /** 决算 by funding source, as printed (see {@link SpendingBySource}). */
    @CommandHandler
    Object[] stateBySource(StateSpendingBySource command) {
        SpendingBySourceStated stated = SpendingBySource.stated(command.plan(), command, this);
        apply(stated);
        return new Object[] {"total", stated.total(), "executed", stated.executed()};
    }

    /** An adjustment the documents name without its amount: kept, and no figure changed. */
    @CommandHandler
    Object[] note(NoteBudgetAdjustment command) {
        PlanId plan = command.plan();
        requireStated("note an adjustment");
        apply(UnstatedAdjustments.noted(plan, command));
        return new Object[] {"kind", command.kind(), "amount", "not printed"};
    }

    @CommandHandler
    Object[] receive(RecordFundsReceived command) {
        PlanId plan = command.plan();
        requireStated("record funds received");
        positive("amount", command.amount());
        requireInYearWhereDated(plan, "date", command.date()); // null: the source states no date
        String note = optionalText("note", command.note(), PlanLimits.MAX_REASON);
        FundingSource source = command.source() != null ? command.source() : FundingSource.GENERAL_PUBLIC_BUDGET;
        WanYuan total = total("amount", received, command.amount());
        apply(new FundsReceived(plan, command.amount(), source, command.date(), note, total));
        return new Object[] {"receivedTotal", total, "receiptRate", rate(total, adjusted)};
    }

    @CommandHandler
    Object[] spend(RecordExpenditure command) {
        PlanId plan = command.plan();
        positive("amount", command.amount());
        requireInYearWhereDated(plan, "date", command.date()); // null: the source states no date
        ExpenditureClass type = split.classFor(plan, command.expenditureClass(), true);
        BudgetLines.requireKnown(lines, command.line());
        String description = text("description", command.description(), PlanLimits.MAX_REASON);
        String voucher = optionalText("voucher", command.voucher(), PlanLimits.MAX_SHORT_TEXT);
        WanYuan total = total("amount", executed, command.amount());
        // with no budget stated there is none to pass
        boolean over = !unstated && total.compareTo(adjusted) > 0;
        if (over && !command.overBudgetConfirmed()) {
            // a slip of a digit is caught here; spending past the budget is recorded only when someone says so
            throw new DomainRejection(Kind.RULE, "expenditure.over-budget", "overBudgetConfirmed", "this expenditure "
                    + "takes spending to " + total + " 万元, past the budget of " + adjusted + " 万元"
                    + (adjusted.isZero() ? "" : " (执行率 " + rate(total, adjusted) + "%)")
                    + ": confirm it to record it");
        }
        apply(new ExpenditureRecorded(plan, command.amount(), command.date(), type, command.line(), description,
                voucher, total, adjusted, over));
        return new Object[] {"executedTotal", total, "budget", adjusted, "executionRate", rate(total, adjusted),
                "overBudget", over};
    }

    @CommandHandler
    Object[] correct(CorrectExpenditure command) {
        PlanId plan = command.plan();
        positive("amount", command.amount());
        requireInYear(plan, "date", command.date());
        ExpenditureClass type = split.classFor(plan, command.expenditureClass(), true);
        String reason = text("reason", command.reason(), PlanLimits.MAX_REASON);
        String voucher = text("originalVoucher", command.originalVoucher(), PlanLimits.MAX_SHORT_TEXT);
        WanYuan spentInClass = executedByClass.getOrDefault(type, WanYuan.ZERO);
        if (command.amount().compareTo(spentInClass) > 0) {
            throw new DomainRejection(Kind.RULE, "correction.more-than-spent", "amount", "only " + spentInClass
                    + " was spent as " + type.label() + "; a correction cannot take back " + command.amount());
        }
        if (command.line() != null) {
            WanYuan spentOnLine = executedByLine.get(command.line());
            if (spentOnLine == null || command.amount().compareTo(spentOnLine) > 0) {
                throw new DomainRejection(Kind.RULE, "correction.more-than-spent", "line", "only "
                        + (spentOnLine == null ? WanYuan.ZERO : spentOnLine) + " was charged to '" + command.line()
                        + "'; a correction cannot take back " + command.amount());
            }
        }
        WanYuan total = executed.minus(command.amount());
        boolean over = !unstated && total.compareTo(adjusted) > 0;
        apply(new ExpenditureCorrected(plan, command.amount(), command.date(), type, command.line(), reason, voucher,
                total, adjusted, over));
        return new Object[] {"executedTotal", total, "budget", adjusted, "executionRate", rate(total, adjusted),
                "overBudget", over};
    }

    @CommandHandler
    Object[] setLines(SetBudgetLines command) {
        PlanId plan = command.plan();
        requireStated("set the budget lines");
        WanYuan total = BudgetLines.checked(command.lines(), adjusted);
        apply(new BudgetLinesSet(plan, command.lines(), total));
        return new Object[] {"total", total};
    }

    /** What closing the year needs of the budget: opened, and the 明细 (if any) still adding up to it. */
    public void requireClosable() {
        if (!opened) {
            throw new DomainRejection(Kind.RULE, "year.no-budget", null,
                    "the plan has no budget; open it before closing the year");
        }
        BudgetLines.requireBalanced(lines, adjusted);
    }

    private void requireStated(String action) {
        if (unstated) {
            throw new DomainRejection(Kind.RULE, "budget.unstated", null, "cannot " + action + ": the plan's "
                    + "documents state no budget");
        }
    }

    public void requireOpened(String action) {
        if (!opened) {
            throw new DomainRejection(Kind.RULE, "budget.not-opened", null,
                    "cannot " + action + ": the plan's budget has not been opened");
        }
    }

    @EventSourcingHandler
    void on(BudgetOpened event) {
        opened = true;
        split = ClassSplit.of(event.classes());
        unstated = event.unstated();
        initial = event.total();
        adjusted = event.total();
    }

    @EventSourcingHandler
    void on(BudgetAdjusted event) {
        adjustments = event.number();
        adjusted = event.to();
    }

    @EventSourcingHandler
    void on(FundsReceived event) {
        received = event.receivedTotal();
    }

    @EventSourcingHandler
    void on(ExpenditureRecorded event) {
        tally(event.executedTotal(), event.expenditureClass(), event.line(), event.amount());
    }

    @EventSourcingHandler
    void on(ExpenditureCorrected event) {
        tally(event.executedTotal(), event.expenditureClass(), event.line(), WanYuan.ZERO.minus(event.amount()));
    }

    private void tally(WanYuan total, ExpenditureClass type, String line, WanYuan change) {
        executed = total;
        executedByClass.merge(type, change, WanYuan::plus);
        if (line != null) {
            executedByLine.merge(line, change, WanYuan::plus);
        }
    }

    @EventSourcingHandler
    void on(BudgetLinesSet event) {
        lines = new ArrayList<>(event.lines());
    }
}
