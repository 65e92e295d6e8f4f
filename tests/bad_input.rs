//! Bad input: every bad file, path or database location gives one line on
//! stderr naming the thing and the reason, a non-zero exit code, and loses
//! nothing else (the good files of the same import are stored).
//!
//! `tests/cli.rs` covers binary, Latin-1, empty and missing files and a
//! database in a missing folder; these fill the gaps.

mod common;

use common::{assert_consistent, claimdb, stored_bodies};
use predicates::prelude::*;
use std::path::Path;

/// stderr of a finished command, as lines.
fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_bad_file_is_named_with_its_reason_and_the_good_ones_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir_all(inbox.join("nested")).unwrap();
    let good = [
        "Bridge closed\n\nThe mayor said the bridge was unsafe.\n",
        "Port news\n\n“We will reopen in May,” said harbor master Ada Lind.\n",
    ];
    std::fs::write(inbox.join("good.txt"), good[0]).unwrap();
    std::fs::write(inbox.join("nested/good.txt"), good[1]).unwrap();
    // One byte over the limit, and a file that turns bad after good text.
    let huge = std::fs::File::create(inbox.join("huge.txt")).unwrap();
    huge.set_len(claimdb::input::MAX_ARTICLE_BYTES + 1).unwrap();
    std::fs::write(
        inbox.join("half.txt"),
        b"Title\n\nGood start. \xc3\x28 then bad",
    )
    .unwrap();
    std::fs::write(inbox.join("nul.txt"), b"Title\n\nText with a \0 inside.").unwrap();
    std::fs::write(inbox.join("blank.txt"), b"\n\t \r\n").unwrap();
    let empty_folder = dir.path().join("drafts");
    std::fs::create_dir(&empty_folder).unwrap();
    std::fs::write(empty_folder.join("notes.csv"), "not,an,article").unwrap();
    let db = dir.path().join("c.db");

    let out = claimdb()
        .arg("import")
        .arg(&inbox)
        .arg(&empty_folder)
        .arg(dir.path().join("gone.txt"))
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "some inputs failed: exit code 3"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("articles: 2 new, 0 skipped as duplicates, 6 failed"),
        "{stdout}"
    );
    let lines = stderr_lines(&out);
    let expected = [
        "drafts: no *.txt, *.md or *.jsonl articles in this folder",
        "gone.txt: no such file or directory",
        "half.txt: not valid UTF-8 (first bad byte at offset 19)",
        "huge.txt: file is 8388609 bytes, over the 8388608-byte limit for one article",
        "nul.txt: binary file (contains NUL bytes), not an article",
        "blank.txt: empty file (no text to import)",
    ];
    assert_eq!(
        lines.len(),
        expected.len(),
        "one line per bad input: {lines:#?}"
    );
    for reason in expected {
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("claimdb: error: ") && l.ends_with(reason)),
            "no line ends with {reason:?}: {lines:#?}"
        );
    }
    // Nothing else lost: both good articles stored, complete.
    assert_eq!(assert_consistent(&db), 2);
    let mut want: Vec<String> = good.iter().map(|s| s.to_string()).collect();
    want.sort();
    let stored: Vec<String> = stored_bodies(&db).into_iter().map(|(b, _)| b).collect();
    assert_eq!(stored, want);
}

#[test]
fn a_folder_without_articles_imports_nothing_and_creates_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("drafts");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("readme.pdf"), "no articles here").unwrap();
    let db = dir.path().join("c.db");
    let out = claimdb()
        .arg("import")
        .arg(&folder)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let lines = stderr_lines(&out);
    assert_eq!(
        lines,
        [
            format!(
                "claimdb: error: {}: no *.txt, *.md or *.jsonl articles in this folder",
                folder.display()
            ),
            "claimdb: error: nothing to import".to_string(),
        ]
    );
    assert!(!db.exists());
    // `extract` reports the same way.
    claimdb()
        .arg("extract")
        .arg(&folder)
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "no *.txt, *.md or *.jsonl articles in this folder",
        ));
}

/// Database paths that cannot work are refused before SQLite is asked,
/// with the reason in words, for writing and reading commands alike.
#[test]
fn unusable_database_paths_name_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Title\n\nThe mayor said the bridge was unsafe.\n").unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "a regular file").unwrap();
    let folder = dir.path().join("folder.db");
    std::fs::create_dir(&folder).unwrap();
    let cases = [
        (
            file.join("c.db"),
            format!("{} is not a folder", file.display()),
        ),
        (
            dir.path().join("missing/c.db"),
            format!(
                "folder {} does not exist",
                dir.path().join("missing").display()
            ),
        ),
        (
            folder.clone(),
            "it is a folder, not a database file".to_string(),
        ),
        (
            ":memory:".into(),
            "not a file path (nothing written there would be kept)".to_string(),
        ),
        (
            "file::memory:".into(),
            "SQLite URIs and in-memory names are not accepted: give a file path".to_string(),
        ),
        (
            "file:c.db?mode=memory".into(),
            "SQLite URIs and in-memory names are not accepted: give a file path".to_string(),
        ),
    ];
    for (db, reason) in &cases {
        claimdb()
            .arg("import")
            .arg(&article)
            .arg("--db")
            .arg(db)
            .assert()
            .failure()
            .stderr(format!(
                "claimdb: error: opening database {}: {reason}\n",
                db.display()
            ));
    }
    claimdb()
        .args(["claims", "--db"])
        .arg(&folder)
        .assert()
        .failure()
        .stderr(format!(
            "claimdb: error: opening database {} read-only: it is a folder, not a database file\n",
            folder.display()
        ));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a regular file");
}

/// True when this process may write where permissions say it may not
/// (root, or a capability): permission checks cannot be tested then.
fn ignores_permissions(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("probe");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o555)).unwrap();
    let wrote = std::fs::write(probe.join("file"), "x").is_ok();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    wrote
}

#[test]
fn databases_without_write_permission_are_refused_in_one_line() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    if ignores_permissions(dir.path()) {
        eprintln!(
            "skipped: this process ignores file permissions (root?), so a read-only \
             database cannot be simulated; unusable_database_paths_name_the_reason \
             covers paths that fail for everyone"
        );
        return;
    }
    let first = dir.path().join("first.txt");
    std::fs::write(&first, "Title\n\nThe mayor said the bridge was unsafe.\n").unwrap();
    let second = dir.path().join("second.txt");
    std::fs::write(&second, "Title\n\nThe mayor said the bridge was closed.\n").unwrap();

    // A database file that may be read but not written.
    let db = dir.path().join("c.db");
    claimdb()
        .arg("import")
        .arg(&first)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&db).unwrap();
    claimdb()
        .arg("import")
        .arg(&second)
        .arg("--db")
        .arg(&db)
        .assert()
        .failure()
        .stderr(format!(
            "claimdb: error: opening database {}: the database file is read-only (no permission to write it)\n",
            db.display()
        ));
    assert_eq!(std::fs::read(&db).unwrap(), before);
    // Reading it still works.
    claimdb()
        .args(["claims", "--json", "--db"])
        .arg(&db)
        .assert()
        .success();

    // A new database in a folder that may not be written.
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let inside = locked.join("c.db");
    claimdb()
        .arg("import")
        .arg(&second)
        .arg("--db")
        .arg(&inside)
        .assert()
        .failure()
        .stderr(predicate::str::starts_with(format!(
            "claimdb: error: opening database {}: unable to open database file",
            inside.display()
        )))
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// A named pipe called `*.txt` in a folder used to hang the import (opening
/// a FIFO waits for a writer); now it is a bad input like any other.
#[test]
fn a_named_pipe_is_refused_without_waiting_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("good.txt"), common::article(1)).unwrap();
    let pipe = folder.join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let db = dir.path().join("c.db");
    let out = claimdb()
        .arg("import")
        .arg(&folder)
        .arg("--db")
        .arg(&db)
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pipe.txt: not a regular file"), "{stderr}");
    assert_eq!(common::article_count(&db), 1);
}

/// A NUL written as an escape (`\u0000` in front matter or a JSON line) used
/// to reach stored titles; it is refused like a NUL byte in a file.
#[test]
fn a_nul_escaped_in_front_matter_or_json_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let md = dir.path().join("a.md");
    std::fs::write(
        &md,
        "---\ntitle: \"Port\\u0000 news\"\n---\nThe pier will close, the mayor said.\n",
    )
    .unwrap();
    let jsonl = dir.path().join("b.jsonl");
    std::fs::write(
        &jsonl,
        "{\"title\": \"Dock\\u0000 news\", \"body\": \"The dock will open, the council said.\"}\n",
    )
    .unwrap();
    let db = dir.path().join("c.db");
    let out = claimdb()
        .arg("import")
        .arg(&md)
        .arg(&jsonl)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr.matches("the title contains a NUL character").count(),
        2,
        "{stderr}"
    );
    assert_eq!(common::article_count(&db), 0);
}
