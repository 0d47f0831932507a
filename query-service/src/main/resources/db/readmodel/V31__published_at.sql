-- When a self-evaluation was published: the public disclosure site shows the chain head of that day beside it.
ALTER TABLE self_evaluation ADD COLUMN published_at TIMESTAMPTZ;
