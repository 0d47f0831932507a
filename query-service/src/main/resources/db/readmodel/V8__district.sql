-- The districts on PerfLedger, by name: the summaries and page titles name a district as people know it.
CREATE TABLE district (
    district      VARCHAR(63)  PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    registered_at TIMESTAMPTZ  NOT NULL,
    registered_by TEXT         NOT NULL
);

GRANT SELECT ON district TO perfledger_reader;
ALTER TABLE district ENABLE ROW LEVEL SECURITY;
CREATE POLICY district_isolation ON district FOR SELECT TO perfledger_reader
    USING (district = current_setting('perfledger.district', true));
