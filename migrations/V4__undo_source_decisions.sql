-- Undoing source decisions. A merge records what it moved (merge_moves), so
-- that `claimdb sources unmerge` can put back exactly that; `claimdb sources
-- unalias` removes an alias and keeps extraction from adding it again
-- (alias_blocks). review_log gains the two actions: SQLite cannot change a
-- CHECK constraint, so the table is rebuilt with every row as it was, and
-- its append-only triggers are made again.

CREATE TABLE review_log_v4 (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    reviewer        TEXT NOT NULL,
    action          TEXT NOT NULL CHECK (action IN (
                        'confirm', 'dispute', 'reject', 'reassign',
                        'merge', 'alias', 'kind', 'reextract',
                        'unmerge', 'unalias')),
    attribution_id  INTEGER REFERENCES attributions(id),
    -- Kept as plain numbers: re-extraction may replace an unreviewed claim.
    claim_id        INTEGER,
    article_id      INTEGER REFERENCES articles(id),
    source_id       INTEGER REFERENCES sources(id),
    from_value      TEXT,
    to_value        TEXT,
    note            TEXT
) STRICT;
INSERT INTO review_log_v4 (id, at, reviewer, action, attribution_id, claim_id, article_id,
                           source_id, from_value, to_value, note)
SELECT id, at, reviewer, action, attribution_id, claim_id, article_id,
       source_id, from_value, to_value, note
FROM review_log;
DROP TABLE review_log;
ALTER TABLE review_log_v4 RENAME TO review_log;
CREATE INDEX review_log_by_attribution ON review_log(attribution_id);
CREATE INDEX review_log_by_article ON review_log(article_id);
CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log BEGIN
    SELECT RAISE(ABORT, 'review_log is append-only: entries cannot be deleted');
END;

-- One row per thing a merge moved: an attribution (its source or its via),
-- an article's citation or publisher, an alias, a source merged into the one
-- merged away, the alias the merge added, the kind the kept source learned.
CREATE TABLE merge_moves (
    log_id  INTEGER NOT NULL REFERENCES review_log(id),
    what    TEXT NOT NULL CHECK (what IN ('attribution', 'via', 'citation_moved',
                'citation_shared', 'publisher', 'alias', 'merged_source',
                'added_alias', 'kind')),
    ref_id  INTEGER,
    ref_text TEXT
) STRICT;
CREATE INDEX merge_moves_by_log ON merge_moves(log_id);

-- Names a reviewer took away from a source: extraction never gives them back.
CREATE TABLE alias_blocks (
    alias      TEXT NOT NULL COLLATE NOCASE,
    source_id  INTEGER NOT NULL REFERENCES sources(id),
    PRIMARY KEY (alias, source_id)
) STRICT;
