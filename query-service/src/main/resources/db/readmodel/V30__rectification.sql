-- 整改事项: what finance finds a plan must put right, who owns it and by when; the department's report (what it did
-- and the evidence); finance's return of a report (the item is open again) or its closure (销号).
CREATE TABLE rectification (
    district      VARCHAR(63) NOT NULL,
    department_id VARCHAR(63) NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    plan_key      VARCHAR(63) NOT NULL,
    number        INTEGER     NOT NULL,
    issue         TEXT        NOT NULL,
    owner         TEXT        NOT NULL,
    deadline      DATE        NOT NULL,
    raised_at     TIMESTAMPTZ NOT NULL,
    raised_by     TEXT        NOT NULL,
    status        VARCHAR(20) NOT NULL CHECK (status IN ('open', 'reported', 'closed')),
    measures      TEXT,
    evidence      TEXT,
    reported_at   TIMESTAMPTZ,
    reported_by   TEXT,
    return_reason TEXT,
    close_note    TEXT,
    closed_at     TIMESTAMPTZ,
    closed_by     TEXT,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, number)
);

GRANT SELECT ON rectification TO perfledger_reader;
ALTER TABLE rectification ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_isolation ON rectification FOR SELECT TO perfledger_reader
    USING (district = current_setting('perfledger.district', true));
