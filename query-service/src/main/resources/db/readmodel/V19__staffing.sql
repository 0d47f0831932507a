-- A department's headcounts for the year as its documents state them, on its department-wide plan:
-- {"IN_SERVICE": 168, "ADMINISTRATIVE": 108, …}; only the categories stated; null where none are.
ALTER TABLE plan ADD COLUMN staffing JSONB;
