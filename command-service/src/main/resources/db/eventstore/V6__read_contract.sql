-- The event store's read contract, version 1: the stored events as the relay, the query service's replays and
-- rebuilds, and the audit read them. Axon's table layout (domain_event_entry) is the command service's private detail;
-- a change to it keeps this view's columns, or adds stored_events_v2 beside it for readers to move to.
CREATE VIEW stored_events_v1 AS
SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
       payload_revision, payload, meta_data, tx_id
  FROM domain_event_entry;

COMMENT ON VIEW stored_events_v1 IS
    'PerfLedger''s read contract of the event store, version 1: read this, not domain_event_entry';
