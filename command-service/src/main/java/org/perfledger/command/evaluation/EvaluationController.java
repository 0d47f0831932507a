package org.perfledger.command.evaluation;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import org.perfledger.command.planning.PlanLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.perfledger.command.evaluation.EvaluationCommands.AcceptSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ImportSelfEvaluationTable;
import org.perfledger.command.evaluation.EvaluationCommands.PublishSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.ReturnSelfEvaluation;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.evaluation.PrintedFigure;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.validation.InvalidValueException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.perfledger.command.platform.FieldError;
import org.perfledger.command.platform.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Each plan's self-evaluation with district finance's review. */
@RestController
class EvaluationController {

    private final CommandSender commands;

    EvaluationController(CommandSender commands) {
        this.commands = commands;
    }

    record IndicatorEvaluationRequest(String indicator, String score, String deviationRate, String deviationReason) {
    }

    record SelfEvaluationRequest(List<IndicatorEvaluationRequest> indicators, String score, String grade,
                                 String executionRate, String executionScore, String deviationAnalysis, String improvementMeasures, String resultsUse,
                                 String publicationPlan, List<PrintedFigureRequest> printed) {
    }

    /** A figure the table or report prints beyond its scores: kind (see PrintedFigure.Kind), value, parts. */
    record PrintedFigureRequest(String label, String kind, String subject, String value, List<String> parts) {
    }

    record ReviewRequest(String reason, String comment, String channels) {
    }

    @PostMapping({DEPARTMENT + "/self-evaluation", PROJECT + "/self-evaluation"})
    ResponseEntity<Map<String, Object>> submit(RequestMetadata request, PlanTarget target,
                                               @RequestBody SelfEvaluationRequest body) {
        RequestFields fields = new RequestFields();
        List<IndicatorEvaluation> indicators = new ArrayList<>();
        List<IndicatorEvaluationRequest> given = body.indicators() == null ? List.of() : body.indicators();
        for (int i = 0; i < given.size(); i++) {
            String field = "indicators[" + i + "]";
            IndicatorCode code = fields.parse(field + ".indicator", given.get(i).indicator(), IndicatorCode::new);
            Points score = fields.optional(field + ".score", given.get(i).score(), Points::parse);
            BigDecimal rate = fields.optional(field + ".deviationRate", given.get(i).deviationRate(),
                    EvaluationController::reportedRate);
            String reason = fields.optionalText(field + ".deviationReason", given.get(i).deviationReason(),
                    PlanLimits.MAX_TEXT);
            if (code != null) {
                indicators.add(new IndicatorEvaluation(code, score, rate, reason));
            }
        }
        TotalScore score = fields.optional("score", body.score(), TotalScore::parse);
        Grade grade = fields.optionalLabel("grade", body.grade(), Grade.class);
        BigDecimal executionRate = fields.optional("executionRate", body.executionRate(),
                EvaluationController::reportedRate);
        Points executionScore = fields.optional("executionScore", body.executionScore(), Points::parse);
        String analysis = fields.optionalText("deviationAnalysis", body.deviationAnalysis(), PlanLimits.MAX_LONG_TEXT);
        String measures = fields.text("improvementMeasures", body.improvementMeasures(), PlanLimits.MAX_LONG_TEXT);
        String use = fields.text("resultsUse", body.resultsUse(), PlanLimits.MAX_LONG_TEXT);
        String publication = fields.text("publicationPlan", body.publicationPlan(), PlanLimits.MAX_LONG_TEXT);
        List<PrintedFigure> printed = printed(body.printed(), fields);
        fields.throwIfInvalid();
        SubmitSelfEvaluation command = new SubmitSelfEvaluation(target.plan(), indicators, score, grade, executionRate,
                executionScore, analysis, measures, use, publication, printed, target.expectedVersion());
        return PlanResponses.created(commands.send(command, request), request, PlanPaths.of(target) + "/self-evaluation");
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A filled-in 自评表 workbook, sent as the body ({@value #XLSX}) or as the part {@code file} of a form upload. Its new
     * 实际完成值 are recorded as of {@code asOf} (default: the fiscal year's last day) and the self-evaluation is
     * submitted; a file with any bad cell is refused whole (422) with every cell's address and reason.
     */
    @PostMapping(path = {DEPARTMENT + "/self-evaluation.xlsx", PROJECT + "/self-evaluation.xlsx"},
            consumes = {XLSX, "application/vnd.ms-excel", "application/octet-stream"})
    ResponseEntity<Map<String, Object>> importTable(RequestMetadata request, PlanTarget target, @RequestBody byte[] body,
                                                    @RequestParam(value = "asOf", required = false) String asOf,
                                                    @RequestParam(value = "file", required = false) String file) {
        return importWorkbook(request, target, body, asOf, file);
    }

    @PostMapping(path = {DEPARTMENT + "/self-evaluation.xlsx", PROJECT + "/self-evaluation.xlsx"},
            consumes = "multipart/form-data")
    ResponseEntity<Map<String, Object>> uploadTable(RequestMetadata request, PlanTarget target,
                                                    @RequestPart("file") MultipartFile upload,
                                                    @RequestParam(value = "asOf", required = false) String asOf) {
        try {
            return importWorkbook(request, target, upload.getBytes(), asOf, upload.getOriginalFilename());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<Map<String, Object>> importWorkbook(RequestMetadata request, PlanTarget target, byte[] body,
                                                               String asOf, String file) {
        if (body == null || body.length == 0) {
            throw new InvalidRequestException(List.of(new FieldError("file", "required",
                    "file: the workbook is required")));
        }
        RequestFields fields = new RequestFields();
        LocalDate date = asOf == null ? target.plan().year().lastDay() : fields.date("asOf", asOf);
        String name = fields.optionalText("file", file, PlanLimits.MAX_SHORT_TEXT);
        fields.throwIfInvalid();
        SelfEvaluationTable table = SelfEvaluationWorkbook.read(body);
        Receipt receipt = commands.send(new ImportSelfEvaluationTable(target.plan(), table, name, date,
                target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/self-evaluation");
    }

    @PostMapping({DEPARTMENT + "/self-evaluation/return", PROJECT + "/self-evaluation/return"})
    ResponseEntity<Map<String, Object>> giveBack(RequestMetadata request, PlanTarget target,
                                                 @RequestBody ReviewRequest body) {
        RequestFields fields = new RequestFields();
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new ReturnSelfEvaluation(target.plan(), reason,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/self-evaluation/acceptance", PROJECT + "/self-evaluation/acceptance"})
    ResponseEntity<Map<String, Object>> accept(RequestMetadata request, PlanTarget target,
                                               @RequestBody(required = false) ReviewRequest body) {
        RequestFields fields = new RequestFields();
        String comment = fields.optionalText("comment", body == null ? null : body.comment(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new AcceptSelfEvaluation(target.plan(), comment,
                target.expectedVersion()), request), request);
    }

    @PostMapping({DEPARTMENT + "/self-evaluation/publication", PROJECT + "/self-evaluation/publication"})
    ResponseEntity<Map<String, Object>> publish(RequestMetadata request, PlanTarget target,
                                                @RequestBody ReviewRequest body) {
        RequestFields fields = new RequestFields();
        String channels = fields.text("channels", body.channels(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        return PlanResponses.ok(commands.send(new PublishSelfEvaluation(target.plan(), channels,
                target.expectedVersion()), request), request);
    }

    /**
     * The figures a self-evaluation prints beyond its scores, each field checked and named ({@code printed[0].kind});
     * at most {@value PrintedFigure#MAX_FIGURES}, each of at most {@value PrintedFigure#MAX_PARTS} parts.
     */
    private static List<PrintedFigure> printed(List<PrintedFigureRequest> given, RequestFields fields) {
        List<PrintedFigure> printed = new ArrayList<>();
        if (given == null) {
            return printed;
        }
        if (given.size() > PrintedFigure.MAX_FIGURES) {
            fields.reject("printed", "printed.count", "a self-evaluation prints at most " + PrintedFigure.MAX_FIGURES
                    + " figures of its own");
            return printed;
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "printed[" + i + "]";
            PrintedFigureRequest figure = given.get(i);
            if (figure == null) {
                fields.reject(field, "value.required", field + " is required");
                continue;
            }
            PrintedFigure.Kind kind = fields.parse(field + ".kind", figure.kind(), EvaluationController::kind);
            BigDecimal value = fields.parse(field + ".value", figure.value(), EvaluationController::reportedRate);
            List<String> parts = figure.parts() == null ? List.of() : figure.parts();
            List<BigDecimal> numbers = new ArrayList<>();
            if (parts.size() > PrintedFigure.MAX_PARTS) {
                fields.reject(field + ".parts", "printed.parts", "a printed figure has at most "
                        + PrintedFigure.MAX_PARTS + " parts");
                continue;
            }
            for (int p = 0; p < parts.size(); p++) {
                numbers.add(fields.parse(field + ".parts[" + p + "]", parts.get(p), EvaluationController::reportedRate));
            }
            if (kind != null && value != null && !numbers.contains(null)) {
                try {
                    printed.add(new PrintedFigure(figure.label(), kind, figure.subject(), value, numbers));
                } catch (InvalidValueException e) {
                    fields.reject(field, e.rule(), field + ": " + e.getMessage());
                }
            }
        }
        return printed;
    }

    private static PrintedFigure.Kind kind(String text) {
        for (PrintedFigure.Kind kind : PrintedFigure.Kind.values()) {
            if (kind.name().equals(text)) {
                return kind;
            }
        }
        throw new InvalidValueException("printed.kind", "a printed figure's kind is one of "
                + Arrays.toString(PrintedFigure.Kind.values()));
    }

    /** A rate as the department printed it, in percent, keeping its decimals: "81.2", "-2.1", "121". */
    private static BigDecimal reportedRate(String text) {
        if (text.matches("[+-]?\\d{1,6}(\\.\\d{1,4})?")) {
            return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
        }
        throw new InvalidValueException("rate.format", "a rate is a percentage written as the table prints it, "
                + "without %, e.g. 81.2 or -2.1; got '" + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'");
    }

}
