package org.perfledger.command.external;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.command.external.ExternalEvaluationCommands.AcceptEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.CommissionEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.PublishEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReportEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReturnEvaluation;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.Target;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * 部门评价 and 财政重点评价 of a plan: commissioned by who answers for them, reported by the evaluator commissioned,
 * accepted or returned by the commissioner, who publishes it once accepted.
 */
@RestController
class ExternalEvaluationController {

    private static final String EVALUATIONS = "/evaluations";
    private static final String EVALUATION = EVALUATIONS + "/{number}";

    private final CommandSender commands;

    ExternalEvaluationController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code type}: 部门评价 / 财政重点评价 (or department / finance-key); {@code evaluator}: their user id. */
    record CommissionRequest(String type, String evaluator, String evaluatorName, String agency, String due,
                             String focus) {
    }

    /** One indicator as verified: its 实际完成值, or for a qualitative target its judgement, and a note. */
    record VerifiedRequest(String indicator, String actual, String achievement, String note) {
    }

    record ReportRequest(String executed, List<VerifiedRequest> indicators, String findings, String problems,
                         String suggestions) {
    }

    /** {@code channels}: where else it is published (门户网站, 部门决算公开…). */
    record PublicationRequest(String channels) {
    }

    /** {@code reason} to return a report, {@code comment} to accept it. */
    record DecisionRequest(String reason, String comment) {
    }

    @PostMapping({DEPARTMENT + EVALUATIONS, PROJECT + EVALUATIONS})
    ResponseEntity<Map<String, Object>> commission(RequestMetadata request, PlanTarget target,
                                                   @RequestBody CommissionRequest body) {
        RequestFields fields = new RequestFields();
        EvaluationType type = fields.label("type", body.type(), EvaluationType.class);
        String evaluator = fields.text("evaluator", body.evaluator(), PlanLimits.MAX_SHORT_TEXT);
        String name = fields.optionalText("evaluatorName", body.evaluatorName(), PlanLimits.MAX_SHORT_TEXT);
        String agency = fields.optionalText("agency", body.agency(), PlanLimits.MAX_NAME);
        LocalDate due = fields.date("due", body.due());
        String focus = fields.optionalText("focus", body.focus(), PlanLimits.MAX_TEXT);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new CommissionEvaluation(target.plan(), type, evaluator, name, agency, due,
                focus, target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + EVALUATIONS + "/"
                + receipt.facts().get("number"));
    }

    @PostMapping({DEPARTMENT + EVALUATION + "/report", PROJECT + EVALUATION + "/report"})
    ResponseEntity<Map<String, Object>> report(RequestMetadata request, PlanTarget target,
                                               @PathVariable("number") String number,
                                               @RequestBody ReportRequest body) {
        RequestFields fields = new RequestFields();
        Integer evaluation = fields.number("number", number);
        WanYuan executed = fields.optional("executed", body.executed(), WanYuan::parseNonNegative);
        List<VerifiedIndicator> indicators = new ArrayList<>();
        List<VerifiedRequest> given = body.indicators() == null ? List.of() : body.indicators();
        if (given.size() > PlanLimits.MAX_LIST) {
            fields.reject("indicators", "evaluation.indicators", "at most " + PlanLimits.MAX_LIST
                    + " indicators are verified in one report");
            given = List.of();
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "indicators[" + i + "]";
            VerifiedRequest verified = given.get(i);
            if (verified == null) {
                fields.reject(field, "value.required", field + " is required");
                continue;
            }
            IndicatorCode code = fields.parse(field + ".indicator", verified.indicator(), IndicatorCode::new);
            Target actual = fields.optional(field + ".actual", verified.actual(), Target::parse);
            Achievement achievement = fields.optionalLabel(field + ".achievement", verified.achievement(),
                    Achievement.class);
            String note = fields.optionalText(field + ".note", verified.note(), PlanLimits.MAX_REASON);
            if (code != null && actual == null && achievement == null && note == null) {
                fields.reject(field, "evaluation.verified-nothing", field + " states no 实际完成值, judgement or note");
            } else if (code != null) {
                indicators.add(new VerifiedIndicator(code, actual, achievement, note));
            }
        }
        String findings = fields.text("findings", body.findings(), PlanLimits.MAX_LONG_TEXT);
        String problems = fields.optionalText("problems", body.problems(), PlanLimits.MAX_LONG_TEXT);
        String suggestions = fields.optionalText("suggestions", body.suggestions(), PlanLimits.MAX_LONG_TEXT);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ReportEvaluation(target.plan(), evaluation, executed, indicators,
                findings, problems, suggestions, target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + EVALUATION + "/return", PROJECT + EVALUATION + "/return"})
    ResponseEntity<Map<String, Object>> giveBack(RequestMetadata request, PlanTarget target,
                                                 @PathVariable("number") String number,
                                                 @RequestBody DecisionRequest body) {
        RequestFields fields = new RequestFields();
        Integer evaluation = fields.number("number", number);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ReturnEvaluation(target.plan(), evaluation, reason,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + EVALUATION + "/acceptance", PROJECT + EVALUATION + "/acceptance"})
    ResponseEntity<Map<String, Object>> accept(RequestMetadata request, PlanTarget target,
                                               @PathVariable("number") String number,
                                               @RequestBody(required = false) DecisionRequest body) {
        RequestFields fields = new RequestFields();
        Integer evaluation = fields.number("number", number);
        String comment = fields.optionalText("comment", body == null ? null : body.comment(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new AcceptEvaluation(target.plan(), evaluation, comment,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + EVALUATION + "/publication", PROJECT + EVALUATION + "/publication"})
    ResponseEntity<Map<String, Object>> publish(RequestMetadata request, PlanTarget target,
                                                @PathVariable("number") String number,
                                                @RequestBody PublicationRequest body) {
        RequestFields fields = new RequestFields();
        Integer evaluation = fields.number("number", number);
        String channels = fields.text("channels", body.channels(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new PublishEvaluation(target.plan(), evaluation, channels,
                target.expectedVersion()), request), request);
    }
}
