-- A project's sub-projects (子项目) as its documents name them (a JSON array of names), null where none are named; and
-- the part of the budget a goal is for (天心 2020: "2.食品安全监管检测经费，2020年度总体目标：…"), null where none.
ALTER TABLE plan ADD COLUMN sub_projects JSONB;
ALTER TABLE goal ADD COLUMN funded_by VARCHAR(100);
