-- District finance's last decision on a plan's targets (退回 with its reason, or 通过 with its comment) and who made it,
-- so the department sees why its targets came back, and the work queues can say so.
ALTER TABLE plan ADD COLUMN targets_review      VARCHAR(20) CHECK (targets_review IN ('returned', 'approved')),
                 ADD COLUMN targets_note        TEXT,
                 ADD COLUMN targets_reviewed_by TEXT;
