//! The audit commands end to end on a database built from the seed: the
//! queue, reviews and their log, sources (show, alias, merge, kind),
//! re-extraction that keeps every human decision, the article view (terminal
//! and HTML, rendered in a real browser), search and explain.

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};

const SEED: &str = "seeds/iran-belarus-partnership.txt";

fn claimdb(db: &Path) -> Command {
    let mut cmd = Command::cargo_bin("claimdb").unwrap();
    cmd.env_remove("CLAIMDB_DB")
        .env("CLAIMDB_DB", db)
        .env("USER", "tester");
    cmd
}

fn seeded(dir: &Path) -> PathBuf {
    let db = dir.join("c.db");
    claimdb(&db).args(["import", SEED]).assert().success();
    db
}

/// What a successful command printed.
fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn json(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out)))
}

/// The attribution id of the seed's attribution with this cue (and mention).
fn attribution(db: &Path, cue: &str, mention: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT id FROM attributions WHERE cue = ?1 AND mention = ?2",
            [cue, mention],
            |r| r.get(0),
        )
        .unwrap()
}

fn status_and_source(db: &Path, id: i64) -> (String, Option<String>) {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT a.status, s.name FROM attributions a LEFT JOIN sources s ON s.id = a.source_id WHERE a.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn count_by_reason(rows: &Value, reason: &str) -> usize {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason"] == reason)
        .count()
}

#[test]
fn audit_lists_what_needs_a_human_eye() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let rows = json(claimdb(&db).args(["audit", "--json"]));
    // The seed: 8 statements only the article backs, 7 with one named source,
    // the topic continuation at 0.5 confidence, nothing reviewed yet.
    assert_eq!(count_by_reason(&rows, "unsourced"), 8);
    assert_eq!(count_by_reason(&rows, "single_source"), 7);
    assert_eq!(count_by_reason(&rows, "low_confidence"), 1);
    assert_eq!(count_by_reason(&rows, "anonymous_source"), 0);
    assert_eq!(count_by_reason(&rows, "near_duplicate_sources"), 0);
    let total: i64 = Connection::open(&db)
        .unwrap()
        .query_row("SELECT count(*) FROM attributions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count_by_reason(&rows, "unreviewed") as i64, total);

    let counts = json(claimdb(&db).args(["audit", "--counts", "--json"]));
    assert_eq!(counts[0]["reason"], "unsourced");
    assert_eq!(counts[0]["count"], 8);

    // A lower threshold empties the low-confidence list; one reason only.
    let low = json(claimdb(&db).args([
        "audit",
        "--reason",
        "low-confidence",
        "--below",
        "0.5",
        "--json",
    ]));
    assert_eq!(low.as_array().unwrap().len(), 0);
    // A higher one adds the 0.6 attribution of "He also expressed …".
    let low = json(claimdb(&db).args([
        "audit",
        "--reason",
        "low-confidence",
        "--below",
        "0.7",
        "--json",
    ]));
    assert_eq!(low.as_array().unwrap().len(), 2);
    assert!(low
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["reason"] == "low_confidence"));

    let table = stdout(claimdb(&db).args(["audit", "--article", "1", "--table", "--limit", "2"]));
    assert!(table.contains("claims with no named source"), "{table}");
    assert!(table.contains("first 2; --limit N or --reason unsourced for more"));

    claimdb(&db)
        .args(["audit", "--article", "99"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no article with id 99"));
}

#[test]
fn anonymous_unresolved_and_near_duplicate_sources_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Harbor plans\n\nThe harbor will close in May, officials said. \"We have no choice,\" said Mayor Lena Ortiz.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Harbor budget\n\n\"The budget is ready,\" said Mayor Lena Ortis. He said the vote is on Monday.\n",
    )
    .unwrap();
    claimdb(&db)
        .args(["import"])
        .arg(&a)
        .arg(&b)
        .assert()
        .success();
    let rows = json(claimdb(&db).args(["audit", "--json"]));
    let anonymous: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason"] == "anonymous_source")
        .collect();
    assert_eq!(anonymous.len(), 1, "{rows:#}");
    assert_eq!(anonymous[0]["mention"], "officials");
    let pairs: Vec<&Value> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["reason"] == "near_duplicate_sources")
        .collect();
    assert_eq!(pairs.len(), 1, "{rows:#}");
    let pair = pairs[0]["source"].as_str().unwrap();
    assert!(
        pair.contains("Lena Ortiz") && pair.contains("Lena Ortis"),
        "{pair}"
    );

    // Merging them empties the list and moves the claims.
    claimdb(&db)
        .args([
            "sources",
            "merge",
            "Lena Ortis",
            "Lena Ortiz",
            "--note",
            "typo",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "merged 'Lena Ortis' into 'Lena Ortiz'",
        ));
    let rows = json(claimdb(&db).args(["audit", "--reason", "near-duplicate-sources", "--json"]));
    assert_eq!(rows.as_array().unwrap().len(), 0);
    let claims = json(claimdb(&db).args(["claims", "--source", "Lena Ortis", "--json"]));
    assert!(claims
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["source"] == "Mayor Lena Ortiz" || c["source"] == "Lena Ortiz"));
    assert!(claims.as_array().unwrap().len() >= 2, "{claims:#}");
}

#[test]
fn reviews_change_status_and_are_logged() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let said = attribution(&db, "said", "Lukashenko");
    let expressed = attribution(&db, "expressed", "He");
    let called = attribution(&db, "called", "Pesezhkian");
    let informed = attribution(&db, "informed", "The Gaze");

    claimdb(&db)
        .args(["review", &said.to_string(), "--confirm", "--by", "ana"])
        .assert()
        .success()
        .stdout(predicate::str::contains("extracted -> confirmed"));
    claimdb(&db)
        .args([
            "review",
            &expressed.to_string(),
            "--dispute",
            "--note",
            "He could be Lukashenko",
        ])
        .assert()
        .success();
    claimdb(&db)
        .args(["review", &informed.to_string(), "--reject"])
        .assert()
        .success();
    claimdb(&db)
        .args([
            "review",
            &called.to_string(),
            "--reassign",
            "Lukashenko",
            "--by",
            "bob",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "source Masoud Pezeshkian -> Alexander Lukashenko",
        ));
    assert_eq!(status_and_source(&db, said).0, "confirmed");
    assert_eq!(status_and_source(&db, expressed).0, "disputed");
    assert_eq!(status_and_source(&db, informed).0, "rejected");
    assert_eq!(
        status_and_source(&db, called),
        ("confirmed".into(), Some("Alexander Lukashenko".into()))
    );

    // Unknown sources are refused unless created on purpose.
    claimdb(&db)
        .args(["review", &called.to_string(), "--reassign", "Nobody Known"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "no source named 'Nobody Known' (add --create",
        ));
    claimdb(&db)
        .args([
            "review",
            &called.to_string(),
            "--reassign",
            "Nobody Known",
            "--create",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("(new source)"));
    claimdb(&db)
        .args(["review", "9999", "--confirm"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no attribution with id 9999"));
    claimdb(&db)
        .args(["review", &said.to_string()])
        .assert()
        .failure();

    let log = json(claimdb(&db).args(["log", "--json"]));
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 5);
    assert_eq!(log[0]["reviewer"], "ana");
    assert_eq!(log[0]["action"], "confirm");
    assert_eq!(log[0]["from"], "extracted");
    assert_eq!(log[0]["to"], "confirmed");
    assert_eq!(log[1]["reviewer"], "tester", "default reviewer is $USER");
    assert_eq!(log[1]["note"], "He could be Lukashenko");
    assert_eq!(log[3]["action"], "reassign");
    assert_eq!(log[3]["from"], "Masoud Pezeshkian");
    assert_eq!(log[3]["to"], "Alexander Lukashenko");
    assert!(log[0]["at"].as_str().unwrap().ends_with('Z'));
    let one = json(claimdb(&db).args(["log", "--attribution", &called.to_string(), "--json"]));
    assert_eq!(one.as_array().unwrap().len(), 2);
    let by_article = json(claimdb(&db).args(["log", "--article", "1", "--json"]));
    assert_eq!(by_article.as_array().unwrap().len(), 5);

    // A reviewed attribution leaves the queue.
    let queue = json(claimdb(&db).args(["audit", "--reason", "unreviewed", "--json"]));
    assert!(queue
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["attribution_id"] != said && r["attribution_id"] != called));
}

#[test]
fn the_review_log_is_append_only_and_reviewed_attributions_stay() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let said = attribution(&db, "said", "Lukashenko");
    claimdb(&db)
        .args(["review", &said.to_string(), "--reject"])
        .assert()
        .success();
    let conn = Connection::open(&db).unwrap();
    let update = conn
        .execute("UPDATE review_log SET reviewer = 'mallory'", [])
        .unwrap_err();
    assert!(update.to_string().contains("append-only"), "{update}");
    let delete = conn.execute("DELETE FROM review_log", []).unwrap_err();
    assert!(delete.to_string().contains("append-only"), "{delete}");
    let gone = conn
        .execute("DELETE FROM attributions WHERE id = ?1", [said])
        .unwrap_err();
    assert!(gone.to_string().contains("reviewed attribution"), "{gone}");
    let (n, reviewer): (i64, String) = conn
        .query_row("SELECT count(*), max(reviewer) FROM review_log", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((n, reviewer.as_str()), (1, "tester"));
}

#[test]
fn decisions_merges_aliases_and_kinds_survive_reextract() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let said = attribution(&db, "said", "Lukashenko");
    let expressed = attribution(&db, "expressed", "He");
    let called = attribution(&db, "called", "Pesezhkian");
    let informed = attribution(&db, "informed", "The Gaze");
    let before = json(claimdb(&db).args(["claims", "--json"]));

    for args in [
        vec!["review", &*said.to_string(), "--confirm"],
        vec!["review", &*expressed.to_string(), "--dispute"],
        vec!["review", &*informed.to_string(), "--reject"],
        vec![
            "review",
            &*called.to_string(),
            "--reassign",
            "Alexander Lukashenko",
        ],
        vec!["sources", "merge", "Reuters", "The Gaze"],
        vec![
            "sources",
            "alias",
            "Masoud Pezeshkian",
            "President Pezeshkian",
        ],
        vec![
            "sources",
            "kind",
            "Foreign Intelligence Service of Ukraine",
            "organization",
        ],
    ] {
        claimdb(&db).args(&args).assert().success();
    }
    claimdb(&db)
        .args(["reextract", "--all"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "4 reviewed attribution(s) kept as reviewed",
        ));
    claimdb(&db)
        .args(["reextract", "--article", "1"])
        .assert()
        .success();

    assert_eq!(
        status_and_source(&db, said),
        ("confirmed".into(), Some("Alexander Lukashenko".into()))
    );
    assert_eq!(status_and_source(&db, expressed).0, "disputed");
    assert_eq!(status_and_source(&db, informed).0, "rejected");
    assert_eq!(
        status_and_source(&db, called),
        ("confirmed".into(), Some("Alexander Lukashenko".into()))
    );
    let conn = Connection::open(&db).unwrap();
    // The extractor did not write the reviewed attributions a second time.
    let called_twice: i64 = conn
        .query_row(
            "SELECT count(*) FROM attributions WHERE cue = 'called'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(called_twice, 1);
    // The merge held: nothing points at Reuters, whose name leads to The Gaze.
    let reuters: i64 = conn
        .query_row(
            "SELECT count(*) FROM attributions a JOIN sources s ON s.id = a.source_id WHERE s.name = 'Reuters'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(reuters, 0);
    let gaze = json(claimdb(&db).args(["sources", "show", "Reuters", "--json"]));
    assert_eq!(gaze["source"], "The Gaze");
    assert!(gaze["merged_from"].as_str().unwrap().contains("Reuters"));
    let alias = json(claimdb(&db).args(["sources", "show", "President Pezeshkian", "--json"]));
    assert_eq!(alias["source"], "Masoud Pezeshkian");
    assert!(alias["aliases"]
        .as_str()
        .unwrap()
        .contains("President Pezeshkian (manual)"));
    let fis = json(claimdb(&db).args([
        "sources",
        "show",
        "Ukrainian foreign intelligence",
        "--json",
    ]));
    assert_eq!(fis["kind"], "organization");
    assert_eq!(fis["kind_origin"], "manual");
    // Unchanged output keeps its ids: the same claims, the same attributions.
    let after = json(claimdb(&db).args(["claims", "--json"]));
    let ids = |v: &Value| -> Vec<(i64, i64)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["claim_id"].as_i64().unwrap(),
                    r["attribution_id"].as_i64().unwrap(),
                )
            })
            .collect()
    };
    assert_eq!(ids(&before), ids(&after));
    let log = json(claimdb(&db).args(["log", "--json"]));
    let actions: Vec<&str> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "confirm",
            "dispute",
            "reject",
            "reassign",
            "merge",
            "alias",
            "kind",
            "reextract",
            "reextract"
        ]
    );
}

/// The (attribution id, claim id, cue, status) rows of a database, by id.
fn attribution_rows(db: &Path) -> Vec<(i64, i64, Option<String>, String)> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, claim_id, cue, status FROM attributions ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn reextract_matches_exactly_when_two_claims_share_their_words() {
    // "told" and "believed" attribute the same words: two claims with equal
    // spans. Re-extraction used to key stored claims by spans alone, so one
    // attribution missed its match and came back as a new unreviewed copy:
    // a rejection returned to the audit queue.
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("bridge.txt");
    std::fs::write(
        &text,
        "Bridge notes\n\nThe mayor told reporters she believed that the bridge was safe.\n",
    )
    .unwrap();
    for rejected_cue in ["told", "believed"] {
        let db = dir.path().join(format!("{rejected_cue}.db"));
        claimdb(&db)
            .args(["import", text.to_str().unwrap()])
            .assert()
            .success();
        let before = attribution_rows(&db);
        assert_eq!(before.len(), 2, "{before:?}");
        assert_ne!(before[0].1, before[1].1, "two claims: {before:?}");
        let rejected = before
            .iter()
            .find(|a| a.2.as_deref() == Some(rejected_cue))
            .unwrap()
            .0;
        claimdb(&db)
            .args(["review", &rejected.to_string(), "--reject"])
            .assert()
            .success();
        for _ in 0..2 {
            claimdb(&db)
                .args(["reextract", "--all"])
                .assert()
                .success()
                .stdout(predicate::str::contains(
                    "claims 2 -> 2, attributions 2 -> 2; 1 reviewed attribution(s) kept as reviewed",
                ));
        }
        let after = attribution_rows(&db);
        let mut expected = before.clone();
        for a in &mut expected {
            if a.0 == rejected {
                a.3 = "rejected".into();
            }
        }
        assert_eq!(after, expected, "rejecting {rejected_cue}");
        let queue = json(claimdb(&db).args(["audit", "--json"]));
        assert!(
            queue
                .as_array()
                .unwrap()
                .iter()
                .all(|r| r["cue"] != rejected_cue),
            "a rejected attribution came back to the queue: {queue}"
        );
    }
}

#[test]
fn reextract_folds_away_an_unreviewed_copy_of_a_decision() {
    // Databases written before exact matching may hold an unreviewed twin of
    // a rejected attribution; the next re-extraction removes the twin and
    // keeps the decision.
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let said = attribution(&db, "said", "Lukashenko");
    claimdb(&db)
        .args(["review", &said.to_string(), "--reject"])
        .assert()
        .success();
    let conn = Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO attributions (claim_id, source_id, kind, cue, cue_start, cue_end, mention,
                                   mention_start, mention_end, via_source_id, confidence, rule,
                                   resolution, resolution_kind)
         SELECT claim_id, source_id, kind, cue, cue_start, cue_end, mention, mention_start,
                mention_end, via_source_id, confidence, rule, resolution, resolution_kind
         FROM attributions WHERE id = ?1",
        [said],
    )
    .unwrap();
    drop(conn);
    let copies = |db: &Path| -> Vec<String> {
        attribution_rows(db)
            .into_iter()
            .filter(|a| a.2.as_deref() == Some("said"))
            .filter(|a| {
                Connection::open(db)
                    .unwrap()
                    .query_row(
                        "SELECT mention FROM attributions WHERE id = ?1",
                        [a.0],
                        |r| r.get::<_, String>(0),
                    )
                    .unwrap()
                    == "Lukashenko"
            })
            .map(|a| a.3)
            .collect()
    };
    assert_eq!(copies(&db), ["rejected", "extracted"]);
    claimdb(&db).args(["reextract", "--all"]).assert().success();
    assert_eq!(copies(&db), ["rejected"]);
}

#[test]
fn sources_list_show_alias_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let by_name = json(claimdb(&db).args(["sources", "--sort", "name", "--json"]));
    let names: Vec<&str> = by_name
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_by_key(|n| n.to_lowercase());
    assert_eq!(names, sorted);
    let by_claims = json(claimdb(&db).args(["sources", "--json"]));
    let counts: Vec<i64> = by_claims
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["claims"].as_i64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");

    let shown = json(claimdb(&db).args(["sources", "show", "lukashenko", "--json"]));
    assert_eq!(shown["source"], "Alexander Lukashenko");
    assert_eq!(shown["kind"], "person");
    assert!(!shown["claims"].as_array().unwrap().is_empty());

    claimdb(&db)
        .args(["sources", "alias", "Alexander Lukashenko", "Batka"])
        .assert()
        .success();
    claimdb(&db)
        .args(["sources", "alias", "Alexander Lukashenko", "Batka"])
        .assert()
        .success()
        .stdout(predicate::str::contains("nothing changed"));
    claimdb(&db)
        .args(["sources", "alias", "Masoud Pezeshkian", "Batka"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "already names source 'Alexander Lukashenko'",
        ));
    let claims = json(claimdb(&db).args(["claims", "--source", "batka", "--json"]));
    assert!(!claims.as_array().unwrap().is_empty());

    claimdb(&db)
        .args(["sources", "kind", "Reuters", "government_agency"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "kind news_agency -> government_agency",
        ));
    claimdb(&db)
        .args(["sources", "kind", "Reuters", "planet"])
        .assert()
        .failure();
    claimdb(&db)
        .args(["sources", "show", "Nobody"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no source named 'Nobody'"));
    claimdb(&db)
        .args(["sources", "merge", "Reuters", "reuters"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already the same source"));
}

#[test]
fn show_marks_the_article_and_lists_its_attributions() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let out = stdout(claimdb(&db).args(["show", "1", "--color", "never"]));
    assert!(out.contains("[Lukashenko]^S"), "{out}");
    assert!(out.contains("<said>"));
    assert!(out.contains("[Ukrainian foreign intelligence]^S"));
    assert!(out.contains("{#7 Tehran is primarily seeking"));
    assert!(out.contains("attribution_id"));
    assert!(!out.contains('\x1b'));
    let coloured = stdout(claimdb(&db).args(["show", "1", "--color", "always"]));
    assert!(coloured.contains("\x1b[1;"));
    claimdb(&db)
        .args(["show", "5"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no article with id 5"));
}

#[test]
fn show_html_renders_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let page = dir.path().join("article.html");
    claimdb(&db)
        .args(["show", "1", "--html"])
        .arg(&page)
        .assert()
        .success();
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("class=\"claim\""));
    assert!(html.contains("rule according_to; confidence 0.90"));

    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|b| {
            std::process::Command::new(b)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
    else {
        assert!(
            std::env::var_os("CLAIMDB_REQUIRE_BROWSER").is_none(),
            "CLAIMDB_REQUIRE_BROWSER is set but no chromium was found"
        );
        eprintln!("SKIPPED: chromium is not installed (apt-get install chromium); the HTML page was not rendered in a browser");
        return;
    };
    let profile = dir.path().join("profile");
    let flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];
    let url = format!("file://{}", page.display());
    let shot = dir.path().join("shot.png");
    let status = std::process::Command::new(chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", shot.display()))
        .arg("--window-size=1200,1600")
        .arg(&url)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "{} bytes",
        png.len()
    );
    let dom = std::process::Command::new(chromium)
        .args(flags)
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    for source in [
        "Alexander Lukashenko",
        "Masoud Pezeshkian",
        "Foreign Intelligence Service of Ukraine",
        "The Gaze",
        "Reuters",
    ] {
        assert!(dom.contains(source), "the rendered page lacks {source}");
    }
}

#[test]
fn search_finds_claims_with_their_sources() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let hits = json(claimdb(&db).args(["search", "air", "defense", "--json"]));
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0]["snippet"]
        .as_str()
        .unwrap()
        .contains("[air] [defense]"));
    assert_eq!(
        hits[0]["sources"],
        "Foreign Intelligence Service of Ukraine"
    );
    // FTS syntax in plain text is taken as words, not a query error.
    let none = json(claimdb(&db).args(["search", "drones\"", "OR", "(", "--json"]));
    assert_eq!(none.as_array().unwrap().len(), 0);
    let raw = json(claimdb(&db).args(["search", "--raw", "drones OR sanctions", "--json"]));
    assert!(raw.as_array().unwrap().len() >= 3);
    let newest = json(claimdb(&db).args(["search", "sanctions", "--newest", "--json"]));
    let ids: Vec<i64> = newest
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["claim_id"].as_i64().unwrap())
        .collect();
    assert!(
        ids.len() >= 3 && ids.windows(2).all(|w| w[0] > w[1]),
        "{ids:?}"
    );
    claimdb(&db)
        .args(["search", "--raw", "\"unclosed"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("searching for"));
}

#[test]
fn explain_tells_rule_words_and_resolution() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let called = attribution(&db, "called", "Pesezhkian");
    let he = attribution(&db, "expressed", "He");
    let e = json(claimdb(&db).args(["explain", &called.to_string(), "--json"]));
    assert_eq!(e[0]["rule"], "naming_quote");
    assert_eq!(e[0]["resolution_kind"], "fuzzy");
    assert!(e[0]["resolution"].as_str().unwrap().contains("similarity"));
    assert!(e[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("Pesezhkian called"));
    let e = json(claimdb(&db).args(["explain", &he.to_string(), "--json"]));
    assert_eq!(e[0]["resolution_kind"], "pronoun");
    assert_eq!(e[0]["source"], "Masoud Pezeshkian");
    claimdb(&db)
        .args(["review", &he.to_string(), "--dispute", "--note", "check"])
        .assert()
        .success();
    let e = json(claimdb(&db).args(["explain", &he.to_string(), "--json"]));
    assert!(e[0]["history"]
        .as_str()
        .unwrap()
        .contains("tester dispute: extracted -> disputed (check)"));
    let table = stdout(claimdb(&db).args(["explain", &he.to_string(), "--table"]));
    assert!(table.contains("resolution_kind"));
}

#[test]
fn audit_views_answer_plain_sql() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let rows = json(claimdb(&db).args([
        "query",
        "SELECT reason, count(*) AS n FROM audit_queue GROUP BY reason ORDER BY reason",
        "--json",
    ]));
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["reason"] == "single_source"));
    let stats = json(claimdb(&db).args([
        "query",
        "SELECT source, claims, unreviewed FROM source_stats WHERE source = 'Alexander Lukashenko'",
        "--json",
    ]));
    assert_eq!(stats[0]["claims"], 1);
}

#[test]
fn reassigning_to_the_same_source_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let said = attribution(&db, "said", "Lukashenko");
    claimdb(&db)
        .args(["review", &said.to_string(), "--reassign", "lukashenko"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "already names 'Alexander Lukashenko'",
        ));
    let log = json(claimdb(&db).args(["log", "--json"]));
    assert!(log.as_array().unwrap().is_empty());
}

/// `show --html` once wrote over any file, the database itself included
/// (`--html c.db --db c.db` destroyed it).
#[test]
fn show_html_never_overwrites_the_database_and_keeps_files_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let before = std::fs::read(&db).unwrap();
    for target in [db.clone(), dir.path().join("c.db-wal")] {
        claimdb(&db)
            .args(["show", "1", "--force", "--html"])
            .arg(&target)
            .assert()
            .failure()
            .stderr(predicate::str::contains(
                "it is the database or one of its files",
            ));
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
    let page = dir.path().join("notes.html");
    std::fs::write(&page, "my notes").unwrap();
    claimdb(&db)
        .args(["show", "1", "--html"])
        .arg(&page)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists (add --force"));
    assert_eq!(std::fs::read_to_string(&page).unwrap(), "my notes");
    claimdb(&db)
        .args(["show", "1", "--force", "--html"])
        .arg(&page)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&page)
        .unwrap()
        .contains("class=\"claim\""));
}
