package org.perfledger.command.results;

import java.util.Map;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.results.ResultRule;
import org.perfledger.kernel.security.Role;

/** The use of a year's evaluation results (评价结果应用). */
public final class ResultCommands {

    private ResultCommands() {
    }

    /** District finance sets what each final grade of the year's plans does to next year's budget. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record SetResultUseRules(DistrictId district, FiscalYear year, Map<Grade, ResultRule> rules, String source)
            implements DistrictCommand {

        public SetResultUseRules {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            rules = rules == null ? Map.of() : Map.copyOf(rules);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return Streams.resultsScheme(district, year);
        }
    }

    /**
     * District finance draws up next year's budget proposal for the plan from its final grade, under its rules; or
     * overrides them, with another {@code action} and/or {@code proposed} amount and the {@code reason}.
     */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ProposeBudget(PlanId plan, ResultRule action, WanYuan proposed, String reason, Long expectedVersion)
            implements PlanCommand {
    }
}
