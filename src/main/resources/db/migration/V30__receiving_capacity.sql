-- Municipal receiving capacity (mottakskapasitet): what a municipality reports it can receive per care level
-- and day. Append-only: a new publication never overwrites an earlier one; the current figure of a
-- municipality, care level and day is the one published last (published_at, then id).
CREATE SEQUENCE capacity_figure_seq;

CREATE TABLE capacity_figure (
    id                bigint       PRIMARY KEY DEFAULT nextval('capacity_figure_seq'),
    publication_id    uuid         NOT NULL,
    municipality      varchar(4)   NOT NULL REFERENCES municipality,
    care_level        varchar(30)  NOT NULL CHECK (care_level IN ('home-care', 'short-term-bed', 'rehabilitation-bed',
                                                                  'municipal-acute-bed', 'long-term-nursing-home', 'other')),
    capacity_date     date         NOT NULL,
    total_places      integer      CHECK (total_places >= 0),
    occupied_places   integer      CHECK (occupied_places >= 0 AND (total_places IS NULL OR occupied_places <= total_places)),
    available_places  integer      NOT NULL CHECK (available_places >= 0 AND (total_places IS NULL OR available_places <= total_places)),
    published_at      timestamptz  NOT NULL,
    published_by      varchar(200) NOT NULL,
    published_via     varchar(10)  NOT NULL CHECK (published_via IN ('rest', 'message')),
    -- For a capacity-update message: its MessageHeader.id.
    source_message_id varchar(100),
    recorded_at       timestamptz  NOT NULL,
    CHECK ((published_via = 'message') = (source_message_id IS NOT NULL))
);
CREATE INDEX capacity_figure_current_idx ON capacity_figure (municipality, capacity_date, care_level, published_at DESC, id DESC);
CREATE TRIGGER capacity_figure_append_only BEFORE UPDATE OR DELETE ON capacity_figure
    FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only_row();
