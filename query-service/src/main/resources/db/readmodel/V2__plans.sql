-- Read models of plans (a department's department-wide plan or one project, per fiscal year). Every table is keyed
-- by district first; plan_key is 'department' for the department-wide plan, else the project's code.
DROP TABLE budget_adjustment;
DROP TABLE department_budget;

CREATE TABLE plan (
    district        VARCHAR(63)    NOT NULL,
    department_id   VARCHAR(63)    NOT NULL,
    fiscal_year     INTEGER        NOT NULL,
    plan_key        VARCHAR(63)    NOT NULL,
    kind            VARCHAR(20)    NOT NULL,
    name            VARCHAR(200),
    implementing_units TEXT,
    category        VARCHAR(40),
    attribute       VARCHAR(40),
    project_type    VARCHAR(40),
    finance_desk    VARCHAR(100),
    phase           VARCHAR(40)    NOT NULL,
    budget_opened   BOOLEAN        NOT NULL DEFAULT false,
    initial_budget  NUMERIC(15, 2) NOT NULL DEFAULT 0,
    adjusted_budget NUMERIC(15, 2) NOT NULL DEFAULT 0,
    received        NUMERIC(15, 2) NOT NULL DEFAULT 0,
    executed        NUMERIC(15, 2) NOT NULL DEFAULT 0,
    over_budget     BOOLEAN        NOT NULL DEFAULT false,
    version         BIGINT         NOT NULL,
    updated_at      TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key)
);

-- The budget by funding source and by expenditure class (人员经费 / 公用经费 / 项目支出).
CREATE TABLE plan_budget_part (
    district        VARCHAR(63)    NOT NULL,
    department_id   VARCHAR(63)    NOT NULL,
    fiscal_year     INTEGER        NOT NULL,
    plan_key        VARCHAR(63)    NOT NULL,
    dimension       VARCHAR(10)    NOT NULL CHECK (dimension IN ('source', 'class')),
    part            VARCHAR(40)    NOT NULL,
    initial_amount  NUMERIC(15, 2) NOT NULL DEFAULT 0,
    adjusted_amount NUMERIC(15, 2) NOT NULL DEFAULT 0,
    received        NUMERIC(15, 2) NOT NULL DEFAULT 0,
    executed        NUMERIC(15, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, dimension, part)
);

-- One row per budget movement, in the plan's order: the trail behind every figure.
CREATE TABLE budget_movement (
    district         VARCHAR(63)    NOT NULL,
    department_id    VARCHAR(63)    NOT NULL,
    fiscal_year      INTEGER        NOT NULL,
    plan_key         VARCHAR(63)    NOT NULL,
    sequence_number  BIGINT         NOT NULL,
    movement         VARCHAR(20)    NOT NULL CHECK (movement IN ('opened', 'adjusted', 'received', 'spent', 'corrected')),
    adjustment_no    INTEGER,
    kind             VARCHAR(40),
    source           VARCHAR(40),
    expenditure_class VARCHAR(40),
    line             VARCHAR(100),
    amount           NUMERIC(15, 2) NOT NULL,
    from_amount      NUMERIC(15, 2),
    to_amount        NUMERIC(15, 2),
    reason           TEXT,
    document_number  VARCHAR(100),
    voucher          VARCHAR(100),
    movement_date    DATE,
    over_budget      BOOLEAN        NOT NULL DEFAULT false,
    recorded_at      TIMESTAMPTZ    NOT NULL,
    actor            VARCHAR(100)   NOT NULL,
    correlation_id   VARCHAR(100)   NOT NULL,
    event_id         VARCHAR(255)   NOT NULL UNIQUE,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, sequence_number)
);

CREATE TABLE budget_line (
    district       VARCHAR(63)    NOT NULL,
    department_id  VARCHAR(63)    NOT NULL,
    fiscal_year    INTEGER        NOT NULL,
    plan_key       VARCHAR(63)    NOT NULL,
    position       INTEGER        NOT NULL,
    name           VARCHAR(100)   NOT NULL,
    amount         NUMERIC(15, 2) NOT NULL,
    executed       NUMERIC(15, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, name)
);

CREATE TABLE goal (
    district      VARCHAR(63) NOT NULL,
    department_id VARCHAR(63) NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    plan_key      VARCHAR(63) NOT NULL,
    number        INTEGER     NOT NULL,
    text          TEXT        NOT NULL,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, number)
);

-- Target and actual values keep the text as written and the typed value (JSON) side by side.
CREATE TABLE indicator (
    district            VARCHAR(63)   NOT NULL,
    department_id       VARCHAR(63)   NOT NULL,
    fiscal_year         INTEGER       NOT NULL,
    plan_key            VARCHAR(63)   NOT NULL,
    code                VARCHAR(63)   NOT NULL,
    position            INTEGER       NOT NULL,
    goal                INTEGER       NOT NULL,
    level1              VARCHAR(40)   NOT NULL,
    level2              VARCHAR(40)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    weight              NUMERIC(5, 2) NOT NULL,
    target_text         VARCHAR(200)  NOT NULL,
    target_value        JSONB         NOT NULL,
    latest_actual_text  VARCHAR(200),
    latest_actual_value JSONB,
    latest_as_of        DATE,
    latest_narrative    TEXT,
    latest_evidence     TEXT,
    latest_achievement  VARCHAR(40),
    completions         INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, code)
);

CREATE TABLE completion (
    district        VARCHAR(63)  NOT NULL,
    department_id   VARCHAR(63)  NOT NULL,
    fiscal_year     INTEGER      NOT NULL,
    plan_key        VARCHAR(63)  NOT NULL,
    sequence_number BIGINT       NOT NULL,
    code            VARCHAR(63)  NOT NULL,
    actual_text     VARCHAR(200) NOT NULL,
    actual_value    JSONB        NOT NULL,
    narrative       TEXT,
    as_of           DATE         NOT NULL,
    evidence        TEXT,
    achievement     VARCHAR(40),
    recorded_at     TIMESTAMPTZ  NOT NULL,
    actor           VARCHAR(100) NOT NULL,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, sequence_number)
);

CREATE TABLE target_adjustment (
    district      VARCHAR(63)   NOT NULL,
    department_id VARCHAR(63)   NOT NULL,
    fiscal_year   INTEGER       NOT NULL,
    plan_key      VARCHAR(63)   NOT NULL,
    number        INTEGER       NOT NULL,
    code          VARCHAR(63)   NOT NULL,
    target_text   VARCHAR(200)  NOT NULL,
    weight        NUMERIC(5, 2) NOT NULL,
    reason        TEXT          NOT NULL,
    status        VARCHAR(20)   NOT NULL CHECK (status IN ('requested', 'approved', 'rejected')),
    decision_note TEXT,
    requested_by  VARCHAR(100)  NOT NULL,
    decided_by    VARCHAR(100),
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, number)
);

CREATE TABLE monitoring_report (
    district            VARCHAR(63)    NOT NULL,
    department_id       VARCHAR(63)    NOT NULL,
    fiscal_year         INTEGER        NOT NULL,
    plan_key            VARCHAR(63)    NOT NULL,
    period              VARCHAR(100)   NOT NULL,
    as_of               DATE           NOT NULL,
    budget              NUMERIC(15, 2) NOT NULL,
    executed            NUMERIC(15, 2) NOT NULL,
    indicators          JSONB          NOT NULL,
    deviations          TEXT,
    corrective_measures TEXT,
    submitted_at        TIMESTAMPTZ    NOT NULL,
    submitted_by        VARCHAR(100)   NOT NULL,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, period)
);

CREATE TABLE self_evaluation (
    district             VARCHAR(63)   NOT NULL,
    department_id        VARCHAR(63)   NOT NULL,
    fiscal_year          INTEGER       NOT NULL,
    plan_key             VARCHAR(63)   NOT NULL,
    round                INTEGER       NOT NULL,
    indicators           JSONB         NOT NULL,
    score                NUMERIC(5, 2),
    grade                VARCHAR(20),
    deviation_analysis   TEXT,
    improvement_measures TEXT          NOT NULL,
    results_use          TEXT          NOT NULL,
    publication_plan     TEXT          NOT NULL,
    status               VARCHAR(20)   NOT NULL CHECK (status IN ('submitted', 'returned', 'accepted')),
    review_note          TEXT,
    submitted_at         TIMESTAMPTZ   NOT NULL,
    submitted_by         VARCHAR(100)  NOT NULL,
    reviewed_by          VARCHAR(100),
    published_channels   TEXT,
    PRIMARY KEY (district, department_id, fiscal_year, plan_key, round)
);

CREATE TABLE reporting_calendar (
    district            VARCHAR(63)   NOT NULL,
    fiscal_year         INTEGER       NOT NULL,
    monitoring          JSONB         NOT NULL,
    self_evaluation_due DATE          NOT NULL,
    deviation_margin    NUMERIC(5, 2) NOT NULL,
    PRIMARY KEY (district, fiscal_year)
);
