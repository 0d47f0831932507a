package org.perfledger.command.district;

import org.perfledger.kernel.organisation.DistrictId;

/** Whether a district is on PerfLedger. */
public interface DistrictDirectory {

    /** @throws org.perfledger.command.platform.DomainRejection (404) when it is not */
    void requireRegistered(DistrictId district);
}
