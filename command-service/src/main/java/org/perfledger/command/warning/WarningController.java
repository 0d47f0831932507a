package org.perfledger.command.warning;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.time.LocalDate;
import java.util.Map;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.command.platform.SettingResponses;
import org.perfledger.command.warning.WarningCommands.AnswerWarning;
import org.perfledger.command.warning.WarningCommands.HoldFunds;
import org.perfledger.command.warning.WarningCommands.IssueWarning;
import org.perfledger.command.warning.WarningCommands.ResumeFunds;
import org.perfledger.command.warning.WarningCommands.SetMonitoringThresholds;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.WarningLevel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * District finance's measures on a plan during the year: it warns it (提示 / 警示), which its department answers, and it
 * suspends (暂缓拨付), stops (停止拨付) or resumes its funds; and the year's thresholds of the lights it watches plans by.
 */
@RestController
class WarningController {

    private final CommandSender commands;

    WarningController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code level}: 提示 (NOTICE) or 警示 (CAUTION); {@code respondBy}: the day the department answers by. */
    record WarningRequest(String level, String text, String respondBy) {
    }

    record AnswerRequest(String response) {
    }

    /** {@code hold}: 暂缓拨付 (SUSPENDED) or 停止拨付 (STOPPED); {@code documentNumber}: the notice, if any. */
    record HoldRequest(String hold, String reason, String documentNumber) {
    }

    record ResumeRequest(String reason) {
    }

    /** Percentage points behind time: {@code yellow} for 黄灯, {@code red} (above it) for 红灯. */
    record ThresholdsRequest(String yellow, String red, String source) {
    }

    @PostMapping({DEPARTMENT + "/warnings", PROJECT + "/warnings"})
    ResponseEntity<Map<String, Object>> issue(RequestMetadata request, PlanTarget target,
                                              @RequestBody WarningRequest body) {
        RequestFields fields = new RequestFields();
        WarningLevel level = fields.label("level", body.level(), WarningLevel.class);
        String text = fields.text("text", body.text(), PlanLimits.MAX_TEXT);
        LocalDate respondBy = fields.date("respondBy", body.respondBy());
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new IssueWarning(target.plan(), level, text, respondBy,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/warnings/"
                + receipt.facts().get("number"));
    }

    @PostMapping({DEPARTMENT + "/warnings/{number}/answer", PROJECT + "/warnings/{number}/answer"})
    ResponseEntity<Map<String, Object>> answer(RequestMetadata request, PlanTarget target,
                                               @PathVariable("number") String number,
                                               @RequestBody AnswerRequest body) {
        RequestFields fields = new RequestFields();
        Integer warning = fields.number("number", number);
        String response = fields.text("response", body.response(), PlanLimits.MAX_TEXT);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new AnswerWarning(target.plan(), warning, response,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/funds/hold", PROJECT + "/funds/hold"})
    ResponseEntity<Map<String, Object>> hold(RequestMetadata request, PlanTarget target,
                                             @RequestBody HoldRequest body) {
        RequestFields fields = new RequestFields();
        FundsHold hold = fields.label("hold", body.hold(), FundsHold.class);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        String document = fields.optionalText("documentNumber", body.documentNumber(), PlanLimits.MAX_SHORT_TEXT);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new HoldFunds(target.plan(), hold, reason, document,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/funds/resumption", PROJECT + "/funds/resumption"})
    ResponseEntity<Map<String, Object>> resume(RequestMetadata request, PlanTarget target,
                                               @RequestBody ResumeRequest body) {
        RequestFields fields = new RequestFields();
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ResumeFunds(target.plan(), reason, target.expectedVersion()),
                request), request);
    }

    @PutMapping("/api/v1/districts/{district}/years/{year}/monitoring-thresholds")
    ResponseEntity<Map<String, Object>> thresholds(RequestMetadata request, @PathVariable("year") String year,
                                                   @RequestBody ThresholdsRequest body) {
        RequestFields fields = new RequestFields();
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        Percentage yellow = fields.parse("yellow", body.yellow(), Percentage::parse);
        Percentage red = fields.parse("red", body.red(), Percentage::parse);
        String source = fields.optionalText("source", body.source(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        int version = commands.send(new SetMonitoringThresholds(request.district(), fiscalYear, yellow, red, source),
                request);
        return SettingResponses.versioned(request, fiscalYear, Map.of(), version);
    }
}
