//! Checking a database and copying it safely: what `claimdb check` and
//! `claimdb backup` rest on.
//!
//! The check asks SQLite (page structure, foreign keys, the full-text index)
//! and then claimdb's own invariants (every claim has an attribution, every
//! span lies inside its article's body), so that a database damaged by hand,
//! by a crash of the disk or by another tool is found out before it is trusted.

use super::{applied_versions, embedded, Counts, Result, Rows, Store, StoreError};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::types::Value;
use rusqlite::{Connection, ErrorCode, OpenFlags};
use std::path::Path;
use std::time::{Duration, Instant};

/// How many problems of one kind a check names before it only counts the rest.
const MAX_LISTED: usize = 10;

/// Broken merge records, and rows left on a source merged away: a merge
/// moves everything to the source that stays and flattens chains, so any of
/// these means a merge went wrong (or someone wrote the tables by hand).
const SOURCE_PROBLEMS: &str = "
    SELECT 'source ' || id || ' (' || name || ') is merged into itself'
    FROM sources WHERE merged_into = id
    UNION ALL
    SELECT 'source ' || s.id || ' (' || s.name || ') is merged into source ' || t.id || ' (' || t.name
           || '), which is merged too (a chain or a loop)'
    FROM sources s JOIN sources t ON t.id = s.merged_into
    WHERE s.merged_into <> s.id AND t.merged_into IS NOT NULL
    UNION ALL
    SELECT 'source ' || id || ' has an empty name' FROM sources WHERE trim(name) = ''
    UNION ALL
    SELECT 'attribution ' || a.id || ' names source ' || s.id || ' (' || s.name || '), which was merged away'
    FROM attributions a JOIN sources s ON s.id = a.source_id WHERE s.merged_into IS NOT NULL
    UNION ALL
    SELECT 'attribution ' || a.id || ' relays through source ' || s.id || ' (' || s.name || '), which was merged away'
    FROM attributions a JOIN sources s ON s.id = a.via_source_id WHERE s.merged_into IS NOT NULL
    UNION ALL
    SELECT 'alias \"' || al.alias || '\" names source ' || s.id || ' (' || s.name || '), which was merged away'
    FROM source_aliases al JOIN sources s ON s.id = al.source_id WHERE s.merged_into IS NOT NULL
    UNION ALL
    SELECT 'article ' || c.article_id || ' cites source ' || s.id || ' (' || s.name || '), which was merged away'
    FROM article_citations c JOIN sources s ON s.id = c.source_id WHERE s.merged_into IS NOT NULL
    UNION ALL
    SELECT 'article ' || ar.id || ' has publisher ' || s.id || ' (' || s.name || '), which was merged away'
    FROM articles ar JOIN sources s ON s.id = ar.publisher_id WHERE s.merged_into IS NOT NULL";

/// One check and its result.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckItem {
    /// What was checked (`integrity`, `foreign_keys`, `fts`, `schema`, `claims`, `spans`, `sources`, `counts`).
    pub check: &'static str,
    /// False when the check found something wrong.
    pub ok: bool,
    /// What was found, in words.
    pub detail: String,
}

/// Everything [`Store::check`] found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckReport {
    /// Each check, in the order run.
    pub items: Vec<CheckItem>,
    /// Highest migration applied to the database.
    pub schema_version: i64,
    /// Highest migration this build knows.
    pub supported_version: i64,
    /// Row counts of the main tables.
    pub counts: Counts,
}

impl CheckReport {
    /// True when every check passed.
    pub fn is_ok(&self) -> bool {
        self.items.iter().all(|i| i.ok)
    }

    /// Names of the checks that failed.
    pub fn failed(&self) -> Vec<&'static str> {
        self.items
            .iter()
            .filter(|i| !i.ok)
            .map(|i| i.check)
            .collect()
    }

    /// The report as rows (`check`, `status`, `detail`), for the CLI's printers.
    pub fn rows(&self) -> Rows {
        Rows {
            columns: vec!["check".into(), "status".into(), "detail".into()],
            rows: self
                .items
                .iter()
                .map(|i| {
                    vec![
                        Value::Text(i.check.into()),
                        Value::Text(if i.ok { "ok" } else { "FAILED" }.into()),
                        Value::Text(i.detail.clone()),
                    ]
                })
                .collect(),
        }
    }
}

/// "a; b; c" for the first [`MAX_LISTED`] problems, and how many more there are.
fn listing(problems: &[String]) -> String {
    let mut text = problems
        .iter()
        .take(MAX_LISTED)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > MAX_LISTED {
        text.push_str(&format!("; and {} more", problems.len() - MAX_LISTED));
    }
    text
}

fn item(check: &'static str, problems: Vec<String>, fine: impl Into<String>) -> CheckItem {
    CheckItem {
        check,
        ok: problems.is_empty(),
        detail: if problems.is_empty() {
            fine.into()
        } else {
            listing(&problems)
        },
    }
}

/// Strings of the first column of every row `sql` returns.
fn texts(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

impl Store {
    /// Checks the database without changing it: SQLite's integrity check,
    /// foreign keys, the full-text index against the claims, the schema
    /// version, and claimdb's own invariants (every claim has at least one
    /// attribution; every span lies inside its article's body).
    ///
    /// Problems are reported in the [`CheckReport`]; an `Err` means the
    /// checks themselves could not run.
    pub fn check(&self) -> Result<CheckReport> {
        let conn = &self.conn;
        let mut items = Vec::new();

        // Problems come one per row, the first prefixed with the database's
        // name on its own line ("*** in database main ***"), which says nothing here.
        let integrity: Vec<String> = texts(conn, "PRAGMA integrity_check(100)")?
            .iter()
            .flat_map(|row| row.lines())
            .filter(|line| *line != "ok" && !line.starts_with("*** in database"))
            .map(str::to_string)
            .collect();
        items.push(item(
            "integrity",
            integrity,
            "ok (pages, indexes, constraints)",
        ));

        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        let dangling = stmt
            .query_map([], |r| {
                let table: String = r.get(0)?;
                let rowid: Option<i64> = r.get(1)?;
                let parent: String = r.get(2)?;
                Ok(format!(
                    "{table} row {} points at a missing {parent} row",
                    rowid.map_or_else(|| "?".to_string(), |id| id.to_string())
                ))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        drop(stmt);
        items.push(item(
            "foreign_keys",
            dangling,
            "ok (every reference resolves)",
        ));

        items.push(self.check_fts()?);

        let known: Vec<i64> = embedded::migrations::runner()
            .get_migrations()
            .iter()
            .map(|m| i64::from(m.version()))
            .collect();
        let supported_version = known.iter().copied().max().unwrap_or(0);
        let applied = applied_versions(conn)?;
        let schema_version = applied.iter().copied().max().unwrap_or(0);
        let mut schema_problems: Vec<String> = applied
            .iter()
            .filter(|v| !known.contains(v))
            .map(|v| format!("migration {v} is unknown to this claimdb (newer database)"))
            .collect();
        if applied.is_empty() {
            schema_problems.push("no migration applied: not a claimdb database".into());
        }
        let pending = known.iter().filter(|v| !applied.contains(v)).count();
        let schema_detail = if pending == 0 {
            format!("version {schema_version} (up to date)")
        } else {
            format!(
                "version {schema_version}; {pending} newer migration(s) of this claimdb will be applied by the next write"
            )
        };
        items.push(item("schema", schema_problems, schema_detail));

        let bare = texts(
            conn,
            "SELECT 'claim ' || c.id || ' (article ' || c.article_id || ', position ' || c.position || ') has no attribution'
             FROM claims c WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = c.id)
             ORDER BY c.id",
        )?;
        items.push(item("claims", bare, "ok (every claim has an attribution)"));

        // Spans are byte offsets: compare them with the body's length in bytes.
        let outside = texts(
            conn,
            "SELECT 'claim ' || c.id || ' spans past the end of article ' || ar.id
             FROM claims c JOIN articles ar ON ar.id = c.article_id
             WHERE max(c.content_end, c.sentence_end) > length(CAST(ar.body AS BLOB))
             UNION ALL
             SELECT 'attribution ' || a.id || ' cue or mention ends past the end of article ' || ar.id
             FROM attributions a JOIN claims c ON c.id = a.claim_id JOIN articles ar ON ar.id = c.article_id
             WHERE max(coalesce(a.cue_end, 0), coalesce(a.mention_end, 0)) > length(CAST(ar.body AS BLOB))",
        )?;
        items.push(item(
            "spans",
            outside,
            "ok (every span lies inside its article)",
        ));

        items.push(item(
            "sources",
            texts(conn, SOURCE_PROBLEMS)?,
            "ok (merges end on a kept source; nothing points at a merged one)",
        ));

        let counts = self.counts()?;
        items.push(CheckItem {
            check: "counts",
            ok: true,
            detail: format!(
                "{} articles, {} claims, {} attributions, {} sources",
                counts.articles, counts.claims, counts.attributions, counts.sources
            ),
        });
        Ok(CheckReport {
            items,
            schema_version,
            supported_version,
            counts,
        })
    }

    /// The full-text index against the claims it indexes: first which claims
    /// it holds (read from its `docsize` table, which works read-only), then
    /// FTS5's 'integrity-check' command with rank 1, which also compares every
    /// indexed token with the claims' text. Plain 'integrity-check' and
    /// `PRAGMA integrity_check` only look at the index's own structure and
    /// miss an index out of step with its external content table.
    fn check_fts(&self) -> Result<CheckItem> {
        let mut problems = texts(
            &self.conn,
            "SELECT 'claim ' || id || ' is missing from the full-text index'
             FROM claims WHERE id NOT IN (SELECT id FROM claims_fts_docsize)
             UNION ALL
             SELECT 'the full-text index holds row ' || id || ', which is no claim'
             FROM claims_fts_docsize WHERE id NOT IN (SELECT id FROM claims)",
        )?;
        const COMPARE: &str =
            "INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)";
        let mut note = "";
        const SKIPPED: &str =
            "; token-level comparison skipped: the file cannot be opened for writing";
        let compared = match self.conn.execute(COMPARE, []) {
            // Opened immutable: the file or its folder may not be written, so
            // no connection could run the command (nor make a -shm for it).
            Err(rusqlite::Error::SqliteFailure(f, _))
                if f.code == ErrorCode::ReadOnly
                    && self.read_only == Some(super::ReadOnlyOpen::Immutable) =>
            {
                note = SKIPPED;
                Ok(())
            }
            Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::ReadOnly => {
                // The command counts as a write although it changes nothing: run
                // it through a second connection that may write, when the file
                // allows one (opened without create, and never migrated).
                match self.conn.path().filter(|p| !p.is_empty()).map(|p| {
                    Connection::open_with_flags(
                        p,
                        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                    )
                }) {
                    // SQLite opens a file it may not write read-only, silently.
                    Some(Ok(side)) if !side.is_readonly(rusqlite::MAIN_DB).unwrap_or(true) => {
                        side.busy_timeout(super::BUSY_TIMEOUT)?;
                        match side.execute(COMPARE, []) {
                            Err(rusqlite::Error::SqliteFailure(f, _))
                                if matches!(
                                    f.code,
                                    ErrorCode::ReadOnly | ErrorCode::CannotOpen
                                ) =>
                            {
                                note = SKIPPED;
                                Ok(())
                            }
                            other => other.map(|_| ()),
                        }
                    }
                    _ => {
                        note = SKIPPED;
                        Ok(())
                    }
                }
            }
            other => other.map(|_| ()),
        };
        match compared {
            Ok(()) => {}
            Err(rusqlite::Error::SqliteFailure(f, _)) if f.code == ErrorCode::DatabaseCorrupt => {
                problems
                    .push("the full-text index claims_fts does not match the claims' text".into());
            }
            Err(e) => return Err(StoreError::Sqlite(e)),
        }
        if !problems.is_empty() {
            problems.push(
                "rebuild it with: INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')".into(),
            );
        }
        Ok(item(
            "fts",
            problems,
            format!("ok (claims_fts matches the claims{note})"),
        ))
    }

    /// Copies the whole database into a new file at `dest` with SQLite's
    /// online backup API: one consistent snapshot, taken while other
    /// connections go on reading (and, in WAL mode, writing). The copy is a
    /// single self-contained file (rollback journal, no `-wal` beside it).
    ///
    /// `dest` must not hold a database the caller wants to keep: its pages are replaced.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let mut copy = Connection::open(dest)?;
        {
            let backup = Backup::new(&self.conn, &mut copy)?;
            // All pages in one step: a single read transaction, so the copy is
            // one snapshot. A writer holding a lock (rollback mode) makes the
            // step busy; wait for it as long as any write would.
            let started = Instant::now();
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => continue,
                    StepResult::Busy | StepResult::Locked => {
                        if started.elapsed() > super::BUSY_TIMEOUT {
                            return Err(StoreError::Sqlite(rusqlite::Error::SqliteFailure(
                                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                                Some("the database stayed locked during the backup".into()),
                            )));
                        }
                        std::thread::sleep(Duration::from_millis(20));
                    }
                    _ => continue,
                }
            }
        }
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        copy.close().map_err(|(_, e)| StoreError::Sqlite(e))?;
        Ok(())
    }
}
