-- Tamper evidence: each district's events form a hash chain, written by the database itself as each event row is
-- appended, in the same transaction. A link's hash is SHA-256 over the previous link's hash and every stored field
-- of the event (length-prefixed, so no two different rows give the same bytes). Appends within one district take a
-- transaction-scoped advisory lock, so the chain has one order; districts chain independently. Events without a
-- district in their metadata (none today) chain under ''.
--
-- Verification recomputes the chain in Java from the rows (ChainVerifier) and names the first link whose event was
-- changed, deleted or reordered. There is deliberately no foreign key from the chain to the events: a deleted event
-- must leave its link behind for verify to find.
CREATE TABLE event_chain (
    district         VARCHAR(63)  NOT NULL,
    position         BIGINT       NOT NULL,
    global_index     BIGINT       NOT NULL UNIQUE,
    event_identifier VARCHAR(255) NOT NULL,
    previous_hash    BYTEA        NOT NULL,
    hash             BYTEA        NOT NULL,
    chained_at       TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (district, position)
);

CREATE INDEX event_chain_by_day ON event_chain (district, chained_at);

-- The bytes a link's hash covers after the previous hash: each field as a 4-byte big-endian length and its UTF-8
-- bytes (-1 for NULL), in this order.
CREATE FUNCTION event_chain_field(value BYTEA) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN value IS NULL THEN int4send(-1) ELSE int4send(length(value)) || value END $$;

CREATE FUNCTION event_chain_content(e domain_event_entry) RETURNS BYTEA
    LANGUAGE sql IMMUTABLE AS
$$
SELECT event_chain_field(convert_to(e.event_identifier, 'UTF8'))
    || event_chain_field(convert_to(e.aggregate_identifier, 'UTF8'))
    || int8send(e.sequence_number)
    || event_chain_field(convert_to(e.type, 'UTF8'))
    || event_chain_field(convert_to(e.time_stamp, 'UTF8'))
    || event_chain_field(convert_to(e.payload_type, 'UTF8'))
    || event_chain_field(convert_to(e.payload_revision, 'UTF8'))
    || event_chain_field(e.payload)
    || event_chain_field(e.meta_data)
$$;

CREATE FUNCTION event_chain_append() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    chain    VARCHAR(63);
    previous BYTEA;
    last     BIGINT;
BEGIN
    chain := coalesce(convert_from(NEW.meta_data, 'UTF8')::jsonb ->> 'district', '');
    PERFORM pg_advisory_xact_lock(hashtextextended('perfledger.event_chain:' || chain, 0));
    SELECT hash, position INTO previous, last FROM event_chain WHERE district = chain ORDER BY position DESC LIMIT 1;
    IF previous IS NULL THEN
        previous := decode(repeat('00', 32), 'hex');
        last := 0;
    END IF;
    INSERT INTO event_chain (district, position, global_index, event_identifier, previous_hash, hash)
    VALUES (chain, last + 1, NEW.global_index, NEW.event_identifier, previous,
            sha256(previous || event_chain_content(NEW)));
    RETURN NEW;
END
$$;

CREATE TRIGGER domain_event_entry_chain
    AFTER INSERT ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION event_chain_append();

-- Events stored before the chain existed are chained now, in append order, by the same function.
CREATE FUNCTION event_chain_backfill() RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    e        domain_event_entry;
    chain    VARCHAR(63);
    previous BYTEA;
    last     BIGINT;
BEGIN
    FOR e IN SELECT * FROM domain_event_entry ORDER BY global_index LOOP
        chain := coalesce(convert_from(e.meta_data, 'UTF8')::jsonb ->> 'district', '');
        previous := NULL;
        SELECT hash, position INTO previous, last FROM event_chain WHERE district = chain
            ORDER BY position DESC LIMIT 1;
        IF previous IS NULL THEN
            previous := decode(repeat('00', 32), 'hex');
            last := 0;
        END IF;
        INSERT INTO event_chain (district, position, global_index, event_identifier, previous_hash, hash)
        VALUES (chain, last + 1, e.global_index, e.event_identifier, previous,
                sha256(previous || event_chain_content(e)));
    END LOOP;
END
$$;

SELECT event_chain_backfill();
DROP FUNCTION event_chain_backfill();
