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

-- The target ledger (extract.ledger), rebuilt from the effective figures after each ingest: one row
-- per target with its latest report, progress and status as of `as_of` (ledger), and one row per
-- link of a target to a report or per completion rate (ledger_links). Derived data: never edited.
CREATE TABLE IF NOT EXISTS ledger (
    target_id VARCHAR, region VARCHAR, region_label VARCHAR, province VARCHAR, city VARCHAR, county VARCHAR,
    zone VARCHAR, indicator_id VARCHAR, indicator_label VARCHAR, measure VARCHAR, "object" VARCHAR,
    size_class VARCHAR, unit VARCHAR, period_label VARCHAR, period_start VARCHAR, deadline VARCHAR,
    target_value DOUBLE, qualifier VARCHAR, latest_value DOUBLE, latest_as_of VARCHAR, latest_doc VARCHAR,
    latest_start INTEGER, latest_end INTEGER, progress DOUBLE, time_share DOUBLE, status VARCHAR,
    reason VARCHAR, link_kind VARCHAR, n_reports INTEGER, doc VARCHAR, doc_date VARCHAR, "start" INTEGER,
    "end" INTEGER, "text" VARCHAR, sentence VARCHAR, n_sources INTEGER, as_of VARCHAR
);

CREATE TABLE IF NOT EXISTS ledger_links (
    kind VARCHAR, target_doc VARCHAR, target_start INTEGER, target_end INTEGER, outcome_doc VARCHAR,
    outcome_start INTEGER, outcome_end INTEGER, doc VARCHAR, progress DOUBLE, implied_target DOUBLE,
    link VARCHAR, target_id VARCHAR, outcome_id VARCHAR, region VARCHAR, region_label VARCHAR,
    indicator VARCHAR, period VARCHAR, target_value DOUBLE, latest_value DOUBLE, outcome_as_of VARCHAR,
    final BOOLEAN, status VARCHAR, reason VARCHAR, rate_text VARCHAR, target_text VARCHAR,
    outcome_text VARCHAR, as_of VARCHAR
);
