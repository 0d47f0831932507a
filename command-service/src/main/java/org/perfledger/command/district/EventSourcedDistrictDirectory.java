package org.perfledger.command.district;

import org.axonframework.modelling.command.Repository;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.EventSourcedLookup;
import org.perfledger.kernel.organisation.DistrictId;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Looks the district up in the event store, within the unit of work of the command that asks. */
@Component
class EventSourcedDistrictDirectory implements DistrictDirectory {

    private final Repository<District> districts;

    EventSourcedDistrictDirectory(@Lazy Repository<District> districts) {
        this.districts = districts;
    }

    @Override
    public void requireRegistered(DistrictId district) {
        if (EventSourcedLookup.find(districts, District.aggregateId(district), found -> true).isEmpty()) {
            throw new DomainRejection(Kind.NOT_FOUND, "district.unknown", "district",
                    "district " + district + " is not on PerfLedger: the platform admin onboards it first");
        }
    }
}
