package org.perfledger.command.calendar;

import java.util.Optional;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/** What a plan needs from its district's reporting calendar. */
public interface ReportingCalendars {

    /** The monitoring round finance scheduled under that name, if any. */
    Optional<MonitoringPeriod> monitoringPeriod(DistrictId district, FiscalYear year, String period);

    /** The district's deviation margin for the year, or {@link ReportingCalendar#DEFAULT_MARGIN} if it set none. */
    Percentage deviationMargin(DistrictId district, FiscalYear year);
}
