package org.perfledger.command.calendar;


import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.command.calendar.CalendarCommands.SetReportingCalendar;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

class ReportingCalendarTest {

    private static final DistrictId DONGHU = DistrictId.of("donghu");
    private static final FiscalYear Y2018 = FiscalYear.of(2018);
    private static final MonitoringPeriod H1 = new MonitoringPeriod("H1", "上半年", LocalDate.of(2018, 7, 15));
    private static final MonitoringPeriod Q3 = new MonitoringPeriod("Q3", "前三季度", LocalDate.of(2018, 10, 15));
    private static final Percentage TEN = new Percentage(BigDecimal.TEN);

    private AggregateTestFixture<ReportingCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ReportingCalendar.class);
    }

    @Test
    void financeSetsTheCalendar() {
        fixture.givenNoPriorActivity()
                .when(new SetReportingCalendar(DONGHU, Y2018, List.of(H1, Q3), LocalDate.of(2019, 6, 25), TEN))
                .expectEvents(new ReportingCalendarSet(DONGHU, Y2018, List.of(H1, Q3), LocalDate.of(2019, 6, 25), TEN));
    }

    @Test
    void settingItAgainReplacesIt() {
        fixture.given(new ReportingCalendarSet(DONGHU, Y2018, List.of(H1), LocalDate.of(2019, 6, 25), TEN))
                .when(new SetReportingCalendar(DONGHU, Y2018, List.of(H1, Q3), LocalDate.of(2019, 5, 31), TEN))
                .expectEvents(new ReportingCalendarSet(DONGHU, Y2018, List.of(H1, Q3), LocalDate.of(2019, 5, 31), TEN));
    }

    private void rejects(SetReportingCalendar command, String code, String fragment) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectNoEvents()
                .expectException(Matchers.<Throwable>both(Matchers.instanceOf(DomainRejection.class))
                        .and(Matchers.hasToString(Matchers.containsString(fragment))));
        fixture.givenNoPriorActivity().when(command).expectException(
                new org.hamcrest.TypeSafeMatcher<Throwable>() {
                    @Override
                    protected boolean matchesSafely(Throwable item) {
                        return ((DomainRejection) item).code().equals(code);
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("code " + code);
                    }
                });
    }

    @Test
    void rejectsAPeriodListedTwice() {
        rejects(new SetReportingCalendar(DONGHU, Y2018, List.of(H1, H1), LocalDate.of(2019, 6, 25), TEN),
                "calendar.duplicate-period", "monitoring period H1 is listed twice");
    }

    @Test
    void rejectsAMonitoringRoundDueBeforeTheYear() {
        rejects(new SetReportingCalendar(DONGHU, Y2018, List.of(new MonitoringPeriod("H1", null,
                        LocalDate.of(2017, 12, 1))), LocalDate.of(2019, 6, 25), TEN),
                "calendar.due-outside-year", "is due from 2018-01-01");
    }

    @Test
    void rejectsASelfEvaluationDueWithinTheYear() {
        rejects(new SetReportingCalendar(DONGHU, Y2018, List.of(), LocalDate.of(2018, 12, 1), TEN),
                "calendar.self-evaluation-due", "is due after the year ends");
    }

    @Test
    void rejectsAMarginAboveAHundredPercent() {
        rejects(new SetReportingCalendar(DONGHU, Y2018, List.of(), LocalDate.of(2019, 6, 25),
                        new Percentage(new BigDecimal("150"))),
                "calendar.deviation-margin", "between 0 and 100");
    }
}
