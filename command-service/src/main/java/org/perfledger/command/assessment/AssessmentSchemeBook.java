package org.perfledger.command.assessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.command.assessment.AssessmentCommands.SetAssessmentScheme;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSchemeSet;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.performance.Points;

/**
 * District finance's scheme of ex-ante assessments for one year, version by version: every criterion has its points,
 * more than 0, and they add up to 100. Setting it never changes a conclusion already drawn under an earlier version;
 * the same points from the same source set again change nothing.
 */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class AssessmentSchemeBook {

    @AggregateIdentifier
    private String id;
    private int version;
    private Map<AssessmentCriterion, Points> weights = new TreeMap<>();
    private String source;

    protected AssessmentSchemeBook() {
        // for Axon
    }

    /** A version of the scheme as a conclusion records it. */
    public record Version(int version, Map<AssessmentCriterion, Points> weights) {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetAssessmentScheme command) {
        for (AssessmentCriterion criterion : AssessmentCriterion.values()) {
            Points points = command.weights().get(criterion);
            if (points == null || points.value().signum() <= 0) {
                throw new DomainRejection(Kind.RULE, "assessment-scheme.criterion", "weights." + criterion.name(),
                        "every criterion has its points, more than 0: " + criterion.label() + " has "
                                + (points == null ? "none" : points));
            }
        }
        BigDecimal total = command.weights().values().stream().map(Points::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(Points.MAX) != 0) {
            throw new DomainRejection(Kind.RULE, "assessment-scheme.total", "weights", "the criteria's points add up "
                    + "to " + total.stripTrailingZeros().toPlainString() + ", not 100");
        }
        String given = PlanRules.optionalText("source", command.source(), PlanLimits.MAX_REASON);
        if (version > 0 && sameWeights(command.weights()) && Objects.equals(given, this.source)) {
            return version;
        }
        apply(new AssessmentSchemeSet(command.district(), command.year(), version + 1, command.weights(), given));
        return version;
    }

    @EventSourcingHandler
    void on(AssessmentSchemeSet event) {
        id = Streams.assessmentScheme(event.district(), event.year());
        version = event.version();
        weights = new TreeMap<>(event.weights());
        source = event.source();
    }

    /** The same points for every criterion, however written (20 and 20.0 alike). */
    private boolean sameWeights(Map<AssessmentCriterion, Points> asked) {
        return asked.size() == weights.size() && asked.entrySet().stream().allMatch(entry ->
                weights.containsKey(entry.getKey()) && weights.get(entry.getKey()).compareTo(entry.getValue()) == 0);
    }

    Version current() {
        return new Version(version, Map.copyOf(weights));
    }
}
