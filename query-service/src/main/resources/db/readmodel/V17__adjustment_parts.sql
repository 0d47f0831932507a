-- The items an adjustment is made of where its documents itemise it ([{"name": "九峰所维修费", "amount": "51.08"}, …],
-- adding up to its amount); null for any other movement and for an adjustment not itemised.
ALTER TABLE budget_movement ADD COLUMN parts JSONB;
