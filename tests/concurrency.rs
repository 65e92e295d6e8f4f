//! Concurrency: two imports of overlapping folders and a reader on the same
//! database at once. WAL lets the reader go on while one import writes;
//! the busy timeout and immediate write transactions make each writer wait
//! for the other instead of failing with "database is locked"; the content
//! hash keeps every article exactly once.

mod common;

use common::{article, assert_consistent, claimdb, claimdb_process, stored_bodies, write_articles};
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Waits for a child, killing it (and failing) if it runs past `deadline`.
fn finish(mut child: Child, deadline: Instant) -> Output {
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("an import ran past its deadline (deadlock?)");
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.wait_with_output().unwrap()
}

/// (new, skipped as duplicates) from an import's summary line.
fn tally(stdout: &str) -> (usize, usize) {
    let line = stdout
        .lines()
        .find(|l| l.starts_with("articles: "))
        .unwrap_or_else(|| panic!("no summary in {stdout:?}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    (numbers[0], numbers[1])
}

fn has_schema(db: &Path) -> bool {
    db.exists()
        && rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0)))
            .is_ok()
}

fn spawn_import(folder: &Path, db: &Path) -> Child {
    spawn_claimdb(&["import", folder.to_str().unwrap()], db)
}

/// One race: folder A holds articles 0..60, folder B 30..90 (the same texts
/// as separate files), both imported at once while a reader queries.
fn race(fresh: bool) {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    write_articles(&a, 0..60);
    write_articles(&b, 30..90);
    let db = dir.path().join("c.db");
    let mut expected: Vec<String> = (0..90).map(article).collect();
    if !fresh {
        let extra = dir.path().join("first");
        write_articles(&extra, 1000..1001);
        claimdb()
            .arg("import")
            .arg(&extra)
            .arg("--db")
            .arg(&db)
            .assert()
            .success();
        expected.push(article(1000));
    }

    let stop = Arc::new(AtomicBool::new(false));
    let reader = {
        let (stop, db) = (Arc::clone(&stop), db.clone());
        std::thread::spawn(move || {
            let mut runs = 0;
            let mut failures = Vec::new();
            while !stop.load(Ordering::Relaxed) {
                // Before the first import has created the tables there is nothing to read.
                if !has_schema(&db) {
                    std::thread::sleep(Duration::from_millis(2));
                    continue;
                }
                for args in [
                    &["claims", "--json"][..],
                    &["query", "SELECT count(*) AS n FROM claim_sources"][..],
                ] {
                    let out = claimdb_process()
                        .args(args)
                        .arg("--db")
                        .arg(&db)
                        .output()
                        .unwrap();
                    runs += 1;
                    if !out.status.success() {
                        failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
                    }
                }
            }
            (runs, failures)
        })
    };

    let deadline = Instant::now() + Duration::from_secs(90);
    let first = spawn_import(&a, &db);
    let second = spawn_import(&b, &db);
    let outputs = [finish(first, deadline), finish(second, deadline)];
    stop.store(true, Ordering::Relaxed);
    let (runs, failures) = reader.join().unwrap();

    let mut new = 0;
    let mut duplicates = 0;
    for out in &outputs {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "an import failed: {stderr}");
        assert!(
            !stderr.contains("locked") && !stderr.contains("busy"),
            "{stderr}"
        );
        let (n, d) = tally(&String::from_utf8_lossy(&out.stdout));
        new += n;
        duplicates += d;
    }
    // The 30 shared texts are stored by whichever import came first and skipped by the other.
    assert_eq!((new, duplicates), (90, 30), "fresh database: {fresh}");
    assert!(failures.is_empty(), "reader failures: {failures:?}");
    assert!(runs > 0, "the reader never ran");

    let stored = stored_bodies(&db);
    assert!(
        stored.iter().all(|(_, n)| *n == 1),
        "an article is stored twice"
    );
    expected.sort();
    assert_eq!(
        stored.into_iter().map(|(b, _)| b).collect::<Vec<_>>(),
        expected
    );
    assert_eq!(assert_consistent(&db), expected.len());
}

/// Both imports start on a database that does not exist yet: they race to
/// create it and apply the migrations.
#[test]
fn two_imports_and_a_reader_on_a_new_database() {
    race(true);
}

/// Both imports and the reader start on an existing database.
#[test]
fn two_imports_and_a_reader_on_an_existing_database() {
    race(false);
}

/// Several processes create and migrate the same new database at once:
/// each either applies the migrations or finds them applied, none fails.
#[test]
fn many_processes_create_the_same_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    let files = write_articles(&inbox, 0..4);
    let deadline = Instant::now() + Duration::from_secs(90);
    for round in 0..4 {
        let db = dir.path().join(format!("c{round}.db"));
        let children: Vec<Child> = files.iter().map(|f| spawn_import(f, &db)).collect();
        for child in children {
            let out = finish(child, deadline);
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert_eq!(assert_consistent(&db), files.len());
        let conn = common::open_read_only(&db);
        let history: i64 = conn
            .query_row("SELECT count(*) FROM refinery_schema_history", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(history as usize, claimdb::store::embedded_migration_count());
    }
}

/// Runs `claimdb ARGS --db DB` as a background process.
fn spawn_claimdb(args: &[&str], db: &Path) -> Child {
    claimdb_process()
        .args(args)
        .arg("--db")
        .arg(db)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Two opposite merges (and an alias of the source they fight over) at the
/// same moment, fifty times: exactly one merge wins, the other is refused as
/// naming one source twice, the alias lands on the source that stays, and
/// `claimdb check` is clean after every round. Before the names were looked up
/// inside the write transaction, both merges succeeded about half the time
/// and left a source merged into itself.
#[test]
fn opposite_merges_at_once_leave_one_source_and_a_clean_check() {
    let dir = tempfile::tempdir().unwrap();
    let seeded = common::seeded(dir.path());
    for round in 0..50 {
        let db = dir.path().join(format!("round{round}.db"));
        std::fs::copy(&seeded, &db).unwrap();
        let alias = format!("Gaze alias {round}");
        let deadline = Instant::now() + Duration::from_secs(60);
        let children = [
            spawn_claimdb(&["sources", "merge", "Reuters", "The Gaze"], &db),
            spawn_claimdb(&["sources", "merge", "The Gaze", "Reuters"], &db),
            spawn_claimdb(&["sources", "alias", "The Gaze", &alias], &db),
        ];
        let outputs: Vec<Output> = children.into_iter().map(|c| finish(c, deadline)).collect();
        let merged = outputs[..2].iter().filter(|o| o.status.success()).count();
        assert_eq!(merged, 1, "round {round}: {outputs:?}");
        for refused in outputs[..2].iter().filter(|o| !o.status.success()) {
            let stderr = String::from_utf8_lossy(&refused.stderr);
            assert!(
                stderr.contains("already the same source"),
                "round {round}: {stderr}"
            );
        }
        // The alias may come before the merge or after it; either way it names a kept source.
        assert!(
            outputs[2].status.success(),
            "round {round}: {:?}",
            outputs[2]
        );
        claimdb()
            .args(["check", "--db"])
            .arg(&db)
            .assert()
            .success();
        let kept = claimdb()
            .args(["sources", "--csv", "--db"])
            .arg(&db)
            .output()
            .unwrap();
        let listing = String::from_utf8(kept.stdout).unwrap();
        let survivors = ["Reuters", "The Gaze"]
            .iter()
            .filter(|name| listing.lines().any(|l| l.split(',').nth(1) == Some(**name)))
            .count();
        assert_eq!(survivors, 1, "round {round}: {listing}");
        assert!(listing.contains(&alias), "round {round}: {listing}");
    }
}
