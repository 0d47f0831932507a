package org.perfledger.command.calendar;

import java.util.Optional;
import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Reads the calendar from the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedReportingCalendars implements ReportingCalendars {

    private final Repository<ReportingCalendar> calendars;

    EventSourcedReportingCalendars(@Lazy Repository<ReportingCalendar> calendars) {
        this.calendars = calendars;
    }

    @Override
    public Optional<MonitoringPeriod> monitoringPeriod(DistrictId district, FiscalYear year, String period) {
        return calendar(district, year).flatMap(calendar -> calendar.monitoring().stream()
                .filter(scheduled -> scheduled.period().equals(period))
                .findFirst());
    }

    @Override
    public Percentage deviationMargin(DistrictId district, FiscalYear year) {
        return calendar(district, year).map(ReportingCalendar::deviationMargin)
                .orElse(ReportingCalendar.DEFAULT_MARGIN);
    }

    private Optional<ReportingCalendar> calendar(DistrictId district, FiscalYear year) {
        return EventSourcedLookup.find(calendars, ReportingCalendar.aggregateId(district, year), calendar -> calendar);
    }
}
