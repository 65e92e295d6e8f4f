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
