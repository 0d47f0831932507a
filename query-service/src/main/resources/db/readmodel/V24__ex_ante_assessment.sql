-- 事前绩效评估: each round of a new project's ex-ante assessment, what its department stated for each criterion
-- ({"NECESSITY": {"text": …, "evidence": …}, …}), and district finance's conclusion once drawn: the points of each
-- criterion, the scheme's points they were given under, the total, the conclusion and the opinion.
CREATE TABLE assessment (
    district       VARCHAR(63)  NOT NULL,
    department_id  VARCHAR(63)  NOT NULL,
    fiscal_year    INTEGER      NOT NULL,
    plan_key       VARCHAR(63)  NOT NULL,
    round          INTEGER      NOT NULL,
    statements     JSONB        NOT NULL,
    submitted_at   TIMESTAMPTZ  NOT NULL,
    submitted_by   TEXT         NOT NULL,
    conclusion     VARCHAR(40)  CHECK (conclusion IN ('SUPPORTED', 'SUPPORTED_AFTER_ADJUSTMENT', 'NOT_SUPPORTED')),
    total          NUMERIC(6, 2),
    scores         JSONB,
    weights        JSONB,
    scheme_version INTEGER,
    opinion        TEXT,
    assessor       TEXT,
    concluded_at   TIMESTAMPTZ,
    concluded_by   TEXT,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, round)
);

-- District finance's schemes of ex-ante assessments, every version: the points of each criterion.
CREATE TABLE assessment_scheme (
    district    VARCHAR(63) NOT NULL,
    fiscal_year INTEGER     NOT NULL,
    version     INTEGER     NOT NULL,
    weights     JSONB       NOT NULL,
    source      TEXT,
    set_at      TIMESTAMPTZ NOT NULL,
    set_by      TEXT        NOT NULL,
    PRIMARY KEY (district, fiscal_year, version)
);

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['assessment', 'assessment_scheme']
    LOOP
        EXECUTE format('GRANT SELECT ON %I TO perfledger_reader', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY district_isolation ON %I FOR SELECT TO perfledger_reader '
                       'USING (district = current_setting(''perfledger.district'', true))', t);
    END LOOP;
END
$$;
