-- A bed allocation ends when the patient is discharged, the declaration is withdrawn or cancelled, or the
-- patient moves to another bed: its last day is set, and who ended it, when and why are kept. A reservation
-- that has not begun by then is cancelled instead: kept for the history, no longer holding the bed, so the
-- exclusion constraints leave cancelled rows out.
ALTER TABLE bed_allocation
    ADD COLUMN ended_at   timestamptz,
    ADD COLUMN ended_by   varchar(200),
    ADD COLUMN end_reason varchar(30) CHECK (end_reason IN ('discharged', 'withdrawn', 'declaration-cancelled', 'moved')),
    ADD COLUMN cancelled  boolean NOT NULL DEFAULT false,
    -- A move: the allocation that continues this one in another bed.
    ADD COLUMN moved_to   uuid REFERENCES bed_allocation,
    ADD CONSTRAINT bed_allocation_end_explained CHECK ((ended_at IS NULL) = (end_reason IS NULL) AND (ended_by IS NULL) = (ended_at IS NULL)),
    ADD CONSTRAINT bed_allocation_cancelled_ended CHECK (NOT cancelled OR ended_at IS NOT NULL);

ALTER TABLE bed_allocation DROP CONSTRAINT bed_allocation_bed_overlap, DROP CONSTRAINT bed_allocation_stay_overlap;
ALTER TABLE bed_allocation
    ADD CONSTRAINT bed_allocation_bed_overlap EXCLUDE USING gist (bed_id WITH =, period WITH &&) WHERE (NOT cancelled),
    ADD CONSTRAINT bed_allocation_stay_overlap EXCLUDE USING gist (stay_id WITH =, period WITH &&) WHERE (NOT cancelled);
