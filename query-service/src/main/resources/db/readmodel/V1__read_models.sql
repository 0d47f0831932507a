-- Where each aggregate's events have been applied up to: applying an event twice, or out of order, changes nothing.
CREATE TABLE projection_position (
    aggregate_id  VARCHAR(255) PRIMARY KEY,
    district      VARCHAR(63)  NOT NULL,
    last_sequence BIGINT       NOT NULL,
    last_event_id VARCHAR(255) NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Events that arrived before an earlier event of their aggregate; applied as soon as the gap fills.
CREATE TABLE parked_event (
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    envelope        BYTEA        NOT NULL,
    parked_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (aggregate_id, sequence_number)
);

CREATE TABLE department (
    district      VARCHAR(63)  NOT NULL,
    department_id VARCHAR(63)  NOT NULL,
    name          VARCHAR(200) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    registered_by VARCHAR(100) NOT NULL,
    PRIMARY KEY (district, department_id)
);

CREATE TABLE department_budget (
    district       VARCHAR(63)    NOT NULL,
    department_id  VARCHAR(63)    NOT NULL,
    fiscal_year    INTEGER        NOT NULL,
    initial_amount NUMERIC(15, 2) NOT NULL,
    current_amount NUMERIC(15, 2) NOT NULL,
    version        BIGINT         NOT NULL,
    opened_at      TIMESTAMPTZ    NOT NULL,
    opened_by      VARCHAR(100)   NOT NULL,
    PRIMARY KEY (district, department_id, fiscal_year)
);

CREATE TABLE budget_adjustment (
    district        VARCHAR(63)    NOT NULL,
    department_id   VARCHAR(63)    NOT NULL,
    fiscal_year     INTEGER        NOT NULL,
    sequence_number BIGINT         NOT NULL,
    from_amount     NUMERIC(15, 2) NOT NULL,
    to_amount       NUMERIC(15, 2) NOT NULL,
    reason          TEXT           NOT NULL,
    document_number VARCHAR(100)   NOT NULL,
    adjusted_at     TIMESTAMPTZ    NOT NULL,
    actor           VARCHAR(100)   NOT NULL,
    correlation_id  VARCHAR(100)   NOT NULL,
    event_id        VARCHAR(255)   NOT NULL UNIQUE,
    PRIMARY KEY (district, department_id, fiscal_year, sequence_number)
);
