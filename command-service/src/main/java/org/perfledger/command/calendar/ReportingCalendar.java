package org.perfledger.command.calendar;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.calendar.CalendarCommands.SetReportingCalendar;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/**
 * A district's reporting calendar for a fiscal year, set by district finance: the monitoring rounds with their due
 * dates, the self-evaluation due date, and the deviation margin beyond which an indicator's self-evaluation needs a
 * reason. Setting it again replaces it.
 */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReportingCalendar {

    /** Used when finance has not set a margin: off by more than 10% needs a reason. */
    public static final Percentage DEFAULT_MARGIN = Deviation.DEFAULT_MARGIN;
    private static final BigDecimal MAX_MARGIN = BigDecimal.valueOf(100);

    @AggregateIdentifier
    private String id;
    private List<MonitoringPeriod> monitoring;
    private Percentage deviationMargin;

    protected ReportingCalendar() {
        // for Axon
    }

    /** Not a department's stream: its key cannot be mistaken for a department code. */
    public static String aggregateId(DistrictId district, FiscalYear year) {
        return Streams.calendar(district, year);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetReportingCalendar command) {
        Set<String> periods = new HashSet<>();
        for (int i = 0; i < command.monitoring().size(); i++) {
            MonitoringPeriod period = command.monitoring().get(i);
            if (!periods.add(period.period())) {
                throw new DomainRejection(Kind.RULE, "calendar.duplicate-period", "monitoring[" + i + "].period",
                        "monitoring period " + period.period() + " is listed twice");
            }
            if (period.due().isBefore(command.year().firstDay()) || period.due().isAfter(command.selfEvaluationDue())) {
                throw new DomainRejection(Kind.RULE, "calendar.due-outside-year", "monitoring[" + i + "].due",
                        "a monitoring report of " + command.year() + " is due from " + command.year().firstDay()
                                + " until the self-evaluation is due (" + command.selfEvaluationDue() + "), got "
                                + period.due());
            }
        }
        if (!command.selfEvaluationDue().isAfter(command.year().lastDay())) {
            throw new DomainRejection(Kind.RULE, "calendar.self-evaluation-due", "selfEvaluationDue",
                    "the self-evaluation of " + command.year() + " is due after the year ends, got "
                            + command.selfEvaluationDue());
        }
        BigDecimal margin = command.deviationMargin().value();
        if (margin.signum() < 0 || margin.compareTo(MAX_MARGIN) > 0) {
            throw new DomainRejection(Kind.RULE, "calendar.deviation-margin", "deviationMargin",
                    "the deviation margin is a percentage between 0 and 100, got " + margin.toPlainString());
        }
        apply(new ReportingCalendarSet(command.district(), command.year(), command.monitoring(),
                command.selfEvaluationDue(), command.deviationMargin()));
    }

    @EventSourcingHandler
    void on(ReportingCalendarSet event) {
        id = aggregateId(event.district(), event.year());
        monitoring = event.monitoring();
        deviationMargin = event.deviationMargin();
    }

    List<MonitoringPeriod> monitoring() {
        return monitoring;
    }

    Percentage deviationMargin() {
        return deviationMargin;
    }
}
