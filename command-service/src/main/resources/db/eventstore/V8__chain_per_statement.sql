-- The chain written once per statement instead of once per row: a group commit appends many commands' events in one
-- INSERT, and the links for all of them are made together. The same links as before (V3): for each district in the
-- statement, in district order (so two writers lock districts in one order and never wait for each other in a cycle),
-- its advisory lock is taken once, its last link read once, and its new rows linked in global-index order.
CREATE FUNCTION event_chain_append_statement() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    e          domain_event_entry;
    district   VARCHAR(63);
    chain      VARCHAR(63) := NULL;
    previous   BYTEA;
    last       BIGINT;
    hash       BYTEA;
    districts  VARCHAR(63)[] := '{}';
    positions  BIGINT[] := '{}';
    indexes    BIGINT[] := '{}';
    ids        VARCHAR(255)[] := '{}';
    previouses BYTEA[] := '{}';
    hashes     BYTEA[] := '{}';
BEGIN
    FOR e IN SELECT * FROM appended a
               ORDER BY coalesce(convert_from(a.meta_data, 'UTF8')::jsonb ->> 'district', ''), a.global_index LOOP
        district := coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'district', '');
        IF chain IS DISTINCT FROM district THEN
            chain := district;
            PERFORM pg_advisory_xact_lock(hashtextextended('perfledger.event_chain:' || chain, 0));
            previous := NULL;
            SELECT c.hash, c.position INTO previous, last FROM event_chain c WHERE c.district = chain
             ORDER BY c.position DESC LIMIT 1;
            IF previous IS NULL THEN
                previous := decode(repeat('00', 32), 'hex');
                last := 0;
            END IF;
        END IF;
        hash := sha256(previous || event_chain_content(e));
        last := last + 1;
        districts := districts || chain;
        positions := positions || last;
        indexes := indexes || e.global_index;
        ids := ids || e.event_identifier;
        previouses := previouses || previous;
        hashes := hashes || hash;
        previous := hash;
    END LOOP;
    INSERT INTO event_chain (district, position, global_index, event_identifier, previous_hash, hash)
    SELECT * FROM unnest(districts, positions, indexes, ids, previouses, hashes);
    RETURN NULL;
END
$$;

DROP TRIGGER domain_event_entry_chain ON domain_event_entry;
DROP FUNCTION event_chain_append();

CREATE TRIGGER domain_event_entry_chain
    AFTER INSERT ON domain_event_entry
    REFERENCING NEW TABLE AS appended
    FOR EACH STATEMENT EXECUTE FUNCTION event_chain_append_statement();
