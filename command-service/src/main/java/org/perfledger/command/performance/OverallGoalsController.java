package org.perfledger.command.performance;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.command.performance.PerformanceCommands.StateOverallGoals;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A plan's 年度总体目标: narrative goals, each for the fund it names where it names one. */
@RestController
class OverallGoalsController {

    private final CommandSender commands;

    OverallGoalsController(CommandSender commands) {
        this.commands = commands;
    }

    record GoalRequest(String fundedBy, String text) {
    }

    record GoalsRequest(List<GoalRequest> goals) {
    }

    @PutMapping({DEPARTMENT + "/overall-goals", PROJECT + "/overall-goals"})
    ResponseEntity<Map<String, Object>> state(RequestMetadata request, PlanTarget target,
                                              @RequestBody GoalsRequest body) {
        RequestFields fields = new RequestFields();
        List<GoalRequest> given = fields.required("goals", body.goals());
        List<OverallGoal> goals = new ArrayList<>();
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                GoalRequest goal = given.get(i);
                if (goal == null) {
                    fields.reject("goals[" + i + "]", "required", "goals[" + i + "] is required");
                    continue;
                }
                String text = fields.text("goals[" + i + "].text", goal.text(), PlanLimits.MAX_TEXT);
                String fundedBy = fields.optionalText("goals[" + i + "].fundedBy", goal.fundedBy(),
                        BudgetLine.MAX_NAME_LENGTH);
                if (text != null) {
                    goals.add(new OverallGoal(fundedBy, text));
                }
            }
        }
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new StateOverallGoals(target.plan(), goals, target.expectedVersion()),
                request), request);
    }
}
