//! Limits on reads: `query` and `search` stop at `--timeout`, fail at
//! `--max-memory` with one line naming the flag, and stop cleanly on Ctrl-C
//! (exit code 130). Time bounds here only guard against a hang; no test
//! depends on how fast the machine is.

mod common;

use common::{claimdb, claimdb_process, seeded};
use std::path::Path;
use std::time::{Duration, Instant};

/// Counts forever: only a limit (or Ctrl-C) ends it.
const ENDLESS: &str =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

/// Builds a 20 MB string: more than `--max-memory 20` allows, far less than the default.
const HUNGRY: &str =
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000)
                      SELECT length(group_concat(hex(randomblob(100)))) AS n FROM c";

/// Long enough for a slow machine, short enough that a hang fails the test.
const HANG_GUARD: Duration = Duration::from_secs(60);

fn query(db: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    claimdb()
        .arg("query")
        .args(args)
        .arg("--db")
        .arg(db)
        .timeout(HANG_GUARD)
        .assert()
}

#[test]
fn an_endless_query_stops_at_the_timeout_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    query(&db, &[ENDLESS, "--timeout", "1"])
        .code(1)
        .stdout("")
        .stderr("claimdb: error: query stopped after 1 s (--timeout)\n");
}

#[test]
fn limits_too_large_to_reach_are_no_limits() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let huge = u64::MAX.to_string();
    query(
        &db,
        &["SELECT 1 AS n", "--timeout", &huge, "--max-memory", &huge],
    )
    .success()
    .stdout(predicates::str::contains(r#"{"n":1}"#));
}

#[test]
fn a_query_needing_too_much_memory_fails_naming_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    query(&db, &[HUNGRY, "--max-memory", "20"])
        .code(1)
        .stdout("")
        .stderr(
            "claimdb: error: query stopped: it needed more than 20 MB of memory (--max-memory)\n",
        );
    // The same query fits in the default limit: the flag, not the query, failed it.
    let out = query(&db, &[HUNGRY]).success().get_output().stdout.clone();
    let rows: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(rows[0]["n"], 20_000_000 + 99_999);
}

/// True once the process has a handler for SIGINT (Linux: `SigCgt` in
/// /proc/PID/status), so that the signal the test sends is the command's to
/// handle, not the default action before the handler is in place.
#[cfg(target_os = "linux")]
fn catches_sigint(pid: u32) -> bool {
    let Ok(status) = std::fs::read_to_string(format!("/proc/{pid}/status")) else {
        return false;
    };
    status
        .lines()
        .find_map(|l| l.strip_prefix("SigCgt:"))
        .and_then(|mask| u64::from_str_radix(mask.trim(), 16).ok())
        .is_some_and(|mask| mask & (1 << (libc::SIGINT - 1)) != 0)
}

/// Starts `claimdb ARGS --db DB`, sends it SIGINT once it handles the
/// signal, and returns its exit code and stderr.
#[cfg(target_os = "linux")]
fn interrupt(args: &[&str], db: &Path) -> (Option<i32>, String) {
    let mut child = claimdb_process()
        .args(args)
        .arg("--db")
        .arg(db)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while !catches_sigint(child.id()) {
        assert!(child.try_wait().unwrap().is_none(), "{args:?} ended early");
        assert!(
            started.elapsed() < HANG_GUARD,
            "{args:?} never handled SIGINT"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // The statement has started or is about to: either way it is stopped.
    std::thread::sleep(Duration::from_millis(200));
    // SAFETY: kill(2) on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGINT) }, 0);
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > HANG_GUARD {
            child.kill().unwrap();
            panic!("{args:?} did not stop on SIGINT");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[cfg(target_os = "linux")]
#[test]
fn ctrl_c_stops_an_endless_query_with_exit_code_130() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let (code, stderr) = interrupt(&["query", ENDLESS, "--timeout", "0"], &db);
    assert_eq!(
        (code, stderr.as_str()),
        (Some(130), "claimdb: interrupted\n")
    );
}
