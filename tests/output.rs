//! Terminal and output conventions: control characters never reach a
//! terminal raw, a closed pipe ends every command quietly, every row command
//! honours the format flags, tables fit a width, usage errors are one line.

mod common;

use common::{claimdb, claimdb_process, seeded};
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

/// Sets the terminal title, then turns the text red.
const TITLE_ESCAPE: &str = "\x1b]0;pwned\x07";
const RED: &str = "\x1b[31m";

fn run(db: &Path, args: &[&str]) -> Output {
    claimdb().args(args).arg("--db").arg(db).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// No ESC, BEL or CSI byte on stdout or stderr; the escape is shown instead.
fn assert_no_raw_controls(what: &str, out: &Output) {
    for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let s = text(bytes);
        assert!(
            !s.contains(['\x1b', '\x07', '\u{9b}', '\u{202e}']),
            "{what}: raw control character on {stream}: {s:?}"
        );
    }
}

/// A database holding one article whose title and text carry escape
/// sequences, reviewed by a reviewer whose name and note carry them too, and
/// reassigned to a source whose name does.
fn hostile_db(dir: &Path) -> PathBuf {
    let db = dir.join("h.db");
    let body = format!(
        "The mayor said the {TITLE_ESCAPE}bridge{RED} was unsafe.\n\n\
         \"We will close it\u{202e} soon,\" said Anna Berg."
    );
    let line = serde_json::json!({"title": format!("Bad {TITLE_ESCAPE}title{RED}"), "body": body});
    let file = dir.join("h.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    claimdb()
        .args(["import"])
        .arg(&file)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    claimdb()
        .args(["review", "1", "--dispute", "--by"])
        .arg(format!("eve{TITLE_ESCAPE}"))
        .arg("--note")
        .arg(format!("{RED}see\x1b]52;c;aGk=\x07"))
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    claimdb()
        .args(["review", "1", "--reassign"])
        .arg(format!("Evil{RED} Corp"))
        .args(["--create", "--by", "ana", "--db"])
        .arg(&db)
        .assert()
        .success();
    db
}

#[test]
fn escape_codes_from_the_database_are_shown_not_sent() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let evil = format!("Evil{RED} Corp");
    let commands: Vec<Vec<&str>> = vec![
        vec!["show", "1"],
        vec!["claims", "--table"],
        vec!["log", "--table"],
        vec!["sources", "--table"],
        vec!["sources", "show", &evil, "--table"],
        vec!["explain", "1", "--table"],
        vec!["audit", "--table"],
        vec!["search", "bridge", "--table"],
        vec!["query", "SELECT title, body FROM articles", "--table"],
        // Errors echo the name they did not find.
        vec!["sources", "show", "No\x1b]0;body\x07"],
    ];
    for args in &commands {
        let out = run(&db, args);
        assert_no_raw_controls(&args.join(" "), &out);
    }
    // A usage error echoes the value it refused.
    let refused = claimdb()
        .args(["audit", "--below", "\x1b]0;x\x07"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert_no_raw_controls("audit --below ESC", &refused);
    let shown = text(&run(&db, &["show", "1", "--color", "never"]).stdout);
    assert!(
        shown.contains("Bad \\x1b]0;pwned\\x07title\\x1b[31m"),
        "{shown}"
    );
    assert!(shown.contains("close it\\u{202e} soon"), "{shown}");
    let log = text(&run(&db, &["log", "--table"]).stdout);
    assert!(log.contains("eve\\x1b]0;pwned\\x07"), "{log}");
    // The colours are the only escape codes, and only when asked for.
    let coloured = text(&run(&db, &["show", "1", "--color", "always"]).stdout);
    assert!(coloured.contains("\x1b[1;"), "{coloured:?}");
    assert!(!coloured.contains(TITLE_ESCAPE) && !coloured.contains('\x07'));
}

#[test]
fn data_formats_keep_values_exact() {
    let dir = tempfile::tempdir().unwrap();
    let db = hostile_db(dir.path());
    let json: Value =
        serde_json::from_slice(&run(&db, &["log", "--json"]).stdout).expect("valid JSON");
    let reviewers: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reviewer"].as_str().unwrap())
        .collect();
    assert!(reviewers.contains(&format!("eve{TITLE_ESCAPE}").as_str()));
    let csv = text(&run(&db, &["query", "SELECT title FROM articles", "--csv"]).stdout);
    assert!(
        csv.contains(&format!("Bad {TITLE_ESCAPE}title{RED}")),
        "{csv:?}"
    );
}

/// Runs claimdb with stdout piped, reads a little of it, closes the pipe and
/// waits: the command must end with exit 0 and say nothing on stderr.
fn assert_quiet_on_closed_pipe(db: Option<&Path>, args: &[&str]) {
    let mut cmd = claimdb_process();
    cmd.args(args);
    if let Some(db) = db {
        cmd.arg("--db").arg(db);
    }
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 50];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert!(
        out.status.success() && stderr.is_empty(),
        "{}: {:?} {stderr}",
        args.join(" "),
        out.status
    );
}

#[test]
fn every_row_command_ends_quietly_on_a_closed_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("many");
    // Enough output to fill a pipe's 64 KB buffer in every format.
    common::write_articles(&folder, 0..600);
    let db = dir.path().join("c.db");
    claimdb()
        .args(["import"])
        .arg(&folder)
        .arg("--db")
        .arg(&db)
        .assert()
        .success();
    let deep = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n LIMIT 200000) \
                SELECT i, 'row ' || i AS label FROM n";
    let folder_s = folder.to_str().unwrap();
    for format in ["--table", "--csv", "--tsv", "--nl", "--json"] {
        for args in [
            vec!["claims", format],
            vec!["sources", format],
            vec!["sources", "show", "Reuters", format],
            vec!["audit", format, "--limit", "100000"],
            vec!["search", "pier", "--limit", "100000", format],
            vec!["query", deep, format],
            vec!["show", "1", format],
            vec!["explain", "1", format],
        ] {
            assert_quiet_on_closed_pipe(Some(&db), &args);
        }
    }
    for format in ["table", "csv", "jsonl"] {
        assert_quiet_on_closed_pipe(None, &["extract", folder_s, "--format", format]);
    }
    assert_quiet_on_closed_pipe(None, &["completions", "bash"]);
}

#[test]
fn tsv_and_no_headers_are_honoured() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let sql = "SELECT 'a' || char(9) || 'b' AS x, 'c\\d' AS y, 2 AS n";
    let tsv = text(&run(&db, &["query", sql, "--tsv"]).stdout);
    assert_eq!(tsv, "x\ty\tn\na\\tb\tc\\\\d\t2\n");
    let bare = text(&run(&db, &["query", sql, "--tsv", "--no-headers"]).stdout);
    assert_eq!(bare, "a\\tb\tc\\\\d\t2\n");
    let csv = text(&run(&db, &["query", "SELECT 1 AS one", "--csv", "--no-headers"]).stdout);
    assert_eq!(csv, "1\n");
    let table = text(
        &run(
            &db,
            &["query", "SELECT 1 AS one", "--table", "--no-headers"],
        )
        .stdout,
    );
    assert!(table.contains('1') && !table.contains("one"), "{table}");
    // The same flags on another row command.
    let claims = text(
        &run(
            &db,
            &["claims", "--source", "Reuters", "--tsv", "--no-headers"],
        )
        .stdout,
    );
    assert!(
        !claims.is_empty() && !claims.contains("claim_id"),
        "{claims}"
    );
    assert!(
        claims.lines().all(|l| l.split('\t').count() > 5),
        "{claims}"
    );
}

#[test]
fn sources_show_and_show_print_the_format_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let csv = text(&run(&db, &["sources", "show", "Reuters", "--csv"]).stdout);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert!(
        reader.headers().unwrap().iter().any(|h| h == "claim"),
        "{csv}"
    );
    assert!(reader.records().count() > 0, "{csv}");
    let shown = run(&db, &["show", "1", "--json"]);
    let doc: Value =
        serde_json::from_slice(&shown.stdout).expect("show --json is one JSON document");
    assert_eq!(doc["id"], 1);
    assert!(doc["body"].as_str().unwrap().contains("Lukashenko"));
    let attributions = doc["attributions"].as_array().unwrap();
    assert!(!attributions.is_empty());
    assert!(attributions[0].get("attribution_id").is_some(), "{doc}");
    let nl = text(&run(&db, &["show", "1", "--nl"]).stdout);
    assert_eq!(nl.lines().count(), attributions.len());
    for line in nl.lines() {
        serde_json::from_str::<Value>(line).unwrap();
    }
}

#[test]
fn json_keys_keep_column_order_and_repeated_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let out = text(&run(&db, &["query", "SELECT 2 AS b, 1 AS a", "--nl"]).stdout);
    assert_eq!(out, "{\"b\":2,\"a\":1}\n");
    let json: Value =
        serde_json::from_slice(&run(&db, &["query", "SELECT 1 AS id, 2 AS id", "--json"]).stdout)
            .unwrap();
    assert_eq!(json[0]["id"], 1);
    assert_eq!(json[0]["id_2"], 2);
    let csv = text(&run(&db, &["query", "SELECT 1 AS id, 2 AS id", "--csv"]).stdout);
    assert_eq!(csv, "id,id_2\n1,2\n");
    let tsv = text(&run(&db, &["query", "SELECT 1 AS id, 2 AS id", "--tsv"]).stdout);
    assert_eq!(tsv, "id\tid_2\n1\t2\n");
    let table = text(&run(&db, &["query", "SELECT 1 AS id, 2 AS id", "--table"]).stdout);
    assert!(table.contains("id_2"), "{table}");
}

#[test]
fn tables_fit_the_width_and_keep_ids_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    let ids: Vec<i64> = serde_json::from_slice::<Value>(&run(&db, &["claims", "--json"]).stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["attribution_id"].as_i64().unwrap())
        .collect();
    for width in ["80", "100", "120"] {
        let out = run(&db, &["claims", "--table", "--width", width]);
        assert!(out.status.success());
        let table = text(&out.stdout);
        let max = width.parse::<usize>().unwrap();
        for line in table.lines() {
            assert!(line.chars().count() <= max, "wider than {max}: {line}");
        }
        // The second column holds the attribution ids, each whole on its line.
        let shown: Vec<i64> = table
            .lines()
            .filter_map(|l| l.split(['│', '┆']).nth(2))
            .filter_map(|cell| cell.trim().parse().ok())
            .collect();
        assert_eq!(shown, ids, "width {width}");
    }
    // Without --width and not on a terminal, nothing is wrapped.
    let wide = text(&run(&db, &["claims", "--table"]).stdout);
    assert!(wide.lines().any(|l| l.chars().count() > 120));
}

#[test]
fn usage_errors_are_one_line_with_exit_code_2() {
    for (args, says) in [
        (vec!["claims", "--jsn"], "unexpected argument '--jsn'"),
        (vec!["import"], "<PATHS>"),
        (vec!["frobnicate"], "unrecognized subcommand 'frobnicate'"),
        (vec!["sources", "show"], "<NAME>"),
    ] {
        let out = claimdb().args(&args).output().unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.starts_with("claimdb: error: "), "{stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(stderr.contains("--help)"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
    let suggested = text(&claimdb().args(["claims", "--jsn"]).output().unwrap().stderr);
    assert!(suggested.contains("'--json'") && suggested.contains("(see claimdb claims --help)"));
    // Help and version still print in full, with exit code 0.
    let help = claimdb().args(["claims", "--help"]).output().unwrap();
    assert!(help.status.success());
    assert!(text(&help.stdout).contains("Examples:"));
    claimdb().arg("--version").assert().success();
}

#[test]
fn completions_and_examples() {
    let out = claimdb().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let script = text(&out.stdout);
    assert!(
        script.contains("import") && script.contains("claimdb"),
        "{script}"
    );
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let out = claimdb().args(["completions", shell]).output().unwrap();
        assert!(out.status.success() && !out.stdout.is_empty(), "{shell}");
    }
    for command in [
        vec!["--help"],
        vec!["import", "--help"],
        vec!["claims", "--help"],
        vec!["query", "--help"],
        vec!["search", "--help"],
        vec!["review", "--help"],
        vec!["sources", "--help"],
    ] {
        let help = text(&claimdb().args(&command).output().unwrap().stdout);
        let examples = help.split("Examples:").nth(1).unwrap_or_default();
        assert!(
            examples
                .lines()
                .filter(|l| l.trim_start().starts_with("claimdb "))
                .count()
                >= 2,
            "{command:?}: {help}"
        );
    }
}

#[test]
fn unknown_source_names_suggest_close_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = seeded(dir.path());
    for (args, suggested) in [
        (vec!["claims", "--source", "reuter"], "'Reuters'"),
        (vec!["claims", "--source", "lukashenk"], "'Lukashenko'"),
        (vec!["sources", "show", "REUTRES"], "'Reuters'"),
        (vec!["sources", "merge", "Reuterz", "Reuters"], "'Reuters'"),
        (
            vec!["sources", "alias", "pezeshkain", "the president"],
            "Pezeshkian'",
        ),
        (vec!["sources", "kind", "gaze", "news_outlet"], "'The Gaze'"),
        (
            vec!["review", "3", "--reassign", "Lukashenko Alexander"],
            "'Lukashenko'",
        ),
    ] {
        let out = run(&db, &args);
        let stderr = text(&out.stderr);
        assert!(!out.status.success(), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("no source named")
                && stderr.contains("did you mean")
                && stderr.contains(suggested),
            "{args:?}: {stderr}"
        );
    }
    // Nothing close: no suggestion.
    let none = text(&run(&db, &["sources", "show", "xyzzy"]).stderr);
    assert!(
        none.contains("no source named 'xyzzy'") && !none.contains("did you mean"),
        "{none}"
    );
    // The reassignment still points at --create.
    let reassign = text(&run(&db, &["review", "3", "--reassign", "Nobody At All"]).stderr);
    assert!(reassign.contains("--create"), "{reassign}");
}

/// `println!` and `print!` panic when stdout is a closed pipe: the CLI writes
/// through writers whose errors reach `run`, which ends quietly on one.
#[test]
fn the_cli_never_prints_with_println() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("src/main.rs")];
    for entry in std::fs::read_dir(root.join("src/cli")).unwrap() {
        files.push(entry.unwrap().path());
    }
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            // `print!(` and `println!(` not preceded by an `e` (stderr's are fine).
            let prints = ["print!(", "println!("].iter().any(|m| {
                code.match_indices(m)
                    .any(|(at, _)| !code[..at].ends_with('e'))
            });
            assert!(!prints, "{}:{}: {line}", file.display(), n + 1);
        }
    }
}
