package org.perfledger.kernel.warning;

import java.time.LocalDate;
import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/** What district finance does about a plan that goes wrong during the year (绩效运行监控预警). */
public final class WarningEvents {

    private WarningEvents() {
    }

    /**
     * Finance holds the plan's funds back: suspended (暂缓拨付) until it resumes them, or stopped (停止拨付) for the rest
     * of the year; {@code reason} says why, {@code documentNumber} the notice it rests on, where there is one.
     */
    @EventType(name = "FundsHeld", version = 1)
    public record FundsHeld(PlanId plan, FundsHold hold, String reason, String documentNumber) implements PlanEvent {

        public FundsHeld {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(hold, "hold");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Finance lets suspended funds flow again, saying why. */
    @EventType(name = "FundsResumed", version = 1)
    public record FundsResumed(PlanId plan, String reason) implements PlanEvent {

        public FundsResumed {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Finance warns the plan (绩效运行监控预警): a 提示 or a 警示, numbered within the plan, saying what is wrong and by
     * which day the department answers.
     */
    @EventType(name = "WarningIssued", version = 1)
    public record WarningIssued(PlanId plan, int number, WarningLevel level, String text, LocalDate respondBy)
            implements PlanEvent {

        public WarningIssued {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(respondBy, "respondBy");
        }
    }

    /** The department answers a warning: what it found and what it does about it. */
    @EventType(name = "WarningAnswered", version = 1)
    public record WarningAnswered(PlanId plan, int number, String response) implements PlanEvent {

        public WarningAnswered {
            Objects.requireNonNull(plan, "plan");
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * District finance sets the year's thresholds of monitoring warnings (预警阈值), version by version: behind time by
     * more than {@code yellow} percentage points is 黄灯, by more than {@code red} 红灯; {@code source} says where they
     * come from, where stated.
     */
    @EventType(name = "MonitoringThresholdsSet", version = 1)
    public record MonitoringThresholdsSet(DistrictId district, FiscalYear year, int version, Percentage yellow,
                                          Percentage red, String source) implements PerfLedgerEvent {

        public MonitoringThresholdsSet {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            Objects.requireNonNull(yellow, "yellow");
            Objects.requireNonNull(red, "red");
        }

        public MonitoringThresholds thresholds() {
            return new MonitoringThresholds(yellow, red);
        }
    }
}
