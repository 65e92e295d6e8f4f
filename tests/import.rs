//! `claimdb import` end to end on every input kind: plain text, Markdown with
//! front matter, JSON Lines batches, standard input, metadata tables (CSV and
//! TSV); and every kind of bad input, reported with its file (and line) while
//! the rest is imported whole.

use assert_cmd::Command;
use predicates::prelude::*;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

const ARTICLE: &str = "The bridge will close in May, the port authority said. \
    \"We have no choice,\" said Mayor Lena Ortiz.";

fn claimdb() -> Command {
    let mut cmd = Command::cargo_bin("claimdb").unwrap();
    cmd.env_remove("CLAIMDB_DB");
    cmd
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, text).unwrap();
    path
}

fn import(db: &Path, args: &[&dyn AsRef<std::ffi::OsStr>]) -> Command {
    let mut cmd = claimdb();
    cmd.arg("import").arg("--db").arg(db);
    for a in args {
        cmd.arg(a);
    }
    cmd
}

/// (id, title, url, publisher, author, published_at, origin) of every article, by id.
type ArticleRow = (
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn articles(db: &Path) -> Vec<ArticleRow> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT a.id, a.title, a.url, p.name, a.author, a.published_at, a.origin
             FROM articles a LEFT JOIN sources p ON p.id = a.publisher_id ORDER BY a.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
        ))
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn body(db: &Path, id: i64) -> String {
    Connection::open(db)
        .unwrap()
        .query_row("SELECT body FROM articles WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .unwrap()
}

/// Claims and attributions whose article does not exist, and claims without attributions.
fn orphans(db: &Path) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT (SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles))
                  + (SELECT count(*) FROM attributions WHERE claim_id NOT IN (SELECT id FROM claims))
                  + (SELECT count(*) FROM claims c WHERE NOT EXISTS (SELECT 1 FROM attributions a WHERE a.claim_id = c.id))",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

#[test]
fn every_input_kind_with_its_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    write(
        &inbox,
        "a-plain.txt",
        format!("Bridge to close\n\n{ARTICLE}"),
    );
    write(
        &inbox,
        "b-front.md",
        format!(
            "---\ntitle: \"Port: \\\"no choice\\\"\"\nurl: https://news.example/b\npublisher: Harbor Times\n\
             author: 'Dana O''Neil'\npublished: 2024-03-05T09:30:00+01:00\ntags:\n  - port\n---\n{ARTICLE} (b)\n"
        ),
    );
    write(
        &inbox,
        "c-heading.md",
        format!("# Heading title\n\n{ARTICLE} (c)"),
    );
    write(
        &inbox,
        "sub/d-batch.jsonl",
        format!(
            "{}\n\n{}\n",
            serde_json::json!({"title": "From JSON", "body": format!("{ARTICLE} (d1)"), "url": "https://news.example/d1",
                               "publisher": "Wire Service", "author": null, "published": "2024-03-06", "id": 7}),
            serde_json::json!({"body": format!("Own title line\n{ARTICLE} (d2)"), "lang": "en", "id": 8}),
        ),
    );
    write(&inbox, "notes.pdf", "not an article");
    let db = dir.path().join("c.db");
    import(&db, &[&inbox])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "articles: 5 new, 0 skipped as duplicates, 0 failed",
        ))
        .stdout(predicate::str::is_match(r"read: [0-9.]+ KB of article text in [0-9.]+ s \([0-9.]+ MB/s\)").unwrap())
        .stderr(predicate::str::contains(
            "claimdb: warning: ignored unknown keys (articles with them): id (2), lang (1), tags (1)",
        ));
    let rows = articles(&db);
    let inbox_s = inbox.display().to_string();
    assert_eq!(
        rows,
        vec![
            (
                1,
                s("Bridge to close"),
                None,
                None,
                None,
                None,
                s(&format!("{inbox_s}/a-plain.txt"))
            ),
            (
                2,
                s("Port: \"no choice\""),
                s("https://news.example/b"),
                s("Harbor Times"),
                s("Dana O'Neil"),
                s("2024-03-05T08:30:00Z"),
                s(&format!("{inbox_s}/b-front.md"))
            ),
            (
                3,
                s("Heading title"),
                None,
                None,
                None,
                None,
                s(&format!("{inbox_s}/c-heading.md"))
            ),
            (
                4,
                s("From JSON"),
                s("https://news.example/d1"),
                s("Wire Service"),
                None,
                s("2024-03-06"),
                s(&format!("{inbox_s}/sub/d-batch.jsonl:1"))
            ),
            (
                5,
                s("Own title line"),
                None,
                None,
                None,
                None,
                s(&format!("{inbox_s}/sub/d-batch.jsonl:3"))
            ),
        ]
    );
    // The front matter is not part of the body; a title given apart from the
    // text becomes the body's title line, so spans count from it.
    assert_eq!(
        body(&db, 2),
        format!("Port: \"no choice\"\n\n{ARTICLE} (b)\n")
    );
    assert_eq!(body(&db, 4), format!("From JSON\n\n{ARTICLE} (d1)"));
    assert_eq!(body(&db, 5), format!("Own title line\n{ARTICLE} (d2)"));
    // The title line is not a claim; the article's sentences are.
    let conn = Connection::open(&db).unwrap();
    let claims: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims WHERE article_id = 4",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let titled: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims WHERE text LIKE '%From JSON%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        claims >= 2 && titled == 0,
        "{claims} claims, {titled} on the title"
    );
    assert_eq!(orphans(&db), 0);
}

#[test]
fn a_title_the_text_already_opens_with_is_not_repeated() {
    let dir = tempfile::tempdir().unwrap();
    let md = write(
        dir.path(),
        "a.md",
        format!("---\ntitle: Bridge to close\n---\n\n## Bridge to Close.\n\n{ARTICLE}"),
    );
    let db = dir.path().join("c.db");
    import(&db, &[&md]).assert().success();
    assert_eq!(body(&db, 1), format!("\n## Bridge to Close.\n\n{ARTICLE}"));
    assert_eq!(articles(&db)[0].1, s("Bridge to close"));
}

#[test]
fn standard_input_holds_a_batch_or_one_article() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let batch = format!(
        "{}\n{{\"body\": 3}}\n{}\n",
        serde_json::json!({"body": format!("One\n{ARTICLE} 1")}),
        serde_json::json!({"body": format!("Two\n{ARTICLE} 2")}),
    );
    import(&db, &[&"-"])
        .write_stdin(batch)
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "articles: 2 new, 0 skipped as duplicates, 1 failed",
        ))
        .stderr(predicate::str::contains(
            "claimdb: error: -:2: malformed JSON line: \"body\" must be a string",
        ));
    import(&db, &[&"-", &"--stdin-format", &"text"])
        .write_stdin(format!("---\nauthor: Kim\n---\nThree\n\n{ARTICLE} 3"))
        .assert()
        .success()
        .stdout(predicate::str::contains("articles: 1 new"));
    let rows = articles(&db);
    assert_eq!(rows[1].6, s("-:3"));
    assert_eq!(
        (rows[2].1.clone(), rows[2].4.clone(), rows[2].6.clone()),
        (s("Three"), s("Kim"), s("-"))
    );
}

#[test]
fn bad_inputs_fail_alone_with_their_place_and_reason() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    write(&inbox, "01-good.txt", format!("Good\n\n{ARTICLE}"));
    write(&inbox, "02-latin1.txt", b"Caf\xe9 owner said no.\n\nMore.");
    write(&inbox, "03-binary.txt", b"\x89PNG\x00\x01");
    write(&inbox, "04-empty.md", "  \n\n");
    let big = write(&inbox, "05-big.txt", "");
    std::fs::File::options()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(8 * 1024 * 1024 + 1)
        .unwrap();
    write(
        &inbox,
        "06-unclosed.md",
        format!("---\ntitle: Never closed\n{ARTICLE}"),
    );
    write(
        &inbox,
        "07-bad-line.md",
        format!("---\ntitle: T\nthis line has no colon\n---\n{ARTICLE}"),
    );
    write(
        &inbox,
        "08-list-title.md",
        format!("---\ntitle:\n  - a\n---\n{ARTICLE}"),
    );
    write(
        &inbox,
        "09-bad-date.md",
        format!("---\ntitle: T\npublished: 2024-02-30\n---\n{ARTICLE}"),
    );
    write(
        &inbox,
        "10-empty-body.md",
        "---\ntitle: Only a title\n---\n\n",
    );
    let long_body = "x".repeat(8 * 1024 * 1024 + 1);
    write(
        &inbox,
        "11-batch.jsonl",
        [
            serde_json::json!({"body": format!("First\n{ARTICLE} one")}).to_string(),
            "{\"body\": \"unterminated".to_string(),
            "[1, 2]".to_string(),
            serde_json::json!({"title": "No body"}).to_string(),
            serde_json::json!({"body": "Dated\nText.", "published": "March 5"}).to_string(),
            serde_json::json!({"body": "  "}).to_string(),
            serde_json::json!({"body": "Nul\n\u{0}"}).to_string(),
            serde_json::json!({"body": long_body}).to_string(),
            serde_json::json!({"body": format!("Last\n{ARTICLE} two")}).to_string(),
        ]
        .join("\n"),
    );
    let mut bad_line = serde_json::json!({"body": format!("Bad bytes\n{ARTICLE}")})
        .to_string()
        .into_bytes();
    bad_line.insert(12, 0xff);
    write(&inbox, "12-bytes.jsonl", bad_line);
    let db = dir.path().join("c.db");
    let i = inbox.display();
    import(&db, &[&inbox, &dir.path().join("missing.txt")])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "articles: 3 new, 0 skipped as duplicates, 18 failed",
        ))
        .stderr(predicate::str::contains(format!("{i}/02-latin1.txt: not valid UTF-8 (first bad byte at offset 3)")))
        .stderr(predicate::str::contains(format!("{i}/03-binary.txt: binary file")))
        .stderr(predicate::str::contains(format!("{i}/04-empty.md: empty file")))
        .stderr(predicate::str::contains(format!(
            "{i}/05-big.txt: file is 8388609 bytes, over the 8388608-byte limit"
        )))
        .stderr(predicate::str::contains(format!(
            "{i}/06-unclosed.md:1: malformed front matter: front matter opened with '---' is never closed"
        )))
        .stderr(predicate::str::contains(format!(
            "{i}/07-bad-line.md:3: malformed front matter: expected 'key: value', found 'this line has no colon'"
        )))
        .stderr(predicate::str::contains(format!(
            "{i}/08-list-title.md:2: malformed front matter: 'title' must be a single value"
        )))
        .stderr(predicate::str::contains(format!(
            "{i}/09-bad-date.md:3: bad date '2024-02-30': expected YYYY-MM-DD"
        )))
        .stderr(predicate::str::contains(format!("{i}/10-empty-body.md: empty file")))
        .stderr(predicate::str::contains(format!("{i}/11-batch.jsonl:2: malformed JSON line: not valid JSON")))
        .stderr(predicate::str::contains(format!(
            "{i}/11-batch.jsonl:3: malformed JSON line: expected a JSON object, found an array"
        )))
        .stderr(predicate::str::contains(format!("{i}/11-batch.jsonl:4: malformed JSON line: no \"body\" string")))
        .stderr(predicate::str::contains(format!("{i}/11-batch.jsonl:5: bad date 'March 5'")))
        .stderr(predicate::str::contains(format!("{i}/11-batch.jsonl:6: empty body")))
        .stderr(predicate::str::contains(format!("{i}/11-batch.jsonl:7: binary line")))
        .stderr(predicate::str::contains(format!(
            "{i}/11-batch.jsonl:8: body is 8388609 bytes, over the 8388608-byte limit"
        )))
        .stderr(predicate::str::contains(format!("{i}/12-bytes.jsonl:1: not valid UTF-8 (first bad byte at offset 12)")))
        .stderr(predicate::str::contains("missing.txt: no such file or directory"));
    // The good ones, whole and in input order; nothing of the others.
    let origins: Vec<Option<String>> = articles(&db).into_iter().map(|r| r.6).collect();
    assert_eq!(
        origins,
        vec![
            s(&format!("{i}/01-good.txt")),
            s(&format!("{i}/11-batch.jsonl:1")),
            s(&format!("{i}/11-batch.jsonl:9")),
        ]
    );
    assert_eq!(orphans(&db), 0);
}

#[test]
fn a_json_line_over_the_line_limit_is_skipped_to_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let huge = format!("{{\"body\": \"{}\"}}", "y".repeat(16 * 1024 * 1024 + 1));
    let batch = write(
        dir.path(),
        "b.jsonl",
        format!(
            "{huge}\n{}\n",
            serde_json::json!({"body": format!("After\n{ARTICLE}")})
        ),
    );
    let db = dir.path().join("c.db");
    import(&db, &[&batch])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "1 new, 0 skipped as duplicates, 1 failed",
        ))
        .stderr(predicate::str::contains(
            "b.jsonl:1: line is 16777229 bytes, over the 16777216-byte limit",
        ));
}

#[test]
fn metadata_tables_in_csv_and_tsv() {
    let dir = tempfile::tempdir().unwrap();
    let texts = dir.path().join("text");
    write(
        &texts,
        "cnn_2016-01-02_first.txt",
        format!("First headline.\n\n{ARTICLE} 1"),
    );
    write(
        &texts,
        "nyt_2016-01-03_second.txt",
        format!("Second headline\n\n{ARTICLE} 2"),
    );
    write(&texts, "unlisted.txt", format!("Unlisted\n\n{ARTICLE} 3"));
    write(
        &texts,
        "front.md",
        format!("---\nauthor: From Front Matter\n---\nFront\n\n{ARTICLE} 4"),
    );
    let tsv = write(
        dir.path(),
        "metadata.tsv",
        "compartment\tfilename\tlevel\tpublisher\tpublication_date\tauthor\ttitle\n\
         train\tcnn_2016-01-02_first\t3\tcnn\t2016-01-02\tAP\t\"First\" headline\n\
         train\tnyt_2016-01-03_second\t2\tnyt\t2016-01-03T18:00:00-05:00\t\tSecond headline\n\
         train\tfront\t1\twapo\t2016-01-04\tSidecar Author\t\n\
         train\tnot-imported\t1\tbbc\tnot a date\t\t\n",
    );
    let db = dir.path().join("c.db");
    import(
        &db,
        &[
            &texts,
            &"--metadata",
            &tsv,
            &"--publisher",
            &"Fallback Outlet",
        ],
    )
    .assert()
    .success()
    .stdout(predicate::str::contains("articles: 4 new"))
    .stderr(predicate::str::contains(format!(
        "claimdb: warning: {}: ignored columns: compartment, level",
        tsv.display()
    )))
    .stderr(predicate::str::contains(format!(
        "claimdb: warning: 1 article file(s) have no row in {}",
        tsv.display()
    )));
    let rows: Vec<_> = articles(&db)
        .into_iter()
        .map(|r| (r.1, r.3, r.4, r.5))
        .collect();
    assert_eq!(
        rows,
        vec![
            // Known outlets get their canonical name, as with --publisher.
            (s("\"First\" headline"), s("CNN"), s("AP"), s("2016-01-02")),
            // The front matter's author wins over the table's.
            // A slug of a known outlet is that outlet too.
            (
                s("Front"),
                s("The Washington Post"),
                s("From Front Matter"),
                s("2016-01-04")
            ),
            (
                s("Second headline"),
                s("The New York Times"),
                None,
                s("2016-01-03T23:00:00Z")
            ),
            (s("Unlisted"), s("Fallback Outlet"), None, None),
        ]
    );
    // The sidecar's title does not change the text: its first line stays the title line.
    assert_eq!(body(&db, 1), format!("First headline.\n\n{ARTICLE} 1"));
    // The publisher is a source of kind news_outlet that backs the article's own claims.
    let conn = Connection::open(&db).unwrap();
    let (kind, backed): (String, i64) = conn
        .query_row(
            "SELECT s.kind, (SELECT count(*) FROM attributions a WHERE a.source_id = s.id AND a.kind = 'article')
             FROM sources s WHERE s.name = 'CNN'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(kind, "news_outlet");
    assert!(backed >= 1);

    let csv = write(
        dir.path(),
        "meta.csv",
        "path,title,url,published_at\n\"other/solo.txt\",\"Solo, with a comma\",https://e.example/solo,2020-05-06\n",
    );
    let solo = write(dir.path(), "solo.txt", format!("Solo\n\n{ARTICLE} 5"));
    let db2 = dir.path().join("c2.db");
    import(&db2, &[&solo, &"--metadata", &csv])
        .assert()
        .success();
    let row = &articles(&db2)[0];
    assert_eq!(
        (row.1.clone(), row.2.clone(), row.5.clone()),
        (
            s("Solo, with a comma"),
            s("https://e.example/solo"),
            s("2020-05-06")
        )
    );
}

#[test]
fn a_bad_date_in_the_metadata_table_fails_its_article_only() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", format!("A\n\n{ARTICLE} a"));
    let b = write(dir.path(), "b.txt", format!("B\n\n{ARTICLE} b"));
    let csv = write(
        dir.path(),
        "m.csv",
        "filename,date\na.txt,2021-13-01\nb.txt,2021-12-01\n",
    );
    let db = dir.path().join("c.db");
    import(&db, &[&a, &b, &"--metadata", &csv])
        .assert()
        .code(3)
        .stdout(predicate::str::contains(
            "1 new, 0 skipped as duplicates, 1 failed",
        ))
        .stderr(predicate::str::contains(format!(
            "{}:2: bad date '2021-13-01': expected YYYY-MM-DD",
            csv.display()
        )))
        .stderr(predicate::str::contains(format!("(for {})", a.display())));
    let unreadable = write(dir.path(), "bad.csv", "title,author\nx,y\n");
    import(&db, &[&a, &"--metadata", &unreadable])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no column names the file"));
}

#[test]
fn duplicates_within_a_run_and_across_runs_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    let inbox = dir.path().join("inbox");
    for i in 0..300 {
        write(
            &inbox,
            &format!("a{i:03}.txt"),
            format!("Story {i}\n\n{ARTICLE} {i}"),
        );
    }
    // The same text as a000.txt, in a batch read after it.
    write(
        &inbox,
        "z.jsonl",
        serde_json::json!({"body": format!("Story 0\n\n{ARTICLE} 0")}).to_string(),
    );
    let db = dir.path().join("c.db");
    import(&db, &[&inbox, &"--jobs", &"3"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "articles: 300 new, 1 skipped as duplicates, 0 failed",
        ))
        .stderr(predicate::str::contains(
            "z.jsonl:1: already imported as article 1, skipped",
        ))
        // No progress bar when stderr is not a terminal.
        .stderr(predicate::str::contains("\u{1b}[").not())
        .stderr(predicate::str::contains("MiB").not());
    let origins: Vec<String> = articles(&db).into_iter().map(|r| r.6.unwrap()).collect();
    let expected: Vec<String> = (0..300)
        .map(|i| format!("{}/a{i:03}.txt", inbox.display()))
        .collect();
    assert_eq!(origins, expected, "ids follow input order");
    import(&db, &[&inbox])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "articles: 0 new, 301 skipped as duplicates",
        ));
    let conn = Connection::open(&db).unwrap();
    let hits: i64 = conn
        .query_row(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'choice'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(hits, 300, "every article's claims are searchable once");
    conn.execute(
        "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
}

#[test]
fn extract_reads_what_import_reads() {
    let dir = tempfile::tempdir().unwrap();
    let batch = write(
        dir.path(),
        "b.jsonl",
        serde_json::json!({"title": "Given title", "body": ARTICLE}).to_string(),
    );
    let out = claimdb()
        .args(["extract", "--format", "jsonl"])
        .arg(&batch)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["file"], format!("{}:1", batch.display()));
    // Spans count from the title line put before the body, as in the database.
    let start = first["content_spans"][0][0].as_u64().unwrap();
    assert_eq!(start as usize, "Given title\n\n".len());
}

#[test]
fn outlet_slugs_and_web_addresses_name_the_known_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let batch = write(
        dir.path(),
        "batch.jsonl",
        [
            serde_json::json!({"body": "Slug\n\nThe harbor will close in May, the port authority said.", "publisher": "wash-post"}),
            serde_json::json!({"body": "Other slug\n\nThe bridge is safe, the mayor said.", "publisher": "usa_today"}),
            serde_json::json!({"body": "Address\n\nThe ferry runs again, the captain said.", "url": "https://www.washingtonpost.com/local/2024/ferry/"}),
            serde_json::json!({"body": "Subdomain\n\nThe tunnel opens, the engineer said.", "url": "http://edition.cnn.com/2024/tunnel"}),
            serde_json::json!({"body": "Unknown\n\nThe pier is closed, the guard said.", "url": "https://harbor.example/pier"}),
            serde_json::json!({"body": "Both\n\nThe canal is dry, the warden said.", "url": "https://www.cnn.com/canal", "publisher": "Harbor Gazette"}),
        ]
        .iter()
        .map(|j| format!("{j}\n"))
        .collect::<String>(),
    );
    let db = dir.path().join("c.db");
    import(&db, &[&batch]).assert().success();
    let publishers: Vec<Option<String>> = articles(&db).into_iter().map(|r| r.3).collect();
    assert_eq!(
        publishers,
        [
            s("The Washington Post"),
            s("USA Today"),
            s("The Washington Post"),
            s("CNN"),
            // An address of no known outlet names no publisher (a domain is
            // not a name to guess from), and a named publisher wins.
            None,
            s("Harbor Gazette"),
        ]
    );
    // One source per outlet, whichever way the article named it.
    let conn = Connection::open(&db).unwrap();
    let posts: i64 = conn
        .query_row(
            "SELECT count(*) FROM sources WHERE name LIKE '%Post%' OR name LIKE '%wash%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(posts, 1);
}
