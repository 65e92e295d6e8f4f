//! Source identity across articles: a bare surname or first name seen in one
//! article never joins another article's person, and different first names
//! never merge (issue 18). Sentences are the tests' own.

mod common;

use common::claimdb;
use serde_json::Value;
use std::path::Path;

fn import(db: &Path, dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    claimdb()
        .args(["import", "--db"])
        .arg(db)
        .arg(&path)
        .assert()
        .success();
}

fn json(db: &Path, args: &[&str]) -> Value {
    let out = claimdb()
        .args(args)
        .arg("--json")
        .arg("--db")
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The sources of the claims whose text holds `words`.
fn sources_of(db: &Path, words: &str) -> Vec<String> {
    json(db, &["claims"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["claim"].as_str().unwrap_or("").contains(words))
        .filter_map(|c| c["source"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn two_people_sharing_a_surname_stay_two_across_articles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    import(
        &db,
        dir.path(),
        "a.txt",
        "Vote news\n\nHouse Speaker Mike Johnson said the vote would pass on Friday. \
         Johnson added that the margin was close.\n",
    );
    import(
        &db,
        dir.path(),
        "b.txt",
        "Trade news\n\nBoris Johnson said the trade plan was sound.\n",
    );
    assert_eq!(sources_of(&db, "vote would pass"), ["Mike Johnson"]);
    assert_eq!(sources_of(&db, "margin was close"), ["Mike Johnson"]);
    assert_eq!(sources_of(&db, "trade plan was sound"), ["Boris Johnson"]);
    let boris = json(&db, &["claims", "--source", "Boris Johnson"]);
    assert_eq!(boris.as_array().unwrap().len(), 1, "{boris}");
}

#[test]
fn different_first_names_never_merge_and_a_bare_surname_joins_no_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    import(
        &db,
        dir.path(),
        "a.txt",
        "Campaign news\n\nHillary Clinton said the campaign had momentum. \
         Clinton added that the polls were tightening.\n",
    );
    import(
        &db,
        dir.path(),
        "b.txt",
        "Library news\n\nBill Clinton said the library would open in June.\n",
    );
    // Another article names only the surname: it is not taken for either.
    import(
        &db,
        dir.path(),
        "c.txt",
        "Harbor news\n\nClinton said the harbor plan was late.\n",
    );
    assert_eq!(
        sources_of(&db, "campaign had momentum"),
        ["Hillary Clinton"]
    );
    assert_eq!(sources_of(&db, "library would open"), ["Bill Clinton"]);
    let bare = sources_of(&db, "harbor plan was late");
    assert_eq!(bare.len(), 1);
    assert!(
        bare[0] != "Hillary Clinton" && bare[0] != "Bill Clinton",
        "a bare surname joined {bare:?}"
    );
}

const SEED: &str = "seeds/iran-belarus-partnership.txt";

fn seeded(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("seed.db");
    claimdb()
        .args(["import", SEED, "--db"])
        .arg(&db)
        .assert()
        .success();
    db
}

fn run(db: &Path, args: &[&str]) -> String {
    let out = claimdb()
        .args(args)
        .arg("--db")
        .arg(db)
        .env("USER", "tester")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Everything a merge touches, as rows of text: attributions with their
/// source and via, aliases with their source, citations, publishers, merges.
fn identity_state(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut rows = Vec::new();
    for sql in [
        "SELECT 'attribution ' || a.id || ' ' || coalesce(s.name, '-') || ' via ' || coalesce(v.name, '-')
         FROM attributions a LEFT JOIN sources s ON s.id = a.source_id
         LEFT JOIN sources v ON v.id = a.via_source_id ORDER BY a.id",
        "SELECT 'alias ' || al.alias || ' ' || s.name || ' ' || al.origin FROM source_aliases al
         JOIN sources s ON s.id = al.source_id ORDER BY al.alias",
        "SELECT 'cites ' || c.article_id || ' ' || s.name FROM article_citations c
         JOIN sources s ON s.id = c.source_id ORDER BY 1",
        "SELECT 'publisher ' || a.id || ' ' || coalesce(s.name, '-') FROM articles a
         LEFT JOIN sources s ON s.id = a.publisher_id ORDER BY a.id",
        "SELECT 'source ' || name || ' ' || kind || ' merged ' || coalesce(merged_into, '-')
         FROM sources ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        rows.extend(
            stmt.query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap),
        );
    }
    rows
}

#[test]
fn unmerge_puts_back_exactly_what_a_merge_moved() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let before = identity_state(&db);
    run(&db, &["sources", "merge", "Reuters", "The Gaze"]);
    let merged = identity_state(&db);
    assert_ne!(merged, before);
    let said = run(&db, &["sources", "unmerge", "Reuters"]);
    assert!(said.contains("'Reuters' is its own source again"), "{said}");
    assert_eq!(identity_state(&db), before);
    // Merge, then a reviewer moves one of the moved attributions elsewhere:
    // undoing the merge leaves that decision alone.
    run(&db, &["sources", "merge", "Reuters", "The Gaze"]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let moved: i64 = conn
        .query_row(
            "SELECT min(a.id) FROM attributions a JOIN merge_moves m ON m.ref_id = a.id
             WHERE m.what = 'attribution'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    run(
        &db,
        &[
            "review",
            &moved.to_string(),
            "--reassign",
            "Alexander Lukashenko",
        ],
    );
    run(&db, &["sources", "unmerge", "Reuters"]);
    let source_of = |id: i64| -> String {
        conn.query_row(
            "SELECT s.name FROM attributions a JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(source_of(moved), "Alexander Lukashenko");
    let actions: Vec<String> = json(&db, &["log"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        actions,
        ["merge", "unmerge", "merge", "reassign", "unmerge"]
    );
    claimdb()
        .args(["check", "--db"])
        .arg(&db)
        .assert()
        .success();
    // Not merged (any more): said so, nothing changes.
    let refused = claimdb()
        .args(["sources", "unmerge", "Reuters", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("is not a merged source"));
}

#[test]
fn unalias_takes_a_name_away_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    assert!(!json(&db, &["claims", "--source", "Pesezhkian"])
        .as_array()
        .unwrap()
        .is_empty());
    run(
        &db,
        &["sources", "unalias", "Masoud Pezeshkian", "Pesezhkian"],
    );
    let gone = claimdb()
        .args(["claims", "--source", "Pesezhkian", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!gone.status.success(), "the alias still names the source");
    // Re-extraction reads "Pesezhkian" again and does not give it back.
    run(&db, &["reextract", "--all"]);
    let still_gone = claimdb()
        .args(["claims", "--source", "Pesezhkian", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!still_gone.status.success());
    // A reviewer may give it back by hand.
    run(
        &db,
        &["sources", "alias", "Masoud Pezeshkian", "Pesezhkian"],
    );
    assert!(!json(&db, &["claims", "--source", "Pesezhkian"])
        .as_array()
        .unwrap()
        .is_empty());
    // The canonical name is not an alias to take away.
    let refused = claimdb()
        .args([
            "sources",
            "unalias",
            "Masoud Pezeshkian",
            "Masoud Pezeshkian",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!refused.status.success());
}
