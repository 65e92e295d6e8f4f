-- claimdb schema, version 1.
-- Every span is a byte offset into articles.body, end-exclusive.
-- Times are RFC 3339 UTC text ("2026-11-28T17:00:00Z") so that they sort.

CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL COLLATE NOCASE UNIQUE,
    kind        TEXT NOT NULL DEFAULT 'unknown' CHECK (kind IN (
                    'person', 'news_outlet', 'news_agency', 'government_agency',
                    'organization', 'document', 'anonymous', 'unknown')),
    created_at  TEXT NOT NULL
) STRICT;

-- Every surface form of a source ("Pesezhkian", "Ukrainian foreign intelligence").
CREATE TABLE source_aliases (
    alias       TEXT NOT NULL COLLATE NOCASE PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    origin      TEXT NOT NULL DEFAULT 'extracted' CHECK (origin IN ('extracted', 'manual'))
) STRICT;
CREATE INDEX source_aliases_by_source ON source_aliases(source_id);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT,
    url           TEXT,
    publisher_id  INTEGER REFERENCES sources(id),
    author        TEXT,
    published_at  TEXT,
    imported_at   TEXT NOT NULL,
    origin        TEXT,
    content_hash  TEXT NOT NULL UNIQUE,
    body          TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_publisher ON articles(publisher_id);

-- The sources an article says it relies on ("referring to Reuters and …").
CREATE TABLE article_citations (
    article_id  INTEGER NOT NULL REFERENCES articles(id),
    source_id   INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (article_id, source_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_citations_by_source ON article_citations(source_id);

CREATE TABLE claims (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id),
    position        INTEGER NOT NULL,
    text            TEXT NOT NULL,
    content_start   INTEGER NOT NULL,
    content_end     INTEGER NOT NULL,
    -- JSON array of [start, end] fragments when a cue splits the content.
    content_spans   TEXT NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    UNIQUE (article_id, position),
    CHECK (0 <= content_start AND content_start <= content_end),
    CHECK (0 <= sentence_start AND sentence_start <= sentence_end)
) STRICT;

CREATE TABLE attributions (
    id             INTEGER PRIMARY KEY,
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    -- NULL for a claim with no named source ("it was reported that …").
    source_id      INTEGER REFERENCES sources(id),
    kind           TEXT NOT NULL CHECK (kind IN (
                       'direct_quote', 'indirect', 'according_to', 'continuation', 'article')),
    cue            TEXT,
    cue_start      INTEGER,
    cue_end        INTEGER,
    -- The source as written: "He", "the report", "Pesezhkian".
    mention        TEXT,
    mention_start  INTEGER,
    mention_end    INTEGER,
    -- An intermediary: Reuters in "Reuters, citing two officials".
    via_source_id  INTEGER REFERENCES sources(id),
    confidence     REAL NOT NULL CHECK (confidence BETWEEN 0.0 AND 1.0),
    status         TEXT NOT NULL DEFAULT 'extracted' CHECK (status IN (
                       'extracted', 'confirmed', 'disputed', 'rejected')),
    rule           TEXT NOT NULL,
    -- How the mention was tied to the source (pronoun antecedent, alias, fuzzy match).
    resolution     TEXT
) STRICT;
CREATE INDEX attributions_by_claim ON attributions(claim_id);
CREATE INDEX attributions_by_source ON attributions(source_id);
CREATE INDEX attributions_by_via ON attributions(via_source_id);
CREATE INDEX attributions_by_status ON attributions(status);

-- Full-text search over claim text, kept in sync by triggers (the sqlite-utils
-- layout, which Datasette recognises).
CREATE VIRTUAL TABLE claims_fts USING fts5(text, content="claims", content_rowid="id");
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER claims_au AFTER UPDATE ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;

-- One row per claim and backing source: "which source backs which claim".
CREATE VIEW claim_sources AS
SELECT
    c.id            AS claim_id,
    a.id            AS attribution_id,
    ar.id           AS article_id,
    ar.title        AS article,
    c.position      AS position,
    c.text          AS claim,
    s.name          AS source,
    s.kind          AS source_kind,
    a.kind          AS attribution_kind,
    a.cue           AS cue,
    a.mention       AS mention,
    v.name          AS via,
    a.status        AS status,
    a.confidence    AS confidence,
    a.rule          AS rule
FROM claims c
JOIN articles ar ON ar.id = c.article_id
JOIN attributions a ON a.claim_id = c.id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN sources v ON v.id = a.via_source_id;

-- Claims with no source named in their own sentence (backed at article level only).
CREATE VIEW unsourced_claims AS
SELECT c.id AS claim_id, ar.id AS article_id, ar.title AS article, c.position, c.text AS claim
FROM claims c
JOIN articles ar ON ar.id = c.article_id
WHERE NOT EXISTS (
    SELECT 1 FROM attributions a
    WHERE a.claim_id = c.id AND a.kind <> 'article' AND a.status <> 'rejected'
);

-- Per source: how many claims and articles it backs, and under which names.
CREATE VIEW source_summary AS
SELECT
    s.id, s.name, s.kind,
    (SELECT count(DISTINCT a.claim_id) FROM attributions a
      WHERE a.source_id = s.id AND a.status <> 'rejected') AS claims,
    (SELECT count(DISTINCT c.article_id) FROM attributions a JOIN claims c ON c.id = a.claim_id
      WHERE a.source_id = s.id AND a.status <> 'rejected') AS articles,
    (SELECT group_concat(alias, ' | ') FROM source_aliases al WHERE al.source_id = s.id) AS aliases
FROM sources s;
