-- The scores a self-evaluation reports are kept at the precision they were printed with ("17.0" stays 17.0), so each
-- is judged at that precision; events from before this kept two decimals, and are read at the decimals that remain
-- without their trailing zeros (see EventUpcasting). Rows written before keep two decimals until the read models are
-- rebuilt from the events.
ALTER TABLE self_evaluation ALTER COLUMN score TYPE NUMERIC;
ALTER TABLE self_evaluation ALTER COLUMN execution_score TYPE NUMERIC;
