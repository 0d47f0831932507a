package org.perfledger.command.relay;

import org.perfledger.kernel.event.EventEnvelope;

/** A row of the event store with its relay position: the writing transaction and the global index. */
record StoredEvent(String txId, long globalIndex, String streamKey, EventEnvelope envelope) {
}
