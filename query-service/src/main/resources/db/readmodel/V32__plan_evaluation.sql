-- 部门评价 and 财政重点评价 of a plan, numbered within it: whom it was commissioned from (their user id: an evaluator reads
-- only the plans with a row naming them), the evaluator's report (the figures it verified, its findings) under the
-- scheme of evaluations of that version, and the commissioner's decision (accepted, or returned with a reason).
CREATE TABLE plan_evaluation (
    district        VARCHAR(63)   NOT NULL,
    department_id   VARCHAR(63)   NOT NULL,
    fiscal_year     INTEGER       NOT NULL,
    plan_key        VARCHAR(63)   NOT NULL,
    number          INTEGER       NOT NULL,
    type            VARCHAR(20)   NOT NULL CHECK (type IN ('DEPARTMENT', 'FINANCE_KEY')),
    evaluator       TEXT          NOT NULL,
    evaluator_name  TEXT,
    agency          TEXT,
    due             DATE          NOT NULL,
    focus           TEXT,
    commissioned_at TIMESTAMPTZ   NOT NULL,
    commissioned_by TEXT          NOT NULL,
    status          VARCHAR(20)   NOT NULL CHECK (status IN ('commissioned', 'reported', 'returned', 'accepted')),
    scheme_version  INTEGER,
    executed        NUMERIC(15, 2),
    verified        JSONB,
    findings        TEXT,
    problems        TEXT,
    suggestions     TEXT,
    reported_at     TIMESTAMPTZ,
    return_reason   TEXT,
    decision_note   TEXT,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, number)
);
CREATE INDEX plan_evaluation_evaluator ON plan_evaluation (district, evaluator);

GRANT SELECT ON plan_evaluation TO perfledger_reader;
ALTER TABLE plan_evaluation ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_isolation ON plan_evaluation FOR SELECT TO perfledger_reader
    USING (district = current_setting('perfledger.district', true));

-- the accepted 财政重点评价 whose grade a proposal went by; null: the self-evaluation's
ALTER TABLE budget_proposal ADD COLUMN evaluation INTEGER;
