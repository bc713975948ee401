-- An option an intake team chose for a patient from matching (BEON): a place of its published receiving capacity,
-- answered "can receive" (§ 11), or a pool bed, given through an allocation. A place chosen after its figure was
-- published is taken from its first day on, until the municipality publishes again.
CREATE TABLE care_option_choice (
    id            uuid         PRIMARY KEY,
    stay_id       uuid         NOT NULL REFERENCES stay,
    -- The paying municipality.
    municipality  varchar(4)   NOT NULL REFERENCES municipality,
    source        varchar(20)  NOT NULL CHECK (source IN ('receiving-capacity', 'bed-pool')),
    care_level    varchar(30)  NOT NULL CHECK (care_level IN ('home-care', 'short-term-bed', 'rehabilitation-bed',
                                                              'municipal-acute-bed', 'long-term-nursing-home', 'other')),
    from_date     date         NOT NULL,
    pool_id       uuid         REFERENCES bed_pool,
    -- The allocation the choice made (no foreign key: the allocation's lifecycle is its own).
    allocation_id uuid,
    chosen_at     timestamptz  NOT NULL,
    chosen_by     varchar(200) NOT NULL,
    CHECK ((source = 'bed-pool') = (pool_id IS NOT NULL AND allocation_id IS NOT NULL))
);
CREATE INDEX care_option_choice_places_idx ON care_option_choice (municipality, source, chosen_at);
CREATE INDEX care_option_choice_stay_idx ON care_option_choice (stay_id);
CREATE TRIGGER care_option_choice_append_only BEFORE UPDATE OR DELETE ON care_option_choice
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_row();
