-- The corpus store: one DuckDB file in the data folder.
-- `figures` holds exactly the record contract (extract.record.FIELDS, in order) plus doc_id and
-- figure_id; tests/store/test_schema.py checks the two never drift apart. Dates stay ISO strings
-- as in the contract. The view `effective_figures` (corrections applied) is built in db.py from FIELDS.

CREATE TABLE IF NOT EXISTS documents (
    doc_id            VARCHAR PRIMARY KEY,   -- sha256 of the decoded text (UTF-8): same article, same id
    name              VARCHAR NOT NULL,      -- file name as first ingested (bare name, no folders)
    source            VARCHAR,               -- path or "upload" it came from
    doc_date          VARCHAR,               -- ISO publication date, as extraction found it
    doc_date_source   VARCHAR,               -- user | metadata | dateline | text
    region            VARCHAR,               -- the region most figures of the document are about
    user_doc_date     VARCHAR,               -- inputs kept so that re-extraction sees the same document
    metadata_date     VARCHAR,
    default_region    VARCHAR,
    raw_text          VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,      -- extract.EXTRACTOR_VERSION that made its figures
    ingested_at       TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS figures (
    doc_id            VARCHAR NOT NULL,
    figure_id         VARCHAR NOT NULL PRIMARY KEY,
    doc               VARCHAR,
    "start"           INTEGER,
    "end"             INTEGER,
    "text"            VARCHAR,
    sentence          VARCHAR,
    sentence_start    INTEGER,
    kind              VARCHAR,
    "value"           DOUBLE,
    value_max         DOUBLE,
    currency          VARCHAR,
    unit              VARCHAR,
    qualifier         VARCHAR,
    counted           VARCHAR,
    doc_date          VARCHAR,
    doc_date_source   VARCHAR,
    region            VARCHAR,
    region_as_written VARCHAR,
    region_today      VARCHAR,
    province          VARCHAR,
    city              VARCHAR,
    county            VARCHAR,
    adcode            VARCHAR,
    region_level      VARCHAR,
    region_source     VARCHAR,
    deadline          VARCHAR,
    deadline_text     VARCHAR,
    is_annual         BOOLEAN,
    is_target         BOOLEAN,
    strength          VARCHAR,
    metric            VARCHAR,
    stage             VARCHAR,
    metric_text       VARCHAR,
    "role"            VARCHAR,
    "group"           INTEGER
);

-- Append-only: a correction is never updated or deleted, so two sessions writing at once cannot
-- overwrite each other; the newest row for a figure and field wins on read.
CREATE SEQUENCE IF NOT EXISTS correction_ids START 1;

CREATE TABLE IF NOT EXISTS corrections (
    correction_id BIGINT PRIMARY KEY DEFAULT nextval('correction_ids'),
    created_at    TIMESTAMP NOT NULL,
    author        VARCHAR NOT NULL,
    action        VARCHAR NOT NULL CHECK (action IN ('set', 'delete', 'add')),
    -- the anchor: the figure's place in its document, which re-extraction cannot move
    doc_id        VARCHAR NOT NULL,
    anchor_start  INTEGER NOT NULL,
    anchor_end    INTEGER NOT NULL,
    anchor_text   VARCHAR NOT NULL,
    field         VARCHAR,                 -- action 'set': the field changed
    new_value     JSON,                    -- action 'set': its new value (JSON null clears it)
    record        JSON                     -- action 'add': the whole record of the missed figure
);
