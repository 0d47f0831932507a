-- Which way an indicator is better where its table says so and its target's sign does not (a 排名's "≥4" is 第4名 or
-- better): HIGHER_IS_BETTER or LOWER_IS_BETTER; null where the target's sign says it.
ALTER TABLE indicator ADD COLUMN direction VARCHAR(20);
