package org.perfledger.command.performance;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import org.perfledger.command.planning.PlanLimits;
import java.time.LocalDate;
import java.util.Map;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.AddIndicatorAtSelfEvaluation;
import org.perfledger.command.performance.PerformanceCommands.ApproveTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RecordCompletion;
import org.perfledger.command.performance.PerformanceCommands.RejectTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RequestTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Goals, indicators and targets; completions; target adjustments (monitoring reports: {@link MonitoringController}). Targets and actual values are
 * written as the tables write them ("≥100", "不少于2次", "90%以上", "合格"); the service reads their typed value and
 * keeps the text.
 */
@RestController
class PerformanceController {

    private final CommandSender commands;

    PerformanceController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code weight}: the points a table prints for the goal as a whole (年度绩效目标1 (80分)), where it does. */
    /** {@code fundedBy}: the part of the budget the goal is for (a sub-project or a 明细 line), as the plan names it. */
    record GoalRequest(String text, String weight, String fundedBy) {
    }

    /**
     * {@code direction}: 越高越好 / 越低越好 where the table says which way is better and the target's sign does not;
     * {@code reason}: why an indicator is added at the self-evaluation (that request only); {@code library}: the code of
     * the library indicator (指标库) it is picked from, where it is (drafting only).
     */
    record IndicatorRequest(String code, Integer goal, String level1, String level2, String name, String weight,
                            String target, String direction, String reason, String library) {
    }

    /**
     * {@code asPrinted}: the value is as a document prints it (a seed, an archived table), recorded even where its
     * kind differs from the target's, for the scorecard to flag; {@code undated}: a year's figure whose source states
     * no date, and then no {@code asOf} is sent.
     */
    record CompletionRequest(String value, String narrative, String asOf, Boolean undated, String evidence,
                             String achievement, Boolean asPrinted) {
    }

    record AdjustmentRequest(String indicator, String target, String weight, String reason) {
    }

    record DecisionRequest(String comment, String reason) {
    }

    @PostMapping({DEPARTMENT + "/goals", PROJECT + "/goals"})
    ResponseEntity<Map<String, Object>> addGoal(RequestMetadata request, PlanTarget target,
                                                @RequestBody GoalRequest body) {
        RequestFields fields = new RequestFields();
        String text = fields.text("text", body.text(), PlanLimits.MAX_TEXT);
        Points weight = fields.optional("weight", body.weight(), Points::parse);
        String fundedBy = fields.optionalText("fundedBy", body.fundedBy(), BudgetLine.MAX_NAME_LENGTH);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new AddGoal(target.plan(), text, weight, fundedBy, target.expectedVersion()),
                request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/goals/" + receipt.facts().get("goal"));
    }

    @PostMapping({DEPARTMENT + "/indicators", PROJECT + "/indicators"})
    ResponseEntity<Map<String, Object>> addIndicator(RequestMetadata request, PlanTarget target,
                                                     @RequestBody IndicatorRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode code = fields.optional("code", body.code(), IndicatorCode::new);
        Receipt receipt = setTarget(request, target, code, body, fields);
        return PlanResponses.created(receipt, request,
                PlanPaths.of(target) + "/indicators/" + receipt.facts().get("indicator"));
    }

    @PutMapping({DEPARTMENT + "/indicators/{code}", PROJECT + "/indicators/{code}"})
    ResponseEntity<Map<String, Object>> setIndicator(RequestMetadata request, PlanTarget target,
                                                     @PathVariable("code") String code,
                                                     @RequestBody IndicatorRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode indicator = fields.parse("code", code, IndicatorCode::new);
        if (body.code() != null && !body.code().equals(code)) {
            fields.reject("code", "code.mismatch", "the body names indicator " + body.code() + " but the path " + code);
        }
        return PlanResponses.ok(setTarget(request, target, indicator, body, fields), request);
    }

    private Receipt setTarget(RequestMetadata request, PlanTarget target, IndicatorCode code, IndicatorRequest body,
                              RequestFields fields) {
        Drafted drafted = drafted(body, fields);
        IndicatorCode library = fields.optional("library", body.library(), IndicatorCode::new);
        fields.throwIfInvalid();
        return commands.send(new SetAnnualTarget(target.plan(), code, drafted.goal(), drafted.level1(),
                drafted.level2(), drafted.name(), drafted.weight(), drafted.target(), drafted.direction(), library,
                target.expectedVersion()), request);
    }

    /** An indicator the approved targets did not hold, added as the self-evaluation is drawn up, with the reason. */
    @PutMapping({DEPARTMENT + "/self-evaluation/indicators/{code}", PROJECT + "/self-evaluation/indicators/{code}"})
    ResponseEntity<Map<String, Object>> addAtSelfEvaluation(RequestMetadata request, PlanTarget target,
                                                            @PathVariable("code") String code,
                                                            @RequestBody IndicatorRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode indicator = fields.parse("code", code, IndicatorCode::new);
        Drafted drafted = drafted(body, fields);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.created(commands.send(new AddIndicatorAtSelfEvaluation(target.plan(), indicator,
                drafted.goal(), drafted.level1(), drafted.level2(), drafted.name(), drafted.weight(), drafted.target(),
                drafted.direction(), reason, target.expectedVersion()), request), request,
                PlanPaths.of(target) + "/indicators/" + code);
    }

    private record Drafted(Integer goal, IndicatorLevel1 level1, IndicatorLevel2 level2, String name, Points weight,
                           Target target, Direction direction) {
    }

    private static Drafted drafted(IndicatorRequest body, RequestFields fields) {
        Integer goal = fields.required("goal", body.goal());
        IndicatorLevel1 level1 = fields.label("level1", body.level1(), IndicatorLevel1.class);
        IndicatorLevel2 level2 = fields.label("level2", body.level2(), IndicatorLevel2.class);
        String name = fields.text("name", body.name(), PlanLimits.MAX_NAME);
        // no 分值 is a weight not set (a table that prints none), not 0
        Points weight = fields.optional("weight", body.weight(), Points::parse);
        Target value = fields.parse("target", body.target(), Target::parse);
        Direction direction = fields.optionalLabel("direction", body.direction(), Direction.class);
        if (level1 != null && level2 != null && !level2.belongsTo(level1)) {
            fields.reject("level2", "indicator.level2", "二级指标 " + level2.label() + " is not one of " + level1.label());
        }
        return new Drafted(goal, level1, level2, name, weight, value, direction);
    }

    @PostMapping({DEPARTMENT + "/indicators/{code}/completions", PROJECT + "/indicators/{code}/completions"})
    ResponseEntity<Map<String, Object>> recordCompletion(RequestMetadata request, PlanTarget target,
                                                         @PathVariable("code") String code,
                                                         @RequestBody CompletionRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode indicator = fields.parse("code", code, IndicatorCode::new);
        Target actual = fields.parse("value", body.value(), Target::parse);
        String narrative = fields.optionalText("narrative", body.narrative(), PlanLimits.MAX_TEXT);
        LocalDate asOf = fields.dateUnlessUndated("asOf", body.asOf(), body.undated());
        String evidence = fields.optionalText("evidence", body.evidence(), PlanLimits.MAX_REASON);
        Achievement achievement = fields.optionalLabel("achievement", body.achievement(), Achievement.class);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new RecordCompletion(target.plan(), indicator, actual, narrative, asOf,
                evidence, achievement, Boolean.TRUE.equals(body.asPrinted()), target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/indicators/" + code);
    }

    @PostMapping({DEPARTMENT + "/target-adjustments", PROJECT + "/target-adjustments"})
    ResponseEntity<Map<String, Object>> requestAdjustment(RequestMetadata request, PlanTarget target,
                                                          @RequestBody AdjustmentRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode indicator = fields.parse("indicator", body.indicator(), IndicatorCode::new);
        Target value = fields.parse("target", body.target(), Target::parse);
        Points weight = fields.optional("weight", body.weight(), Points::parse);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new RequestTargetAdjustment(target.plan(), indicator, value, weight, reason,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request,
                PlanPaths.of(target) + "/target-adjustments/" + receipt.facts().get("number"));
    }

    @PostMapping({DEPARTMENT + "/target-adjustments/{number}/approval",
            PROJECT + "/target-adjustments/{number}/approval"})
    ResponseEntity<Map<String, Object>> approveAdjustment(RequestMetadata request, PlanTarget target,
                                                          @PathVariable("number") String number,
                                                          @RequestBody(required = false) DecisionRequest body) {
        RequestFields fields = new RequestFields();
        Integer n = fields.number("number", number);
        String comment = fields.optionalText("comment", body == null ? null : body.comment(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ApproveTargetAdjustment(target.plan(), n, comment,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/target-adjustments/{number}/rejection",
            PROJECT + "/target-adjustments/{number}/rejection"})
    ResponseEntity<Map<String, Object>> rejectAdjustment(RequestMetadata request, PlanTarget target,
                                                         @PathVariable("number") String number,
                                                         @RequestBody DecisionRequest body) {
        RequestFields fields = new RequestFields();
        Integer n = fields.number("number", number);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new RejectTargetAdjustment(target.plan(), n, reason,
                target.expectedVersion()), request), request);
    }
}
