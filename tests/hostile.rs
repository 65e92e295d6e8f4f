//! Hostile SQL: `claimdb query` cannot change the database, whatever the
//! statement; every other command binds its values as parameters, so names
//! full of quotes, semicolons and SQL fragments are stored and matched
//! verbatim and never run.

mod common;

use common::{claimdb, seeded};
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

fn json(args: &[&str], db: &Path) -> Value {
    let out = claimdb().args(args).arg("--db").arg(db).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Names and row counts of every table, view, index and trigger: what a
/// statement that got through would have changed.
fn shape(db: &Path) -> Vec<(String, i64)> {
    let conn = common::open_read_only(db);
    let mut stmt = conn
        .prepare("SELECT type, name FROM sqlite_master ORDER BY type, name")
        .unwrap();
    let objects: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    objects
        .into_iter()
        .map(|(kind, name)| {
            let rows = if kind == "table" && !name.starts_with("claims_fts_") {
                conn.query_row(&format!("SELECT count(*) FROM \"{name}\""), [], |r| {
                    r.get(0)
                })
                .unwrap()
            } else {
                -1
            };
            (format!("{kind} {name}"), rows)
        })
        .collect()
}

/// Every kind of write, attach and file-writing statement, plain and
/// disguised (comments first, no space after the keyword, a CTE before
/// DELETE, a second statement after a harmless one).
#[test]
fn query_refuses_every_write_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let other = dir.path().join("other.db");
    let other = other.display();
    let before_shape = shape(&db);
    let before = std::fs::read(&db).unwrap();
    let statements = [
        "INSERT INTO sources (name, kind, created_at) VALUES ('x', 'person', 'now')".to_string(),
        "REPLACE INTO sources (id, name, kind, created_at) VALUES (1, 'x', 'person', 'now')".into(),
        "UPDATE attributions SET status = 'confirmed'".into(),
        "DELETE FROM attributions".into(),
        "WITH doomed AS (SELECT id FROM claims) DELETE FROM claims WHERE id IN doomed".into(),
        "DROP TABLE attributions".into(),
        "DROP VIEW claim_sources".into(),
        "CREATE TABLE notes (x)".into(),
        "CREATE INDEX claims_by_text ON claims(text)".into(),
        "ALTER TABLE claims ADD COLUMN x TEXT".into(),
        "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')".into(),
        "PRAGMA user_version = 7".into(),
        "PRAGMA main.application_id = 7".into(),
        "PRAGMA journal_mode = DELETE".into(),
        "PRAGMA wal_checkpoint(TRUNCATE)".into(),
        "PRAGMA schema_version = 99".into(),
        "PRAGMA optimize".into(),
        "REINDEX".into(),
        "ANALYZE".into(),
        "VACUUM".into(),
        format!("VACUUM INTO '{other}'"),
        format!("/* a comment first */ VACUUM INTO '{other}'"),
        format!("ATTACH '{other}' AS other"),
        format!("ATTACH'{other}' AS other"),
        format!("/* a comment first */ ATTACH '{other}' AS other"),
        format!("-- a line comment first\nATTACH DATABASE '{other}' AS other"),
        "DETACH main".into(),
        "BEGIN IMMEDIATE".into(),
        "SELECT 1; DROP TABLE claims".into(),
        "SELECT load_extension('/nonexistent/evil')".into(),
    ];
    for sql in &statements {
        let out = claimdb()
            .arg("query")
            .arg("--db")
            .arg(&db)
            .arg("--")
            .arg(sql)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{sql}: ran");
        assert_eq!(stderr.lines().count(), 1, "{sql}: {stderr}");
        assert!(
            stderr.starts_with("claimdb: error: query failed:"),
            "{sql}: {stderr}"
        );
        // Writes and attaches get claimdb's own refusal, not a stray SQLite message.
        let disguised = ["SELECT 1;", "SELECT load_extension", "DETACH main"];
        if !disguised.iter().any(|d| sql.starts_with(d)) {
            assert!(
                stderr.contains("refused: only read-only statements"),
                "{sql}: {stderr}"
            );
        }
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    assert_eq!(shape(&db), before_shape);
    assert!(!dir.path().join("other.db").exists());
    // Reading still works, including read-only pragmas.
    let n = json(&["query", "SELECT count(*) AS n FROM claims"], &db);
    assert_eq!(n[0]["n"], 15);
    let ok = json(&["query", "PRAGMA integrity_check"], &db);
    assert_eq!(ok[0]["integrity_check"], "ok");
}

const HOSTILE: [&str; 6] = [
    "x'; DROP TABLE claims; --",
    "Robert'); DROP TABLE sources;--",
    "\"; DELETE FROM articles; --",
    "' OR '1'='1",
    "Ünïcödé “quoted” ‘name’ ''doubled'' `tick`",
    "%_ LIKE wildcards %",
];

#[test]
fn hostile_names_are_bound_not_run() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let before = shape(&db);
    for name in HOSTILE {
        claimdb()
            .args(["claims", "--source", name, "--db"])
            .arg(&db)
            .assert()
            .failure()
            .stderr(format!("claimdb: error: no source named '{name}'\n"));
        claimdb()
            .args(["sources", "--kind", name, "--db"])
            .arg(&db)
            .assert()
            .failure()
            .stderr(predicate::str::contains("unknown source kind"));
        // Bound as a parameter of a read-only query, it comes back verbatim.
        let echoed = json(&["query", "SELECT ?1 AS v", "-p", name], &db);
        assert_eq!(echoed[0]["v"], name);
    }
    assert_eq!(shape(&db), before);
}

#[test]
fn hostile_publishers_file_names_and_texts_are_stored_verbatim() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let inbox = dir.path().join("in'; DROP TABLE articles;--");
    std::fs::create_dir(&inbox).unwrap();
    for (i, publisher) in HOSTILE.iter().enumerate() {
        let file = inbox.join(format!("it's \"{i}\"; DROP TABLE claims;--.txt"));
        let body = format!(
            "Title {i}: '); DROP TABLE attributions;--\n\n\
             The mayor said the bridge {i} was unsafe. \
             It opened in 199{i}'); DELETE FROM sources;--.\n"
        );
        std::fs::write(&file, &body).unwrap();
        claimdb()
            .args(["import", "--publisher", publisher, "--db"])
            .arg(&db)
            .arg(&file)
            .assert()
            .success()
            .stdout(predicate::str::contains("articles: 1 new"));
        let stored = json(
            &[
                "query",
                "SELECT a.body, a.origin, a.title, s.name AS publisher
                 FROM articles a JOIN sources s ON s.id = a.publisher_id
                 WHERE a.origin = ?1",
                "-p",
                &file.display().to_string(),
            ],
            &db,
        );
        assert_eq!(stored.as_array().unwrap().len(), 1, "{publisher}");
        assert_eq!(stored[0]["body"], body.as_str());
        assert_eq!(stored[0]["publisher"], *publisher);
        assert_eq!(
            stored[0]["title"],
            format!("Title {i}: '); DROP TABLE attributions;--")
        );
        // The publisher backs the sentence stated in the article's own
        // voice, and is found by its name like any other source.
        let backed = json(&["claims", "--source", publisher, "--json"], &db);
        assert!(!backed.as_array().unwrap().is_empty(), "{publisher}");
        assert!(backed
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["source"] == *publisher));
    }
    let counts = json(
        &[
            "query",
            "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM sources) AS sources",
        ],
        &db,
    );
    assert_eq!(counts[0]["articles"], HOSTILE.len());
    claimdb()
        .arg("check")
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
}
