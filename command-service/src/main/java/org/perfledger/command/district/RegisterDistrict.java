package org.perfledger.command.district;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.security.Role;

/** Onboard a district (the tenant). */
@SentBy(Role.PLATFORM_ADMIN)
public record RegisterDistrict(DistrictId district, String name) implements DistrictCommand {

    public RegisterDistrict {
        Objects.requireNonNull(district, "district");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return District.aggregateId(district);
    }
}
