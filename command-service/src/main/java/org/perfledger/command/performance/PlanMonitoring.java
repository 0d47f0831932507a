package org.perfledger.command.performance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.rate;
import static org.perfledger.command.planning.PlanRules.requireInYear;
import static org.perfledger.command.planning.PlanRules.text;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.budget.PlanBudget;
import org.perfledger.command.calendar.ReportingCalendars;
import org.perfledger.command.performance.PerformanceCommands.SubmitMonitoringReport;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.plan.PlanId;

/**
 * A plan's monitoring rounds (绩效运行监控, an aggregate member of the plan): one report per round finance scheduled,
 * on the plan's own indicators, with the budget's figures as they stand when it is submitted.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanMonitoring {

    private Set<String> reportedPeriods = new HashSet<>();

    public Object[] report(PlanId plan, SubmitMonitoringReport command, ReportingCalendars calendars,
                           PlanBudget budget, PlanTargets targets) {
        String period = text("period", command.period(), PlanLimits.MAX_SHORT_TEXT);
        if (calendars.monitoringPeriod(plan.district(), plan.year(), period).isEmpty()) {
            throw new DomainRejection(Kind.RULE, "monitoring.unscheduled", "period", "district finance has not "
                    + "scheduled a monitoring round '" + period + "' for " + plan.year());
        }
        if (reportedPeriods.contains(period)) {
            throw new DomainRejection(Kind.CONFLICT, "monitoring.already-submitted", "period",
                    "the monitoring report for '" + period + "' was already submitted");
        }
        requireInYear(plan, "asOf", command.asOf());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < command.indicators().size(); i++) {
            IndicatorProgress progress = command.indicators().get(i);
            String field = "indicators[" + i + "]";
            targets.indicator(field + ".indicator", progress.indicator());
            if (!seen.add(progress.indicator().value())) {
                throw new DomainRejection(Kind.RULE, "monitoring.duplicate-indicator", field + ".indicator",
                        "indicator " + progress.indicator() + " is listed twice");
            }
            optionalText(field + ".latestActual", progress.latestActual(), PlanLimits.MAX_TEXT);
            optionalText(field + ".deviation", progress.deviation(), PlanLimits.MAX_TEXT);
            optionalText(field + ".correctiveMeasure", progress.correctiveMeasure(), PlanLimits.MAX_TEXT);
        }
        apply(new MonitoringReportSubmitted(plan, period, command.asOf(), budget.adjusted(), budget.executed(),
                command.indicators(), optionalText("deviations", command.deviations(), PlanLimits.MAX_LONG_TEXT),
                optionalText("correctiveMeasures", command.correctiveMeasures(), PlanLimits.MAX_LONG_TEXT)));
        return new Object[] {"period", period, "executionRate", rate(budget.executed(), budget.adjusted())};
    }

    @EventSourcingHandler
    void on(MonitoringReportSubmitted event) {
        reportedPeriods.add(event.period());
    }
}
