-- Scoring schemes, every version district finance set; a self-evaluation names the version it was submitted under.
CREATE TABLE scoring_scheme (
    district    VARCHAR(63)  NOT NULL,
    fiscal_year INTEGER      NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    version     INTEGER      NOT NULL,
    scheme      JSONB        NOT NULL,
    set_at      TIMESTAMPTZ  NOT NULL,
    set_by      VARCHAR(100) NOT NULL,
    PRIMARY KEY (district, fiscal_year, kind, version)
);

-- The figures a department reports beside its own scores, to be held against the recomputed ones.
ALTER TABLE self_evaluation
    ADD COLUMN execution_rate  NUMERIC(12, 4),
    ADD COLUMN execution_score NUMERIC(5, 2),
    ADD COLUMN scheme_version  INTEGER;
