-- District finance holding a plan's funds back during the year: 'SUSPENDED' (暂缓拨付) or 'STOPPED' (停止拨付), with
-- its reason; null while they flow.
ALTER TABLE plan ADD COLUMN funds_hold VARCHAR(20) CHECK (funds_hold IN ('SUSPENDED', 'STOPPED'));
ALTER TABLE plan ADD COLUMN funds_hold_reason TEXT;
