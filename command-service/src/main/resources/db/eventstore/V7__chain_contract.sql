-- The event chain's read contract, version 1: each district's links in order, with the hash anyone may keep and
-- compare (the public disclosure site shows the head of a publication's day beside its figures). Axon's tables and the
-- chain's own layout stay the command service's detail.
CREATE VIEW event_chain_v1 AS
SELECT district, position, hash, chained_at
  FROM event_chain;

COMMENT ON VIEW event_chain_v1 IS
    'PerfLedger''s read contract of the event chain, version 1: a district''s links, their hashes and when they were made';
