//! Schema versions: a database from the first schema is migrated forward
//! with its data intact; one from a newer claimdb is refused by every
//! command, with a clear message, and left untouched.

mod common;

use common::{assert_consistent, claimdb};
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// A copy of the version-1 fixture in `dir` (the fixture itself is never opened for writing).
fn v1_copy(dir: &Path) -> PathBuf {
    let copy = dir.join("old.db");
    std::fs::copy(Path::new(FIXTURES).join("schema-v1.db"), &copy).unwrap();
    copy
}

fn history(db: &Path) -> Vec<i64> {
    let conn = common::open_read_only(db);
    let mut stmt = conn
        .prepare("SELECT version FROM refinery_schema_history ORDER BY version")
        .unwrap();
    let versions = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    versions
}

#[test]
fn the_fixture_is_a_first_schema_database() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(history(&v1_copy(dir.path())), [1]);
}

#[test]
fn a_first_schema_database_is_migrated_forward_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = v1_copy(dir.path());
    let article =
        std::fs::read_to_string(Path::new(FIXTURES).join("schema-v1-article.txt")).unwrap();

    // Writing migrates: another article goes in beside the old one.
    let newer = dir.path().join("ferry.txt");
    std::fs::write(
        &newer,
        "Ferry back in service\n\nThe ferry to Holm island runs again, the operator said on Monday.\n",
    )
    .unwrap();
    claimdb()
        .arg("import")
        .arg(&newer)
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("database"))
        .stdout(predicate::str::contains("2 articles"));

    let applied = history(&db);
    assert_eq!(applied.len(), claimdb::store::embedded_migration_count());
    assert_eq!(applied[0], 1);

    // The first article is still there, verbatim, with its claims and sources.
    let conn = Connection::open(&db).unwrap();
    let body: String = conn
        .query_row("SELECT body FROM articles WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(body, article);
    assert_eq!(assert_consistent(&db), 2);
    let out = claimdb()
        .args(["claims", "--article", "1", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let claims: Value = serde_json::from_slice(&out.stdout).unwrap();
    let claims = claims.as_array().unwrap();
    assert_eq!(claims.len(), 3);
    assert!(claims
        .iter()
        .any(|c| c["source"] == "Councillor Ines Vold" && c["attribution_kind"] == "direct_quote"));
    claimdb()
        .args(["claims", "--source", "riverside gazette", "--json", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("40,000 euros"));
    claimdb()
        .arg("check")
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
}

/// Every command refuses a database that a newer claimdb migrated, says
/// why in one line, and leaves the file byte for byte as it was.
#[test]
fn a_newer_database_is_refused_untouched_by_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let db = v1_copy(dir.path());
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum)
             VALUES (9999, 'from_the_future', '2030-01-01T00:00:00Z', '0')",
            [],
        )
        .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let article = Path::new(FIXTURES).join("schema-v1-article.txt");
    let backup = dir.path().join("copy.db");
    let commands: Vec<Vec<std::ffi::OsString>> = vec![
        vec!["import".into(), article.into()],
        vec!["claims".into()],
        vec!["sources".into()],
        vec!["query".into(), "SELECT count(*) FROM articles".into()],
        vec!["check".into()],
        vec!["backup".into(), backup.clone().into()],
    ];
    for args in commands {
        claimdb()
            .args(&args)
            .arg("--db")
            .arg(&db)
            .assert()
            .failure()
            .stderr(predicate::str::starts_with(
                "claimdb: error: opening database",
            ))
            .stderr(predicate::str::contains(
                "database schema version 9999 is newer than this claimdb supports",
            ))
            .stderr(predicate::str::contains("upgrade claimdb"))
            .stderr(predicate::function(|s: &str| s.lines().count() == 1));
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{args:?} changed the file"
        );
    }
    assert!(!backup.exists());
}
