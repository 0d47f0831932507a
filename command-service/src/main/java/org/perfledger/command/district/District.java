package org.perfledger.command.district;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.event.Streams;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.kernel.validation.Checks;

/** A district on PerfLedger: onboarded once by the platform admin, before any of its departments. */
@Aggregate(lockFactory = EventSourcedLookup.OPTIMISTIC_LOCKING)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class District {

    public static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private String id;

    protected District() {
        // for Axon
    }

    public static String aggregateId(DistrictId district) {
        return Streams.district(district);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RegisterDistrict command) {
        if (id != null) {
            throw new DomainRejection(Kind.CONFLICT, "district.already-registered", "district",
                    "district " + command.district() + " is already on PerfLedger");
        }
        DomainRejection.checked("name", () -> Checks.requireText(command.name(), "district name", MAX_NAME_LENGTH));
        apply(new DistrictRegistered(command.district(), command.name()));
    }

    @EventSourcingHandler
    void on(DistrictRegistered event) {
        id = aggregateId(event.district());
    }
}
