package org.perfledger.command.plan;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.command.results.Proposals;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads another year's plan from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedProposals implements Proposals {

    private final Repository<AnnualPlan> plans;

    EventSourcedProposals(@Lazy Repository<AnnualPlan> plans) {
        this.plans = plans;
    }

    @Override
    public Optional<BudgetProposed> latest(PlanId plan) {
        return EventSourcedLookup.find(plans, plan.aggregateId(), AnnualPlan::latestProposal);
    }
}
