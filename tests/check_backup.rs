//! `claimdb check` finds real damage (and passes a sound database without
//! changing it); `claimdb backup` writes a checked copy, refuses to
//! overwrite, and is safe while an import writes and a reader reads.

mod common;

use common::{assert_consistent, claimdb, claimdb_process, seeded, write_articles};
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// `claimdb check --json`: the exit status and the report by check name.
fn check(
    db: &Path,
) -> (
    bool,
    std::collections::BTreeMap<String, (String, String)>,
    String,
) {
    let out = claimdb()
        .args(["check", "--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    let rows: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let report = rows
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    (
                        r["check"].as_str().unwrap().to_string(),
                        (
                            r["status"].as_str().unwrap().to_string(),
                            r["detail"].as_str().unwrap().to_string(),
                        ),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    (
        out.status.success(),
        report,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The checks that failed, by name.
fn failed(report: &std::collections::BTreeMap<String, (String, String)>) -> Vec<&str> {
    report
        .iter()
        .filter(|(_, (status, _))| status != "ok")
        .map(|(name, _)| name.as_str())
        .collect()
}

/// A writable connection that does not enforce foreign keys: the way another
/// tool (or a careless hand in the `sqlite3` shell) could damage the data.
fn tamper(db: &Path, sql: &str) {
    let conn = Connection::open(db).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn check_passes_a_sound_database_without_changing_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let before = std::fs::read(&db).unwrap();
    let (ok, report, stderr) = check(&db);
    assert!(ok, "{stderr}");
    let names: Vec<&str> = report.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "claims",
            "counts",
            "foreign_keys",
            "fts",
            "integrity",
            "schema",
            "sources",
            "spans"
        ]
    );
    assert!(failed(&report).is_empty(), "{report:?}");
    assert_eq!(
        report["counts"].1,
        "1 articles, 15 claims, 31 attributions, 5 sources"
    );
    assert!(report["schema"].1.starts_with("version "), "{report:?}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "check changed the file"
    );
    for format in ["--table", "--csv", "--nl"] {
        claimdb()
            .args(["check", format, "--db"])
            .arg(&db)
            .assert()
            .success()
            .stdout(predicate::str::contains("foreign_keys"));
    }
}

#[test]
fn check_finds_claims_missing_from_the_full_text_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // Behind the triggers' back: the claim stays, its index entry goes.
    tamper(
        &db,
        "INSERT INTO claims_fts(claims_fts, rowid, text) SELECT 'delete', id, text FROM claims WHERE id = 3",
    );
    let (ok, report, stderr) = check(&db);
    assert!(!ok);
    assert_eq!(failed(&report), ["fts"]);
    assert!(report["fts"].1.contains("claim 3 is missing"), "{report:?}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("claimdb: error:") && stderr.contains("check failed (fts)"));
}

#[test]
fn check_finds_an_index_with_the_wrong_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // Every claim still has an index entry, but one holds other words: only a
    // comparison of the tokens with the claims' text finds this.
    tamper(
        &db,
        "INSERT INTO claims_fts(claims_fts, rowid, text) SELECT 'delete', id, text FROM claims WHERE id = 2;
         INSERT INTO claims_fts(rowid, text) VALUES (2, 'words nobody wrote');",
    );
    let (ok, report, _) = check(&db);
    assert!(!ok);
    assert_eq!(failed(&report), ["fts"]);
    assert!(report["fts"].1.contains("does not match"), "{report:?}");
}

#[test]
fn check_finds_an_attribution_whose_claim_is_gone() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    tamper(
        &db,
        "PRAGMA foreign_keys = OFF; DELETE FROM claims WHERE id = 5;",
    );
    let (ok, report, _) = check(&db);
    assert!(!ok);
    assert_eq!(failed(&report), ["foreign_keys"]);
    assert!(
        report["foreign_keys"]
            .1
            .contains("attributions row 13 points at a missing claims row"),
        "{report:?}"
    );
}

#[test]
fn check_finds_claims_without_attribution_and_spans_outside_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    tamper(
        &db,
        "DELETE FROM attributions WHERE claim_id = 1;
         UPDATE claims SET content_end = 1000000 WHERE id = 2;",
    );
    let (ok, report, _) = check(&db);
    assert!(!ok);
    assert_eq!(failed(&report), ["claims", "spans"]);
    assert!(report["claims"]
        .1
        .contains("claim 1 (article 1, position 0) has no attribution"));
    assert!(report["spans"]
        .1
        .contains("claim 2 spans past the end of article 1"));
}

/// Overwrites `bytes` at `offset` of the page numbered `page` (from 1).
fn scribble(db: &Path, page: i64, offset: usize, bytes: &[u8]) {
    let page_size: i64 = Connection::open(db)
        .unwrap()
        .query_row("PRAGMA page_size", [], |r| r.get(0))
        .unwrap();
    let mut file = std::fs::read(db).unwrap();
    let at = (page - 1) as usize * page_size as usize + offset;
    file[at..at + bytes.len()].copy_from_slice(bytes);
    std::fs::write(db, file).unwrap();
}

#[test]
fn check_finds_a_damaged_index() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let root: i64 = Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'attributions_by_source'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // The page header's cell count: the index now seems to hold no entry.
    scribble(&db, root, 3, &[0, 0]);
    let (ok, report, stderr) = check(&db);
    assert!(!ok);
    assert_eq!(failed(&report), ["integrity"], "{report:?}");
    assert!(
        report["integrity"]
            .1
            .contains("missing from index attributions_by_source"),
        "{report:?}"
    );
    assert!(stderr.contains("check failed (integrity)"), "{stderr}");
}

#[test]
fn check_fails_in_one_line_on_a_wrecked_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // The schema table itself (page 1, after the file header) is unreadable.
    scribble(&db, 1, 100, &[0x5a; 200]);
    let (ok, _, stderr) = check(&db);
    assert!(!ok);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with("claimdb: error:") && stderr.contains("malformed"),
        "{stderr}"
    );
}

#[test]
fn backup_writes_a_copy_that_passes_check() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let copy = dir.path().join("copy.db");
    claimdb()
        .arg("backup")
        .arg(&copy)
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "1 articles, 15 claims, 31 attributions, 5 sources",
        ));
    let (ok, _, stderr) = check(&copy);
    assert!(ok, "{stderr}");
    let claims = |db: &Path| {
        claimdb()
            .args(["claims", "--json", "--db"])
            .arg(db)
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(claims(&copy), claims(&db));
    // One self-contained file: nothing beside it, nothing half-written left.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("copy"))
        .collect();
    assert!(names.iter().all(|n| !n.contains("partial")), "{names:?}");
}

#[test]
fn backup_sweeps_copies_left_by_killed_backups_but_not_running_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let copy = dir.path().join("copy.db");
    let at = |name: &str| dir.path().join(name);
    // What a backup killed with SIGKILL leaves: its partial copy (and the
    // copy's journal), unlocked since its process is gone.
    std::fs::write(at("copy.db.partial-4000000000"), "half a copy").unwrap();
    std::fs::write(at("copy.db.partial-4000000000-journal"), "journal").unwrap();
    // A backup still running holds its partial file locked.
    let running = std::fs::File::create(at("copy.db.partial-1")).unwrap();
    running.lock().unwrap();
    // Names that only look alike are someone else's.
    std::fs::write(at("copy.db.partial-notes"), "mine").unwrap();
    claimdb()
        .arg("backup")
        .arg(&copy)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert!(check(&copy).0);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("copy"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["copy.db", "copy.db.partial-1", "copy.db.partial-notes"]
    );
    drop(running);
}

#[test]
fn backup_refuses_to_overwrite_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let copy = dir.path().join("copy.db");
    std::fs::write(&copy, "keep me").unwrap();
    claimdb()
        .arg("backup")
        .arg(&copy)
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(format!(
            "claimdb: error: {}: file exists (use --force to replace it)\n",
            copy.display()
        ));
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), "keep me");
    claimdb()
        .arg("backup")
        .arg(&copy)
        .arg("--force")
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert!(check(&copy).0);
    // Not even --force replaces the database with a copy of itself.
    let before = std::fs::read(&db).unwrap();
    claimdb()
        .arg("backup")
        .arg(dir.path().join(".").join("c.db"))
        .arg("--force")
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::ends_with("c.db: is the database itself\n"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn backup_fails_cleanly_on_bad_paths() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let nowhere = dir.path().join("no/such/folder/copy.db");
    claimdb()
        .arg("backup")
        .arg(&nowhere)
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(
            predicate::str::starts_with("claimdb: error:").and(predicate::str::contains("copy.db")),
        )
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    claimdb()
        .arg("backup")
        .arg(dir.path())
        .arg("--force")
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(format!(
            "claimdb: error: {}: is a folder\n",
            dir.path().display()
        ));
    claimdb()
        .arg("backup")
        .arg(dir.path().join("copy.db"))
        .arg("--db")
        .arg(dir.path().join("absent.db"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("no database at"));
    assert!(!dir.path().join("copy.db").exists());
}

/// Backups taken while an import writes and a reader reads: each is a
/// consistent snapshot (complete articles only, passing check), and neither
/// the import nor the reader notices.
#[test]
fn backup_is_safe_while_others_write_and_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let inbox = dir.path().join("inbox");
    write_articles(&inbox, 0..250);
    let mut import = claimdb_process()
        .arg("import")
        .arg(&inbox)
        .arg("--db")
        .arg(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = claimdb_process();
    reader.args(["claims", "--json", "--db"]).arg(&db);
    let mut previous = 0;
    for i in 0..4 {
        // Spread the backups over the import: wait for some more articles.
        let deadline = Instant::now() + Duration::from_secs(30);
        while common::article_count(&db) < 1 + 50 * i
            && import.try_wait().unwrap().is_none()
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(2));
        }
        let copy = dir.path().join(format!("copy{i}.db"));
        let mut reading = reader
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        claimdb()
            .arg("backup")
            .arg(&copy)
            .arg("--db")
            .arg(&db)
            .assert()
            .success();
        let read = reading.wait().unwrap();
        assert!(read.success(), "the reader failed during a backup");
        let (ok, _, stderr) = check(&copy);
        assert!(ok, "backup {i}: {stderr}");
        let articles = assert_consistent(&copy);
        assert!(articles >= previous, "backup {i} went back in time");
        previous = articles;
    }
    let out = import.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(assert_consistent(&db), 251);
}

#[test]
fn check_finds_a_source_merged_into_itself_and_rows_left_on_merged_sources() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // What two opposite merges used to leave: each source merged into the other.
    tamper(
        &db,
        "UPDATE sources SET merged_into = id WHERE name = 'Reuters';
         UPDATE sources SET merged_into = (SELECT id FROM sources WHERE name = 'Reuters')
         WHERE name = 'The Gaze';",
    );
    let (ok, report, _) = check(&db);
    assert!(!ok);
    assert_eq!(failed(&report), ["sources"]);
    let detail = &report["sources"].1;
    assert!(
        detail.contains("(Reuters) is merged into itself"),
        "{detail}"
    );
    assert!(detail.contains("which was merged away"), "{detail}");
    // Showing such a source is an error naming the fix, not a panic.
    claimdb()
        .args(["sources", "show", "Reuters", "--json", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("claimdb check"))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn a_merged_away_name_or_an_empty_name_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let run = |args: &[&str]| claimdb().args(args).arg("--db").arg(&db).assert();
    run(&["sources", "merge", "Reuters", "The Gaze"]).success();
    // "Reuters" now stands for The Gaze: merging it again would move The Gaze.
    run(&["sources", "merge", "Reuters", "Alexander Lukashenko"])
        .failure()
        .stderr(predicate::str::contains(
            "'Reuters' was already merged into 'The Gaze'",
        ));
    run(&["sources", "alias", "The Gaze", "  "])
        .failure()
        .stderr(predicate::str::contains("cannot be empty"));
    run(&["sources", "merge", "", "The Gaze"])
        .failure()
        .stderr(predicate::str::contains("cannot be empty"));
    claimdb()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .success();
}
