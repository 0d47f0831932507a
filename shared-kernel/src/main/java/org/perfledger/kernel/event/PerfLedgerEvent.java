package org.perfledger.kernel.event;

import org.perfledger.kernel.organisation.DistrictId;

/** A fact that happened in a district. Every event carries its district (tenant) in its payload, and in its metadata. */
public interface PerfLedgerEvent {

    DistrictId district();
}
