package org.perfledger.query.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjustmentNoted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.plan.PlanEvent;

/**
 * The budget's part of {@link ReadModelFold}: a plan's budget events change its figures by source and class, its
 * 项目支出明细 and its movements (the trail of every change of a figure, with who, when, why and under which document).
 */
final class BudgetFold {

    private BudgetFold() {
    }

    /** Folds a budget event into the plan's rows; false for an event of another part. */
    static boolean apply(PlanEvent event, EventEnvelope envelope, PlanRows plan, ReadModel model) {
        if (event instanceof BudgetOpened opened) {
            plan.budgetOpened = true;
            plan.budgetUnstated = opened.unstated();
            plan.initial = opened.total().amount();
            plan.adjusted = opened.total().amount();
            // spending is recorded by class: by source it is only what the documents state (null until they do)
            opened.sources().forEach((source, amount) -> plan.parts.put("source/" + source.name(),
                    new BigDecimal[] {amount.amount(), amount.amount(), BigDecimal.ZERO, null}));
            opened.classes().forEach((type, amount) -> plan.parts.put("class/" + type.name(),
                    new BigDecimal[] {amount.amount(), amount.amount(), BigDecimal.ZERO, BigDecimal.ZERO}));
            movement(model, plan, envelope, "opened", null, null, null, null, null, opened.total(), null,
                    opened.total(), null, null, null, null, false);
        } else if (event instanceof BudgetAdjusted adjusted) {
            plan.adjusted = adjusted.to().amount();
            plan.overBudget = plan.executed.compareTo(adjusted.to().amount()) > 0;
            BigDecimal change = adjusted.kind().direction() > 0 ? adjusted.amount().amount()
                    : adjusted.amount().amount().negate();
            add(plan, "source/" + adjusted.source().name(), 1, change);
            if (adjusted.expenditureClass() != null) {
                add(plan, "class/" + adjusted.expenditureClass().name(), 1, change);
            }
            movement(model, plan, envelope, "adjusted", adjusted.number(), adjusted.kind().name(),
                    adjusted.source().name(), adjusted.expenditureClass() == null ? null
                            : adjusted.expenditureClass().name(), null, adjusted.amount(), adjusted.from(),
                    adjusted.to(), adjusted.reason(), adjusted.documentNumber().value(), null, adjusted.date(), false,
                    adjusted.parts().isEmpty() ? null : Json.of(adjusted.parts()));
        } else if (event instanceof BudgetAdjustmentNoted noted) {
            // named without an amount: kept with what it touched, and no figure changes
            movement(model, plan, envelope, "noted", null, noted.kind().name(), null, null, null, null, null, null,
                    noted.reason(), noted.authority(), null, noted.date(), false, noted.items().isEmpty() ? null
                            : Json.of(noted.items().stream().map(item -> Map.of("name", item)).toList()));
        } else if (event instanceof FundsReceived funds) {
            plan.received = funds.receivedTotal().amount();
            add(plan, "source/" + funds.source().name(), 2, funds.amount().amount());
            movement(model, plan, envelope, "received", null, null, funds.source().name(), null, null,
                    funds.amount(), null, funds.receivedTotal(), funds.note(), null, null, funds.date(), false);
        } else if (event instanceof ExpenditureRecorded spent) {
            plan.executed = spent.executedTotal().amount();
            plan.overBudget = spent.overBudget();
            add(plan, "class/" + spent.expenditureClass().name(), 3, spent.amount().amount());
            charge(plan, spent.line(), spent.amount().amount());
            movement(model, plan, envelope, "spent", null, null, null, spent.expenditureClass().name(), spent.line(),
                    spent.amount(), null, spent.executedTotal(), spent.description(), null, spent.voucher(),
                    spent.date(), spent.overBudget());
        } else if (event instanceof ExpenditureCorrected corrected) {
            plan.executed = corrected.executedTotal().amount();
            plan.overBudget = corrected.overBudget();
            add(plan, "class/" + corrected.expenditureClass().name(), 3, corrected.amount().amount().negate());
            charge(plan, corrected.line(), corrected.amount().amount().negate());
            movement(model, plan, envelope, "corrected", null, null, null, corrected.expenditureClass().name(),
                    corrected.line(), corrected.amount(), null, corrected.executedTotal(), corrected.reason(), null,
                    corrected.originalVoucher(), corrected.date(), corrected.overBudget());
        } else if (event instanceof SpendingBySourceStated stated) {
            plan.parts.forEach((part, figures) -> {
                if (part.startsWith("source/")) {
                    figures[3] = null;
                }
            });
            stated.bySource().forEach((source, amount) -> part(plan, "source/" + source.name())[3] = amount.amount());
        } else if (event instanceof BudgetLinesSet set) {
            // spending already charged to a line stays with it when the lines are set again
            Map<String, BigDecimal> spentByLine = new HashMap<>();
            plan.lines.forEach(line -> spentByLine.putIfAbsent((String) line[1], (BigDecimal) line[3]));
            plan.lines.clear();
            for (int i = 0; i < set.lines().size(); i++) {
                BudgetLine line = set.lines().get(i);
                plan.lines.add(new Object[] {i + 1, line.name(), line.amount().amount(),
                        spentByLine.getOrDefault(line.name(), BigDecimal.ZERO)});
            }
        } else {
            return false;
        }
        return true;
    }

    /** Adds to one figure of a part of the budget. */
    private static void add(PlanRows plan, String part, int figure, BigDecimal amount) {
        BigDecimal[] figures = part(plan, part);
        figures[figure] = figures[figure].add(amount);
    }

    /** A part of the budget's figures; a new part starts at 0 (by source, its spending at not stated). */
    private static BigDecimal[] part(PlanRows plan, String part) {
        return plan.parts.computeIfAbsent(part, key -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, key.startsWith("source/") ? null : BigDecimal.ZERO});
    }

    private static void charge(PlanRows plan, String line, BigDecimal amount) {
        if (line != null) {
            plan.lines.stream().filter(row -> line.equals(row[1]))
                    .forEach(row -> row[3] = ((BigDecimal) row[3]).add(amount));
        }
    }

    private static void movement(ReadModel model, PlanRows plan, EventEnvelope envelope, String movement,
                                 Integer number, String kind, String source, String expenditureClass, String line,
                                 WanYuan amount, WanYuan from, WanYuan to, String reason, String document,
                                 String voucher, LocalDate date, boolean overBudget) {
        movement(model, plan, envelope, movement, number, kind, source, expenditureClass, line, amount, from, to,
                reason, document, voucher, date, overBudget, null);
    }

    /** A movement with {@code parts}: an itemised adjustment's items, or null. */
    private static void movement(ReadModel model, PlanRows plan, EventEnvelope envelope, String movement,
                                 Integer number, String kind, String source, String expenditureClass, String line,
                                 WanYuan amount, WanYuan from, WanYuan to, String reason, String document,
                                 String voucher, LocalDate date, boolean overBudget, Json parts) {
        model.append(ReadModelTable.BUDGET_MOVEMENT, plan.key, envelope.sequence(), movement, number, kind, source,
                expenditureClass, line, amount, from, to, reason, document, voucher, date, overBudget,
                envelope.timestamp(), envelope.actor(), envelope.correlationId(), envelope.eventId(), parts);
    }
}
