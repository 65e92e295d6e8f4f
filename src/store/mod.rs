//! The SQLite database: opening it safely, migrating it, writing one article's
//! reading atomically, and the read queries the CLI offers.
//!
//! Knows nothing about parsing: it takes an [`ArticleReading`] as data.

use crate::model::SourceKind;
use crate::reading::{ArticleReading, Claim};
use chrono::{SecondsFormat, Utc};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OpenFlags, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::{Duration, Instant};

mod audit;
mod bulk;
pub mod check;

pub use audit::{
    Decision, MarkRole, MergeOutcome, NearDuplicate, ReextractOutcome, ReviewOutcome, Reviewer,
    SourceRef, StoredArticle, StoredMark, UnmergeOutcome,
};
pub use bulk::{ArticleWrite, BulkArticle, BulkWriter, HashProbe};

mod embedded {
    refinery::embed_migrations!("migrations");
}

/// How long a writer waits for another connection's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Errors a caller may want to tell apart.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database was written by a newer claimdb.
    #[error("database schema version {found} is newer than this claimdb supports ({supported}); upgrade claimdb — the database was left untouched")]
    NewerSchema {
        /// Highest migration version in the database.
        found: i64,
        /// Highest migration version this build knows.
        supported: i64,
    },
    /// The file is not a claimdb database (or not SQLite at all).
    #[error("not a claimdb database: {0}")]
    NotClaimdb(String),
    /// Applying migrations failed.
    #[error("migrating the database failed: {0}")]
    Migration(#[from] refinery::Error),
    /// Any SQLite error.
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
    /// A statement given to a read-only query would write.
    #[error("refused: only read-only statements may run here (SELECT, WITH, EXPLAIN, read-only PRAGMA); this one would write or attach a database")]
    WriteRefused,
    /// The database cannot be written (no permission on the file or its folder).
    #[error("the database file is read-only (no permission to write it)")]
    ReadOnlyFile,
    /// A statement ran past its time limit and was stopped.
    #[error("stopped after {} s (the time limit)", .after.as_secs_f64())]
    TimedOut {
        /// The time limit it ran into.
        after: Duration,
    },
    /// A statement needed more memory than SQLite may use and was stopped.
    #[error("stopped: it needed more than {limit_mb} MB of memory (the memory limit)")]
    OutOfMemory {
        /// The limit, in megabytes.
        limit_mb: u64,
    },
    /// The user asked to stop (Ctrl-C); the statement was stopped.
    #[error("interrupted")]
    Interrupted,
    /// A name or kind given by the user does not exist.
    #[error("{0}")]
    NotFound(String),
    /// A decision that cannot be made as asked (it would change nothing, or conflict).
    #[error("{0}")]
    Conflict(String),
}

/// Result alias for store operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An article to store, with what is known about it besides its reading.
#[derive(Debug, Clone, Default)]
pub struct NewArticle<'a> {
    /// The text verbatim; every stored span is a byte offset into it.
    pub body: &'a str,
    /// Title (from metadata, or the text's first line).
    pub title: Option<String>,
    /// Address it was published at.
    pub url: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was published, ISO 8601.
    pub published_at: Option<String>,
    /// Where it was imported from (a path).
    pub origin: Option<String>,
}

/// What storing one article did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Stored as a new article.
    Imported {
        /// Its id.
        article_id: i64,
        /// Claims written.
        claims: usize,
        /// Attributions written.
        attributions: usize,
        /// Sources created (not merged into existing ones).
        new_sources: usize,
    },
    /// The same text was already stored; nothing changed.
    Duplicate {
        /// The existing article's id.
        article_id: i64,
    },
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Articles stored.
    pub articles: i64,
    /// Claims stored.
    pub claims: i64,
    /// Attributions stored.
    pub attributions: i64,
    /// Distinct sources.
    pub sources: i64,
}

/// Column names and rows of a query, values as SQLite gives them.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// Column names, in order.
    pub columns: Vec<String>,
    /// Rows, each with one value per column.
    pub rows: Vec<Vec<Value>>,
}

impl Rows {
    /// The same rows with only the named columns, in that order (unknown names are skipped).
    pub fn select(&self, names: &[&str]) -> Rows {
        let picks: Vec<usize> = names
            .iter()
            .filter_map(|n| self.columns.iter().position(|c| c == n))
            .collect();
        Rows {
            columns: picks.iter().map(|&i| self.columns[i].clone()).collect(),
            rows: self
                .rows
                .iter()
                .map(|r| picks.iter().map(|&i| r[i].clone()).collect())
                .collect(),
        }
    }
}

/// A full-text search over claims and what narrows it ([`Store::search_with`]).
#[derive(Debug, Clone, Default)]
pub struct Search<'a> {
    /// An FTS5 query.
    pub query: &'a str,
    /// At most this many claims.
    pub limit: i64,
    /// Newest articles first (by published date, undated ones last, then
    /// latest imported), instead of best matches first.
    pub newest: bool,
    /// Only claims this source backs (a name or alias, followed through merges).
    pub source: Option<&'a str>,
    /// Only claims of articles published on or after this day (`YYYY-MM-DD`).
    pub since: Option<&'a str>,
    /// Only claims of articles published on or before this day (`YYYY-MM-DD`).
    pub until: Option<&'a str>,
}

/// The SHA-256 of a text, in hex: the identity of an article's content.
pub fn content_hash(body: &str) -> String {
    let digest = Sha256::digest(body.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Number of migrations compiled into this build.
pub fn embedded_migration_count() -> usize {
    embedded::migrations::runner().get_migrations().len()
}

/// Set by [`request_interrupt`]; read by every store's progress handler.
static INTERRUPT: AtomicBool = AtomicBool::new(false);

/// The memory limit set by [`limit_sqlite_memory`], in bytes (0: none), for error messages.
static HEAP_LIMIT: AtomicI64 = AtomicI64::new(0);

/// How many SQLite virtual-machine steps run between two looks at the clock
/// and the interrupt flag: a few microseconds of work.
const PROGRESS_STEPS: i32 = 1000;

/// Asks every statement that runs under [`Store::set_time_limit`] to stop
/// soon (Ctrl-C). It only sets an atomic flag, so a signal handler may call it.
pub fn request_interrupt() {
    INTERRUPT.store(true, Ordering::SeqCst);
}

/// True once [`request_interrupt`] was called.
pub fn interrupt_requested() -> bool {
    INTERRUPT.load(Ordering::SeqCst)
}

/// Caps the memory SQLite may hold in this process, over all connections, at
/// `bytes` (0: no cap). A statement that needs more fails with
/// [`StoreError::OutOfMemory`] instead of taking the machine's memory.
/// Process-wide (SQLite's hard heap limit): meant for one-shot commands.
pub fn limit_sqlite_memory(bytes: u64) {
    let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
    // SAFETY: sqlite3_hard_heap_limit64 only sets a process-wide value under
    // SQLite's own mutex; any thread may call it at any time.
    unsafe {
        rusqlite::ffi::sqlite3_hard_heap_limit64(bytes);
    }
    HEAP_LIMIT.store(bytes, Ordering::SeqCst);
}

/// A claimdb database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    /// The limit set by [`Store::set_time_limit`], to say why a statement stopped.
    time_limit: Option<Duration>,
    /// How a read-only store was opened; `None` for one that may write.
    read_only: Option<ReadOnlyOpen>,
    /// Declared after `conn`, so dropped after it: removes the `-wal` and
    /// `-shm` files the read-only connection left, once it is closed.
    _tidy: Option<Tidy>,
}

/// How [`Store::open_read_only`] opens a database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyOpen {
    /// `mode=ro`: a reader like any other, with SQLite's locks and its
    /// `-wal`/`-shm` files, safe while others write.
    Shared,
    /// `immutable=1`: no locks and no `-wal`/`-shm` files; SQLite trusts that
    /// nobody changes the file while it is open.
    Immutable,
}

impl ReadOnlyOpen {
    /// The way to open a file, from whether this process may write it and
    /// its folder, and whether a `-wal` or `-journal` file lies beside it.
    ///
    /// Immutable only when this process may not write the file or its
    /// folder (its reader could otherwise leave a `-shm` it made read-only,
    /// or cannot make one) and no `-wal` or `-journal` shows a writer at
    /// work or committed pages still outside the file: immutable would not
    /// read them. Otherwise shared, which is always safe.
    pub fn choose(file_writable: bool, folder_writable: bool, journal_beside: bool) -> Self {
        if (file_writable && folder_writable) || journal_beside {
            ReadOnlyOpen::Shared
        } else {
            ReadOnlyOpen::Immutable
        }
    }

    /// The SQLite URI that opens `path` this way (its bytes percent-escaped:
    /// `?`, `#` and `%` in a file name are not URI syntax).
    pub fn uri(self, path: &Path) -> String {
        let mut uri = String::from(if path.is_absolute() {
            "file://"
        } else {
            "file:"
        });
        for &b in path_bytes(path).iter() {
            if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
                uri.push(char::from(b));
            } else {
                uri.push_str(&format!("%{b:02X}"));
            }
        }
        uri.push_str(match self {
            ReadOnlyOpen::Shared => "?mode=ro",
            ReadOnlyOpen::Immutable => "?mode=ro&immutable=1",
        });
        uri
    }
}

/// The bytes of a path as the operating system holds them.
#[cfg(unix)]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    std::borrow::Cow::Borrowed(path.as_os_str().as_bytes())
}

/// The bytes of a path (as UTF-8, which SQLite expects elsewhere).
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(path.to_string_lossy().into_owned().into_bytes())
}

/// Whether this process may write `path` (access(2): root may write a
/// file whose mode says read-only; a read-only file system refuses everyone).
#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(name) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: access(2) reads a NUL-terminated string that outlives the call.
    unsafe { libc::access(name.as_ptr(), libc::W_OK) == 0 }
}

/// Whether `path` may be written, as its permissions say.
#[cfg(not(unix))]
fn may_write(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
}

/// Removes the `-wal` and `-shm` files a read-only connection made beside a
/// database that had none (SQLite leaves them: a reader may not delete them).
/// It opens the file for writing without creating it, reads its header and
/// closes it: SQLite itself then deletes both files, and only when no other
/// connection, in any process, has the database open.
#[derive(Debug)]
struct Tidy(std::path::PathBuf);

/// The file named `path` with `suffix` appended: `c.db-wal` beside `c.db`.
fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

impl Drop for Tidy {
    fn drop(&mut self) {
        if !beside(&self.0, "-wal").exists() && !beside(&self.0, "-shm").exists() {
            return;
        }
        let Ok(conn) = Connection::open_with_flags(
            &self.0,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        ) else {
            return;
        };
        // A read opens the WAL; closing then deletes it and the -shm when
        // this is the last connection. Any error just leaves the files.
        let _ = conn
            .busy_timeout(Duration::from_secs(1))
            .and_then(|_| conn.query_row("PRAGMA schema_version", [], |r| r.get::<_, i64>(0)));
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` for writing and
    /// brings its schema up to date. A database from a newer claimdb is
    /// refused before anything is written.
    pub fn open(path: &Path) -> Result<Store> {
        // Setting the journal mode of a file another process is creating or
        // converting can fail with SQLITE_BUSY without SQLite's busy handler
        // ever waiting; such a lock is short, so the whole opening is tried
        // again until the busy timeout runs out.
        let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
        loop {
            match Store::open_once(path) {
                Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)))
                    if matches!(
                        f.code,
                        rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                    ) && std::time::Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(20));
                }
                other => return other,
            }
        }
    }

    /// One attempt of [`Store::open`].
    fn open_once(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        // SQLite falls back to reading a file it may not write; say so now
        // rather than fail on the first article.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StoreError::ReadOnlyFile);
        }
        configure(&conn)?;
        // Checked before anything (even the journal mode) is written.
        check_schema(&conn)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            time_limit: None,
            read_only: None,
            _tidy: None,
        })
    }

    /// Opens an existing database read-only: no write of any kind can go
    /// through it, and it leaves no file behind that was not there before.
    ///
    /// A database this process may write, in a folder it may write, is read
    /// as any SQLite reader would (`mode=ro`, sharing locks with writers);
    /// the empty `-wal` and `-shm` files SQLite makes for that are removed
    /// again when the store is dropped, if no other connection uses them.
    /// A file or folder it may not write is read as `immutable` (see
    /// [`ReadOnlyOpen::choose`]): a `-shm` made by this process would be
    /// read-only and block later writers, and in a read-only folder SQLite
    /// cannot make one at all.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let beside = |suffix: &str| beside(path, suffix).exists();
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let file_writable = may_write(path);
        let folder_writable = may_write(folder);
        let (wal, shm) = (beside("-wal"), beside("-shm"));
        let mode = ReadOnlyOpen::choose(file_writable, folder_writable, wal || beside("-journal"));
        // Made before the connection, so dropped after it, on errors too.
        let tidy =
            (mode == ReadOnlyOpen::Shared && file_writable && folder_writable && !wal && !shm)
                .then(|| Tidy(path.to_path_buf()));
        let conn = Connection::open_with_flags(
            mode.uri(path),
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        configure(&conn)?;
        // No other database file may be attached through a read-only store.
        conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_ATTACHED, 0)?;
        check_schema(&conn)?;
        Ok(Store {
            conn,
            time_limit: None,
            read_only: Some(mode),
            _tidy: tidy,
        })
    }

    /// An in-memory database with the current schema (for tests and dry runs).
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrate(&mut conn)?;
        Ok(Store {
            conn,
            time_limit: None,
            read_only: None,
            _tidy: None,
        })
    }

    /// From now on, stops any statement of this store once `limit` has passed
    /// (no time limit when `None`; the time counts from this call, so a
    /// command's statements share it), and any statement once
    /// [`request_interrupt`] is called. A stopped statement fails with
    /// [`StoreError::TimedOut`] or [`StoreError::Interrupted`].
    pub fn set_time_limit(&mut self, limit: Option<Duration>) -> Result<()> {
        self.time_limit = limit;
        // A limit too far to reach (past what the clock can count) is none.
        let deadline = limit.and_then(|l| Instant::now().checked_add(l));
        self.conn.progress_handler(
            PROGRESS_STEPS,
            Some(move || interrupt_requested() || deadline.is_some_and(|d| Instant::now() >= d)),
        )?;
        Ok(())
    }

    /// Says why a statement failed when a limit stopped it: SQLite only says
    /// "interrupted" or "out of memory".
    fn explain_stop(&self, err: StoreError) -> StoreError {
        let StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _)) = &err else {
            return err;
        };
        match f.code {
            rusqlite::ErrorCode::OperationInterrupted if interrupt_requested() => {
                StoreError::Interrupted
            }
            rusqlite::ErrorCode::OperationInterrupted => match self.time_limit {
                Some(after) => StoreError::TimedOut { after },
                None => err,
            },
            rusqlite::ErrorCode::OutOfMemory => match HEAP_LIMIT.load(Ordering::SeqCst) {
                0 => err,
                bytes => StoreError::OutOfMemory {
                    limit_mb: (bytes as u64).div_ceil(1 << 20),
                },
            },
            _ => err,
        }
    }

    /// The underlying connection, for read queries the CLI composes.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// A write transaction that takes the write lock before it reads. A
    /// deferred transaction that reads and then writes fails at once with
    /// "database is locked" (SQLITE_BUSY, no busy wait) when another
    /// connection committed in between; taking the lock up front lets the busy
    /// timeout work, and what the transaction reads is the latest state.
    pub(crate) fn write_transaction(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Stores an article and everything read in it, in one transaction: all
    /// of it or none. The same text stored twice is a [`ImportOutcome::Duplicate`].
    /// (Many articles are written faster through [`Store::bulk_writer`].)
    pub fn import(
        &mut self,
        article: &NewArticle,
        reading: &ArticleReading,
    ) -> Result<ImportOutcome> {
        let tx = self.write_transaction()?;
        let outcome =
            bulk::write_article(&tx, article, Some(reading), &content_hash(article.body))?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<Counts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM claims),
                    (SELECT count(*) FROM attributions), (SELECT count(*) FROM sources)",
            [],
            |r| {
                Ok(Counts {
                    articles: r.get(0)?,
                    claims: r.get(1)?,
                    attributions: r.get(2)?,
                    sources: r.get(3)?,
                })
            },
        )?)
    }

    /// Runs one SQL statement with positional parameters and returns its rows.
    pub fn rows(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Rows> {
        let mut stmt = self.conn.prepare(sql)?;
        let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let n = columns.len();
        let rows = stmt
            .query_map(params, |r| {
                (0..n)
                    .map(|i| r.get::<_, Value>(i))
                    .collect::<Result<Vec<_>, _>>()
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Rows { columns, rows })
    }

    /// Runs one statement that must not write (checked by SQLite before it
    /// runs, on top of the read-only connection) and returns its rows.
    pub fn read_only_rows(&self, sql: &str, params: &[&dyn rusqlite::ToSql]) -> Result<Rows> {
        let stmt = self
            .conn
            .prepare(sql)
            .map_err(|e| self.explain_stop(e.into()))?;
        let first_word = first_keyword(sql);
        // Maintenance pragmas count as writes even when SQLite finds nothing
        // to do (`PRAGMA optimize` on fresh statistics runs as a read).
        let maintenance = first_word == "pragma"
            && sql
                .to_ascii_lowercase()
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|w| {
                    matches!(
                        w,
                        "optimize" | "wal_checkpoint" | "incremental_vacuum" | "shrink_memory"
                    )
                });
        if !stmt.readonly()
            || maintenance
            || matches!(first_word.as_str(), "attach" | "detach" | "vacuum")
        {
            return Err(StoreError::WriteRefused);
        }
        drop(stmt);
        self.rows(sql, params).map_err(|e| self.explain_stop(e))
    }

    /// Claims with their sources (the `claim_sources` view), optionally for
    /// one source (by name or alias) or one article.
    pub fn claims(&self, source: Option<&str>, article: Option<i64>) -> Result<Rows> {
        let source_id = match source {
            Some(name) => Some(
                self.source_id(name)?
                    .ok_or_else(|| StoreError::NotFound(format!("no source named '{name}'")))?,
            ),
            None => None,
        };
        // One statement per filter: "(?1 IS NULL OR col = ?1)" cannot use an
        // index, and a full scan takes a second at a million claims.
        let filter = match (source_id, article) {
            (Some(_), Some(_)) => "a.source_id = ?1 AND cs.article_id = ?2",
            (Some(_), None) => "a.source_id = ?1 AND ?2 IS NULL",
            (None, Some(_)) => "?1 IS NULL AND cs.article_id = ?2",
            (None, None) => "?1 IS NULL AND ?2 IS NULL",
        };
        self.rows(
            &format!(
                "SELECT cs.claim_id, cs.attribution_id, cs.article_id, cs.claim, cs.source, cs.source_kind,
                        cs.attribution_kind, cs.cue, cs.mention, cs.via, cs.status, cs.confidence, cs.rule
                 FROM claim_sources cs JOIN attributions a ON a.id = cs.attribution_id
                 WHERE {filter}
                 ORDER BY cs.article_id, cs.position, cs.attribution_id"
            ),
            &[&source_id, &article],
        )
    }

    /// Full-text search over claims (FTS5 syntax in `query`), best match
    /// first (or newest first), with a snippet and the sources backing each claim.
    pub fn search(&self, query: &str, limit: i64, newest: bool) -> Result<Rows> {
        self.search_with(&Search {
            query,
            limit,
            newest,
            ..Search::default()
        })
    }

    /// Full-text search over claims, narrowed by source and publication
    /// dates: each claim with a snippet, the sources backing it, its review
    /// statuses and its article's publication date. Articles without a date
    /// are left out by `since` and `until`.
    pub fn search_with(&self, search: &Search) -> Result<Rows> {
        let source_id = match search.source {
            Some(name) => Some(
                self.source_id(name)?
                    .ok_or_else(|| StoreError::NotFound(format!("no source named '{name}'")))?,
            ),
            None => None,
        };
        // Both orders score or sort every match (tens of milliseconds for a
        // common word at a million claims) before the limit applies; the
        // snippets and sources are made for the claims kept only (made for
        // every match before sorting, they took most of the time): the hits
        // are kept first, then each is looked up again (CROSS JOIN: hits
        // first, else the planner ran the hits once per match).
        let (score, order) = if search.newest {
            (
                "NULL",
                "published_at IS NULL, published_at DESC, claim_id DESC",
            )
        } else {
            ("claims_fts.rank", "score, claim_id")
        };
        // Dates compare on their day: a published_at may carry a time.
        self.rows(
            &format!("WITH hits AS MATERIALIZED (
                 SELECT c.id AS claim_id, c.article_id, ar.published_at, {score} AS score
                 FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid
                 JOIN articles ar ON ar.id = c.article_id
                 WHERE claims_fts MATCH ?1
                   AND (?3 IS NULL OR EXISTS (SELECT 1 FROM attributions a
                                              WHERE a.claim_id = c.id AND a.source_id = ?3 AND a.status <> 'rejected'))
                   AND (?4 IS NULL OR substr(ar.published_at, 1, 10) >= ?4)
                   AND (?5 IS NULL OR substr(ar.published_at, 1, 10) <= ?5)
                 ORDER BY {order}
                 LIMIT ?2)
             SELECT h.claim_id, h.article_id,
                    snippet(claims_fts, 0, '[', ']', '…', 16) AS snippet,
                    (SELECT group_concat(DISTINCT s.name) FROM attributions a JOIN sources s ON s.id = a.source_id
                      WHERE a.claim_id = h.claim_id AND a.status <> 'rejected') AS sources,
                    (SELECT group_concat(DISTINCT a.status) FROM attributions a WHERE a.claim_id = h.claim_id) AS status,
                    h.published_at
             FROM hits h CROSS JOIN claims_fts ON claims_fts.rowid = h.claim_id
             WHERE claims_fts MATCH ?1
             ORDER BY {order}"),
            &[&search.query, &search.limit, &source_id, &search.since, &search.until],
        )
        .map_err(|e| self.explain_stop(e))
    }

    /// Sources with their claim and article counts, most cited first (or by name).
    pub fn sources(&self, kind: Option<SourceKind>, by_name: bool) -> Result<Rows> {
        self.rows(
            "SELECT id, name, kind, claims, articles, aliases FROM source_summary
             WHERE (?1 IS NULL OR kind = ?1)
             ORDER BY CASE WHEN ?2 THEN 0 ELSE -claims END, name",
            &[&kind.map(SourceKind::as_str), &by_name],
        )
    }

    /// The id of the source with this name or alias (case-insensitive).
    pub fn source_id(&self, name: &str) -> Result<Option<i64>> {
        Ok(self.conn.query_row(FIND_SOURCE, [name], |r| r.get(0))?)
    }
}

/// The first keyword of a statement, lower case, after leading whitespace and
/// comments: `/* why */ ATTACH …` and `ATTACH'x.db' AS x` are still ATTACH.
fn first_keyword(sql: &str) -> String {
    let mut rest = sql;
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("--") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    rest.split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Connection settings that cannot live in migrations (refinery runs those in
/// a transaction, where these pragmas are ignored or fail).
fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Highest migration version recorded in the database, if it has any.
fn applied_versions(conn: &Connection) -> Result<Vec<i64>> {
    let has_history: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'refinery_schema_history')",
        [],
        |r| r.get(0),
    )?;
    if !has_history {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare("SELECT version FROM refinery_schema_history ORDER BY version")?;
    let versions = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(versions)
}

/// Refuses a database whose history holds a migration this build does not know,
/// and a non-empty SQLite file that is not a claimdb database.
fn check_schema(conn: &Connection) -> Result<()> {
    // One read transaction: the history and the tables are read from the
    // same snapshot, even while another process commits its migration
    // between two of these statements.
    let snapshot = conn.unchecked_transaction()?;
    check_schema_in(&snapshot)?;
    snapshot.commit()?;
    Ok(())
}

/// [`check_schema`] inside a transaction.
fn check_schema_in(conn: &Connection) -> Result<()> {
    let known: Vec<i64> = embedded::migrations::runner()
        .get_migrations()
        .iter()
        .map(|m| i64::from(m.version()))
        .collect();
    let supported = known.iter().copied().max().unwrap_or(0);
    let applied = applied_versions(conn).map_err(|e| match e {
        StoreError::Sqlite(rusqlite::Error::SqliteFailure(f, _))
            if f.code == rusqlite::ErrorCode::NotADatabase =>
        {
            StoreError::NotClaimdb("the file is not an SQLite database".into())
        }
        other => other,
    })?;
    if let Some(&found) = applied.iter().find(|v| !known.contains(v)) {
        return Err(StoreError::NewerSchema {
            found: applied.iter().copied().max().unwrap_or(found),
            supported,
        });
    }
    if applied.is_empty() {
        let tables: i64 = conn.query_row(
            // The history table alone is a claimdb database another process
            // is migrating right now (refinery creates it first).
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name <> 'refinery_schema_history'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(StoreError::NotClaimdb(
                "the SQLite file has tables but no claimdb schema history".into(),
            ));
        }
    }
    Ok(())
}

/// Applies the migrations this database lacks.
///
/// Grouped: every pending migration and its history row commit in one
/// transaction, so a crash mid-way cannot leave tables without the history
/// that says which schema they are. Two processes opening a new database at
/// once both find the migrations pending; the one that loses the race fails
/// (its tables exist, or its snapshot went stale when the other committed:
/// refinery's transactions read before they write, and SQLite then answers
/// "database is locked" without waiting). Each failed attempt is rolled
/// back, so it tries again from a fresh look at the history, which then
/// holds the other's work; a migration that is wrong fails every time.
fn migrate(conn: &mut Connection) -> Result<()> {
    const ATTEMPTS: usize = 5;
    let mut attempt = 1;
    loop {
        check_schema(conn)?;
        match embedded::migrations::runner().set_grouped(true).run(conn) {
            Ok(_) => return Ok(()),
            Err(_) if attempt < ATTEMPTS => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(10 * attempt as u64));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// The source a name stands for: an alias first (merges move aliases), then a
/// name, following a merged source to the one it was merged into. One row,
/// NULL when nothing matches.
/// The source a name or any alias stands for (a user's look-up: "pesezhkian").
const FIND_SOURCE: &str = "SELECT coalesce(
    (SELECT source_id FROM source_aliases WHERE alias = ?1),
    (SELECT coalesce(merged_into, id) FROM sources WHERE name = ?1))";

/// The source an extracted name stands for across articles: its canonical
/// name, or an alias, except that a one-word alias of a person (a bare
/// surname or first name another article saw) identifies no one unless a
/// reviewer made it: "Johnson" from "Mike Johnson" must not turn "Boris
/// Johnson" into Mike.
const IDENTIFY_SOURCE: &str = "SELECT coalesce(
    (SELECT a.source_id FROM source_aliases a JOIN sources s ON s.id = a.source_id
      WHERE a.alias = ?1
        AND (a.origin = 'manual' OR s.kind <> 'person' OR instr(trim(?1), ' ') > 0)),
    (SELECT coalesce(merged_into, id) FROM sources WHERE name = ?1))";

/// Finds the source by its name or any alias, or creates it. Returns its id
/// and whether it was created. New aliases are attached to it; an alias
/// already taken by another source stays with that source.
fn upsert_source(
    tx: &Transaction,
    name: &str,
    kind: SourceKind,
    aliases: &[String],
) -> Result<(i64, bool)> {
    let mut find = tx.prepare_cached(IDENTIFY_SOURCE)?;
    let mut existing: Option<i64> = find.query_row([name], |r| r.get(0))?;
    // A person's one-word aliases ("Johnson") name them inside their article
    // only: they never join another article's source.
    let identifying = aliases
        .iter()
        .filter(|a| kind != SourceKind::Person || a.trim().contains(' '));
    for alias in identifying {
        if existing.is_some() {
            break;
        }
        existing = find.query_row([alias], |r| r.get(0))?;
    }
    let (id, created) = match existing {
        Some(id) => {
            // Learn a specific kind for a source first seen without one.
            tx.prepare_cached(
                "UPDATE sources SET kind = ?2
                 WHERE id = ?1 AND kind = 'unknown' AND kind_origin = 'extracted' AND ?2 <> 'unknown'",
            )?
                .execute(params![id, kind.as_str()])?;
            (id, false)
        }
        None => {
            tx.prepare_cached("INSERT INTO sources (name, kind, created_at) VALUES (?1, ?2, ?3)")?
                .execute(params![name, kind.as_str(), now()])?;
            (tx.last_insert_rowid(), true)
        }
    };
    // A name a reviewer took away from this source (`sources unalias`) is
    // not given back.
    let mut add = tx.prepare_cached(
        "INSERT OR IGNORE INTO source_aliases (alias, source_id)
         SELECT ?1, ?2 WHERE NOT EXISTS
             (SELECT 1 FROM alias_blocks WHERE alias = ?1 AND source_id = ?2)",
    )?;
    for alias in std::iter::once(name).chain(aliases.iter().map(String::as_str)) {
        add.execute(params![alias, id])?;
    }
    Ok((id, created))
}

/// Finds or creates every source of a reading; returns their ids (in the
/// reading's order) and how many were created.
fn upsert_sources(tx: &Transaction, reading: &ArticleReading) -> Result<(Vec<i64>, usize)> {
    let mut new_sources = 0;
    let mut ids = Vec::with_capacity(reading.sources.len());
    for entity in &reading.sources {
        let (id, created) = upsert_source(tx, &entity.name, entity.kind, &entity.aliases)?;
        new_sources += usize::from(created);
        ids.push(id);
    }
    Ok((ids, new_sources))
}

fn write_citations(
    tx: &Transaction,
    article_id: i64,
    reading: &ArticleReading,
    source_ids: &[i64],
) -> Result<()> {
    let mut cite = tx.prepare_cached(
        "INSERT OR IGNORE INTO article_citations (article_id, source_id) VALUES (?1, ?2)",
    )?;
    for &s in &reading.cited {
        cite.execute(params![article_id, source_ids[s]])?;
    }
    Ok(())
}

/// What an article already holds when it is read again: its claims (by
/// content fragments) and attributions (by where they sit), so that unchanged
/// ones keep their ids and reviewed ones are neither overwritten nor written twice.
#[derive(Debug, Default)]
struct Kept {
    /// Claim ids by content fragments, oldest first: two attributions of the
    /// same words ("X told Y she believed that …") are two claims with equal spans.
    claims: HashMap<String, Vec<i64>>,
    /// Every stored attribution, by where it sits; a key holds several only
    /// when an older version wrote copies, which this read then folds away.
    attributions: HashMap<AttributionKey, Vec<KeptAttribution>>,
}

impl Kept {
    /// Loads what article `article_id` holds.
    fn load(tx: &Transaction, article_id: i64) -> Result<Kept> {
        let mut kept = Kept::default();
        let mut stmt = tx.prepare(
            "SELECT c.id, c.content_spans, a.id, a.status, a.kind, a.cue_start, a.cue_end,
                    a.mention_start, a.mention_end, a.source_id
             FROM claims c JOIN attributions a ON a.claim_id = c.id
             WHERE c.article_id = ?1 ORDER BY c.id, a.id",
        )?;
        let mut rows = stmt.query([article_id])?;
        while let Some(r) = rows.next()? {
            let claim_id: i64 = r.get(0)?;
            let spans: String = r.get(1)?;
            let ids = kept.claims.entry(spans.clone()).or_default();
            if ids.last() != Some(&claim_id) {
                ids.push(claim_id);
            }
            let status: String = r.get(3)?;
            kept.attributions
                .entry(AttributionKey {
                    spans,
                    kind: r.get(4)?,
                    cue_start: r.get(5)?,
                    cue_end: r.get(6)?,
                    mention_start: r.get(7)?,
                    mention_end: r.get(8)?,
                })
                .or_default()
                .push(KeptAttribution {
                    id: r.get(2)?,
                    claim_id,
                    source_id: r.get(9)?,
                    reviewed: status != "extracted",
                });
        }
        // A reviewed copy is the one a new reading finds again, so that a
        // decision is never shadowed by an unreviewed twin.
        for copies in kept.attributions.values_mut() {
            copies.sort_by_key(|a| (!a.reviewed, a.id));
        }
        Ok(kept)
    }

    /// How many stored attributions carry a reviewer's decision.
    fn reviewed(&self) -> usize {
        self.attributions
            .values()
            .flatten()
            .filter(|a| a.reviewed)
            .count()
    }

    /// Every stored attribution.
    fn all(&self) -> impl Iterator<Item = &KeptAttribution> {
        self.attributions.values().flatten()
    }
}

/// An attribution already stored: its id, its claim, its source and whether
/// a reviewer decided on it.
#[derive(Debug, Clone, Copy)]
struct KeptAttribution {
    id: i64,
    claim_id: i64,
    source_id: Option<i64>,
    reviewed: bool,
}

impl Kept {
    /// Pairs each attribution of `reading` with the stored attribution it is a
    /// new reading of, each stored one used at most once. Several may share a
    /// key (an article's backing: the same words, one attribution per outlet),
    /// so the stored one naming the same source is taken first, and only then
    /// any other (a reviewer may have reassigned it).
    fn pair(
        &self,
        keys: &[Vec<AttributionKey>],
        reading: &ArticleReading,
        source_ids: &[i64],
    ) -> Vec<Vec<Option<KeptAttribution>>> {
        let mut used: HashSet<i64> = HashSet::new();
        let mut pairs: Vec<Vec<Option<KeptAttribution>>> =
            keys.iter().map(|k| vec![None; k.len()]).collect();
        for same_source_only in [true, false] {
            for (c, claim) in reading.claims.iter().enumerate() {
                for (a, attribution) in claim.attributions.iter().enumerate() {
                    if pairs[c][a].is_some() {
                        continue;
                    }
                    let source = attribution.source.map(|i| source_ids[i]);
                    let found = self.attributions.get(&keys[c][a]).and_then(|copies| {
                        copies.iter().find(|old| {
                            !used.contains(&old.id)
                                && (!same_source_only || old.source_id == source)
                        })
                    });
                    if let Some(old) = found {
                        used.insert(old.id);
                        pairs[c][a] = Some(*old);
                    }
                }
            }
        }
        pairs
    }
}

/// Where an attribution sits: its claim's content fragments, kind, cue and
/// mention spans. Two extractions of the same words give the same key
/// whatever source they name, so a reassigned attribution is recognised too;
/// the claim is named by its fragments, not its id, because two claims may
/// share them and only the cue tells their attributions apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct AttributionKey {
    spans: String,
    kind: String,
    cue_start: Option<i64>,
    cue_end: Option<i64>,
    mention_start: Option<i64>,
    mention_end: Option<i64>,
}

/// Rows a write added, and the stored attributions it found again.
#[derive(Debug, Default)]
struct Written {
    claims: usize,
    attributions: usize,
    refreshed: HashSet<i64>,
}

/// Writes a reading's claims and attributions for an article, after any
/// claims it already has. Claims in `kept` are reused; attributions in `kept`
/// are refreshed in place (unreviewed) or left alone (reviewed).
fn write_claims(
    tx: &Transaction,
    article_id: i64,
    body: &str,
    reading: &ArticleReading,
    source_ids: &[i64],
    kept: &Kept,
) -> Result<Written> {
    let id_of = |i: Option<usize>| i.map(|i| source_ids[i]);
    let mut position: i64 = tx.query_row(
        "SELECT coalesce(max(position) + 1, 0) FROM claims WHERE article_id = ?1",
        [article_id],
        |r| r.get(0),
    )?;
    let mut insert_claim = tx.prepare_cached(
        "INSERT INTO claims (article_id, position, text, content_start, content_end, content_spans, sentence_start, sentence_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut insert_attribution = tx.prepare_cached(
        "INSERT INTO attributions (claim_id, source_id, kind, cue, cue_start, cue_end, mention, mention_start, mention_end,
                                   via_source_id, confidence, rule, resolution, resolution_kind)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut refresh_attribution = tx.prepare_cached(
        "UPDATE attributions SET source_id = ?2, via_source_id = ?3, confidence = ?4, rule = ?5,
                                 resolution = ?6, resolution_kind = ?7
         WHERE id = ?1",
    )?;
    let mut written = Written::default();
    let keys: Vec<Vec<AttributionKey>> = reading
        .claims
        .iter()
        .map(|claim| {
            let spans = spans_json(claim);
            claim
                .attributions
                .iter()
                .map(|a| {
                    let cue = a.cue_cover();
                    AttributionKey {
                        spans: spans.clone(),
                        kind: a.kind.as_str().to_string(),
                        cue_start: cue.map(|c| c.start as i64),
                        cue_end: cue.map(|c| c.end as i64),
                        mention_start: a.mention.map(|m| m.start as i64),
                        mention_end: a.mention.map(|m| m.end as i64),
                    }
                })
                .collect()
        })
        .collect();
    let pairs = kept.pair(&keys, reading, source_ids);
    // Stored claims this reading has taken, so that two claims with the same
    // fragments map onto two stored claims, not both onto one.
    let mut taken: HashSet<i64> = HashSet::new();
    for (c, claim) in reading.claims.iter().enumerate() {
        let spans = spans_json(claim);
        let found = pairs[c].iter().flatten().map(|old| old.claim_id).next();
        let reusable = || {
            kept.claims
                .get(&spans)
                .and_then(|ids| ids.iter().copied().find(|id| !taken.contains(id)))
        };
        let claim_id = match found.or_else(reusable) {
            Some(id) => id,
            None => {
                let cover = claim.content_cover();
                insert_claim.execute(params![
                    article_id,
                    position,
                    claim.text(body),
                    cover.start as i64,
                    cover.end as i64,
                    spans,
                    claim.sentence.start as i64,
                    claim.sentence.end as i64,
                ])?;
                position += 1;
                written.claims += 1;
                tx.last_insert_rowid()
            }
        };
        taken.insert(claim_id);
        for ((a, key), old) in claim.attributions.iter().zip(&keys[c]).zip(&pairs[c]) {
            if let Some(old) = old {
                if !old.reviewed {
                    refresh_attribution.execute(params![
                        old.id,
                        id_of(a.source),
                        id_of(a.via),
                        a.confidence,
                        a.rule,
                        a.resolution.to_string(),
                        a.resolution.key(),
                    ])?;
                }
                written.refreshed.insert(old.id);
                continue;
            }
            let cue = a.cue_cover();
            insert_attribution.execute(params![
                claim_id,
                id_of(a.source),
                a.kind.as_str(),
                cue.map(|c| c.text(body)),
                key.cue_start,
                key.cue_end,
                a.mention.map(|m| m.text(body)),
                key.mention_start,
                key.mention_end,
                id_of(a.via),
                a.confidence,
                a.rule,
                a.resolution.to_string(),
                a.resolution.key(),
            ])?;
            written.attributions += 1;
        }
    }
    Ok(written)
}

fn spans_json(claim: &Claim) -> String {
    let pairs: Vec<[usize; 2]> = claim.content.iter().map(|s| [s.start, s.end]).collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::{read_article, ArticleMeta};

    const TEXT: &str = "Harbor News\n\nThe harbor will close in May, the port authority said. \"We have no choice,\" said Mayor Lena Ortiz.";

    #[test]
    fn every_migration_file_is_embedded() {
        let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/migrations"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .path()
                    .extension()
                    .is_some_and(|x| x == "sql")
            })
            .count();
        assert_eq!(embedded_migration_count(), files);
    }

    #[test]
    fn import_is_idempotent_and_counts_rows() {
        let mut store = Store::in_memory().unwrap();
        let reading = read_article(TEXT, &ArticleMeta::default());
        let article = NewArticle {
            body: TEXT,
            ..NewArticle::default()
        };
        let first = store.import(&article, &reading).unwrap();
        assert!(
            matches!(first, ImportOutcome::Imported { claims: 2, .. }),
            "{first:?}"
        );
        let again = store.import(&article, &reading).unwrap();
        assert!(matches!(again, ImportOutcome::Duplicate { .. }));
        let counts = store.counts().unwrap();
        assert_eq!((counts.articles, counts.claims), (1, 2));
        let ortiz = store.source_id("lena ortiz").unwrap();
        assert!(ortiz.is_some());
        let rows = store.claims(Some("Lena Ortiz"), None).unwrap();
        assert_eq!(rows.rows.len(), 1);
    }

    #[test]
    fn fts_follows_claims() {
        let mut store = Store::in_memory().unwrap();
        let reading = read_article(TEXT, &ArticleMeta::default());
        store
            .import(
                &NewArticle {
                    body: TEXT,
                    ..NewArticle::default()
                },
                &reading,
            )
            .unwrap();
        let rows = store
            .rows(
                "SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?1",
                &[&"harbor"],
            )
            .unwrap();
        assert_eq!(rows.rows.len(), 1);
    }

    #[test]
    fn read_only_rows_refuse_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(Store::open(&path).unwrap());
        let store = Store::open_read_only(&path).unwrap();
        assert_eq!(
            store
                .read_only_rows("SELECT count(*) AS n FROM claims", &[])
                .unwrap()
                .rows
                .len(),
            1
        );
        let other = dir.path().join("copy.db");
        for sql in [
            "DELETE FROM claims".to_string(),
            "DROP TABLE claims".to_string(),
            "PRAGMA user_version = 3".to_string(),
            format!("VACUUM INTO '{}'", other.display()),
            format!("ATTACH '{}' AS x", other.display()),
        ] {
            assert!(store.read_only_rows(&sql, &[]).is_err(), "{sql}");
        }
        assert!(!other.exists());
    }

    #[test]
    fn search_stops_at_the_time_limit_as_queries_do() {
        let mut store = Store::in_memory().unwrap();
        for i in 0..50 {
            let body = format!("{TEXT} Pier {i} stays open.");
            let reading = read_article(&body, &ArticleMeta::default());
            let article = NewArticle {
                body: &body,
                ..NewArticle::default()
            };
            store.import(&article, &reading).unwrap();
        }
        assert_eq!(store.search("harbor", 1000, false).unwrap().rows.len(), 50);
        store.set_time_limit(Some(Duration::ZERO)).unwrap();
        let err = store.search("harbor", 1000, false).unwrap_err();
        assert!(matches!(err, StoreError::TimedOut { .. }), "{err}");
        store.set_time_limit(None).unwrap();
        assert_eq!(store.search("harbor", 1000, true).unwrap().rows.len(), 50);
    }

    #[test]
    fn immutable_only_where_nobody_here_may_write_and_no_journal_is_beside() {
        use ReadOnlyOpen::{Immutable, Shared};
        // (file writable, folder writable, -wal or -journal beside) -> open
        let table = [
            ((true, true, false), Shared),
            ((true, true, true), Shared),
            ((false, true, false), Immutable),
            ((true, false, false), Immutable),
            ((false, false, false), Immutable),
            ((false, true, true), Shared),
            ((true, false, true), Shared),
            ((false, false, true), Shared),
        ];
        for ((file, folder, journal), expected) in table {
            assert_eq!(
                ReadOnlyOpen::choose(file, folder, journal),
                expected,
                "file {file}, folder {folder}, journal {journal}"
            );
        }
    }

    #[test]
    fn uris_escape_what_sqlite_would_read_as_syntax() {
        assert_eq!(
            ReadOnlyOpen::Shared.uri(Path::new("/tmp/a b?x=1#y%.db")),
            "file:///tmp/a%20b%3Fx%3D1%23y%25.db?mode=ro"
        );
        assert_eq!(
            ReadOnlyOpen::Immutable.uri(Path::new("data/c.db")),
            "file:data/c.db?mode=ro&immutable=1"
        );
        assert_eq!(
            ReadOnlyOpen::Shared.uri(Path::new("file:x.db")),
            "file:file%3Ax.db?mode=ro"
        );
    }

    #[test]
    fn newer_schema_is_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.db");
        drop(Store::open(&path).unwrap());
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute(
                "INSERT INTO refinery_schema_history (version, name, applied_on, checksum) VALUES (999, 'future', '2030-01-01T00:00:00Z', '0')",
                [],
            )
            .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            matches!(err, StoreError::NewerSchema { found: 999, .. }),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}
