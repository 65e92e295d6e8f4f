-- claimdb schema, version 2: auditing.
-- Human decisions (review statuses, reassignments, merges, aliases, kinds)
-- live beside the extractor's output and are never overwritten by it; every
-- decision is appended to review_log, which cannot be changed afterwards.

-- How a mention was tied to its source, as a key (the text column keeps the
-- human explanation). Older rows are keyed from their explanation.
ALTER TABLE attributions ADD COLUMN resolution_kind TEXT;
UPDATE attributions SET resolution_kind = CASE
    WHEN resolution LIKE 'named%' THEN 'named'
    WHEN resolution LIKE 'known outlet%' THEN 'known_outlet'
    WHEN resolution LIKE 'alias%' THEN 'alias'
    WHEN resolution LIKE 'surname%' THEN 'surname'
    WHEN resolution LIKE 'fuzzy%' THEN 'fuzzy'
    WHEN resolution LIKE 'pronoun%' THEN 'pronoun'
    WHEN resolution LIKE 'reference back%' THEN 'anaphor'
    WHEN resolution LIKE 'carried%' THEN 'carried'
    WHEN resolution LIKE 'no source named%' THEN 'sourceless'
    WHEN resolution LIKE 'article-level%' THEN 'article_level'
    WHEN resolution LIKE 'unresolved%' THEN 'unresolved'
END;
CREATE INDEX attributions_by_resolution ON attributions(resolution_kind);

-- A merged source keeps its row (history refers to it) and points at the
-- source it was merged into; lookups follow the pointer.
ALTER TABLE sources ADD COLUMN merged_into INTEGER REFERENCES sources(id);
-- 'manual' once a reviewer set the kind: extraction no longer changes it.
ALTER TABLE sources ADD COLUMN kind_origin TEXT NOT NULL DEFAULT 'extracted'
    CHECK (kind_origin IN ('extracted', 'manual'));

-- Every human decision, appended, never changed.
CREATE TABLE review_log (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    reviewer        TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN (
                        'confirm', 'dispute', 'reject', 'reassign',
                        'merge', 'alias', 'kind', 'reextract')),
    attribution_id  INTEGER REFERENCES attributions(id),
    -- Kept as plain numbers: re-extraction may replace an unreviewed claim.
    claim_id        INTEGER,
    article_id      INTEGER REFERENCES articles(id),
    source_id       INTEGER REFERENCES sources(id),
    from_value      TEXT,
    to_value        TEXT,
    note            TEXT
) STRICT;
CREATE INDEX review_log_by_attribution ON review_log(attribution_id);
CREATE INDEX review_log_by_article ON review_log(article_id);

CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only: entries cannot be deleted');
END;

-- A reviewed attribution is a human decision: nothing may delete it.
CREATE TRIGGER attributions_keep_reviewed BEFORE DELETE ON attributions
WHEN old.status <> 'extracted' BEGIN
    SELECT RAISE(ABORT, 'a reviewed attribution cannot be deleted');
END;

-- Re-extraction renumbers claims; only a change of text needs the index.
DROP TRIGGER claims_au;
CREATE TRIGGER claims_au AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Merged sources are listed under the source they were merged into.
DROP VIEW source_summary;
CREATE VIEW source_summary AS
SELECT
    s.id, s.name, s.kind,
    (SELECT count(DISTINCT a.claim_id) FROM attributions a
      WHERE a.source_id = s.id AND a.status <> 'rejected') AS claims,
    (SELECT count(DISTINCT c.article_id) FROM attributions a JOIN claims c ON c.id = a.claim_id
      WHERE a.source_id = s.id AND a.status <> 'rejected') AS articles,
    (SELECT group_concat(alias, ' | ') FROM source_aliases al WHERE al.source_id = s.id) AS aliases
FROM sources s
WHERE s.merged_into IS NULL;

-- Per source, what reviewers have done with its attributions.
CREATE VIEW source_stats AS
SELECT
    s.id AS source_id,
    s.name AS source,
    s.kind,
    s.kind_origin,
    count(DISTINCT a.claim_id) FILTER (WHERE a.status <> 'rejected') AS claims,
    count(DISTINCT c.article_id) FILTER (WHERE a.status <> 'rejected') AS articles,
    count(a.id) FILTER (WHERE a.status = 'extracted') AS unreviewed,
    count(a.id) FILTER (WHERE a.status = 'confirmed') AS confirmed,
    count(a.id) FILTER (WHERE a.status = 'disputed') AS disputed,
    count(a.id) FILTER (WHERE a.status = 'rejected') AS rejected,
    round(avg(a.confidence), 3) AS mean_confidence,
    min(ar.published_at) AS first_published,
    max(ar.published_at) AS last_published
FROM sources s
LEFT JOIN attributions a ON a.source_id = s.id
LEFT JOIN claims c ON c.id = a.claim_id
LEFT JOIN articles ar ON ar.id = c.article_id
WHERE s.merged_into IS NULL
GROUP BY s.id;

-- What still needs a human eye: one row per item and reason. Reviewed
-- attributions (any status but 'extracted') leave the queue.
CREATE VIEW audit_queue AS
-- Claims with no named source: only the article itself backs them.
-- One row per claim (it has one article-level attribution per backing source);
-- grouped by article first so that a filter on article_id reaches inside.
SELECT 'unsourced' AS reason, c.article_id, c.id AS claim_id, min(a.id) AS attribution_id,
       c.text AS claim, NULL AS source, NULL AS mention, NULL AS cue, max(a.confidence) AS confidence,
       min(a.rule) AS rule
FROM claims c
JOIN attributions a ON a.claim_id = c.id AND a.kind = 'article' AND a.status = 'extracted'
WHERE NOT EXISTS (SELECT 1 FROM attributions o
                  WHERE o.claim_id = c.id AND (o.kind <> 'article' OR o.status <> 'extracted')
                        AND o.status <> 'rejected')
GROUP BY c.article_id, c.id
UNION ALL
-- Anonymous or vague sources ("officials", "a source familiar with the matter").
SELECT 'anonymous_source', c.article_id, c.id, a.id, c.text, s.name, a.mention, a.cue, a.confidence, a.rule
FROM attributions a
JOIN sources s ON s.id = a.source_id AND s.kind = 'anonymous'
JOIN claims c ON c.id = a.claim_id
WHERE a.status = 'extracted'
UNION ALL
-- Attributed without anyone named ("it was reported that …").
SELECT 'sourceless', c.article_id, c.id, a.id, c.text, NULL, a.mention, a.cue, a.confidence, a.rule
FROM attributions a
JOIN claims c ON c.id = a.claim_id
WHERE a.status = 'extracted' AND a.source_id IS NULL AND a.kind <> 'article'
      AND a.resolution_kind IS NOT 'unresolved'
UNION ALL
-- A mention left unresolved ("he" with nobody before it).
SELECT 'unresolved_mention', c.article_id, c.id, a.id, c.text, NULL, a.mention, a.cue, a.confidence, a.rule
FROM attributions a
JOIN claims c ON c.id = a.claim_id
WHERE a.status = 'extracted' AND a.resolution_kind = 'unresolved'
UNION ALL
-- Rules that are often wrong.
SELECT 'low_confidence', c.article_id, c.id, a.id, c.text, s.name, a.mention, a.cue, a.confidence, a.rule
FROM attributions a
JOIN claims c ON c.id = a.claim_id
LEFT JOIN sources s ON s.id = a.source_id
WHERE a.status = 'extracted' AND a.kind <> 'article' AND a.confidence < 0.6
UNION ALL
-- Claims one named source alone backs, with nobody to corroborate them.
SELECT 'single_source', c.article_id, c.id, min(a.id), c.text, min(s.name), min(a.mention), min(a.cue),
       min(a.confidence), min(a.rule)
FROM claims c
JOIN attributions a ON a.claim_id = c.id AND a.kind <> 'article' AND a.status <> 'rejected'
                       AND a.source_id IS NOT NULL
JOIN sources s ON s.id = a.source_id
GROUP BY c.article_id, c.id
HAVING count(DISTINCT a.source_id) = 1 AND max(a.status = 'extracted') = 1;
