package org.perfledger.command.budget;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.DepartmentBudgetAdjusted;
import org.perfledger.kernel.budget.DepartmentBudgetOpened;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * The budget of one department for one fiscal year: opened with the initial appropriation, then adjusted, each step
 * kept as an event so every figure traces back to who changed it, when, why and under which document.
 */
@Aggregate
public class DepartmentBudget {

    public static final int MAX_REASON_LENGTH = 500;

    @AggregateIdentifier
    private String id;
    private boolean opened;
    private WanYuan current;
    private long version;

    protected DepartmentBudget() {
        // for Axon
    }

    public static String aggregateId(DepartmentId department, FiscalYear year) {
        return department.streamKey() + "/budget/" + year;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public BudgetChange handle(OpenDepartmentBudget command, DepartmentDirectory departments) {
        if (opened) {
            throw new DomainRejection(Kind.CONFLICT, "budget.already-opened", "year",
                    "the " + command.year() + " budget of " + command.department() + " is already open");
        }
        departments.requireRegistered(command.department());
        if (command.initialAmount().isNegative()) {
            throw new DomainRejection(Kind.RULE, "money.non-negative", "initialAmount",
                    "an initial appropriation must not be negative");
        }
        apply(new DepartmentBudgetOpened(command.department(), command.year(), command.initialAmount()));
        return new BudgetChange(WanYuan.ZERO, current, version);
    }

    @CommandHandler
    public BudgetChange handle(AdjustDepartmentBudget command) {
        if (command.newAmount().isNegative()) {
            throw new DomainRejection(Kind.RULE, "money.non-negative", "newAmount", "a budget must not be negative");
        }
        String reason;
        try {
            reason = Checks.requireText(command.reason(), "reason", MAX_REASON_LENGTH);
        } catch (InvalidValueException e) {
            throw DomainRejection.brokenRule("reason", e);
        }
        if (command.newAmount().equals(current)) {
            throw new DomainRejection(Kind.RULE, "budget.adjustment-unchanged", "newAmount",
                    "the budget is already " + current + "; an adjustment must change it");
        }
        WanYuan from = current;
        apply(new DepartmentBudgetAdjusted(command.department(), command.year(), from, command.newAmount(), reason,
                command.documentNumber()));
        return new BudgetChange(from, current, version);
    }

    @EventSourcingHandler
    void on(DepartmentBudgetOpened event, @SequenceNumber long sequence) {
        id = aggregateId(event.department(), event.year());
        opened = true;
        current = event.initialAmount();
        version = sequence;
    }

    @EventSourcingHandler
    void on(DepartmentBudgetAdjusted event, @SequenceNumber long sequence) {
        current = event.to();
        version = sequence;
    }
}
