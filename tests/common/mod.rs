//! Helpers shared by the end-to-end test files: the binary, generated
//! articles, and the invariants a claimdb database must hold whatever
//! happened to the process that wrote it.

// Each test file uses its own subset of these helpers.
#![allow(dead_code)]

pub mod hostile;

use claimdb::reading::{read_article, ArticleMeta};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// The claimdb binary under test, for `assert_cmd` assertions.
pub fn claimdb() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_claimdb"));
    cmd.env_remove("CLAIMDB_DB");
    cmd
}

/// The claimdb binary as a plain process, for children that run in the
/// background (killed, or racing each other).
pub fn claimdb_process() -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_claimdb"));
    cmd.env_remove("CLAIMDB_DB");
    cmd
}

const PEOPLE: [&str; 6] = [
    "Lena Ortiz",
    "Tomas Holm",
    "Anna Berg",
    "Rafael Soto",
    "Mira Kent",
    "Jonas Weil",
];

/// A short news article, distinct for every `i`: a title, a trailing cue,
/// a quotation and an "according to", so that each has several claims.
pub fn article(i: usize) -> String {
    let person = PEOPLE[i % PEOPLE.len()];
    format!(
        "Harbor report {i}\n\n\
         Pier {i} will close in May, the port authority said. \
         \"We have no choice about pier {i},\" said Mayor {person}. \
         According to Reuters, {} ships were waiting on Friday.\n",
        i * 7 + 3
    )
}

/// Writes [`article`]`(i)` for each `i` as `DIR/a{i:05}.txt`; returns the paths.
pub fn write_articles(dir: &Path, range: std::ops::Range<usize>) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    range
        .map(|i| {
            let path = dir.join(format!("a{i:05}.txt"));
            std::fs::write(&path, article(i)).unwrap();
            path
        })
        .collect()
}

/// A read-only connection to a database (for checks that must not change it).
pub fn open_read_only(db: &Path) -> Connection {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

/// Checks that the database is sound and that no article is half-written:
/// SQLite's integrity check passes, every reference resolves (every claim's
/// article and every attribution's claim exist), and every stored article is
/// complete — its claims, at positions 0..n, and their attributions are
/// exactly what `read_article` reads in its body (import runs it with no
/// publisher in these tests). Returns the number of articles.
pub fn assert_consistent(db: &Path) -> usize {
    let conn = open_read_only(db);
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok", "{}", db.display());
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(dangling, 0, "dangling references in {}", db.display());
    let mut stmt = conn.prepare("SELECT id, body FROM articles").unwrap();
    let articles: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (id, body) in &articles {
        let reading = read_article(body, &ArticleMeta::default());
        let expected_attributions: usize =
            reading.claims.iter().map(|c| c.attributions.len()).sum();
        let (claims, max_position, attributions): (i64, Option<i64>, i64) = conn
            .query_row(
                "SELECT count(*), max(position),
                        (SELECT count(*) FROM attributions a JOIN claims c ON c.id = a.claim_id
                          WHERE c.article_id = ?1)
                 FROM claims WHERE article_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert!(!reading.claims.is_empty(), "article {id} reads no claim");
        assert_eq!(
            claims as usize,
            reading.claims.len(),
            "article {id}: claims"
        );
        assert_eq!(max_position, Some(claims - 1), "article {id}: positions");
        assert_eq!(
            attributions as usize, expected_attributions,
            "article {id}: attributions"
        );
    }
    articles.len()
}

/// Articles committed so far; 0 while the database or its tables do not exist yet.
pub fn article_count(db: &Path) -> usize {
    Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)))
        .map_or(0, |n| n as usize)
}

/// The bodies of the stored articles, sorted, with how many times each is stored.
pub fn stored_bodies(db: &Path) -> Vec<(String, i64)> {
    let conn = open_read_only(db);
    let mut stmt = conn
        .prepare("SELECT body, count(*) FROM articles GROUP BY body ORDER BY body")
        .unwrap();
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows
}

/// The seed article, by absolute path.
pub const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/iran-belarus-partnership.txt"
);

/// A database in `dir` holding the seed article.
pub fn seeded(dir: &Path) -> PathBuf {
    let db = dir.join("c.db");
    claimdb()
        .args(["import", SEED, "--db"])
        .arg(&db)
        .assert()
        .success();
    db
}
