package org.perfledger.command.performance;

import static org.perfledger.command.planning.PlanPaths.DEPARTMENT;
import static org.perfledger.command.planning.PlanPaths.PROJECT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.perfledger.command.performance.PerformanceCommands.SubmitMonitoringReport;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanPaths;
import org.perfledger.command.planning.PlanResponses;
import org.perfledger.command.planning.PlanTarget;
import org.perfledger.command.planning.Receipt;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A plan's monitoring report (绩效运行监控) for a round district finance scheduled. */
@RestController
class MonitoringController {

    private final CommandSender commands;

    MonitoringController(CommandSender commands) {
        this.commands = commands;
    }

    record ProgressRequest(String indicator, String latestActual, String deviation, String correctiveMeasure) {
    }

    record MonitoringRequest(String period, String asOf, List<ProgressRequest> indicators, String deviations,
                             String correctiveMeasures) {
    }

    @PostMapping({DEPARTMENT + "/monitoring-reports", PROJECT + "/monitoring-reports"})
    ResponseEntity<Map<String, Object>> submitMonitoringReport(RequestMetadata request, PlanTarget target,
                                                               @RequestBody MonitoringRequest body) {
        RequestFields fields = new RequestFields();
        String period = fields.text("period", body.period(), PlanLimits.MAX_SHORT_TEXT);
        LocalDate asOf = fields.date("asOf", body.asOf());
        List<IndicatorProgress> progress = new ArrayList<>();
        List<ProgressRequest> given = body.indicators() == null ? List.of() : body.indicators();
        for (int i = 0; i < given.size(); i++) {
            String field = "indicators[" + i + "]";
            IndicatorCode indicator = fields.parse(field + ".indicator", given.get(i).indicator(), IndicatorCode::new);
            String latest = fields.optionalText(field + ".latestActual", given.get(i).latestActual(), PlanLimits.MAX_TEXT);
            String deviation = fields.optionalText(field + ".deviation", given.get(i).deviation(), PlanLimits.MAX_TEXT);
            String measure = fields.optionalText(field + ".correctiveMeasure", given.get(i).correctiveMeasure(),
                    PlanLimits.MAX_TEXT);
            if (indicator != null) {
                progress.add(new IndicatorProgress(indicator, latest, deviation, measure));
            }
        }
        String deviations = fields.optionalText("deviations", body.deviations(), PlanLimits.MAX_LONG_TEXT);
        String measures = fields.optionalText("correctiveMeasures", body.correctiveMeasures(),
                PlanLimits.MAX_LONG_TEXT);
        fields.throwIfInvalid();
        Receipt receipt = commands.send(new SubmitMonitoringReport(target.plan(), period, asOf, progress, deviations,
                measures, target.expectedVersion()), request);
        return PlanResponses.created(receipt, request, PlanPaths.of(target) + "/monitoring-reports/" + period);
    }
}
