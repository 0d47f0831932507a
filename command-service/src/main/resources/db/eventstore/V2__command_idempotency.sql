-- Requests a client sent with an Idempotency-Key, claimed in the same transaction as the events they caused: a
-- retry finds its key and gets the first answer back; nothing is stored twice. A failed request leaves no key.
CREATE TABLE command_idempotency (
    district        VARCHAR(63)  NOT NULL,
    idempotency_key VARCHAR(100) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    command_name    VARCHAR(255) NOT NULL,
    result_type     VARCHAR(255),
    result          TEXT,
    actor           VARCHAR(100) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (district, idempotency_key)
);
