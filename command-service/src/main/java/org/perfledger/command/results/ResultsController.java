package org.perfledger.command.results;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

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
import org.perfledger.command.results.ResultCommands.ProposeBudget;
import org.perfledger.command.results.ResultCommands.SetResultUseRules;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.results.ResultRule;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * District finance uses the year's results (评价结果应用): it sets what each grade does to next year's budget, and draws
 * up each plan's proposal from its final grade, overriding the rules where it must, with its reason.
 */
@RestController
class ResultsController {

    private final CommandSender commands;

    ResultsController(CommandSender commands) {
        this.commands = commands;
    }

    /** {@code rules}: grade (优秀 / 良好 / 中 / 差) → its rule as written ("优先保障", "压减 10%", "取消"). */
    record RulesRequest(Map<String, String> rules, String source) {
    }

    /**
     * Empty: the rules' proposal. {@code action}: another rule ("压减 20%"), {@code proposed}: another amount (万元);
     * either needs the {@code reason}.
     */
    record ProposalRequest(String action, String proposed, String reason) {
    }

    @PutMapping("/api/v1/districts/{district}/years/{year}/result-use-rules")
    ResponseEntity<Map<String, Object>> rules(RequestMetadata request, @PathVariable("year") String year,
                                              @RequestBody RulesRequest body) {
        RequestFields fields = new RequestFields();
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        fields.required("rules", body.rules());
        Map<Grade, ResultRule> rules = fields.byLabel("rules", body.rules(), Grade.class, ResultRule::parse);
        String source = fields.optionalText("source", body.source(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        int version = commands.send(new SetResultUseRules(request.district(), fiscalYear, rules, source), request);
        return SettingResponses.versioned(request, fiscalYear, Map.of(), version);
    }

    @PostMapping({DEPARTMENT + "/budget-proposals", PROJECT + "/budget-proposals"})
    ResponseEntity<Map<String, Object>> propose(RequestMetadata request, PlanTarget target,
                                                @RequestBody(required = false) ProposalRequest body) {
        ProposalRequest given = body == null ? new ProposalRequest(null, null, null) : body;
        RequestFields fields = new RequestFields();
        ResultRule action = fields.optional("action", given.action(), ResultRule::parse);
        WanYuan proposed = fields.optional("proposed", given.proposed(), WanYuan::parseNonNegative);
        String reason = fields.optionalText("reason", given.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new ProposeBudget(target.plan(), action, proposed, reason,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/budget-proposals/"
                + receipt.facts().get("proposal"));
    }
}
