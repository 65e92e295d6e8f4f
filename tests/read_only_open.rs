//! Read-only commands leave no files behind and work where they may not
//! write: a WAL database read by `claims`, `query`, `search`, `show` or
//! `check` keeps no `-wal`/`-shm` it did not have; a database file without
//! write permission is read (and checked) without leaving a read-only `-shm`
//! that would block later writes; a database in a read-only folder is read.
//!
//! Root ignores file permissions, so the permission tests run claimdb as
//! user `nobody` through `setpriv` when the tests run as root.

mod common;

use common::{claimdb, claimdb_process, seeded, SEED};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The database's `-wal`, `-shm` and `-journal` files that exist.
fn leftovers(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|s| PathBuf::from(format!("{}{s}", db.display())))
        .filter(|p| p.exists())
        .collect()
}

/// Every read-only command, as arguments before `--db`.
const READERS: [&[&str]; 6] = [
    &["claims"],
    &["query", "SELECT count(*) AS n FROM claim_sources"],
    &["search", "sanctions"],
    &["show", "1"],
    &["sources"],
    &["check"],
];

#[test]
fn read_only_commands_leave_no_wal_or_shm_behind() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // The import checkpointed and closed: the WAL database is one file.
    assert_eq!(leftovers(&db), Vec::<PathBuf>::new());
    // In WAL mode (header bytes 18 and 19 are 2): read without SQLite, whose
    // reader would make the files this test looks for.
    let header = std::fs::read(&db).unwrap();
    assert_eq!((header[18], header[19]), (2, 2));
    for args in READERS {
        claimdb().args(args).arg("--db").arg(&db).assert().success();
        assert_eq!(leftovers(&db), Vec::<PathBuf>::new(), "after {args:?}");
    }
    // Nor does a read refused on opening: a database from a newer claimdb.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "INSERT INTO refinery_schema_history (version, name, applied_on, checksum)
             VALUES (9999, 'future', '2030-01-01T00:00:00Z', '0')",
            [],
        )
        .unwrap();
    assert_eq!(leftovers(&db), Vec::<PathBuf>::new());
    claimdb()
        .args(["claims", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "newer than this claimdb supports",
        ));
    assert_eq!(leftovers(&db), Vec::<PathBuf>::new());
}

#[test]
fn a_reader_leaves_the_wal_of_a_connection_still_open_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    // Another program keeps the database open in WAL mode and has written.
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute("UPDATE articles SET title = 'Kept open' WHERE id = 1", [])
        .unwrap();
    let before = leftovers(&db);
    assert_eq!(before.len(), 2, "{before:?}");
    let out = claimdb()
        .args(["query", "SELECT title FROM articles WHERE id = 1", "--db"])
        .arg(&db)
        .assert()
        .success();
    assert!(String::from_utf8_lossy(&out.get_output().stdout).contains("Kept open"));
    assert_eq!(leftovers(&db), before);
    other
        .execute(
            "UPDATE articles SET title = 'Still writable' WHERE id = 1",
            [],
        )
        .unwrap();
    drop(other);
    common::assert_consistent(&db);
}

#[test]
fn a_database_named_with_uri_characters_is_read_as_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let odd = dir.path().join("a b?mode=rw#x%41.db");
    std::fs::rename(&db, &odd).unwrap();
    let out = claimdb()
        .args(["query", "SELECT count(*) AS n FROM articles", "--db"])
        .arg(&odd)
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .split_whitespace()
            .collect::<String>(),
        r#"[{"n":1}]"#
    );
    assert_eq!(leftovers(&odd), Vec::<PathBuf>::new());
    // Nothing was made under the name with its URI part cut off or decoded.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a b?mode=rw#x%41.db"]);
}

/// A claimdb command run as a user that file permissions apply to: this
/// process when it is not root, else `nobody` through `setpriv`. `None`
/// when neither works here (then the permission tests cannot run).
fn restricted() -> Option<Box<dyn Fn() -> Command>> {
    // SAFETY: geteuid(2) has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Some(Box::new(claimdb_process) as Box<dyn Fn() -> Command>);
    }
    let as_nobody = || {
        let mut cmd = Command::new("setpriv");
        cmd.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_claimdb"))
            .env_remove("CLAIMDB_DB");
        cmd
    };
    let works = as_nobody()
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    works.then(|| Box::new(as_nobody) as Box<dyn Fn() -> Command>)
}

/// Runs `claimdb ARGS --db DB` as the restricted user; panics unless it succeeds.
fn run_as(user: &dyn Fn() -> Command, args: &[&str], db: &Path) -> String {
    let out = user().args(args).arg("--db").arg(db).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A folder the restricted user may write, holding a database it imported.
fn restricted_db(user: &dyn Fn() -> Command) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    chmod(dir.path(), 0o777);
    let db = dir.path().join("c.db");
    run_as(user, &["import", SEED], &db);
    (dir, db)
}

#[test]
fn a_database_without_write_permission_is_read_and_checked_leaving_nothing_that_blocks_writes() {
    let Some(user) = restricted() else {
        eprintln!("skipped: no user here that file permissions apply to (root without setpriv?)");
        return;
    };
    let (_dir, db) = restricted_db(&user);
    chmod(&db, 0o444);
    for args in READERS {
        run_as(&user, args, &db);
        assert_eq!(leftovers(&db), Vec::<PathBuf>::new(), "after {args:?}");
    }
    let check = run_as(&user, &["check", "--json"], &db);
    assert!(check.contains("token-level comparison skipped"), "{check}");
    // Writable again: nothing the reads left stands in the way of a write.
    chmod(&db, 0o644);
    run_as(&user, &["review", "1", "--confirm"], &db);
}

#[test]
fn a_database_in_a_read_only_folder_is_read() {
    let Some(user) = restricted() else {
        eprintln!("skipped: no user here that file permissions apply to (root without setpriv?)");
        return;
    };
    let (dir, db) = restricted_db(&user);
    chmod(dir.path(), 0o555);
    let claims = run_as(&user, &["claims", "--json"], &db);
    let check = run_as(&user, &["check"], &db);
    chmod(dir.path(), 0o777);
    assert!(claims.contains("Pezeshkian"), "{claims}");
    assert!(check.contains("counts"), "{check}");
    assert_eq!(leftovers(&db), Vec::<PathBuf>::new());
}
