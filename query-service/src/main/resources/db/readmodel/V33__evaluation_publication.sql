-- 绩效评价结果公开: an accepted evaluation its commissioner published, when, by whom and where else; the public pages
-- show only the evaluations with a publication day.
ALTER TABLE plan_evaluation ADD COLUMN published_channels TEXT;
ALTER TABLE plan_evaluation ADD COLUMN published_at TIMESTAMPTZ;
ALTER TABLE plan_evaluation ADD COLUMN published_by TEXT;
CREATE INDEX plan_evaluation_published ON plan_evaluation (district, fiscal_year) WHERE published_at IS NOT NULL;
