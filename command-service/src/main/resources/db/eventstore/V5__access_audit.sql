-- Reads by auditors of the record this service keeps (the event log, its export, the chain): who read what, when,
-- and what they were answered. The query service lists them together with the reads of its own views.
CREATE TABLE access_audit (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district    VARCHAR(63)  NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    roles       VARCHAR(200) NOT NULL,
    method      VARCHAR(10)  NOT NULL,
    path        TEXT         NOT NULL,
    query       TEXT,
    status      INTEGER      NOT NULL,
    read_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE INDEX access_audit_by_district ON access_audit (district, read_at);
