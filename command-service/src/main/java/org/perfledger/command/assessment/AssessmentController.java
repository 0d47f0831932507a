package org.perfledger.command.assessment;

import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.util.LinkedHashMap;
import java.util.Map;
import org.perfledger.command.assessment.AssessmentCommands.ConcludeAssessment;
import org.perfledger.command.assessment.AssessmentCommands.SetAssessmentScheme;
import org.perfledger.command.assessment.AssessmentCommands.SubmitAssessment;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.command.platform.SettingResponses;
import org.perfledger.kernel.assessment.AssessmentConclusion;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentEvents.Statement;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Points;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ex-ante assessment (事前绩效评估) of a new project: its department submits it, district finance concludes it,
 * under the scheme finance sets for the year. Criteria are named by label (立项必要性) or code (NECESSITY).
 */
@RestController
class AssessmentController {

    private final CommandSender commands;

    AssessmentController(CommandSender commands) {
        this.commands = commands;
    }

    /** What the department states for a criterion, and its evidence (optional). */
    record StatementRequest(String text, String evidence) {
    }

    record SubmitRequest(Map<String, StatementRequest> statements) {
    }

    /** {@code scores}: criterion → points; {@code assessor}: the evaluator that assessed it for finance, if any. */
    record ConcludeRequest(Map<String, String> scores, String conclusion, String opinion, String assessor) {
    }

    /** {@code weights}: criterion → its points, adding up to 100; {@code source}: where the scheme comes from. */
    record SchemeRequest(Map<String, String> weights, String source) {
    }

    @PutMapping(PROJECT + "/assessment")
    ResponseEntity<Map<String, Object>> submit(RequestMetadata request, PlanTarget target,
                                               @RequestBody SubmitRequest body) {
        RequestFields fields = new RequestFields();
        Map<AssessmentCriterion, Statement> statements = new LinkedHashMap<>();
        if (fields.required("statements", body.statements()) != null) {
            body.statements().forEach((key, given) -> {
                AssessmentCriterion criterion = fields.label("statements", key, AssessmentCriterion.class);
                if (criterion != null && given != null) {
                    String field = "statements." + criterion.name();
                    statements.put(criterion, new Statement(fields.text(field + ".text", given.text(),
                            PlanLimits.MAX_TEXT), fields.optionalText(field + ".evidence", given.evidence(),
                            PlanLimits.MAX_REASON)));
                }
            });
        }
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new SubmitAssessment(target.plan(), statements,
                target.expectedVersion()), request), request);
    }

    @PostMapping(PROJECT + "/assessment/conclusion")
    ResponseEntity<Map<String, Object>> conclude(RequestMetadata request, PlanTarget target,
                                                 @RequestBody ConcludeRequest body) {
        RequestFields fields = new RequestFields();
        Map<AssessmentCriterion, Points> scores = points(fields, "scores", body.scores());
        AssessmentConclusion conclusion = fields.label("conclusion", body.conclusion(), AssessmentConclusion.class);
        String opinion = fields.text("opinion", body.opinion(), PlanLimits.MAX_TEXT);
        String assessor = fields.optionalText("assessor", body.assessor(), PlanLimits.MAX_NAME);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ConcludeAssessment(target.plan(), scores, conclusion, opinion,
                assessor, target.expectedVersion()), request), request);
    }

    @PutMapping("/api/v1/districts/{district}/years/{year}/assessment-scheme")
    ResponseEntity<Map<String, Object>> scheme(RequestMetadata request, @PathVariable("year") String year,
                                               @RequestBody SchemeRequest body) {
        RequestFields fields = new RequestFields();
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        Map<AssessmentCriterion, Points> weights = points(fields, "weights", body.weights());
        String source = fields.optionalText("source", body.source(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        int version = commands.send(new SetAssessmentScheme(request.district(), fiscalYear, weights, source),
                request);
        return SettingResponses.versioned(request, fiscalYear, Map.of(), version);
    }

    private static Map<AssessmentCriterion, Points> points(RequestFields fields, String field,
                                                           Map<String, String> given) {
        fields.required(field, given);
        return fields.byLabel(field, given, AssessmentCriterion.class, Points::parse);
    }
}
