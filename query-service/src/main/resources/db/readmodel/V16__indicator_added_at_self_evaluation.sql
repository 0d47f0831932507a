-- An indicator the approved targets did not hold, added as the self-evaluation was drawn up (自评时补充): the reason
-- the department gave; null for an indicator of the targets finance approved.
ALTER TABLE indicator ADD COLUMN added_at_self_evaluation TEXT;
