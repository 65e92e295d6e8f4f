//! Auditing: human decisions on attributions and sources, the append-only
//! review log, re-extraction that keeps those decisions, and the read queries
//! reviewers work from (queue, history, explanations, search, article view).

use super::{
    now, upsert_sources, write_citations, write_claims, Kept, Result, Rows, Store, StoreError,
};
use crate::model::SourceKind;
use crate::reading::ArticleReading;
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// What a reviewer decides about one attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// The attribution is right.
    Confirm,
    /// It may be wrong; someone should look again.
    Dispute,
    /// It is wrong; it no longer backs its claim.
    Reject,
    /// The claim is right but another source said it (name or alias).
    Reassign {
        /// The source that said it.
        source: String,
        /// Create the source when no source has that name.
        create: bool,
    },
}

impl Decision {
    fn action(&self) -> &'static str {
        match self {
            Decision::Confirm => "confirm",
            Decision::Dispute => "dispute",
            Decision::Reject => "reject",
            Decision::Reassign { .. } => "reassign",
        }
    }
}

/// Who made a decision and why.
#[derive(Debug, Clone)]
pub struct Reviewer {
    /// The reviewer's name.
    pub name: String,
    /// A free-text note kept with the decision.
    pub note: Option<String>,
}

/// One entry of the review log, as written.
#[derive(Debug, Default)]
struct LogEntry<'a> {
    action: &'a str,
    attribution_id: Option<i64>,
    claim_id: Option<i64>,
    article_id: Option<i64>,
    source_id: Option<i64>,
    from: Option<String>,
    to: Option<String>,
}

fn append_log(tx: &Transaction, by: &Reviewer, entry: LogEntry) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO review_log (at, reviewer, action, attribution_id, claim_id, article_id, source_id,
                                 from_value, to_value, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        now(),
        by.name,
        entry.action,
        entry.attribution_id,
        entry.claim_id,
        entry.article_id,
        entry.source_id,
        entry.from,
        entry.to,
        by.note,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// Writes down, under merge `log_id`, everything the merge of `from` into
/// `into` is about to move, so that `unmerge_source` can put it back.
fn record_merge_moves(tx: &Transaction, log_id: i64, from: i64, into: i64) -> Result<()> {
    for (what, select) in [
        (
            "attribution",
            "SELECT id, NULL FROM attributions WHERE source_id = ?1",
        ),
        (
            "via",
            "SELECT id, NULL FROM attributions WHERE via_source_id = ?1",
        ),
        (
            "citation_moved",
            "SELECT article_id, NULL FROM article_citations c WHERE source_id = ?1
             AND NOT EXISTS (SELECT 1 FROM article_citations d
                             WHERE d.article_id = c.article_id AND d.source_id = ?2)",
        ),
        (
            "citation_shared",
            "SELECT article_id, NULL FROM article_citations c WHERE source_id = ?1
             AND EXISTS (SELECT 1 FROM article_citations d
                         WHERE d.article_id = c.article_id AND d.source_id = ?2)",
        ),
        (
            "publisher",
            "SELECT id, NULL FROM articles WHERE publisher_id = ?1",
        ),
        (
            "alias",
            "SELECT NULL, alias FROM source_aliases WHERE source_id = ?1",
        ),
        (
            "merged_source",
            "SELECT id, NULL FROM sources WHERE merged_into = ?1",
        ),
    ] {
        // ?2 is only named by the citation queries; SQLite takes the extra
        // value. The queries are this function's own constants.
        let sql = format!(
            "INSERT INTO merge_moves (log_id, what, ref_id, ref_text)
             SELECT ?3, ?4, m.* FROM ({select}) m"
        );
        tx.execute(&sql, params![from, into, log_id, what])?;
    }
    Ok(())
}

/// Writes down one thing merge `log_id` changed.
fn record_move(
    tx: &Transaction,
    log_id: i64,
    what: &str,
    ref_id: Option<i64>,
    ref_text: Option<&str>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO merge_moves (log_id, what, ref_id, ref_text) VALUES (?1, ?2, ?3, ?4)",
        params![log_id, what, ref_id, ref_text],
    )?;
    Ok(())
}

/// The source `id` leads to through merges (itself when not merged).
fn follow_merges(tx: &Transaction, id: i64) -> Result<i64> {
    let mut current = id;
    for _ in 0..MAX_MERGE_STEPS {
        let next: Option<i64> = tx.query_row(
            "SELECT merged_into FROM sources WHERE id = ?1",
            [current],
            |r| r.get(0),
        )?;
        match next {
            Some(n) if n != current => current = n,
            _ => return Ok(current),
        }
    }
    Ok(current)
}

/// A source as stored: id, name and kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    /// Its id.
    pub id: i64,
    /// Its canonical name.
    pub name: String,
    /// Its kind, as stored.
    pub kind: String,
}

/// What a review changed.
#[derive(Debug, Clone)]
pub struct ReviewOutcome {
    /// The review log entry.
    pub log_id: i64,
    /// Status before.
    pub from_status: String,
    /// Status after.
    pub to_status: String,
    /// Source before and after a reassignment.
    pub reassigned: Option<(Option<String>, String)>,
    /// True when the reassignment created the source.
    pub created_source: bool,
}

/// What a merge moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeOutcome {
    /// The review log entry.
    pub log_id: i64,
    /// Attributions now pointing at the kept source.
    pub attributions: usize,
    /// Aliases moved.
    pub aliases: usize,
    /// The canonical name of the source merged away.
    pub from: String,
    /// The canonical name of the source that stays.
    pub into: String,
}

/// What undoing a merge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnmergeOutcome {
    /// The review log entry.
    pub log_id: i64,
    /// Attributions back on the source that had been merged away.
    pub attributions: usize,
    /// Aliases back on it.
    pub aliases: usize,
    /// The source restored.
    pub from: String,
    /// The source it had been merged into.
    pub into: String,
}

/// What re-extracting one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReextractOutcome {
    /// Claims before and after.
    pub claims: (i64, i64),
    /// Attributions before and after.
    pub attributions: (i64, i64),
    /// Reviewed attributions kept as the reviewers left them.
    pub kept_reviewed: i64,
}

/// A stored article, for re-reading it.
#[derive(Debug, Clone)]
pub struct StoredArticle {
    /// Its id.
    pub id: i64,
    /// Its text.
    pub body: String,
    /// Its title.
    pub title: Option<String>,
    /// Its publisher's name.
    pub publisher: Option<String>,
    /// Its web address.
    pub url: Option<String>,
}

/// One marked stretch of an article for the article view.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredMark {
    /// Byte offsets into the body.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// What the stretch is.
    pub role: MarkRole,
    /// The claim it belongs to.
    pub claim_id: i64,
    /// The attribution it belongs to (none for a claim's content).
    pub attribution_id: Option<i64>,
    /// The source (id and name) the stretch is tied to, if any.
    pub source: Option<(i64, String)>,
    /// Short description for hovering: source, cue, kind, status, rule, confidence.
    pub detail: String,
}

/// The role of a marked stretch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkRole {
    /// Who is said to say it, as written.
    Mention,
    /// The words that attribute it.
    Cue,
    /// What is claimed.
    Content,
}

/// Sources whose names are near-identical: possible duplicates.
#[derive(Debug, Clone, PartialEq)]
pub struct NearDuplicate {
    /// One source.
    pub first: SourceRef,
    /// The other.
    pub second: SourceRef,
    /// Jaro-Winkler similarity of the two names, 0 to 1.
    pub similarity: f64,
}

impl Store {
    /// The source a name or alias stands for (following merges).
    pub fn find_source(&self, name: &str) -> Result<Option<SourceRef>> {
        lookup_source(&self.conn, name)
    }

    fn require_source(&self, name: &str) -> Result<SourceRef> {
        require_source_in(&self.conn, name)
    }

    /// Up to `limit` existing source names or aliases close to `name`, best
    /// first: for "did you mean" when `name` matches no source.
    pub fn similar_source_names(&self, name: &str, limit: usize) -> Result<Vec<String>> {
        similar_source_names(&self.conn, name, limit)
    }

    /// The error for a name that matches no source, with the names closest to it.
    pub fn unknown_source(&self, name: &str) -> StoreError {
        unknown_source(&self.conn, name, "")
    }

    /// Records a reviewer's decision on one attribution: its status (and, for
    /// a reassignment, its source) changes, and the decision is logged.
    pub fn review(
        &mut self,
        attribution_id: i64,
        decision: &Decision,
        by: &Reviewer,
    ) -> Result<ReviewOutcome> {
        let tx = self.write_transaction()?;
        let (from_status, claim_id, article_id, old_source): (String, i64, i64, Option<String>) =
            tx.query_row(
                "SELECT a.status, a.claim_id, c.article_id, s.name
                 FROM attributions a JOIN claims c ON c.id = a.claim_id
                 LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
                [attribution_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::NotFound(format!("no attribution with id {attribution_id}"))
            })?;
        let to_status = match decision {
            Decision::Confirm | Decision::Reassign { .. } => "confirmed",
            Decision::Dispute => "disputed",
            Decision::Reject => "rejected",
        };
        let mut reassigned = None;
        let mut created_source = false;
        let mut new_source_id = None;
        if let Decision::Reassign { source, create } = decision {
            let source = require_name(source)?;
            let found: Option<i64> = tx.query_row(super::FIND_SOURCE, [source], |r| r.get(0))?;
            let id = match (found, create) {
                (Some(id), _) => id,
                (None, true) => {
                    tx.execute(
                        "INSERT INTO sources (name, kind, kind_origin, created_at) VALUES (?1, 'unknown', 'manual', ?2)",
                        params![source, now()],
                    )?;
                    let id = tx.last_insert_rowid();
                    tx.execute(
                        "INSERT INTO source_aliases (alias, source_id, origin) VALUES (?1, ?2, 'manual')",
                        params![source, id],
                    )?;
                    created_source = true;
                    id
                }
                (None, false) => {
                    return Err(unknown_source(&tx, source, " (add --create to create it)"))
                }
            };
            let name: String =
                tx.query_row("SELECT name FROM sources WHERE id = ?1", [id], |r| r.get(0))?;
            if old_source.as_deref() == Some(name.as_str()) {
                return Err(StoreError::Conflict(format!(
                    "attribution {attribution_id} already names '{name}' (to say it is right: --confirm)"
                )));
            }
            tx.execute(
                "UPDATE attributions SET source_id = ?2 WHERE id = ?1",
                params![attribution_id, id],
            )?;
            reassigned = Some((old_source.clone(), name));
            new_source_id = Some(id);
        }
        tx.execute(
            "UPDATE attributions SET status = ?2 WHERE id = ?1",
            params![attribution_id, to_status],
        )?;
        let (from, to) = match &reassigned {
            Some((old, new)) => (old.clone(), Some(new.clone())),
            None => (Some(from_status.clone()), Some(to_status.to_string())),
        };
        let log_id = append_log(
            &tx,
            by,
            LogEntry {
                action: decision.action(),
                attribution_id: Some(attribution_id),
                claim_id: Some(claim_id),
                article_id: Some(article_id),
                source_id: new_source_id,
                from,
                to,
            },
        )?;
        tx.commit()?;
        Ok(ReviewOutcome {
            log_id,
            from_status,
            to_status: to_status.to_string(),
            reassigned,
            created_source,
        })
    }

    /// Merges source `from` into `into`: attributions, citations, publishers
    /// and aliases move; `from` keeps its row, marked as merged, and its name
    /// becomes an alias of `into`. Logged.
    ///
    /// Both names are looked up inside the write transaction: two opposite
    /// merges at the same moment then see each other's result (the second
    /// finds one source, not two) instead of each merging a stale copy, which
    /// left a source merged into itself.
    pub fn merge_sources(&mut self, from: &str, into: &str, by: &Reviewer) -> Result<MergeOutcome> {
        let from_name = require_name(from)?;
        let into_name = require_name(into)?;
        let tx = self.write_transaction()?;
        if let Some(kept) = merged_away(&tx, from_name)? {
            return Err(StoreError::Conflict(format!(
                "'{from_name}' was already merged into '{}' (to merge that source: claimdb sources merge '{}' '{into_name}')",
                kept.name, kept.name
            )));
        }
        let from = require_source_in(&tx, from_name)?;
        let into = require_source_in(&tx, into_name)?;
        if from.id == into.id {
            return Err(StoreError::Conflict(format!(
                "'{from_name}' and '{into_name}' are already the same source ('{}')",
                from.name
            )));
        }
        // The log entry first: what moves is recorded under it, so that
        // `unmerge` can put back exactly this (see `record_merge_moves`).
        let log_id = append_log(
            &tx,
            by,
            LogEntry {
                action: "merge",
                source_id: Some(from.id),
                from: Some(from.name.clone()),
                to: Some(into.name.clone()),
                ..LogEntry::default()
            },
        )?;
        record_merge_moves(&tx, log_id, from.id, into.id)?;
        let attributions = tx.execute(
            "UPDATE attributions SET source_id = ?2 WHERE source_id = ?1",
            params![from.id, into.id],
        )?;
        tx.execute(
            "UPDATE attributions SET via_source_id = ?2 WHERE via_source_id = ?1",
            params![from.id, into.id],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO article_citations (article_id, source_id)
             SELECT article_id, ?2 FROM article_citations WHERE source_id = ?1",
            params![from.id, into.id],
        )?;
        tx.execute(
            "DELETE FROM article_citations WHERE source_id = ?1",
            [from.id],
        )?;
        tx.execute(
            "UPDATE articles SET publisher_id = ?2 WHERE publisher_id = ?1",
            params![from.id, into.id],
        )?;
        let aliases = tx.execute(
            "UPDATE source_aliases SET source_id = ?2 WHERE source_id = ?1",
            params![from.id, into.id],
        )?;
        let added_alias = tx.execute(
            "INSERT OR IGNORE INTO source_aliases (alias, source_id, origin) VALUES (?1, ?2, 'manual')",
            params![from.name, into.id],
        )?;
        if added_alias > 0 {
            record_move(&tx, log_id, "added_alias", None, Some(&from.name))?;
        }
        tx.execute(
            "UPDATE sources SET merged_into = ?2 WHERE id = ?1 OR merged_into = ?1",
            params![from.id, into.id],
        )?;
        // The kept source learns a kind it did not know.
        let learned = tx.execute(
            "UPDATE sources SET kind = ?2 WHERE id = ?1 AND kind = 'unknown' AND ?2 <> 'unknown'",
            params![into.id, from.kind],
        )?;
        if learned > 0 {
            record_move(&tx, log_id, "kind", None, Some("unknown"))?;
        }
        tx.commit()?;
        Ok(MergeOutcome {
            log_id,
            attributions,
            aliases,
            from: from.name,
            into: into.name,
        })
    }

    /// Adds `alias` as another name of the source `name`. Returns false when
    /// it already was one. An alias of another source is refused: merge them.
    /// Both names are looked up inside the write transaction, so an alias
    /// added while a merge runs lands on the source that stays.
    pub fn add_alias(&mut self, name: &str, alias: &str, by: &Reviewer) -> Result<bool> {
        let name = require_name(name)?;
        let alias = require_name(alias)?;
        let tx = self.write_transaction()?;
        let source = require_source_in(&tx, name)?;
        if let Some(owner) = lookup_source(&tx, alias)? {
            if owner.id == source.id {
                return Ok(false);
            }
            return Err(StoreError::Conflict(format!(
                "'{alias}' already names source '{}' (to make them one source: claimdb sources merge '{}' '{}')",
                owner.name, owner.name, source.name
            )));
        }
        tx.execute(
            "INSERT INTO source_aliases (alias, source_id, origin) VALUES (?1, ?2, 'manual')",
            params![alias, source.id],
        )?;
        append_log(
            &tx,
            by,
            LogEntry {
                action: "alias",
                source_id: Some(source.id),
                to: Some(alias.to_string()),
                ..LogEntry::default()
            },
        )?;
        tx.commit()?;
        Ok(true)
    }

    /// Undoes the merge of source `from` (its own name, as it was before the
    /// merge): what that merge moved and still lies where it put it goes
    /// back, and `from` is a source of its own again. An attribution a
    /// reviewer reassigned since stays where the reviewer put it. Logged.
    pub fn unmerge_source(&mut self, from: &str, by: &Reviewer) -> Result<UnmergeOutcome> {
        let from_name = require_name(from)?;
        let tx = self.write_transaction()?;
        let merged: Option<(i64, String, i64)> = tx
            .query_row(
                "SELECT id, name, merged_into FROM sources WHERE name = ?1 AND merged_into IS NOT NULL",
                [from_name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        let Some((from_id, from_name, into_id)) = merged else {
            return Err(StoreError::Conflict(format!(
                "'{from_name}' is not a merged source (give the name it had before the merge; \
                 claimdb sources show NAME lists 'merged_from')"
            )));
        };
        let merge_log: Option<i64> = tx.query_row(
            "SELECT max(id) FROM review_log WHERE action = 'merge' AND source_id = ?1",
            [from_id],
            |r| r.get(0),
        )?;
        let recorded: i64 = match merge_log {
            Some(log) => tx.query_row(
                "SELECT count(*) FROM merge_moves WHERE log_id = ?1",
                [log],
                |r| r.get(0),
            )?,
            None => 0,
        };
        let Some(merge_log) = merge_log.filter(|_| recorded > 0) else {
            return Err(StoreError::Conflict(format!(
                "the merge of '{from_name}' was made before claimdb recorded what merges move \
                 (schema version 4): move its attributions back one by one with claimdb review ID --reassign"
            )));
        };
        let into_name: String =
            tx.query_row("SELECT name FROM sources WHERE id = ?1", [into_id], |r| {
                r.get(0)
            })?;
        // The merge moved `from`'s rows to the source it merged into; that
        // source may since have been merged on, so "still where it put it"
        // means on any source `into` now leads to.
        let kept_now = follow_merges(&tx, into_id)?;
        // Each statement puts back, in one pass, the rows of one kind the
        // merge recorded (:log, its log entry) that still lie where it put
        // them (:into, the kept source, or :kept, where that now leads), on
        // `from` (:from); each names only the values it needs.
        let put_back = |sql: &str| -> Result<usize> {
            let mut stmt = tx.prepare(sql)?;
            let values: [(&str, i64); 4] = [
                (":log", merge_log),
                (":from", from_id),
                (":into", into_id),
                (":kept", kept_now),
            ];
            for (name, value) in values {
                if let Some(i) = stmt.parameter_index(name)? {
                    stmt.raw_bind_parameter(i, value)?;
                }
            }
            Ok(stmt.raw_execute()?)
        };
        let attributions = put_back(
            "UPDATE attributions SET source_id = :from WHERE source_id IN (:into, :kept) AND id IN
             (SELECT ref_id FROM merge_moves WHERE log_id = :log AND what = 'attribution')",
        )?;
        put_back(
            "UPDATE attributions SET via_source_id = :from WHERE via_source_id IN (:into, :kept) AND id IN
             (SELECT ref_id FROM merge_moves WHERE log_id = :log AND what = 'via')",
        )?;
        // Citations: `from`'s come back; those the merge moved leave the kept
        // source, those it shared stay there too.
        put_back(
            "INSERT OR IGNORE INTO article_citations (article_id, source_id)
             SELECT ref_id, :from FROM merge_moves
             WHERE log_id = :log AND what IN ('citation_moved', 'citation_shared')",
        )?;
        put_back(
            "DELETE FROM article_citations WHERE source_id IN (:into, :kept)
             AND article_id IN
             (SELECT ref_id FROM merge_moves WHERE log_id = :log AND what = 'citation_moved')",
        )?;
        put_back(
            "UPDATE articles SET publisher_id = :from WHERE publisher_id IN (:into, :kept) AND id IN
             (SELECT ref_id FROM merge_moves WHERE log_id = :log AND what = 'publisher')",
        )?;
        let aliases = put_back(
            "UPDATE source_aliases SET source_id = :from WHERE source_id IN (:into, :kept) AND alias IN
             (SELECT ref_text FROM merge_moves WHERE log_id = :log AND what = 'alias')",
        )?;
        put_back(
            "DELETE FROM source_aliases WHERE source_id IN (:into, :kept)
             AND alias IN
             (SELECT ref_text FROM merge_moves WHERE log_id = :log AND what = 'added_alias')",
        )?;
        put_back(
            "UPDATE sources SET merged_into = :from WHERE merged_into IN (:into, :kept) AND id IN
             (SELECT ref_id FROM merge_moves WHERE log_id = :log AND what = 'merged_source')",
        )?;
        put_back(
            "UPDATE sources SET kind = (SELECT ref_text FROM merge_moves
                                        WHERE log_id = :log AND what = 'kind')
             WHERE id = :into AND kind_origin = 'extracted'
               AND EXISTS (SELECT 1 FROM merge_moves WHERE log_id = :log AND what = 'kind')",
        )?;
        tx.execute(
            "UPDATE sources SET merged_into = NULL WHERE id = ?1",
            [from_id],
        )?;
        let log_id = append_log(
            &tx,
            by,
            LogEntry {
                action: "unmerge",
                source_id: Some(from_id),
                from: Some(into_name.clone()),
                to: Some(from_name.clone()),
                ..LogEntry::default()
            },
        )?;
        tx.commit()?;
        Ok(UnmergeOutcome {
            log_id,
            attributions,
            aliases,
            from: from_name,
            into: into_name,
        })
    }

    /// Takes `alias` away from the source `name`; extraction will not give
    /// it back (a reviewer may add it again with `add_alias`). A source's
    /// own name is not an alias. Logged.
    pub fn remove_alias(&mut self, name: &str, alias: &str, by: &Reviewer) -> Result<()> {
        let name = require_name(name)?;
        let alias = require_name(alias)?;
        let tx = self.write_transaction()?;
        let source = require_source_in(&tx, name)?;
        if source.name.eq_ignore_ascii_case(alias) {
            return Err(StoreError::Conflict(format!(
                "'{alias}' is the name of source '{}', not an alias",
                source.name
            )));
        }
        let removed = tx.execute(
            "DELETE FROM source_aliases WHERE alias = ?1 AND source_id = ?2",
            params![alias, source.id],
        )?;
        if removed == 0 {
            return Err(StoreError::Conflict(format!(
                "'{alias}' is not an alias of '{}'",
                source.name
            )));
        }
        tx.execute(
            "INSERT OR IGNORE INTO alias_blocks (alias, source_id) VALUES (?1, ?2)",
            params![alias, source.id],
        )?;
        append_log(
            &tx,
            by,
            LogEntry {
                action: "unalias",
                source_id: Some(source.id),
                from: Some(alias.to_string()),
                ..LogEntry::default()
            },
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Sets a source's kind by hand; extraction no longer changes it. Returns the old kind.
    pub fn set_source_kind(
        &mut self,
        name: &str,
        kind: SourceKind,
        by: &Reviewer,
    ) -> Result<String> {
        let name = require_name(name)?;
        let tx = self.write_transaction()?;
        let source = require_source_in(&tx, name)?;
        tx.execute(
            "UPDATE sources SET kind = ?2, kind_origin = 'manual' WHERE id = ?1",
            params![source.id, kind.as_str()],
        )?;
        append_log(
            &tx,
            by,
            LogEntry {
                action: "kind",
                source_id: Some(source.id),
                from: Some(source.kind.clone()),
                to: Some(kind.as_str().to_string()),
                ..LogEntry::default()
            },
        )?;
        tx.commit()?;
        Ok(source.kind)
    }

    /// Ids of every stored article, in order.
    pub fn article_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare("SELECT id FROM articles ORDER BY id")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        Ok(ids)
    }

    /// One stored article with its publisher's name.
    pub fn article(&self, id: i64) -> Result<StoredArticle> {
        self.conn
            .query_row(
                "SELECT a.id, a.body, a.title, p.name, a.url FROM articles a
                 LEFT JOIN sources p ON p.id = a.publisher_id WHERE a.id = ?1",
                [id],
                |r| {
                    Ok(StoredArticle {
                        id: r.get(0)?,
                        body: r.get(1)?,
                        title: r.get(2)?,
                        publisher: r.get(3)?,
                        url: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound(format!("no article with id {id}")))
    }

    /// Replaces an article's extracted claims and attributions with a new
    /// reading of its text. Reviewed attributions (any status but
    /// `extracted`), their claims, merges, manual aliases and kinds stay as
    /// the reviewers left them; the extractor does not write them twice.
    pub fn reextract(
        &mut self,
        article_id: i64,
        body: &str,
        reading: &ArticleReading,
        by: &Reviewer,
    ) -> Result<ReextractOutcome> {
        let tx = self.write_transaction()?;
        let count = |tx: &Transaction| -> Result<(i64, i64)> {
            Ok(tx.query_row(
                "SELECT (SELECT count(*) FROM claims WHERE article_id = ?1),
                        (SELECT count(*) FROM attributions a JOIN claims c ON c.id = a.claim_id
                          WHERE c.article_id = ?1)",
                [article_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        };
        let before = count(&tx)?;
        let kept = Kept::load(&tx, article_id)?;
        let kept_reviewed = kept.reviewed() as i64;
        let (source_ids, _) = upsert_sources(&tx, reading)?;
        tx.execute(
            "DELETE FROM article_citations WHERE article_id = ?1",
            [article_id],
        )?;
        write_citations(&tx, article_id, reading, &source_ids)?;
        if let Some(p) = reading.publisher {
            tx.execute(
                "UPDATE articles SET publisher_id = ?2 WHERE id = ?1",
                params![article_id, source_ids[p]],
            )?;
        }
        let written = write_claims(&tx, article_id, body, reading, &source_ids, &kept)?;
        // What the extractor no longer finds goes, unless a reviewer decided on it.
        {
            let mut drop_attribution = tx.prepare("DELETE FROM attributions WHERE id = ?1")?;
            for old in kept.all() {
                if !old.reviewed && !written.refreshed.contains(&old.id) {
                    drop_attribution.execute([old.id])?;
                }
            }
        }
        tx.execute(
            "DELETE FROM claims WHERE article_id = ?1
             AND NOT EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = claims.id)",
            [article_id],
        )?;
        renumber_claims(&tx, article_id)?;
        let after = count(&tx)?;
        append_log(
            &tx,
            by,
            LogEntry {
                action: "reextract",
                article_id: Some(article_id),
                from: Some(format!("{} claims, {} attributions", before.0, before.1)),
                to: Some(format!("{} claims, {} attributions", after.0, after.1)),
                ..LogEntry::default()
            },
        )?;
        tx.commit()?;
        Ok(ReextractOutcome {
            claims: (before.0, after.0),
            attributions: (before.1, after.1),
            kept_reviewed,
        })
    }

    /// The audit queue (the `audit_queue` view), optionally for one article
    /// and one reason, with confidence below `below` counted as low.
    pub fn audit_queue(
        &self,
        article: Option<i64>,
        reason: Option<&str>,
        below: f64,
    ) -> Result<Rows> {
        // Filters are plain equalities, added only when given: SQLite then
        // pushes them into each branch of the view (and its groups), where
        // "?1 IS NULL OR article_id = ?1" would compute the whole queue first.
        let mut params: Vec<Value> = Vec::new();
        let mut filter = String::new();
        if let Some(id) = article {
            params.push(Value::Integer(id));
            filter.push_str(&format!(" AND article_id = ?{}", params.len()));
        }
        let mut sql = String::new();
        if reason.is_none_or(|r| r != "low_confidence") {
            sql.push_str(
                "SELECT reason, article_id, claim_id, attribution_id, source, mention, cue, confidence, rule, claim
                 FROM audit_queue WHERE reason <> 'low_confidence'",
            );
            sql.push_str(&filter);
            if let Some(r) = reason {
                params.push(Value::Text(r.to_string()));
                sql.push_str(&format!(" AND reason = ?{}", params.len()));
            }
        }
        // The view lists confidence below 0.6; any other threshold is asked here.
        if reason.is_none_or(|r| r == "low_confidence") {
            if !sql.is_empty() {
                sql.push_str(" UNION ALL ");
            }
            params.push(Value::Real(below));
            sql.push_str(&format!(
                "SELECT 'low_confidence' AS reason, article_id, claim_id, attribution_id, source, mention, cue, confidence, rule, claim
                 FROM claim_sources
                 WHERE status = 'extracted' AND attribution_kind <> 'article' AND confidence < ?{}",
                params.len()
            ));
            sql.push_str(&filter);
        }
        sql.push_str(" ORDER BY article_id, claim_id, attribution_id");
        let refs: Vec<&dyn rusqlite::ToSql> =
            params.iter().map(|v| v as &dyn rusqlite::ToSql).collect();
        self.rows(&sql, &refs)
    }

    /// Unreviewed attributions (status `extracted`), optionally in one article,
    /// in the columns of the audit queue.
    pub fn unreviewed(&self, article: Option<i64>) -> Result<Rows> {
        // No article is the whole id range: a range can use the index where
        // "?1 IS NULL OR article_id = ?1" cannot.
        self.rows(
            "SELECT 'unreviewed' AS reason, cs.article_id, cs.claim_id, cs.attribution_id, cs.source,
                    cs.mention, cs.cue, cs.confidence, cs.rule, cs.claim
             FROM claim_sources cs
             WHERE cs.status = 'extracted' AND cs.article_id BETWEEN ?1 AND ?2
             ORDER BY cs.article_id, cs.position, cs.attribution_id",
            &[&article.unwrap_or(i64::MIN), &article.unwrap_or(i64::MAX)],
        )
    }

    /// Pairs of live sources whose names are near-identical (Jaro-Winkler
    /// similarity at least `threshold`), most similar first. Names are
    /// compared within blocks of the same first letter, so the pass stays
    /// far from quadratic over a large database.
    pub fn near_duplicate_sources(
        &self,
        article: Option<i64>,
        threshold: f64,
    ) -> Result<Vec<NearDuplicate>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.name, s.kind FROM sources s
             WHERE s.merged_into IS NULL
               AND (?1 IS NULL OR EXISTS (
                    SELECT 1 FROM attributions a JOIN claims c ON c.id = a.claim_id
                    WHERE a.source_id = s.id AND c.article_id = ?1))
             ORDER BY lower(s.name)",
        )?;
        let sources = stmt
            .query_map([article], |r| {
                Ok(SourceRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(near_duplicates(&sources, threshold))
    }

    /// The review log, optionally for one attribution or one article (an
    /// article's entries include those on its attributions).
    pub fn review_log(&self, attribution: Option<i64>, article: Option<i64>) -> Result<Rows> {
        self.rows(
            "SELECT l.id, l.at, l.reviewer, l.action, l.attribution_id, l.claim_id, l.article_id,
                    s.name AS source, l.from_value AS 'from', l.to_value AS 'to', l.note
             FROM review_log l LEFT JOIN sources s ON s.id = l.source_id
             WHERE (?1 IS NULL OR l.attribution_id = ?1) AND (?2 IS NULL OR l.article_id = ?2)
             ORDER BY l.id",
            &[&attribution, &article],
        )
    }

    /// Everything known about how one attribution came about: the rule, the
    /// words it fired on, the sentence, how the mention was resolved, and its
    /// review history. One row.
    pub fn explain(&self, attribution_id: i64) -> Result<Rows> {
        let rows = self.rows(
            "SELECT a.id AS attribution_id, a.claim_id, c.article_id, a.status, a.kind, a.rule, a.confidence,
                    a.cue, a.cue_start, a.cue_end, a.mention, a.mention_start, a.mention_end,
                    s.name AS source, s.kind AS source_kind, v.name AS via,
                    a.resolution_kind, a.resolution,
                    c.text AS claim, c.content_spans,
                    -- Spans are bytes: slice the UTF-8 bytes, not characters.
                    CAST(substr(CAST(ar.body AS BLOB), c.sentence_start + 1, c.sentence_end - c.sentence_start) AS TEXT) AS sentence,
                    (SELECT group_concat(alias, ' | ') FROM source_aliases WHERE source_id = s.id) AS source_aliases,
                    (SELECT group_concat(l.at || ' ' || l.reviewer || ' ' || l.action
                            || coalesce(': ' || l.from_value || ' -> ' || l.to_value, '')
                            || coalesce(' (' || l.note || ')', ''), char(10))
                       FROM review_log l WHERE l.attribution_id = a.id) AS history
             FROM attributions a
             JOIN claims c ON c.id = a.claim_id
             JOIN articles ar ON ar.id = c.article_id
             LEFT JOIN sources s ON s.id = a.source_id
             LEFT JOIN sources v ON v.id = a.via_source_id
             WHERE a.id = ?1",
            &[&attribution_id],
        )?;
        if rows.rows.is_empty() {
            return Err(StoreError::NotFound(format!(
                "no attribution with id {attribution_id}"
            )));
        }
        Ok(rows)
    }

    /// One source with its aliases, claims and articles (rows of the
    /// `claim_sources` view and one summary row).
    pub fn source_detail(&self, name: &str) -> Result<(Rows, Rows)> {
        let source = self.require_source(name)?;
        let summary = self.rows(
            "SELECT st.source_id, st.source, st.kind, st.kind_origin, st.claims, st.articles,
                    st.unreviewed, st.confirmed, st.disputed, st.rejected,
                    (SELECT group_concat(alias || CASE origin WHEN 'manual' THEN ' (manual)' ELSE '' END, ' | ')
                       FROM source_aliases WHERE source_id = st.source_id) AS aliases,
                    (SELECT group_concat(name, ' | ') FROM sources WHERE merged_into = st.source_id) AS merged_from,
                    (SELECT group_concat(DISTINCT c.article_id) FROM attributions a JOIN claims c ON c.id = a.claim_id
                      WHERE a.source_id = st.source_id) AS article_ids
             FROM source_stats st WHERE st.source_id = ?1",
            &[&source.id],
        )?;
        if summary.rows.is_empty() {
            // Only a damaged merge record leads here: the lookup ends on a merged row.
            return Err(StoreError::Conflict(format!(
                "source '{}' is marked merged but no merge leads past it; run claimdb check",
                source.name
            )));
        }
        let claims = self.rows(
            "SELECT cs.attribution_id, cs.article_id, cs.claim_id, cs.attribution_kind, cs.cue, cs.mention,
                    cs.status, cs.claim
             FROM claim_sources cs JOIN attributions a ON a.id = cs.attribution_id
             WHERE a.source_id = ?1 ORDER BY cs.article_id, cs.position",
            &[&source.id],
        )?;
        Ok((summary, claims))
    }

    /// The stretches to mark in an article: every claim's content, and each
    /// of its attributions' mention and cue, in text order.
    pub fn article_marks(&self, article_id: i64) -> Result<Vec<StoredMark>> {
        let mut stmt = self.conn.prepare(
            "SELECT c.id, c.content_spans, a.id, a.source_id, s.name, a.kind, a.cue, a.cue_start, a.cue_end,
                    a.mention_start, a.mention_end, a.status, a.rule, a.confidence
             FROM claims c
             JOIN attributions a ON a.claim_id = c.id
             LEFT JOIN sources s ON s.id = a.source_id
             WHERE c.article_id = ?1
             ORDER BY c.position, a.id",
        )?;
        let mut marks: Vec<StoredMark> = Vec::new();
        let mut last_claim = None;
        let mut content_from = 0;
        let mut rows = stmt.query([article_id])?;
        while let Some(r) = rows.next()? {
            let claim_id: i64 = r.get(0)?;
            let spans: String = r.get(1)?;
            let attribution_id: i64 = r.get(2)?;
            let source_id: Option<i64> = r.get(3)?;
            let source_name: Option<String> = r.get(4)?;
            let kind: String = r.get(5)?;
            let cue: Option<String> = r.get(6)?;
            let status: String = r.get(11)?;
            let rule: String = r.get(12)?;
            let confidence: f64 = r.get(13)?;
            let source = source_id.zip(source_name.clone());
            let detail = format!(
                "claim {claim_id}, attribution {attribution_id}: source {}; cue {}; kind {kind}; status {status}; rule {rule}; confidence {confidence:.2}",
                source_name.as_deref().unwrap_or("(none named)"),
                cue.as_deref().unwrap_or("(none)"),
            );
            if last_claim == Some(claim_id) {
                // The claim's content tells about every attribution it has.
                for m in &mut marks[content_from..] {
                    if m.role == MarkRole::Content {
                        m.detail.push('\n');
                        m.detail.push_str(&detail);
                    }
                }
            } else {
                last_claim = Some(claim_id);
                content_from = marks.len();
                let fragments: Vec<[usize; 2]> = serde_json::from_str(&spans).unwrap_or_default();
                for [start, end] in fragments {
                    marks.push(StoredMark {
                        start,
                        end,
                        role: MarkRole::Content,
                        claim_id,
                        attribution_id: None,
                        source: source.clone(),
                        detail: detail.clone(),
                    });
                }
            }
            let spans = [
                (
                    MarkRole::Mention,
                    r.get::<_, Option<i64>>(9)?,
                    r.get::<_, Option<i64>>(10)?,
                ),
                (MarkRole::Cue, r.get(7)?, r.get(8)?),
            ];
            for (role, start, end) in spans {
                if let (Some(start), Some(end)) = (start, end) {
                    marks.push(StoredMark {
                        start: start as usize,
                        end: end as usize,
                        role,
                        claim_id,
                        attribution_id: Some(attribution_id),
                        source: source.clone(),
                        detail: detail.clone(),
                    });
                }
            }
        }
        marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        Ok(marks)
    }

    /// Every source backing an article's claims (id, name), by name.
    pub fn article_sources(&self, article_id: i64) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT s.id, s.name FROM attributions a
             JOIN claims c ON c.id = a.claim_id JOIN sources s ON s.id = a.source_id
             WHERE c.article_id = ?1 ORDER BY s.name",
        )?;
        let sources = stmt
            .query_map([article_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(sources)
    }

    /// An article's claims and attributions for the review table.
    pub fn article_attributions(&self, article_id: i64) -> Result<Rows> {
        self.rows(
            "SELECT cs.attribution_id, cs.claim_id, cs.source, cs.attribution_kind, cs.cue, cs.mention,
                    cs.status, cs.confidence, cs.rule, cs.claim
             FROM claim_sources cs WHERE cs.article_id = ?1
             ORDER BY cs.position, cs.attribution_id",
            &[&article_id],
        )
    }
}

/// How many merges a lookup follows before it calls the chain broken: merges
/// are flattened when made, so a healthy database needs one step.
const MAX_MERGE_STEPS: usize = 64;

/// A name given by a user, trimmed; an empty one is refused (it would name
/// nothing a reader could tell apart, and matches no source).
fn require_name(name: &str) -> Result<&str> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(StoreError::Conflict("a source name cannot be empty".into()));
    }
    Ok(trimmed)
}

/// The source a name or alias stands for, following merges to the source
/// that stays; a merge chain that loops is an error (run `claimdb check`).
fn lookup_source(conn: &Connection, name: &str) -> Result<Option<SourceRef>> {
    let Some(mut id) =
        conn.query_row(super::FIND_SOURCE, [name], |r| r.get::<_, Option<i64>>(0))?
    else {
        return Ok(None);
    };
    let mut step =
        conn.prepare_cached("SELECT id, name, kind, merged_into FROM sources WHERE id = ?1")?;
    for _ in 0..MAX_MERGE_STEPS {
        let (source, merged_into): (SourceRef, Option<i64>) = step.query_row([id], |r| {
            Ok((
                SourceRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: r.get(2)?,
                },
                r.get(3)?,
            ))
        })?;
        match merged_into {
            None => return Ok(Some(source)),
            Some(next) if next == id => break,
            Some(next) => id = next,
        }
    }
    Err(StoreError::Conflict(format!(
        "the source named '{name}' is in a broken merge chain (merged into itself or in a loop); run claimdb check"
    )))
}

/// [`lookup_source`], with a missing source as an error.
fn require_source_in(conn: &Connection, name: &str) -> Result<SourceRef> {
    match lookup_source(conn, name)? {
        Some(source) => Ok(source),
        None => Err(unknown_source(conn, name, "")),
    }
}

/// "no source named 'X'", then up to three close names ("; did you mean
/// 'A' or 'B'?"), then `more`. A failed search for suggestions leaves them out:
/// the error is about the name.
fn unknown_source(conn: &Connection, name: &str, more: &str) -> StoreError {
    let close = similar_source_names(conn, name, 3).unwrap_or_default();
    let quoted: Vec<String> = close.iter().map(|n| format!("'{n}'")).collect();
    let hint = match quoted.as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean {one}?"),
        [rest @ .., last] => format!("; did you mean {} or {last}?", rest.join(", ")),
    };
    StoreError::NotFound(format!("no source named '{name}'{hint}{more}"))
}

/// Names closer than this (normalized Damerau-Levenshtein, 0 to 1) are suggested.
const SUGGEST_SIMILARITY: f64 = 0.6;

/// Up to `limit` canonical names and aliases of live sources close to
/// `name`, one per source, best first: a name that starts with it or holds
/// it (case-insensitive), else one within a few edits of it.
fn similar_source_names(conn: &Connection, name: &str, limit: usize) -> Result<Vec<String>> {
    let wanted = name.trim().to_lowercase();
    if wanted.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare(
        "SELECT name, id FROM sources WHERE merged_into IS NULL
         UNION ALL
         SELECT al.alias, al.source_id FROM source_aliases al
           JOIN sources s ON s.id = al.source_id WHERE s.merged_into IS NULL",
    )?;
    let names = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
        .collect::<Result<Vec<_>, _>>()?;
    let score = |candidate: &str| {
        let c = candidate.to_lowercase();
        if c.starts_with(&wanted) || (wanted.chars().count() >= 3 && wanted.starts_with(&c)) {
            1.0
        } else if wanted.chars().count() >= 3 && c.contains(&wanted) {
            0.95
        } else {
            // The whole name, or its closest word ("lukashenk" for "Alexander Lukashenko").
            c.split_whitespace()
                .chain([c.as_str()])
                .map(|w| strsim::normalized_damerau_levenshtein(w, &wanted))
                .fold(0.0, f64::max)
                * 0.9
        }
    };
    // The best-scoring name of each source.
    let mut best: std::collections::HashMap<i64, (f64, String)> = std::collections::HashMap::new();
    for (candidate, id) in names {
        let s = score(&candidate);
        if s < SUGGEST_SIMILARITY * 0.9 {
            continue;
        }
        let entry = best.entry(id).or_insert((f64::MIN, String::new()));
        if s > entry.0 || (s == entry.0 && candidate < entry.1) {
            *entry = (s, candidate);
        }
    }
    let mut ranked: Vec<(f64, String)> = best.into_values().collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    ranked.dedup_by(|a, b| a.1 == b.1);
    Ok(ranked.into_iter().take(limit).map(|(_, n)| n).collect())
}

/// The source `name` was merged into, when `name` is the canonical name of a
/// source merged away: naming it again in a merge would move the source that
/// stayed, under a message about the one that went.
fn merged_away(conn: &Connection, name: &str) -> Result<Option<SourceRef>> {
    let merged: Option<i64> = conn
        .query_row(
            "SELECT id FROM sources WHERE name = ?1 AND merged_into IS NOT NULL",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    match merged {
        Some(_) => lookup_source(conn, name),
        None => Ok(None),
    }
}

/// Gives an article's claims positions 0, 1, … in text order. Positions are
/// unique per article, so they first move out of the way (negative).
fn renumber_claims(tx: &Transaction, article_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE claims SET position = -1 - position WHERE article_id = ?1",
        [article_id],
    )?;
    let ids = {
        let mut stmt = tx.prepare(
            "SELECT id FROM claims WHERE article_id = ?1 ORDER BY content_start, content_end, id",
        )?;
        let ids = stmt
            .query_map([article_id], |r| r.get(0))?
            .collect::<Result<Vec<i64>, _>>()?;
        ids
    };
    let mut set = tx.prepare_cached("UPDATE claims SET position = ?2 WHERE id = ?1")?;
    for (position, id) in ids.iter().enumerate() {
        set.execute(params![id, position as i64])?;
    }
    Ok(())
}

/// Near-identical pairs among sources sorted by lower-cased name. Only names
/// with the same first letter and similar lengths are compared, and their last
/// words must be as alike as the whole names ("Donald Trump" / "Donald Tusk"
/// share a long prefix but are two people).
fn near_duplicates(sources: &[SourceRef], threshold: f64) -> Vec<NearDuplicate> {
    let mut pairs = Vec::new();
    let first_letter = |s: &SourceRef| {
        s.name
            .chars()
            .next()
            .map(char::to_lowercase)
            .map(|l| l.to_string())
    };
    let mut start = 0;
    while start < sources.len() {
        let letter = first_letter(&sources[start]);
        let end = sources[start..]
            .iter()
            .position(|s| first_letter(s) != letter)
            .map_or(sources.len(), |n| start + n);
        // (length in characters, lower-case name, its last word, the source)
        let mut block: Vec<(usize, String, String, &SourceRef)> = sources[start..end]
            .iter()
            .map(|s| {
                let lower = s.name.to_lowercase();
                let last = lower.rsplit(' ').next().unwrap_or("").to_string();
                (lower.chars().count(), lower, last, s)
            })
            .collect();
        block.sort_by_key(|(len, _, _, s)| (*len, s.id));
        for (i, (len_a, a, last_a, source_a)) in block.iter().enumerate() {
            // Jaro similarity cannot reach 0.9 when one name is under 3/4 of the other.
            for (_, b, last_b, source_b) in block[i + 1..]
                .iter()
                .take_while(|(l, _, _, _)| *l * 3 <= *len_a * 4)
            {
                let similarity = strsim::jaro_winkler(a, b);
                if similarity >= threshold && strsim::jaro_winkler(last_a, last_b) >= threshold {
                    let (first, second) = if source_a.id < source_b.id {
                        (source_a, source_b)
                    } else {
                        (source_b, source_a)
                    };
                    pairs.push(NearDuplicate {
                        first: (*first).clone(),
                        second: (*second).clone(),
                        similarity,
                    });
                }
            }
        }
        start = end;
    }
    pairs.sort_by(|x, y| {
        y.similarity
            .total_cmp(&x.similarity)
            .then(x.first.id.cmp(&y.first.id))
    });
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: i64, name: &str) -> SourceRef {
        SourceRef {
            id,
            name: name.into(),
            kind: "person".into(),
        }
    }

    #[test]
    fn near_duplicates_within_first_letter_blocks() {
        let sources = [
            source(1, "Pesezhkian"),
            source(2, "Pezeshkian"),
            source(3, "Putin"),
            source(5, "Donald Trump"),
            source(6, "Donald Tusk"),
            source(4, "Reuters"),
        ];
        let pairs = near_duplicates(&sources, 0.9);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].first.id, pairs[0].second.id), (1, 2));
        assert!(near_duplicates(&sources, 0.999).is_empty());
    }
}
