-- District finance's thresholds of monitoring warnings (预警阈值), every version: behind time by more than yellow
-- percentage points is 黄灯, by more than red 红灯. A year without a row is watched under the default (5 and 10).
CREATE TABLE monitoring_thresholds (
    district    VARCHAR(63)   NOT NULL,
    fiscal_year INTEGER       NOT NULL,
    version     INTEGER       NOT NULL,
    yellow      NUMERIC(5, 2) NOT NULL,
    red         NUMERIC(5, 2) NOT NULL,
    source      TEXT,
    set_at      TIMESTAMPTZ   NOT NULL,
    set_by      TEXT          NOT NULL,
    PRIMARY KEY (district, fiscal_year, version)
);

GRANT SELECT ON monitoring_thresholds TO perfledger_reader;
ALTER TABLE monitoring_thresholds ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_isolation ON monitoring_thresholds FOR SELECT TO perfledger_reader
    USING (district = current_setting('perfledger.district', true));
