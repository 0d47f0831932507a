package org.perfledger.command.warning;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;
import org.perfledger.kernel.warning.FundsHold;
import org.perfledger.kernel.warning.WarningLevel;

/** District finance's measures on a plan during the year (绩效运行监控预警). */
public final class WarningCommands {

    private WarningCommands() {
    }

    /** Suspends (暂缓拨付) or stops (停止拨付) the plan's funds, with the reason and the notice it rests on. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record HoldFunds(PlanId plan, FundsHold hold, String reason, String documentNumber, Long expectedVersion)
            implements PlanCommand {
    }

    /** Lets suspended funds flow again. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ResumeFunds(PlanId plan, String reason, Long expectedVersion) implements PlanCommand {
    }

    /** Finance warns the plan: a 提示 or 警示, what is wrong, and the day by which the department answers. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record IssueWarning(PlanId plan, WarningLevel level, String text, LocalDate respondBy, Long expectedVersion)
            implements PlanCommand {
    }

    /** The department answers a warning of finance's. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record AnswerWarning(PlanId plan, int number, String response, Long expectedVersion) implements PlanCommand {
    }

    /** District finance sets the year's thresholds of monitoring warnings: 黄灯 and 红灯, in percentage points behind. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record SetMonitoringThresholds(DistrictId district, FiscalYear year, Percentage yellow, Percentage red,
                                          String source) implements DistrictCommand {

        public SetMonitoringThresholds {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            Objects.requireNonNull(yellow, "yellow");
            Objects.requireNonNull(red, "red");
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return Streams.warningScheme(district, year);
        }
    }
}
