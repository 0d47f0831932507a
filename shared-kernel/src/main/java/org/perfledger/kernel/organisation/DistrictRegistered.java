package org.perfledger.kernel.organisation;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;

/** A district (the tenant) was onboarded onto PerfLedger by the platform admin. */
@EventType(name = "DistrictRegistered", version = 1)
public record DistrictRegistered(DistrictId district, String name) implements PerfLedgerEvent {

    public DistrictRegistered {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(name, "name");
    }
}
