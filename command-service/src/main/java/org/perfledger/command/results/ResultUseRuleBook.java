package org.perfledger.command.results;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.results.ResultCommands.SetResultUseRules;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.results.ResultEvents.ResultUseRulesSet;
import org.perfledger.kernel.results.ResultRule;

/**
 * District finance's rules of using one year's results, version by version: a rule for every grade (优 → 优先保障,
 * 良 → 据实安排, 中 → 压减 a share, 差 → 取消 or 暂停, as finance decides). The same rules from the same source set again
 * change nothing; a proposal already drawn keeps the version it was drawn under.
 */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ResultUseRuleBook {

    @AggregateIdentifier
    private String id;
    private int version;
    private Map<Grade, ResultRule> rules = new EnumMap<>(Grade.class);
    private String source;

    protected ResultUseRuleBook() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetResultUseRules command) {
        for (Grade grade : Grade.values()) {
            if (command.rules().get(grade) == null) {
                throw new DomainRejection(Kind.RULE, "results.rule-missing", "rules." + grade.name(),
                        "every grade has its rule: " + grade.label() + " has none");
            }
        }
        String given = PlanRules.optionalText("source", command.source(), PlanLimits.MAX_REASON);
        if (version > 0 && command.rules().equals(rules) && Objects.equals(given, source)) {
            return version;
        }
        apply(new ResultUseRulesSet(command.district(), command.year(), version + 1, command.rules(), given));
        return version;
    }

    @EventSourcingHandler
    void on(ResultUseRulesSet event) {
        id = Streams.resultsScheme(event.district(), event.year());
        version = event.version();
        rules = new EnumMap<>(event.rules());
        source = event.source();
    }

    ResultUseRules.Version current() {
        return new ResultUseRules.Version(version, Map.copyOf(rules));
    }
}
