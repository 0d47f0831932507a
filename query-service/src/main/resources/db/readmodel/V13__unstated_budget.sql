-- A plan whose documents state no budget at all (a narrative report of spending): its budget figures are 0, which is
-- not a budget of 0, and no 执行率 is computed from them.
ALTER TABLE plan ADD COLUMN budget_unstated BOOLEAN NOT NULL DEFAULT false;
