package org.perfledger.command.calendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.perfledger.command.calendar.CalendarCommands.SetReportingCalendar;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.platform.CommandSender;
import org.perfledger.command.platform.RequestFields;
import org.perfledger.command.platform.RequestMetadata;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** District finance sets the year's reporting calendar. */
@RestController
class CalendarController {

    private static final Pattern PERIOD = Pattern.compile("[A-Za-z0-9._-]{1,30}");

    private final CommandSender commands;

    CalendarController(CommandSender commands) {
        this.commands = commands;
    }

    record PeriodRequest(String period, String label, String due) {
    }

    record CalendarRequest(List<PeriodRequest> monitoring, String selfEvaluationDue, String deviationMargin) {
    }

    @PutMapping("/api/v1/districts/{district}/years/{year}/reporting-calendar")
    ResponseEntity<Map<String, Object>> setCalendar(RequestMetadata request, @PathVariable("year") String year,
                                                    @RequestBody CalendarRequest body) {
        RequestFields fields = new RequestFields();
        FiscalYear fiscalYear = fields.parse("year", year, FiscalYear::parse);
        List<MonitoringPeriod> periods = new ArrayList<>();
        List<PeriodRequest> given = body.monitoring() == null ? List.of() : body.monitoring();
        for (int i = 0; i < given.size(); i++) {
            String field = "monitoring[" + i + "]";
            String period = fields.parse(field + ".period", given.get(i).period(), text -> Checks.requireCode(text,
                    "period", PERIOD, "1 to 30 letters, digits, '.', '_' or '-', e.g. H1 or 2020-Q3"));
            String label = fields.optionalText(field + ".label", given.get(i).label(), PlanLimits.MAX_SHORT_TEXT);
            LocalDate due = fields.date(field + ".due", given.get(i).due());
            if (period != null && due != null) {
                periods.add(new MonitoringPeriod(period, label, due));
            }
        }
        LocalDate selfEvaluationDue = fields.date("selfEvaluationDue", body.selfEvaluationDue());
        Percentage margin = body.deviationMargin() == null ? ReportingCalendar.DEFAULT_MARGIN
                : fields.parse("deviationMargin", body.deviationMargin(), CalendarController::margin);
        fields.throwIfInvalid();
        commands.send(new SetReportingCalendar(request.district(), fiscalYear, periods, selfEvaluationDue, margin),
                request);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("district", request.district().value());
        answer.put("year", fiscalYear.value());
        answer.put("monitoring", periods);
        answer.put("selfEvaluationDue", selfEvaluationDue.toString());
        answer.put("deviationMargin", margin.value().toPlainString());
        answer.put("correlationId", request.correlationId());
        return ResponseEntity.ok(answer);
    }

    private static Percentage margin(String text) {
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0 && value.scale() <= 2) {
                return new Percentage(value);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new InvalidValueException("percentage.format",
                "the deviation margin is a percentage from 0 to 100 with at most 2 decimals, e.g. 10; got '" + text + "'");
    }
}
