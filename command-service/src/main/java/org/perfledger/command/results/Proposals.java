package org.perfledger.command.results;

import java.util.Optional;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;

/** Finance's latest budget proposal drawn from a plan's result, as the next year's plan reads it. */
public interface Proposals {

    /** The latest proposal of the plan, or empty if the plan does not exist or has none. */
    Optional<BudgetProposed> latest(PlanId plan);
}
