-- A plan's 年度总体目标 as its documents state them: narrative goals, not scored, each with the fund it is for where
-- one is named (a JSON array of {fundedBy, text}); null where none are stated.
ALTER TABLE plan ADD COLUMN overall_goals JSONB;
