-- The execution rate a self-evaluation reports is kept at the precision it was printed with (100.0 stays 100.0),
-- so that it is judged at that precision (a tolerance of 0.05, not 0.5). Rows written before keep four decimals until
-- the read models are rebuilt from the events, which carry the rate as given.
ALTER TABLE self_evaluation ALTER COLUMN execution_rate TYPE NUMERIC;
