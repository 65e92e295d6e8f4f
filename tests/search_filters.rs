//! `claimdb search` narrowed and ordered by what is known about the articles:
//! `--source` (any name, through merges), `--since`/`--until` (publication
//! days), `--newest` (by publication date), repeated words counted once; and
//! the `claim_sources` view saying when, by whom and where each article was published.

mod common;

use common::{article, claimdb};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// An article's id, published_at, publisher and url, as `claim_sources` gives them.
type Published = (i64, Option<String>, Option<String>, Option<String>);

/// Four articles, imported in this order, each with "pier" in its claims:
/// (index for [`article`], published, publisher).
const ARTICLES: [(usize, Option<&str>, &str); 4] = [
    (0, Some("2024-03-01"), "Harbor Times"),
    (1, Some("2024-03-10T09:30:00+01:00"), "Coast Daily"),
    (2, None, "Harbor Times"),
    (3, Some("2023-12-31"), "Coast Daily"),
];

/// A database holding [`ARTICLES`] (ids 1 to 4), from one JSON Lines file.
fn dated(dir: &Path) -> PathBuf {
    let lines: Vec<String> = ARTICLES
        .iter()
        .map(|&(i, published, publisher)| {
            json!({"body": article(i), "published": published, "publisher": publisher,
                   "url": format!("https://news.example/{i}")})
            .to_string()
        })
        .collect();
    let batch = dir.join("batch.jsonl");
    std::fs::write(&batch, lines.join("\n") + "\n").unwrap();
    let db = dir.join("c.db");
    claimdb()
        .arg("import")
        .arg(&batch)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    db
}

fn search(db: &Path, args: &[&str]) -> Vec<Value> {
    let out = claimdb()
        .arg("search")
        .args(args)
        .args(["--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The article of each hit, in order, with repeats removed.
fn articles_of(hits: &[Value]) -> Vec<i64> {
    let mut ids: Vec<i64> = hits
        .iter()
        .map(|h| h["article_id"].as_i64().unwrap())
        .collect();
    ids.dedup();
    ids
}

fn sorted(mut ids: Vec<i64>) -> Vec<i64> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

#[test]
fn newest_orders_by_publication_date_with_undated_articles_last() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    let hits = search(&db, &["pier", "--newest"]);
    // Imported 1, 2, 3, 4; published 2024-03-01, 2024-03-10, none, 2023-12-31.
    assert_eq!(articles_of(&hits), [2, 1, 4, 3]);
    // Within one article, the claims read last come first.
    let claims: Vec<i64> = hits
        .iter()
        .filter(|h| h["article_id"] == 2)
        .map(|h| h["claim_id"].as_i64().unwrap())
        .collect();
    assert!(
        claims.len() >= 2 && claims.windows(2).all(|w| w[0] > w[1]),
        "{claims:?}"
    );
    assert_eq!(hits[0]["published_at"], "2024-03-10T08:30:00Z");
}

#[test]
fn since_and_until_keep_articles_published_on_those_days() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    let ids = |args: &[&str]| sorted(articles_of(&search(&db, args)));
    assert_eq!(ids(&["pier", "--since", "2024-03-01"]), [1, 2]);
    assert_eq!(ids(&["pier", "--until", "2024-03-01"]), [1, 4]);
    // A time of day does not push an article out of its day.
    assert_eq!(
        ids(&["pier", "--since", "2024-03-02", "--until", "2024-03-10"]),
        [2]
    );
    assert_eq!(ids(&["pier", "--since", "2025-01-01"]), Vec::<i64>::new());
    // Without a filter the undated article is found too.
    assert_eq!(ids(&["pier"]), [1, 2, 3, 4]);
}

#[test]
fn a_bad_date_is_one_line_naming_its_flag() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    for (flag, value) in [("--since", "2024-13-01"), ("--until", "March 5")] {
        claimdb()
            .args(["search", "pier", flag, value, "--db"])
            .arg(&db)
            .assert()
            .code(1)
            .stdout("")
            .stderr(format!(
                "claimdb: error: {flag} \"{value}\" is not a date: give it as YYYY-MM-DD\n"
            ));
    }
}

#[test]
fn source_keeps_the_claims_a_source_backs_by_any_name_and_through_merges() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    // Article 2 quotes Mayor Tomas Holm, article 1 Mayor Lena Ortiz.
    let holm = search(&db, &["pier", "--source", "TOMAS HOLM"]);
    assert_eq!(articles_of(&holm), [2]);
    assert!(holm
        .iter()
        .all(|h| h["sources"].as_str().unwrap().contains("Tomas Holm")));
    claimdb()
        .args(["sources", "merge", "Tomas Holm", "Lena Ortiz", "--db"])
        .arg(&db)
        .assert()
        .success();
    // The merged-away name now stands for the source it went into.
    let merged = search(&db, &["pier", "--source", "tomas holm"]);
    assert_eq!(sorted(articles_of(&merged)), [1, 2]);
    claimdb()
        .args(["search", "pier", "--source", "Nobody Known", "--db"])
        .arg(&db)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("no source named 'Nobody Known'"));
}

#[test]
fn a_word_repeated_400_times_finds_what_the_word_finds_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    let once = search(&db, &["pier", "close"]);
    assert!(!once.is_empty());
    let mut words = vec!["pier"; 200];
    words.extend(vec!["CLOSE"; 200]);
    assert_eq!(search(&db, &words), once);
}

#[test]
fn too_many_words_or_a_long_raw_query_are_refused_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    let words: Vec<String> = (0..40).map(|i| format!("word{i}")).collect();
    claimdb()
        .arg("search")
        .args(&words)
        .arg("--db")
        .arg(&db)
        .assert()
        .code(1)
        .stderr("claimdb: error: too many words to search for (40, at most 32 different ones)\n");
    let long = vec!["pier"; 1000].join(" OR ");
    claimdb()
        .args(["search", "--raw", &long, "--db"])
        .arg(&db)
        .assert()
        .code(1)
        .stderr(format!(
            "claimdb: error: the --raw query is {} bytes long (at most 4096)\n",
            long.len()
        ));
}

#[test]
fn claim_sources_says_when_by_whom_and_where_each_article_was_published() {
    let dir = tempfile::tempdir().unwrap();
    let db = dated(dir.path());
    let conn = common::open_read_only(&db);
    let columns: Vec<String> = conn
        .prepare("SELECT name FROM pragma_table_info('claim_sources') ORDER BY cid")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    // The first schema's columns first, in their order; the new ones after.
    assert_eq!(
        columns,
        [
            "claim_id",
            "attribution_id",
            "article_id",
            "article",
            "position",
            "claim",
            "source",
            "source_kind",
            "attribution_kind",
            "cue",
            "mention",
            "via",
            "status",
            "confidence",
            "rule",
            "published_at",
            "publisher",
            "url"
        ]
    );
    let rows: Vec<Published> = conn
        .prepare(
            "SELECT DISTINCT article_id, published_at, publisher, url FROM claim_sources ORDER BY article_id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let expected: Vec<Published> = ARTICLES
        .iter()
        .enumerate()
        .map(|(n, &(i, _, publisher))| {
            (
                n as i64 + 1,
                [
                    Some("2024-03-01"),
                    Some("2024-03-10T08:30:00Z"),
                    None,
                    Some("2023-12-31"),
                ][n]
                    .map(String::from),
                Some(publisher.to_string()),
                Some(format!("https://news.example/{i}")),
            )
        })
        .collect();
    assert_eq!(rows, expected);
}
