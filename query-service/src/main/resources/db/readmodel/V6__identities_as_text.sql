-- Who acted, and the request's correlation id, are copied from each event's metadata. The API holds every identity to
-- one rule (kernel Identity: at most 100 characters) and every correlation id to 100 characters, but an event store
-- may hold longer ones (written before the rule, or behind the API): the read models take whatever a stored event
-- says, so a projection can never fail on it.
ALTER TABLE department        ALTER COLUMN registered_by  TYPE TEXT;
ALTER TABLE budget_movement   ALTER COLUMN actor          TYPE TEXT,
                              ALTER COLUMN correlation_id TYPE TEXT;
ALTER TABLE completion        ALTER COLUMN actor          TYPE TEXT;
ALTER TABLE target_adjustment ALTER COLUMN requested_by   TYPE TEXT,
                              ALTER COLUMN decided_by     TYPE TEXT;
ALTER TABLE monitoring_report ALTER COLUMN submitted_by   TYPE TEXT;
ALTER TABLE self_evaluation   ALTER COLUMN submitted_by   TYPE TEXT,
                              ALTER COLUMN reviewed_by    TYPE TEXT;
ALTER TABLE scoring_scheme    ALTER COLUMN set_by         TYPE TEXT;
