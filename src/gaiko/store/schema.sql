-- gaiko's database. Each record is kept whole as JSON (the model's own shape) beside the
-- columns that queries filter or sort on. Built from data/ by `gaiko build`; never edited.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sources (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE entities (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name_en TEXT NOT NULL,
  name_ja TEXT,
  iso2 TEXT, iso_numeric TEXT, cow_code INTEGER,
  un_region TEXT, un_subregion TEXT,
  record TEXT NOT NULL
);
-- Every name, alias and code an entity can be looked up by, normalised for matching.
CREATE TABLE entity_names (
  entity_id TEXT NOT NULL REFERENCES entities(id),
  name TEXT NOT NULL,
  key TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX entity_names_key ON entity_names(key);
CREATE TABLE relation_events (
  id TEXT PRIMARY KEY,
  partner TEXT NOT NULL REFERENCES entities(id),
  type TEXT NOT NULL,
  date TEXT NOT NULL,
  date_earliest TEXT NOT NULL,
  date_latest TEXT NOT NULL,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX relation_events_partner ON relation_events(partner, date_earliest);
CREATE TABLE status_statements (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE statement_partners (
  statement_id TEXT NOT NULL REFERENCES status_statements(id),
  entity_id TEXT NOT NULL REFERENCES entities(id)
);
CREATE INDEX statement_partners_entity ON statement_partners(entity_id);
CREATE TABLE diplomatic_exchange (
  partner TEXT NOT NULL REFERENCES entities(id),
  cow_code INTEGER NOT NULL,
  year INTEGER NOT NULL,
  level_partner_in_japan INTEGER NOT NULL,
  level_japan_in_partner INTEGER NOT NULL,
  exchange INTEGER NOT NULL
);
CREATE INDEX diplomatic_exchange_partner ON diplomatic_exchange(partner, year);
CREATE TABLE corrections (entity_id TEXT NOT NULL, record TEXT NOT NULL);
CREATE TABLE state_system (
  cow_code INTEGER NOT NULL,
  cow_abbrev TEXT NOT NULL,
  name TEXT NOT NULL,
  start TEXT NOT NULL,
  "end" TEXT NOT NULL
);
CREATE TABLE timeline_events (
  id TEXT PRIMARY KEY,
  date TEXT NOT NULL,
  date_earliest TEXT NOT NULL,
  end_latest TEXT NOT NULL,
  region TEXT,
  record TEXT NOT NULL
);
CREATE INDEX timeline_events_date ON timeline_events(date_earliest);
CREATE TABLE timeline_participants (event_id TEXT NOT NULL, entity_id TEXT NOT NULL);
CREATE INDEX timeline_participants_entity ON timeline_participants(entity_id);
CREATE TABLE timeline_themes (event_id TEXT NOT NULL, theme TEXT NOT NULL);
CREATE TABLE disputes (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE dispute_parties (dispute_id TEXT NOT NULL, party TEXT NOT NULL);
CREATE TABLE figures (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE figure_parties (figure_id TEXT NOT NULL, party TEXT NOT NULL);
CREATE TABLE trade (
  partner TEXT NOT NULL,
  cow_code INTEGER NOT NULL,
  year INTEGER NOT NULL,
  japan_imports REAL,
  japan_exports REAL
);
CREATE INDEX trade_partner ON trade(partner, year);
CREATE TABLE missions (
  id TEXT PRIMARY KEY,
  operator TEXT NOT NULL,
  host TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX missions_operator ON missions(operator);
CREATE INDEX missions_host ON missions(host);
CREATE TABLE works (id TEXT PRIMARY KEY, entry INTEGER, record TEXT NOT NULL);
-- Every citation of every record, flattened: for search, coverage and audits.
CREATE TABLE citations (
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  source TEXT, url TEXT, work TEXT, publisher TEXT, title TEXT,
  quote TEXT, locator TEXT, language TEXT
);
CREATE INDEX citations_source ON citations(source);
CREATE TABLE narratives (id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE coverage_notes (sentence_id TEXT PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE map_points (entity TEXT PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, basis TEXT NOT NULL, locator TEXT NOT NULL);
