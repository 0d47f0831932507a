-- District isolation in the database itself. Reads run as perfledger_reader with the request's district set for the
-- transaction (perfledger.district); the policies let that role see only that district's rows, so a query that
-- forgets its district filter still cannot return another district's data. The projections write as the owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'perfledger_reader') THEN
        CREATE ROLE perfledger_reader NOLOGIN;
    END IF;
END
$$;

GRANT perfledger_reader TO CURRENT_USER;
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO perfledger_reader;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['department', 'plan', 'plan_budget_part', 'budget_movement', 'budget_line', 'goal',
                             'indicator', 'completion', 'target_adjustment', 'monitoring_report', 'self_evaluation',
                             'reporting_calendar', 'scoring_scheme', 'projection_position']
    LOOP
        EXECUTE format('GRANT SELECT ON %I TO perfledger_reader', t);
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY district_isolation ON %I FOR SELECT TO perfledger_reader '
                       'USING (district = current_setting(''perfledger.district'', true))', t);
    END LOOP;
END
$$;
