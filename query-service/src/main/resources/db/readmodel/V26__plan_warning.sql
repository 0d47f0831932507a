-- District finance's warnings on a plan during the year (提示 / 警示), each with the day the department answers by and,
-- once given, its answer.
CREATE TABLE plan_warning (
    district      VARCHAR(63)  NOT NULL,
    department_id VARCHAR(63)  NOT NULL,
    fiscal_year   INTEGER      NOT NULL,
    plan_key      VARCHAR(63)  NOT NULL,
    number        INTEGER      NOT NULL,
    level         VARCHAR(20)  NOT NULL CHECK (level IN ('NOTICE', 'CAUTION')),
    text          TEXT         NOT NULL,
    respond_by    DATE         NOT NULL,
    issued_at     TIMESTAMPTZ  NOT NULL,
    issued_by     TEXT         NOT NULL,
    response      TEXT,
    answered_at   TIMESTAMPTZ,
    answered_by   TEXT,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, number)
);

GRANT SELECT ON plan_warning TO perfledger_reader;
ALTER TABLE plan_warning ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_isolation ON plan_warning FOR SELECT TO perfledger_reader
    USING (district = current_setting('perfledger.district', true));
