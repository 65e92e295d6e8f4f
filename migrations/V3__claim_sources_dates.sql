-- claimdb schema, version 3: the claim_sources view says when, by whom and
-- where each claim's article was published, so that a client can filter
-- claims by date or outlet without joining articles itself. Same columns in
-- the same order as before, the new ones appended: queries written for
-- version 1 keep working.
DROP VIEW claim_sources;
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
    a.rule          AS rule,
    ar.published_at AS published_at,
    p.name          AS publisher,
    ar.url          AS url
FROM claims c
JOIN articles ar ON ar.id = c.article_id
JOIN attributions a ON a.claim_id = c.id
LEFT JOIN sources s ON s.id = a.source_id
LEFT JOIN sources v ON v.id = a.via_source_id
LEFT JOIN sources p ON p.id = ar.publisher_id;
