//! Writing many articles fast: batches of articles in one transaction each,
//! with the full-text index filled once per batch instead of once per claim.
//!
//! Why the index is filled by hand: the `claims_ai` trigger writes each new
//! claim into `claims_fts`, and a statement that fires a trigger into an FTS5
//! table opens a statement savepoint, on which FTS5 flushes its pending terms
//! to disk: one tiny index segment per claim, merged again and again (half
//! of the import's time in a profile). With triggers off on this connection
//! the batch's claims are indexed by one `INSERT … SELECT`, which is exactly
//! what the trigger does, in the same transaction. This is only done while
//! the schema's triggers are the ones this code knows (checked on opening);
//! otherwise triggers stay on and batches are merely slower.
//!
//! Every article of a batch is written whole or not at all: a batch commits
//! only if every article in it was written; if one article's rows break a
//! constraint the batch is rolled back and written again one article per
//! transaction, so that one bad article costs the others nothing.

use super::{content_hash, now, upsert_sources, write_citations, write_claims, Kept};
use super::{ImportOutcome, NewArticle, Result, Store, StoreError};
use crate::reading::ArticleReading;
use rusqlite::config::DbConfig;
use rusqlite::{
    params, Connection, ErrorCode, OpenFlags, OptionalExtension, Transaction, TransactionBehavior,
};

/// The `claims_ai` trigger of the schema, whitespace collapsed: what the bulk
/// writer does by hand when it turns triggers off.
const FTS_TRIGGER: &str = "CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN \
     INSERT INTO claims_fts(rowid, text) VALUES (new.id, new.text); END";

/// Indexes the claims written after `?1` (the largest claim id before the
/// batch), as `claims_ai` would have one by one.
const FTS_FILL: &str =
    "INSERT INTO claims_fts(rowid, text) SELECT id, text FROM claims WHERE id > ?1 ORDER BY id";

/// Tables an import writes to.
const WRITTEN: [&str; 6] = [
    "articles",
    "sources",
    "source_aliases",
    "article_citations",
    "claims",
    "attributions",
];

/// An article with its reading, owned, ready to be written by a [`BulkWriter`].
#[derive(Debug, Clone)]
pub struct BulkArticle {
    /// The text verbatim.
    pub body: String,
    /// Title from metadata (otherwise the reading's title line).
    pub title: Option<String>,
    /// Address it was published at.
    pub url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was published, ISO 8601.
    pub published_at: Option<String>,
    /// Where it was imported from.
    pub origin: Option<String>,
    /// What the pipeline read in it; `None` when the text was found already
    /// stored before it was read (see [`HashProbe`]), so reading it was skipped.
    pub reading: Option<ArticleReading>,
    /// [`content_hash`] of the body.
    pub hash: String,
}

impl BulkArticle {
    /// An article to write; hashes the body (call it off the writer's thread).
    pub fn new(article: &NewArticle, reading: ArticleReading) -> BulkArticle {
        BulkArticle {
            body: article.body.to_string(),
            title: article.title.clone(),
            url: article.url.clone(),
            author: article.author.clone(),
            published_at: article.published_at.clone(),
            origin: article.origin.clone(),
            reading: Some(reading),
            hash: content_hash(article.body),
        }
    }

    fn as_new(&self) -> NewArticle<'_> {
        NewArticle {
            body: &self.body,
            title: self.title.clone(),
            url: self.url.clone(),
            author: self.author.clone(),
            published_at: self.published_at.clone(),
            origin: self.origin.clone(),
        }
    }
}

/// What writing one article of a batch did: its outcome, or the error that
/// kept it out (the others are written).
pub type ArticleWrite = std::result::Result<ImportOutcome, StoreError>;

/// Writes batches of articles through one connection (see the module docs).
#[derive(Debug)]
pub struct BulkWriter<'s> {
    conn: &'s mut Connection,
    fts_by_hand: bool,
}

impl Store {
    /// A writer of article batches. While it lives, this connection's
    /// triggers are off when the bulk writer can stand in for them.
    pub fn bulk_writer(&mut self) -> Result<BulkWriter<'_>> {
        let conn = &mut self.conn;
        // Statements of the write path, kept prepared across batches.
        conn.set_prepared_statement_cache_capacity(64);
        let fts_by_hand = triggers_are_known(conn)?;
        if fts_by_hand {
            conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
        }
        Ok(BulkWriter { conn, fts_by_hand })
    }
}

impl BulkWriter<'_> {
    /// Whether the full-text index is filled per batch (triggers off).
    pub fn fills_index_per_batch(&self) -> bool {
        self.fts_by_hand
    }

    /// Writes a batch, in order, in one transaction, and returns one result
    /// per article. An article whose rows break a constraint is reported in
    /// its place and the others are written; any other error (disk full, I/O,
    /// a lock held too long) stops the batch, which is then rolled back whole.
    pub fn write_batch(&mut self, batch: &[BulkArticle]) -> Result<Vec<ArticleWrite>> {
        match self.try_batch(batch) {
            Ok(outcomes) => Ok(outcomes.into_iter().map(Ok).collect()),
            Err(e) if is_article_specific(&e) => {
                batch.iter().map(|a| self.write_alone(a)).collect()
            }
            Err(e) => Err(e),
        }
    }

    fn try_batch(&mut self, batch: &[BulkArticle]) -> Result<Vec<ImportOutcome>> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let before = last_claim_id(&tx)?;
        let mut outcomes = Vec::with_capacity(batch.len());
        for article in batch {
            outcomes.push(write_article(
                &tx,
                &article.as_new(),
                article.reading.as_ref(),
                &article.hash,
            )?);
        }
        if self.fts_by_hand {
            tx.prepare_cached(FTS_FILL)?.execute([before])?;
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// One article in its own transaction; an article-specific error is its result.
    fn write_alone(&mut self, article: &BulkArticle) -> Result<ArticleWrite> {
        match self.try_batch(std::slice::from_ref(article)) {
            Ok(mut outcomes) => Ok(Ok(outcomes.remove(0))),
            Err(e) if is_article_specific(&e) => Ok(Err(e)),
            Err(e) => Err(e),
        }
    }
}

impl BulkWriter<'_> {
    /// Ends bulk writing: triggers back on, and the query planner's
    /// statistics refreshed for tables that grew (`PRAGMA optimize`, with
    /// SQLite's own bound on the work), so that queries on a database filled
    /// in one go pick their indexes well (without statistics the planner
    /// takes `status = 'extracted'`, true of every row, for a selective index).
    pub fn finish(mut self) -> Result<()> {
        self.triggers_on()?;
        self.conn.execute_batch("PRAGMA optimize = 0x10012")?;
        Ok(())
    }

    fn triggers_on(&mut self) -> Result<()> {
        if self.fts_by_hand {
            self.conn
                .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true)?;
            self.fts_by_hand = false;
        }
        Ok(())
    }
}

impl Drop for BulkWriter<'_> {
    fn drop(&mut self) {
        // Cannot fail for a valid option; if it did, the connection is
        // being dropped with the store anyway.
        let _ = self.triggers_on();
    }
}

/// The largest claim id (0 for none).
fn last_claim_id(tx: &Transaction) -> Result<i64> {
    Ok(tx
        .prepare_cached("SELECT coalesce(max(id), 0) FROM claims")?
        .query_row([], |r| r.get(0))?)
}

/// Whether an error is about the article being written (its rows break a
/// constraint, or the stored text it duplicated is gone) rather than about
/// the database.
fn is_article_specific(e: &StoreError) -> bool {
    match e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) => {
            f.code == ErrorCode::ConstraintViolation
        }
        StoreError::NotFound(_) => true,
        _ => false,
    }
}

/// The article with a content hash.
const FIND_HASH: &str = "SELECT id FROM articles WHERE content_hash = ?1";

/// A read-only look at a database file's stored texts, for the threads that
/// read articles: a text already stored needs no reading (importing the same
/// archive again costs a hash per article, not an extraction).
#[derive(Debug)]
pub struct HashProbe {
    conn: Connection,
}

impl HashProbe {
    /// Whether a text with this [`content_hash`] is committed in the database
    /// (any error counts as no: the article is then read as usual).
    pub fn is_stored(&self, hash: &str) -> bool {
        self.conn
            .prepare_cached(FIND_HASH)
            .and_then(|mut s| s.exists([hash]))
            .unwrap_or(false)
    }
}

impl Store {
    /// A [`HashProbe`] on this store's file; `None` for an in-memory database.
    pub fn hash_probe(&self) -> Option<HashProbe> {
        let path = self.conn.path().filter(|p| !p.is_empty())?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .ok()?;
        conn.busy_timeout(super::BUSY_TIMEOUT).ok()?;
        Some(HashProbe { conn })
    }
}

/// Whether every trigger on the tables an import writes is one the bulk
/// writer may turn off: `claims_ai` exactly as the schema declares it (the
/// writer does its work), and triggers that fire on deletes or on updates of
/// claims (an import does neither).
fn triggers_are_known(conn: &Connection) -> Result<bool> {
    let mut stmt =
        conn.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")?;
    let triggers = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let mut fts_trigger = false;
    for (name, table, sql) in triggers {
        if !WRITTEN.contains(&table.as_str()) {
            continue;
        }
        let sql = sql.split_whitespace().collect::<Vec<_>>().join(" ");
        if name == "claims_ai" && sql == FTS_TRIGGER {
            fts_trigger = true;
            continue;
        }
        let upper = sql.to_ascii_uppercase();
        let event = ["BEFORE ", "AFTER ", "INSTEAD OF "]
            .iter()
            .filter_map(|w| upper.find(w).map(|i| &upper[i + w.len()..]))
            .next()
            .unwrap_or("");
        let harmless =
            event.starts_with("DELETE ") || (event.starts_with("UPDATE ") && table == "claims");
        if !harmless {
            return Ok(false);
        }
    }
    Ok(fts_trigger)
}

/// Stores an article and everything read in it through an open transaction.
/// The same text already stored (`hash`) is a [`ImportOutcome::Duplicate`]
/// and writes nothing. Without a reading the text must be stored already.
pub(super) fn write_article(
    tx: &Transaction,
    article: &NewArticle,
    reading: Option<&ArticleReading>,
    hash: &str,
) -> Result<ImportOutcome> {
    if let Some(article_id) = tx
        .prepare_cached(FIND_HASH)?
        .query_row([hash], |r| r.get(0))
        .optional()?
    {
        return Ok(ImportOutcome::Duplicate { article_id });
    }
    let Some(reading) = reading else {
        // Articles are never deleted by claimdb; someone else removed it
        // between the probe and this write.
        return Err(StoreError::NotFound(
            "the stored article with the same text was deleted during the import; import this one again".into(),
        ));
    };
    let (source_ids, new_sources) = upsert_sources(tx, reading)?;
    tx.prepare_cached(
        "INSERT INTO articles (title, url, publisher_id, author, published_at, imported_at, origin, content_hash, body)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        article.title.as_deref().or(reading.title.as_deref()),
        article.url,
        reading.publisher.map(|i| source_ids[i]),
        article.author,
        article.published_at,
        now(),
        article.origin,
        hash,
        article.body,
    ])?;
    let article_id = tx.last_insert_rowid();
    write_citations(tx, article_id, reading, &source_ids)?;
    let written = write_claims(
        tx,
        article_id,
        article.body,
        reading,
        &source_ids,
        &Kept::default(),
    )?;
    Ok(ImportOutcome::Imported {
        article_id,
        claims: written.claims,
        attributions: written.attributions,
        new_sources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::{read_article, ArticleMeta};

    fn prepared(text: &str) -> BulkArticle {
        BulkArticle::new(
            &NewArticle {
                body: text,
                origin: Some("t".into()),
                ..NewArticle::default()
            },
            read_article(text, &ArticleMeta::default()),
        )
    }

    fn texts() -> Vec<String> {
        (0..5)
            .map(|i| {
                format!(
                    "Story {i}\n\nThe harbor {i} will close in May, the port authority said. \
                     \"We have no choice,\" said Mayor Lena Ortiz. Officials said sanctions{i} would follow."
                )
            })
            .collect()
    }

    fn fts_rows(store: &Store, word: &str) -> Vec<Vec<rusqlite::types::Value>> {
        store
            .rows(
                "SELECT rowid, text FROM claims_fts WHERE claims_fts MATCH ?1 ORDER BY rowid",
                &[&word],
            )
            .unwrap()
            .rows
    }

    #[test]
    fn the_current_schema_takes_the_fast_path() {
        let mut store = Store::in_memory().unwrap();
        assert!(store.bulk_writer().unwrap().fills_index_per_batch());
    }

    #[test]
    fn batches_store_what_single_imports_store() {
        let texts = texts();
        let mut one_by_one = Store::in_memory().unwrap();
        for t in &texts {
            one_by_one
                .import(
                    &NewArticle {
                        body: t,
                        origin: Some("t".into()),
                        ..NewArticle::default()
                    },
                    &read_article(t, &ArticleMeta::default()),
                )
                .unwrap();
        }
        let mut bulk = Store::in_memory().unwrap();
        let mut batch: Vec<BulkArticle> = texts.iter().map(|t| prepared(t)).collect();
        // A duplicate inside the batch, of an article written earlier in it.
        batch.push(prepared(&texts[1]));
        let results = bulk.bulk_writer().unwrap().write_batch(&batch).unwrap();
        assert!(matches!(
            results[5],
            Ok(ImportOutcome::Duplicate { article_id: 2 })
        ));
        assert_eq!(one_by_one.counts().unwrap(), bulk.counts().unwrap());
        for word in ["harbor", "choice", "sanctions3"] {
            assert_eq!(fts_rows(&one_by_one, word), fts_rows(&bulk, word), "{word}");
            assert!(!fts_rows(&bulk, word).is_empty());
        }
        bulk.connection()
            .execute(
                "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
        // Triggers are back on once the writer is gone.
        let again = prepared("Another\n\nThe pier will reopen, officials said.");
        bulk.import(&again.as_new(), again.reading.as_ref().unwrap())
            .unwrap();
        assert_eq!(fts_rows(&bulk, "pier").len(), 1);
    }

    #[test]
    fn finishing_leaves_statistics_for_the_planner_and_triggers_on() {
        let mut store = Store::in_memory().unwrap();
        let batch: Vec<BulkArticle> = texts().iter().map(|t| prepared(t)).collect();
        let mut writer = store.bulk_writer().unwrap();
        writer.write_batch(&batch).unwrap();
        writer.finish().unwrap();
        let analysed: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'attributions'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(analysed > 0);
        let on = store
            .connection()
            .db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER)
            .unwrap();
        assert!(on);
    }

    #[test]
    fn a_probe_sees_committed_texts_and_an_unread_text_must_be_stored() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("p.db")).unwrap();
        assert!(Store::in_memory().unwrap().hash_probe().is_none());
        let probe = store.hash_probe().unwrap();
        let texts = texts();
        let first = prepared(&texts[0]);
        assert!(!probe.is_stored(&first.hash));
        let mut writer = store.bulk_writer().unwrap();
        writer.write_batch(std::slice::from_ref(&first)).unwrap();
        assert!(probe.is_stored(&first.hash));
        // Unread because the probe found it: a duplicate. Unread and not
        // stored (deleted meanwhile): that article fails, the others go in.
        let mut known = prepared(&texts[0]);
        known.reading = None;
        let mut gone = prepared(&texts[1]);
        gone.reading = None;
        let results = writer
            .write_batch(&[known, gone, prepared(&texts[2])])
            .unwrap();
        assert!(matches!(
            results[0],
            Ok(ImportOutcome::Duplicate { article_id: 1 })
        ));
        assert!(matches!(results[1], Err(StoreError::NotFound(_))));
        assert!(matches!(
            results[2],
            Ok(ImportOutcome::Imported { article_id: 2, .. })
        ));
    }

    #[test]
    fn a_second_batch_is_deduplicated_against_the_first() {
        let texts = texts();
        let mut store = Store::in_memory().unwrap();
        let mut writer = store.bulk_writer().unwrap();
        let first: Vec<BulkArticle> = texts[..3].iter().map(|t| prepared(t)).collect();
        let second: Vec<BulkArticle> = texts[2..].iter().map(|t| prepared(t)).collect();
        writer.write_batch(&first).unwrap();
        let results = writer.write_batch(&second).unwrap();
        assert!(matches!(
            results[0],
            Ok(ImportOutcome::Duplicate { article_id: 3 })
        ));
        assert!(matches!(
            results[1],
            Ok(ImportOutcome::Imported { article_id: 4, .. })
        ));
        drop(writer);
        assert_eq!(store.counts().unwrap().articles, 5);
    }

    #[test]
    fn an_article_breaking_a_constraint_costs_the_others_nothing() {
        let texts = texts();
        let mut store = Store::in_memory().unwrap();
        let mut batch: Vec<BulkArticle> = texts[..3].iter().map(|t| prepared(t)).collect();
        // A confidence out of range breaks the attributions table's CHECK.
        batch[1].reading.as_mut().unwrap().claims[0].attributions[0].confidence = 7.0;
        let results = store.bulk_writer().unwrap().write_batch(&batch).unwrap();
        assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
        assert!(matches!(results[1], Err(StoreError::Sqlite(_))));
        let bodies: i64 = store
            .connection()
            .query_row(
                "SELECT count(*) FROM articles WHERE body = ?1",
                [&texts[1]],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(bodies, 0, "nothing of the failing article is stored");
        assert_eq!(store.counts().unwrap().articles, 2);
        store
            .connection()
            .execute(
                "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')",
                [],
            )
            .unwrap();
    }
}
