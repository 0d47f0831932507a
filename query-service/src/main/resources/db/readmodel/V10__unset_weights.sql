-- An indicator's 分值 may be unset (a table that prints none): null, which is not 0.
ALTER TABLE indicator ALTER COLUMN weight DROP NOT NULL;
ALTER TABLE target_adjustment ALTER COLUMN weight DROP NOT NULL;
