package org.perfledger.command.results;

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
import org.perfledger.command.results.RectificationCommands.CloseRectification;
import org.perfledger.command.results.RectificationCommands.RaiseRectification;
import org.perfledger.command.results.RectificationCommands.ReportRectification;
import org.perfledger.command.results.RectificationCommands.ReturnRectification;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Rectification items (整改事项): finance raises, returns and closes them; the department reports on them. */
@RestController
class RectificationController {

    private static final String ITEMS = "/rectifications";
    private static final String ITEM = ITEMS + "/{number}";

    private final CommandSender commands;

    RectificationController(CommandSender commands) {
        this.commands = commands;
    }

    record RaiseRequest(String issue, String owner, String deadline) {
    }

    record ReportRequest(String measures, String evidence) {
    }

    /** {@code reason} to return a report, {@code note} to close an item. */
    record DecisionRequest(String reason, String note) {
    }

    @PostMapping({DEPARTMENT + ITEMS, PROJECT + ITEMS})
    ResponseEntity<Map<String, Object>> raise(RequestMetadata request, PlanTarget target,
                                              @RequestBody RaiseRequest body) {
        RequestFields fields = new RequestFields();
        String issue = fields.text("issue", body.issue(), PlanLimits.MAX_TEXT);
        String owner = fields.text("owner", body.owner(), PlanLimits.MAX_SHORT_TEXT);
        LocalDate deadline = fields.date("deadline", body.deadline());
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new RaiseRectification(target.plan(), issue, owner, deadline,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + ITEMS + "/"
                + receipt.facts().get("number"));
    }

    @PostMapping({DEPARTMENT + ITEM + "/report", PROJECT + ITEM + "/report"})
    ResponseEntity<Map<String, Object>> report(RequestMetadata request, PlanTarget target,
                                               @PathVariable("number") String number,
                                               @RequestBody ReportRequest body) {
        RequestFields fields = new RequestFields();
        Integer item = fields.number("number", number);
        String measures = fields.text("measures", body.measures(), PlanLimits.MAX_TEXT);
        String evidence = fields.text("evidence", body.evidence(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ReportRectification(target.plan(), item, measures, evidence,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + ITEM + "/return", PROJECT + ITEM + "/return"})
    ResponseEntity<Map<String, Object>> giveBack(RequestMetadata request, PlanTarget target,
                                                 @PathVariable("number") String number,
                                                 @RequestBody DecisionRequest body) {
        RequestFields fields = new RequestFields();
        Integer item = fields.number("number", number);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ReturnRectification(target.plan(), item, reason,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + ITEM + "/closure", PROJECT + ITEM + "/closure"})
    ResponseEntity<Map<String, Object>> close(RequestMetadata request, PlanTarget target,
                                              @PathVariable("number") String number,
                                              @RequestBody(required = false) DecisionRequest body) {
        RequestFields fields = new RequestFields();
        Integer item = fields.number("number", number);
        String note = fields.optionalText("note", body == null ? null : body.note(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new CloseRectification(target.plan(), item, note,
                target.expectedVersion()), request), request);
    }
}
