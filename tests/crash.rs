//! Crash safety: an import killed with SIGKILL at any moment leaves a sound
//! database holding only complete articles, and running it again finishes it.
//!
//! Articles are written in batches, one transaction each (WAL,
//! `synchronous=NORMAL`); the test asks for batches of 5 so that kills fall
//! between and inside many commits: after a kill the database holds every
//! article committed before it, each with all its claims and attributions,
//! and nothing of the batch in flight.

mod common;

use common::{article, assert_consistent, claimdb, claimdb_process, stored_bodies, write_articles};
use predicates::prelude::*;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

const ARTICLES: usize = 1500;
/// Imports started and killed before the one that completes.
const ROUNDS: usize = 12;

/// True once the migration that creates the tables has been committed.
fn has_schema(db: &Path) -> bool {
    let conn = common::open_read_only(db);
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name = 'articles'",
        [],
        |r| r.get::<_, i64>(0),
    )
    .unwrap()
        == 1
}

#[test]
fn an_import_killed_at_any_moment_loses_nothing_and_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    write_articles(&inbox, 0..ARTICLES);
    let db = dir.path().join("c.db");

    // A fixed pseudo-random sequence: kill moments vary from round to round
    // but a failure can be replayed.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let started = Instant::now();
    // How long a whole import takes here: random kill moments fall inside it.
    let scratch = dir.path().join("scratch.db");
    claimdb()
        .arg("import")
        .arg(&inbox)
        .args(["--batch", "5"])
        .arg("--db")
        .arg(&scratch)
        .assert()
        .success();
    let whole = started.elapsed().as_micros() as u64;

    let mut stored = 0;
    let mut killed = 0;
    for round in 0..ROUNDS {
        let mut child = claimdb_process()
            .arg("import")
            .arg(&inbox)
            .args(["--batch", "5"])
            .arg("--db")
            .arg(&db)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Round 0 kills it at once (creating the file, or migrating). Odd
        // rounds wait until a few more articles are committed, then up to
        // 3 ms more: the kill lands anywhere in the next article's reading
        // or writing. Even rounds kill after a random part of a whole
        // import's time, whatever the import commits meanwhile (it may keep
        // several articles in one transaction).
        if round % 2 == 1 {
            let target = stored + 1 + (next() % 6) as usize;
            let deadline = Instant::now() + Duration::from_secs(30);
            while common::article_count(&db) < target
                && child.try_wait().unwrap().is_none()
                && Instant::now() < deadline
            {
                std::thread::sleep(Duration::from_millis(1));
            }
            std::thread::sleep(Duration::from_micros(next() % 3000));
        } else if round > 0 {
            // Within the time the rest of the import takes: stored articles
            // are skipped, so a later import is shorter than the first.
            // (at most half of it, so that a busy machine that runs the
            // child faster than the first import does not let it finish).
            let rest = (whole * (ARTICLES - stored) as u64 / ARTICLES as u64 / 2).max(1);
            std::thread::sleep(Duration::from_micros(next() % rest));
        }
        // SIGKILL on unix: no destructor, no rollback, no flush runs.
        let _ = child.kill();
        let status = child.wait().unwrap();
        killed += usize::from(!status.success());

        if !db.exists() || !has_schema(&db) {
            assert_eq!(stored, 0, "the schema vanished after round {round}");
            continue;
        }
        let now = assert_consistent(&db);
        assert!(
            now >= stored,
            "round {round}: {now} articles after {stored}"
        );
        stored = now;
        if stored == ARTICLES {
            break;
        }
    }
    assert!(
        killed >= ROUNDS / 3,
        "only {killed} of {ROUNDS} imports were killed before they finished"
    );

    // Running the import again completes it: every article exactly once.
    claimdb()
        .arg("import")
        .arg(&inbox)
        .args(["--batch", "5"])
        .arg("--db")
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "articles: {} new, {stored} skipped as duplicates, 0 failed",
            ARTICLES - stored
        )));
    assert_eq!(assert_consistent(&db), ARTICLES);
    let bodies = stored_bodies(&db);
    let mut expected: Vec<String> = (0..ARTICLES).map(article).collect();
    expected.sort();
    assert_eq!(
        bodies.iter().map(|(b, _)| b.clone()).collect::<Vec<_>>(),
        expected
    );
    assert!(bodies.iter().all(|(_, n)| *n == 1));
    claimdb()
        .arg("check")
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}

/// Ctrl-C (SIGINT) during an import stores the articles read by then, each
/// whole, says how many in its summary, and exits 130; importing again stores
/// the rest, each article once.
#[cfg(unix)]
#[test]
fn ctrl_c_stops_an_import_keeping_every_article_read_by_then() {
    const MANY: usize = 4000;
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("texts");
    write_articles(&texts, 0..MANY);
    let db = dir.path().join("c.db");
    let child = claimdb_process()
        .args(["import", "--batch", "20", "--jobs", "1", "--db"])
        .arg(&db)
        .arg(&texts)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Once some articles are committed, Ctrl-C.
    let started = Instant::now();
    while !(db.exists() && has_schema(&db) && common::article_count(&db) > 0) {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no article stored"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let sent = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{stdout}\n{stderr}");
    assert!(stderr.ends_with("claimdb: interrupted\n"), "{stderr}");
    let stored = assert_consistent(&db);
    assert!(
        stored > 0 && stored < MANY,
        "{stored} of {MANY}: the test did not interrupt"
    );
    assert!(
        stdout.contains(&format!("articles: {stored} new")),
        "the summary says what was kept: {stdout}"
    );
    claimdb()
        .args(["import", "--db"])
        .arg(&db)
        .arg(&texts)
        .assert()
        .success();
    assert_eq!(assert_consistent(&db), MANY);
}
