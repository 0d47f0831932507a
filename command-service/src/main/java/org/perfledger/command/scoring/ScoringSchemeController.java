package org.perfledger.command.scoring;

import java.util.Map;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.command.platform.SettingResponses;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * District finance's scoring schemes, one per year and kind ({@code project} or {@code department-wide}). The body is
 * the scheme itself (see {@link ScoringScheme}); each change is a new version.
 */
@RestController
class ScoringSchemeController {

    private final CommandSender commands;

    ScoringSchemeController(CommandSender commands) {
        this.commands = commands;
    }

    @PutMapping("/api/v1/districts/{district}/years/{year}/scoring-schemes/{kind}")
    ResponseEntity<Map<String, Object>> set(RequestMetadata request, @PathVariable("year") String year,
                                            @PathVariable("kind") String kind, @RequestBody ScoringScheme scheme) {
        RequestFields fields = new RequestFields();
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        EvaluationKind evaluationKind = fields.label("kind", kind, EvaluationKind.class);
        fields.throwIfInvalid();
        int version = commands.send(new SetScoringScheme(request.district(), fiscalYear, evaluationKind, scheme),
                request);
        return SettingResponses.versioned(request, fiscalYear, Map.of("kind", evaluationKind.name()), version);
    }
}
