package org.perfledger.command.scoring;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.util.List;
import java.util.Map;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.SchemeRules;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

/**
 * The scoring schemes of one kind of evaluation in one district and year, as district finance set them, version by
 * version. Setting a scheme never changes an earlier version.
 */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class ScoringSchemeBook {

    @AggregateIdentifier
    private String id;
    private int version;
    private ScoringScheme current;
    /** Every version set, so that a self-evaluation's final score can be computed again under its own. */
    private Map<Integer, ScoringScheme> versions = new TreeMap<>();

    protected ScoringSchemeBook() {
        // for Axon
    }

    public static String aggregateId(DistrictId district, FiscalYear year, EvaluationKind kind) {
        return Streams.scheme(district, year, kind);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public int handle(SetScoringScheme command) {
        ScoringScheme scheme = command.scheme();
        if (scheme.equals(current)) {
            return version;
        }
        SchemeRules.broken(scheme).ifPresent(broken -> {
            throw new DomainRejection(Kind.RULE, broken.rule(), broken.field(), broken.message());
        });
        apply(new ScoringSchemeSet(command.district(), command.year(), command.kind(), version + 1, scheme));
        return version;
    }

    @EventSourcingHandler
    void on(ScoringSchemeSet event) {
        id = aggregateId(event.district(), event.year(), event.kind());
        version = event.version();
        current = event.scheme();
        versions.put(event.version(), event.scheme());
    }

    int version() {
        return version;
    }

    ScoringScheme atVersion(int wanted) {
        return versions.get(wanted);
    }
}
