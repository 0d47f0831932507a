-- Readers select streams by their ids, exactly or by prefix (a department's plans of a year, a district's calendars):
-- views as of an instant, rebuilds, exports and the event log. text_pattern_ops lets LIKE 'prefix%' use the index
-- whatever the database's collation.
CREATE INDEX domain_event_entry_by_stream ON domain_event_entry (aggregate_identifier text_pattern_ops, sequence_number);
