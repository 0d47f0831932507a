package org.perfledger.command.warning;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.util.Map;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.command.warning.WarningCommands.HoldFunds;
import org.perfledger.command.warning.WarningCommands.ResumeFunds;
import org.perfledger.kernel.warning.FundsHold;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** District finance suspends (暂缓拨付), stops (停止拨付) or resumes a plan's funds during the year. */
@RestController
class FundsController {

    private final CommandSender commands;

    FundsController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code hold}: 暂缓拨付 (SUSPENDED) or 停止拨付 (STOPPED); {@code documentNumber}: the notice, if any. */
    record HoldRequest(String hold, String reason, String documentNumber) {
    }

    record ResumeRequest(String reason) {
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
}
