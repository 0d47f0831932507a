package org.perfledger.command.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.security.Role;

/** The district's reporting calendar: when monitoring reports and self-evaluations are due. */
public final class CalendarCommands {

    private CalendarCommands() {
    }

    /** District finance sets (or replaces) the year's reporting calendar. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record SetReportingCalendar(DistrictId district, FiscalYear year, List<MonitoringPeriod> monitoring,
                                       LocalDate selfEvaluationDue, Percentage deviationMargin)
            implements DistrictCommand {

        public SetReportingCalendar {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            monitoring = List.copyOf(monitoring);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return ReportingCalendar.aggregateId(district, year);
        }
    }
}
