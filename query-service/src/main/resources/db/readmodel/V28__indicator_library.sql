-- District finance's indicator library (指标库): every version of each library indicator, and its retirement.
CREATE TABLE library_indicator (
    district   VARCHAR(63)  NOT NULL,
    code       VARCHAR(63)  NOT NULL,
    version    INTEGER      NOT NULL,
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('COMMON', 'SECTOR')),
    sector     TEXT,
    level1     VARCHAR(40)  NOT NULL,
    level2     VARCHAR(40)  NOT NULL,
    name       TEXT         NOT NULL,
    unit       TEXT,
    direction  VARCHAR(30)  NOT NULL,
    basis      VARCHAR(20)  NOT NULL,
    guidance   TEXT,
    defined_at TIMESTAMPTZ  NOT NULL,
    defined_by TEXT         NOT NULL,
    PRIMARY KEY (district, code, version)
);

CREATE TABLE library_retirement (
    district   VARCHAR(63) NOT NULL,
    code       VARCHAR(63) NOT NULL,
    reason     TEXT        NOT NULL,
    retired_at TIMESTAMPTZ NOT NULL,
    retired_by TEXT        NOT NULL,
    PRIMARY KEY (district, code)
);

-- the library indicator a plan's indicator was picked from, and its version
ALTER TABLE indicator ADD COLUMN library_code VARCHAR(63), ADD COLUMN library_version INTEGER;
CREATE INDEX indicator_library ON indicator (district, library_code) WHERE library_code IS NOT NULL;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['library_indicator', 'library_retirement']
    LOOP
        EXECUTE format('GRANT SELECT ON %I TO perfledger_reader', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY district_isolation ON %I FOR SELECT TO perfledger_reader '
                       'USING (district = current_setting(''perfledger.district'', true))', t);
    END LOOP;
END
$$;
