-- The points a table prints for a goal as a whole (硚口 2020: 年度绩效目标1 (80分)); null where none is printed.
ALTER TABLE goal ADD COLUMN weight NUMERIC(6, 2);
