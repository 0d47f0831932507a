-- An adjustment the documents name without its amount (movement 'noted'): no amount, its items in parts (names
-- only), the document it rests on in document_number.
ALTER TABLE budget_movement ALTER COLUMN amount DROP NOT NULL;
ALTER TABLE budget_movement DROP CONSTRAINT budget_movement_movement_check;
ALTER TABLE budget_movement ADD CONSTRAINT budget_movement_movement_check
    CHECK (movement IN ('opened', 'adjusted', 'noted', 'received', 'spent', 'corrected'));
ALTER TABLE budget_movement ADD CONSTRAINT budget_movement_amount_check
    CHECK (amount IS NOT NULL OR movement = 'noted');
