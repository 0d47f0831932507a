-- Reads by auditors, recorded: who read what, when, and what they were answered.
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

GRANT SELECT ON access_audit TO perfledger_reader;
ALTER TABLE access_audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_isolation ON access_audit FOR SELECT TO perfledger_reader
    USING (district = current_setting('perfledger.district', true));
