//! Imports the seed article with the real binary and checks the database
//! against the expected reading in `seeds/iran-belarus-partnership.gold.json`.

use assert_cmd::Command;
use rusqlite::{Connection, OptionalExtension};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

const SEED: &str = "seeds/iran-belarus-partnership.txt";
const GOLD: &str = "seeds/iran-belarus-partnership.gold.json";

fn import_seed(dir: &Path) -> Connection {
    let db = dir.join("seed.db");
    Command::cargo_bin("claimdb")
        .unwrap()
        .args(["import", SEED, "--db"])
        .arg(&db)
        .assert()
        .success();
    Connection::open(&db).unwrap()
}

fn gold() -> Value {
    serde_json::from_str(&std::fs::read_to_string(GOLD).unwrap()).unwrap()
}

/// (source, kind, cue, mention, mention_start, mention_end) of the attributions of the claims in a sentence.
type Row = (
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
);

fn attributions_in_sentence(conn: &Connection, start: i64, end: i64) -> Vec<Row> {
    let mut stmt = conn
        .prepare(
            "SELECT s.name, a.kind, a.cue, a.mention, a.mention_start, a.mention_end
             FROM claims c JOIN attributions a ON a.claim_id = c.id LEFT JOIN sources s ON s.id = a.source_id
             WHERE c.sentence_start = ?1 AND c.sentence_end = ?2 ORDER BY a.id",
        )
        .unwrap();
    stmt.query_map([start, end], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

#[test]
fn seed_reading_matches_gold() {
    let dir = tempfile::tempdir().unwrap();
    let conn = import_seed(dir.path());
    let gold = gold();
    let body: String = conn
        .query_row("SELECT body FROM articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        body,
        std::fs::read_to_string(SEED).unwrap(),
        "body stored verbatim"
    );

    // Publisher and cited sources, read from the sourcing sentence.
    let (title, publisher): (String, String) = conn
        .query_row(
            "SELECT a.title, s.name FROM articles a JOIN sources s ON s.id = a.publisher_id",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(title, gold["title"]);
    assert_eq!(publisher, gold["publisher"]);
    let cited: BTreeSet<String> = conn
        .prepare("SELECT s.name FROM article_citations c JOIN sources s ON s.id = c.source_id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let gold_cited: BTreeSet<String> = gold["cited_sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(cited, gold_cited);
    let article_backers: BTreeSet<String> = gold_cited
        .iter()
        .cloned()
        .chain([publisher.clone()])
        .collect();

    // Sources: names, kinds, and every written name as an alias.
    for source in gold["sources"].as_array().unwrap() {
        let name = source["name"].as_str().unwrap();
        let kind: Option<String> = conn
            .query_row("SELECT kind FROM sources WHERE name = ?1", [name], |r| {
                r.get(0)
            })
            .optional()
            .unwrap();
        assert_eq!(kind.as_deref(), source["kind"].as_str(), "kind of {name}");
        for mention in source["mentions"].as_array().unwrap() {
            let mention = mention.as_str().unwrap();
            if matches!(mention, "He" | "the report") {
                continue; // pronouns and anaphors are mentions, not names
            }
            let owner: Option<String> = conn
                .query_row(
                    "SELECT s.name FROM source_aliases a JOIN sources s ON s.id = a.source_id WHERE a.alias = ?1",
                    [mention],
                    |r| r.get(0),
                )
                .optional()
                .unwrap();
            assert_eq!(owner.as_deref(), Some(name), "alias {mention}");
        }
    }
    let source_count: i64 = conn
        .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        source_count as usize,
        gold["sources"].as_array().unwrap().len()
    );
    for not_source in gold["not_sources"].as_array().unwrap() {
        let found: i64 = conn
            .query_row(
                "SELECT count(*) FROM source_aliases WHERE alias = ?1",
                [not_source.as_str().unwrap()],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(found, 0, "{not_source} is not a source");
    }

    // Every statement: its claims and attributions.
    let mut explicit = 0;
    for statement in gold["statements"].as_array().unwrap() {
        let (start, end) = (
            statement["start"].as_i64().unwrap(),
            statement["end"].as_i64().unwrap(),
        );
        let sentence = statement["sentence"].as_str().unwrap();
        assert_eq!(&body[start as usize..end as usize], sentence, "gold span");
        let rows = attributions_in_sentence(&conn, start, end);
        if statement["role"] == "sourcing" {
            assert!(
                rows.is_empty(),
                "the sourcing sentence is not a claim: {rows:?}"
            );
            continue;
        }
        let gold_attr = &statement["attribution"];
        match gold_attr["kind"].as_str().unwrap() {
            "article" => {
                assert!(
                    rows.iter().all(|r| r.1 == "article"),
                    "{sentence}: {rows:?}"
                );
                let backers: BTreeSet<String> = rows.iter().filter_map(|r| r.0.clone()).collect();
                assert_eq!(backers, article_backers, "{sentence}");
            }
            kind => {
                let source = gold_attr["source"].as_str();
                let found = rows
                    .iter()
                    .find(|r| r.1 == kind && r.0.as_deref() == source);
                let found = found.unwrap_or_else(|| {
                    panic!("{sentence}: no {kind} attribution to {source:?} in {rows:?}")
                });
                assert_eq!(
                    found.2.as_deref(),
                    gold_attr["cue"].as_str(),
                    "cue of {sentence}"
                );
                assert_eq!(
                    found.3.as_deref(),
                    gold_attr["mention"].as_str(),
                    "mention of {sentence}"
                );
                if let Some(ms) = gold_attr["mention_start"].as_i64() {
                    assert_eq!(
                        (found.4, found.5),
                        (Some(ms), gold_attr["mention_end"].as_i64())
                    );
                    explicit += 1;
                }
                // Nothing else in the sentence is attributed to another named source.
                assert!(
                    rows.iter()
                        .all(|r| r.1 == "article" || r.0.as_deref() == source),
                    "{sentence}: {rows:?}"
                );
            }
        }
    }
    assert_eq!(explicit, 6, "six explicit attributions");
}

#[test]
fn claim_sources_view_answers_which_source_backs_which_claim() {
    let dir = tempfile::tempdir().unwrap();
    let conn = import_seed(dir.path());
    let claims: Vec<String> = conn
        .prepare("SELECT claim FROM claim_sources WHERE source = 'Masoud Pezeshkian' AND attribution_kind <> 'article' ORDER BY position")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[0], "“illegal.”");
    assert!(claims[1].starts_with("his willingness to help Belarus"));
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'sanctions'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        hits >= 3,
        "full-text search finds claims about sanctions: {hits}"
    );
}
