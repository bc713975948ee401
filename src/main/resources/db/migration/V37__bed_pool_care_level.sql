-- The care level (omsorgsnivå) a bed pool's beds are at, so matching can offer them at the lowest effective care
-- level (BEON) beside the municipality's own places. Most shared pools are short-term beds (felles korttidssenger).
ALTER TABLE bed_pool ADD COLUMN care_level varchar(30) NOT NULL DEFAULT 'short-term-bed'
    CHECK (care_level IN ('home-care', 'short-term-bed', 'rehabilitation-bed', 'municipal-acute-bed', 'long-term-nursing-home', 'other'));
