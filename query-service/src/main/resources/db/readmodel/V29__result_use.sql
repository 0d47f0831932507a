-- The use of a year's results (评价结果应用): finance's rules, every version ({"FAIR": {"action": "REDUCE",
-- "share": "10"}, …}); each plan's proposals for next year's budget; and what a plan's budget rests on.
CREATE TABLE result_use_rules (
    district    VARCHAR(63) NOT NULL,
    fiscal_year INTEGER     NOT NULL,
    version     INTEGER     NOT NULL,
    rules       JSONB       NOT NULL,
    source      TEXT,
    set_at      TIMESTAMPTZ NOT NULL,
    set_by      TEXT        NOT NULL,
    PRIMARY KEY (district, fiscal_year, version)
);

-- rule_action and action in words (压减 10%); the amounts in 万元
CREATE TABLE budget_proposal (
    district        VARCHAR(63)    NOT NULL,
    department_id   VARCHAR(63)    NOT NULL,
    fiscal_year     INTEGER        NOT NULL,
    plan_key        VARCHAR(63)    NOT NULL,
    number          INTEGER        NOT NULL,
    grade           VARCHAR(20)    NOT NULL,
    rules_version   INTEGER        NOT NULL,
    rule_action     TEXT           NOT NULL,
    base            NUMERIC(15, 2) NOT NULL,
    rule_proposed   NUMERIC(15, 2) NOT NULL,
    action          TEXT           NOT NULL,
    proposed        NUMERIC(15, 2) NOT NULL,
    override_reason TEXT,
    drawn_at        TIMESTAMPTZ    NOT NULL,
    drawn_by        TEXT           NOT NULL,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, number)
);

-- last year's result and finance's proposal the plan's budget was opened on, or null
ALTER TABLE plan ADD COLUMN budget_basis JSONB;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['result_use_rules', 'budget_proposal']
    LOOP
        EXECUTE format('GRANT SELECT ON %I TO perfledger_reader', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY district_isolation ON %I FOR SELECT TO perfledger_reader '
                       'USING (district = current_setting(''perfledger.district'', true))', t);
    END LOOP;
END
$$;
