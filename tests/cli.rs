//! The `claimdb` binary end to end: commands, output formats, and clear
//! one-line errors on bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const SEED: &str = "seeds/iran-belarus-partnership.txt";

fn claimdb() -> Command {
    let mut cmd = Command::cargo_bin("claimdb").unwrap();
    cmd.env_remove("CLAIMDB_DB");
    cmd
}

fn seeded(dir: &Path) -> PathBuf {
    let db = dir.join("c.db");
    claimdb()
        .args(["import", SEED, "--db"])
        .arg(&db)
        .assert()
        .success();
    db
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn import_prints_a_summary_and_skips_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    claimdb()
        .args(["import", "seeds", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "articles: 1 new, 0 skipped as duplicates, 0 failed",
        ))
        .stdout(predicate::str::contains("5 sources"));
    claimdb()
        .args(["import", SEED, "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new, 1 skipped as duplicates"))
        .stderr(predicate::str::contains("already imported as article 1"));
}

#[test]
fn database_path_comes_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.db");
    claimdb()
        .args(["import", SEED])
        .env("CLAIMDB_DB", &db)
        .assert()
        .success();
    assert!(db.exists());
}

#[test]
fn extract_prints_scorer_records_without_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimdb()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["extract", SEED, "--format", "jsonl"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = std::fs::read_to_string(SEED).unwrap();
    let records: Vec<Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!records.is_empty());
    for key in [
        "file",
        "claim",
        "content_spans",
        "cue",
        "cue_spans",
        "source",
        "mention",
        "source_spans",
        "kind",
        "rule",
        "confidence",
    ] {
        assert!(records.iter().all(|r| r.get(key).is_some()), "key {key}");
    }
    let said = records
        .iter()
        .find(|r| r["cue"] == "said" && r["mention"] == "Lukashenko")
        .unwrap();
    let [s, e] = [
        said["source_spans"][0][0].as_u64().unwrap(),
        said["source_spans"][0][1].as_u64().unwrap(),
    ];
    assert_eq!(&text[s as usize..e as usize], "Lukashenko");
    assert!(!dir.path().join("claims.db").exists());

    let table = claimdb()
        .args(["extract", SEED, "--format", "table"])
        .assert()
        .success();
    table.stdout(predicate::str::contains("Alexander Lukashenko"));
    let json = json_of(claimdb().args(["extract", SEED, "--format", "json"]));
    assert_eq!(json.as_array().unwrap().len(), records.len());
}

#[test]
fn query_outputs_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let sql = "SELECT name, kind FROM sources WHERE kind = ?1 ORDER BY name";
    let json = json_of(
        claimdb()
            .args(["query", sql, "-p", "person", "--db"])
            .arg(&db),
    );
    assert_eq!(json[0]["name"], "Alexander Lukashenko");
    assert_eq!(json.as_array().unwrap().len(), 2);
    claimdb()
        .args(["query", sql, "-p", "person", "--nl", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout("{\"name\":\"Alexander Lukashenko\",\"kind\":\"person\"}\n{\"name\":\"Masoud Pezeshkian\",\"kind\":\"person\"}\n");
    claimdb()
        .args(["query", sql, "-p", "person", "--csv", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout("name,kind\nAlexander Lukashenko,person\nMasoud Pezeshkian,person\n");
    claimdb()
        .args(["query", sql, "-p", "person", "--table", "--db"])
        .arg(&db)
        .assert()
        .success()
        .stdout(predicate::str::contains("Masoud Pezeshkian"));
}

#[test]
fn query_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    for sql in [
        "DELETE FROM claims",
        "DROP VIEW claim_sources",
        "UPDATE sources SET name = 'x'",
        "PRAGMA user_version = 7",
    ] {
        claimdb()
            .args(["query", sql, "--db"])
            .arg(&db)
            .assert()
            .failure()
            .stderr(predicate::str::starts_with("claimdb: error:"));
    }
    let json = json_of(
        claimdb()
            .args(["query", "SELECT count(*) AS n FROM claims", "--db"])
            .arg(&db),
    );
    assert_eq!(json[0]["n"], 15);
}

#[test]
fn claims_and_sources_filter() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let claims = json_of(
        claimdb()
            .args(["claims", "--source", "pesezhkian", "--json", "--db"])
            .arg(&db),
    );
    let claims = claims.as_array().unwrap();
    assert!(claims.iter().all(|c| c["source"] == "Masoud Pezeshkian"));
    assert!(claims.iter().any(|c| c["mention"] == "He"));
    let article = json_of(
        claimdb()
            .args(["claims", "--article", "1", "--json", "--db"])
            .arg(&db),
    );
    assert_eq!(article.as_array().unwrap().len(), 31);
    claimdb()
        .args(["claims", "--source", "Nobody", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr("claimdb: error: no source named 'Nobody'\n");
    let people = json_of(
        claimdb()
            .args(["sources", "--kind", "person", "--json", "--db"])
            .arg(&db),
    );
    assert_eq!(people.as_array().unwrap().len(), 2);
    claimdb()
        .args(["sources", "--kind", "robot", "--db"])
        .arg(&db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("unknown source kind 'robot'"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    std::fs::create_dir(&inbox).unwrap();
    std::fs::write(inbox.join("binary.txt"), b"\x00\x01\x02PNG").unwrap();
    std::fs::write(inbox.join("latin1.txt"), b"Caf\xe9 owner said no.").unwrap();
    std::fs::write(inbox.join("empty.txt"), b"  \n").unwrap();
    std::fs::write(
        inbox.join("good.txt"),
        "Title\n\nThe mayor said the bridge was unsafe.",
    )
    .unwrap();
    let db = dir.path().join("c.db");
    claimdb()
        .args(["import", "--db"])
        .arg(&db)
        .arg(&inbox)
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "articles: 1 new, 0 skipped as duplicates, 4 failed",
        ))
        .stderr(predicate::str::contains("binary.txt: binary file"))
        .stderr(predicate::str::contains(
            "latin1.txt: not valid UTF-8 (first bad byte at offset 3)",
        ))
        .stderr(predicate::str::contains("empty.txt: empty file"))
        .stderr(predicate::str::contains(
            "missing.txt: no such file or directory",
        ));
}

#[test]
fn unusable_database_paths_fail_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    claimdb()
        .args(["import", SEED, "--db"])
        .arg(dir.path().join("no/such/folder/c.db"))
        .assert()
        .failure()
        .stderr(
            predicate::str::starts_with("claimdb: error: opening database")
                .and(predicate::str::ends_with("\n")),
        )
        .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    claimdb()
        .args(["claims", "--db"])
        .arg(dir.path().join("absent.db"))
        .assert()
        .failure()
        .stderr(predicate::str::contains("no database at"));
    let not_db = dir.path().join("notes.db");
    std::fs::write(&not_db, "just some text, not SQLite, long enough to have a header of 100 bytes ............................................").unwrap();
    claimdb()
        .args(["import", SEED, "--db"])
        .arg(&not_db)
        .assert()
        .failure()
        .stderr(predicate::str::contains("not"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("many");
    std::fs::create_dir(&folder).unwrap();
    for i in 0..2000 {
        std::fs::write(
            folder.join(format!("a{i}.txt")),
            format!("Title {i}\n\nThe mayor said the bridge {i} was unsafe."),
        )
        .unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin("claimdb");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' extract '{}' | head -c 10 > /dev/null; echo $?",
            bin.display(),
            folder.display()
        ))
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&out.stderr).is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
