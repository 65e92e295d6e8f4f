//! `claimdb extract`: print what import would store, without a database.

use super::output::{write_rows, Format, Style};
use super::Outcome;
use anyhow::Result;
use claimdb::input::{collect_paths, Articles, InputOptions};
use claimdb::reading::{read_article, ArticleMeta, ExtractRecord};
use claimdb::store::Rows;
use clap::{Args, ValueEnum};
use rusqlite::types::Value;
use std::io::{self, Write};
use std::path::PathBuf;

/// Output formats of `claimdb extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    /// One JSON object per claim-attribution (the scorer's input).
    Jsonl,
    /// One JSON array of those objects.
    Json,
    /// A table for reading.
    Table,
    /// CSV with a header row (the table's columns).
    Csv,
    /// Tab-separated values with a header row (the table's columns).
    Tsv,
}

/// Arguments of `claimdb extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Article files (*.txt, *.md, *.jsonl, read as `import` reads them), folders walked
    /// for them, or - for a JSON Lines batch on standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    format: ExtractFormat,
    /// The outlet that published these articles.
    #[arg(long)]
    publisher: Option<String>,
    /// CSV, TSV and tables without the header row.
    #[arg(long)]
    no_headers: bool,
    /// Fit the table into this many columns (default: the terminal's width on a terminal).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    width: Option<u16>,
}

/// Runs the extraction and prints it.
pub fn run(args: ExtractArgs) -> Result<Outcome> {
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let nothing = !stdin && collect_paths(&args.paths).0.is_empty();
    let mut failed = 0;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut collected: Vec<ExtractRecord> = Vec::new();
    let mut first = true;
    if matches!(args.format, ExtractFormat::Json) {
        writeln!(out, "[")?;
    }
    for article in Articles::new(&args.paths, InputOptions::default()) {
        let article = match article {
            Ok(article) => article,
            Err(err) => {
                eprintln!(
                    "claimdb: error: {}",
                    super::output::visible_line(&err.to_string())
                );
                failed += 1;
                continue;
            }
        };
        let meta = ArticleMeta {
            publisher: article.publisher.clone().or_else(|| args.publisher.clone()),
            url: article.url.clone(),
        };
        let reading = read_article(&article.body, &meta);
        let records = reading.records(&article.origin.to_string(), &article.body);
        match args.format {
            ExtractFormat::Jsonl => {
                for r in &records {
                    serde_json::to_writer(&mut out, r)?;
                    writeln!(out)?;
                }
            }
            ExtractFormat::Json => {
                for r in &records {
                    if !first {
                        writeln!(out, ",")?;
                    }
                    first = false;
                    write!(out, "  ")?;
                    serde_json::to_writer(&mut out, r)?;
                }
            }
            ExtractFormat::Table | ExtractFormat::Csv | ExtractFormat::Tsv => {
                collected.extend(records)
            }
        }
    }
    match args.format {
        ExtractFormat::Json => writeln!(out, "\n]")?,
        ExtractFormat::Table | ExtractFormat::Csv | ExtractFormat::Tsv => {
            let format = match args.format {
                ExtractFormat::Csv => Format::Csv,
                ExtractFormat::Tsv => Format::Tsv,
                _ => Format::Table,
            };
            let style = Style {
                headers: !args.no_headers,
                width: args.width,
                ..Style::of(format)
            };
            write_rows(&mut out, &table_rows(&collected), style)?;
        }
        ExtractFormat::Jsonl => {}
    }
    out.flush()?;
    if nothing {
        anyhow::bail!("nothing to extract");
    }
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

fn table_rows(records: &[ExtractRecord]) -> Rows {
    let text = |s: &str| Value::Text(s.to_string());
    let opt = |s: &Option<String>| s.as_deref().map_or(Value::Null, text);
    Rows {
        columns: ["file", "claim", "source", "kind", "cue", "mention", "rule"]
            .map(String::from)
            .to_vec(),
        rows: records
            .iter()
            .map(|r| {
                vec![
                    text(&r.file),
                    text(&r.claim),
                    opt(&r.source),
                    text(r.kind),
                    opt(&r.cue),
                    opt(&r.mention),
                    text(r.rule),
                ]
            })
            .collect(),
    }
}
