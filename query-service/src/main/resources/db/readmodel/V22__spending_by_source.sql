-- Spending is recorded by expenditure class; by funding source it is what the documents state (决算 by 资金来源, 如皋
-- 2023), and not stated until they do: null, not 0.
ALTER TABLE plan_budget_part ALTER COLUMN executed DROP NOT NULL;
UPDATE plan_budget_part SET executed = NULL WHERE dimension = 'source';
