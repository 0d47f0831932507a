-- The figures a self-evaluation prints beyond its scores (sums, rates, quotients), as printed, to be checked.
ALTER TABLE self_evaluation ADD COLUMN printed JSONB NOT NULL DEFAULT '[]';
