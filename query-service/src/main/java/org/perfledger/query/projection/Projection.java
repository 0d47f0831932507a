package org.perfledger.query.projection;

import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.PerfLedgerEvent;

/**
 * One read model fed by events. It is called inside the transaction that also moves the aggregate's position, once
 * per event, in sequence order per aggregate.
 */
public interface Projection {

    void apply(PerfLedgerEvent event, EventEnvelope envelope);
}
