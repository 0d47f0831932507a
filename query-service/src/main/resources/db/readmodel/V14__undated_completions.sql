-- A completion may be a year's figure whose source states no date (a self-evaluation table prints 全年 values): its
-- as_of is then null and the views say 日期未载明, rather than a made-up 31 December.
ALTER TABLE completion ALTER COLUMN as_of DROP NOT NULL;
