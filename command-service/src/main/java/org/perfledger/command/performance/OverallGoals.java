package org.perfledger.command.performance;

import java.util.ArrayList;
import java.util.List;
import org.perfledger.command.performance.PerformanceCommands.StateOverallGoals;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoalsStated;
import org.perfledger.kernel.plan.PlanId;

/**
 * A plan's 年度总体目标 as its documents state them: 1 to {@value PlanLimits#MAX_LIST} goals, each a text and, where
 * the documents tie it to one, the fund it is for. They are narrative: nothing is scored on them, so they are not held
 * to the targets' rules (a goal the indicators measure is added with its indicators).
 */
public final class OverallGoals {

    private OverallGoals() {
    }

    public static OverallGoalsStated stated(PlanId plan, StateOverallGoals command) {
        if (command.goals().isEmpty() || command.goals().size() > PlanLimits.MAX_LIST) {
            throw new DomainRejection(Kind.RULE, "overall-goals.count", "goals", "state 1 to " + PlanLimits.MAX_LIST
                    + " overall goals, not " + command.goals().size());
        }
        List<OverallGoal> goals = new ArrayList<>();
        for (int i = 0; i < command.goals().size(); i++) {
            OverallGoal goal = command.goals().get(i);
            if (goal == null) {
                throw new DomainRejection(Kind.RULE, "text.required", "goals[" + i + "]", "goals[" + i
                        + "] is required");
            }
            goals.add(new OverallGoal(PlanRules.optionalText("goals[" + i + "].fundedBy", goal.fundedBy(),
                    BudgetLine.MAX_NAME_LENGTH), PlanRules.text("goals[" + i + "].text", goal.text(),
                    PlanLimits.MAX_TEXT)));
        }
        return new OverallGoalsStated(plan, goals);
    }
}
