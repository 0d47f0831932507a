package org.perfledger.command.results;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.results.ResultCommands.ProposeBudget;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.results.ResultEvents.BudgetBasedOnResults;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.kernel.results.ResultRule;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * The use of a plan's result (an aggregate member of {@link org.perfledger.command.plan.AnnualPlan}): finance's
 * proposals for next year's budget drawn from its final grade, the latest of which next year's plan follows; and, in
 * that next year, the rule that a budget proposed 取消 or 暂停 is not opened.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanResults {

    private BudgetProposed latest;

    /**
     * Draws up next year's proposal from the plan's final {@code grade} (that of its accepted 财政重点评价 number
     * {@code keyEvaluation}, or, null, of its self-evaluation) and this year's adjusted budget ({@code base}) under
     * finance's rules of the year; an override (another action or amount) needs its reason.
     */
    public Object[] propose(PlanId plan, ProposeBudget command, Grade grade, WanYuan base, ResultUseRules rules,
                            Integer keyEvaluation) {
        ResultUseRules.Version version = rules.current(plan.district(), plan.year()).orElseThrow(() ->
                new DomainRejection(Kind.RULE, "results.no-rules", "plan", "district finance has set no rules of "
                        + "using the results of " + plan.year() + " (评价结果应用规则)"));
        ResultRule rule = version.rules().get(grade);
        WanYuan ruleProposed = rule.proposed(base);
        ResultRule action = command.action() == null ? rule : command.action();
        WanYuan proposed = command.proposed() == null ? action.proposed(base) : command.proposed();
        PlanRules.nonNegative("proposed", proposed);
        if (action.action().leavesNoBudget() && !proposed.isZero()) {
            throw new DomainRejection(Kind.RULE, "results.amount-with-no-budget", "proposed", action.describe()
                    + " leaves no budget; got " + proposed);
        }
        boolean overridden = !action.equals(rule) || proposed.amount().compareTo(ruleProposed.amount()) != 0;
        String reason = overridden ? PlanRules.text("reason", command.reason(), PlanLimits.MAX_REASON) : null;
        int number = latest == null ? 1 : latest.number() + 1;
        apply(new BudgetProposed(plan, number, grade, version.version(), rule, base, ruleProposed, action, proposed,
                reason, keyEvaluation));
        return new Object[] {"proposal", number, "grade", grade.label(), "evaluation", keyEvaluation, "action", action.describe(), "proposed",
                proposed, "overridden", overridden};
    }

    /** The plan of the same department and project a year before, where there is one. */
    public static Optional<PlanId> priorPlan(PlanId plan) {
        try {
            return Optional.of(new PlanId(plan.department(), FiscalYear.of(plan.year().value() - 1), plan.project()));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    /** A budget last year's result leaves none (取消 / 暂停) is not opened: the refusal names the proposal. */
    public static void requireBudgetAllowed(PlanId plan, BudgetProposed prior) {
        if (prior.action().action().leavesNoBudget()) {
            throw new DomainRejection(Kind.RULE, "budget.cancelled-by-results", "sources", "the " + prior.plan().year()
                    + " result of " + plan + " was graded " + prior.grade().label() + ", and district finance's "
                    + "proposal " + prior.number() + " for " + plan.year() + " is " + prior.action().describe()
                    + (prior.overridden() ? " (" + prior.overrideReason() + ")" : "") + ": no budget is opened");
        }
    }

    /** Records what the budget just opened rests on: last year's grade and finance's proposal. */
    public static void basedOn(PlanId plan, BudgetProposed prior, WanYuan opened) {
        apply(new BudgetBasedOnResults(plan, prior.plan().year(), prior.number(), prior.grade(), prior.action(),
                prior.proposed(), opened));
    }

    public BudgetProposed latest() {
        return latest;
    }

    @EventSourcingHandler
    void on(BudgetProposed event) {
        latest = event;
    }
}
