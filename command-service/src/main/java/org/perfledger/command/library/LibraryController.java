package org.perfledger.command.library;

import java.util.Map;
import org.perfledger.command.library.LibraryCommands.DefineLibraryIndicator;
import org.perfledger.command.library.LibraryCommands.RetireLibraryIndicator;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.library.LibraryEvents;
import org.perfledger.kernel.library.LibraryKind;
import org.perfledger.kernel.library.TargetBasis;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** District finance keeps its indicator library (指标库): defines each indicator, version by version, and retires it. */
@RestController
class LibraryController {

    private static final String INDICATOR = "/api/v1/districts/{district}/indicator-library/{code}";

    private final CommandSender commands;

    LibraryController(CommandSender commands) {
        this.commands = commands;
    }

    /**
     * {@code kind}: 共性指标 (COMMON) or 个性指标 (SECTOR, with its {@code sector}); {@code direction}: 越高越好 or 越低越好;
     * {@code basis}: 计划标准, 行业标准, 历史标准 or 其他标准.
     */
    record DefinitionRequest(String kind, String sector, String level1, String level2, String name, String unit,
                             String direction, String basis, String guidance) {
    }

    record RetirementRequest(String reason) {
    }

    @PutMapping(INDICATOR)
    ResponseEntity<Map<String, Object>> define(RequestMetadata request, @PathVariable("code") String code,
                                               @RequestBody DefinitionRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode indicator = fields.parse("code", code, IndicatorCode::new);
        LibraryKind kind = fields.label("kind", body.kind(), LibraryKind.class);
        String sector = fields.optionalText("sector", body.sector(), LibraryEvents.MAX_SECTOR);
        IndicatorLevel1 level1 = fields.label("level1", body.level1(), IndicatorLevel1.class);
        IndicatorLevel2 level2 = fields.label("level2", body.level2(), IndicatorLevel2.class);
        String name = fields.text("name", body.name(), Indicator.MAX_NAME_LENGTH);
        String unit = fields.optionalText("unit", body.unit(), LibraryEvents.MAX_UNIT);
        Direction direction = fields.label("direction", body.direction(), Direction.class);
        TargetBasis basis = fields.label("basis", body.basis(), TargetBasis.class);
        String guidance = fields.optionalText("guidance", body.guidance(), PlanLimits.MAX_TEXT);
        fields.throwIfInvalid();
        int version = commands.send(new DefineLibraryIndicator(request.district(), indicator, kind, sector, level1,
                level2, name, unit, direction, basis, guidance), request);
        return answer(request, indicator, version);
    }

    @PostMapping(INDICATOR + "/retirement")
    ResponseEntity<Map<String, Object>> retire(RequestMetadata request, @PathVariable("code") String code,
                                               @RequestBody RetirementRequest body) {
        RequestFields fields = new RequestFields();
        IndicatorCode indicator = fields.parse("code", code, IndicatorCode::new);
        String reason = fields.text("reason", body.reason(), PlanLimits.MAX_REASON);
        fields.throwIfInvalid();
        int version = commands.send(new RetireLibraryIndicator(request.district(), indicator, reason), request);
        return answer(request, indicator, version);
    }

    private static ResponseEntity<Map<String, Object>> answer(RequestMetadata request, IndicatorCode code,
                                                              int version) {
        return ResponseEntity.ok().eTag("\"" + version + "\"").body(Map.of("district", request.district().value(),
                "code", code.value(), "version", version, "correlationId", request.correlationId()));
    }
}
