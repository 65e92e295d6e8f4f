//! `claimdb import`: read articles, extract their claims, store them.

use super::output::visible_line as v;
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use claimdb::import::{import, Event, ImportOptions, Summary};
use claimdb::input::{collect_paths, Articles, InputOptions, Metadata, StdinFormat};
use claimdb::store::ImportOutcome;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// What `-` (standard input) holds.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum StdinArg {
    /// A JSON Lines batch: one article object per line.
    Jsonl,
    /// One article: plain text or Markdown, front matter allowed.
    Text,
}

/// Arguments of `claimdb import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Article files (*.txt, *.md: text, front matter allowed; *.jsonl: one article per line),
    /// folders walked for them, or - for standard input.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    /// The outlet that published articles that do not name theirs (in metadata; otherwise
    /// read from each article's sourcing sentence).
    #[arg(long)]
    publisher: Option<String>,
    /// A CSV or TSV table of metadata for article files, one row per file (column
    /// filename, file or path; title, url, publisher, author, published or publication_date).
    #[arg(long, value_name = "FILE")]
    metadata: Option<PathBuf>,
    /// What standard input (-) holds.
    #[arg(long, value_enum, default_value = "jsonl")]
    stdin_format: StdinArg,
    /// Threads reading articles (0: one per core).
    #[arg(long, default_value_t = 0)]
    jobs: usize,
    /// Articles written per transaction: a batch commits whole, so smaller
    /// batches are saved sooner and larger ones import faster.
    #[arg(long, default_value_t = 1000, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    batch: u32,
}

/// Runs the import.
pub fn run(args: ImportArgs) -> Result<Outcome> {
    let started = Instant::now();
    let stdin = args.paths.iter().any(|p| p.as_os_str() == "-");
    let files: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if !stdin && collect_paths(&files).0.is_empty() {
        for err in collect_paths(&files).1 {
            eprintln!("claimdb: error: {}", v(&err.to_string()));
        }
        anyhow::bail!("nothing to import");
    }
    let metadata = match &args.metadata {
        Some(path) => {
            let table = Metadata::load(path).context("reading the metadata table")?;
            if !table.ignored_columns().is_empty() {
                eprintln!(
                    "claimdb: warning: {}: ignored columns: {}",
                    v(&path.display().to_string()),
                    v(&table.ignored_columns().join(", "))
                );
            }
            Some(table)
        }
        None => None,
    };
    let mut store = args.db.open()?;
    let options = ImportOptions {
        jobs: args.jobs,
        publisher: args.publisher.clone(),
        batch_articles: args.batch as usize,
        in_flight_articles: ImportOptions::default()
            .in_flight_articles
            .max(2 * args.batch as usize),
        ..ImportOptions::default()
    };
    let articles = Articles::new(
        &args.paths,
        InputOptions {
            stdin: match args.stdin_format {
                StdinArg::Jsonl => StdinFormat::Jsonl,
                StdinArg::Text => StdinFormat::Text,
            },
            metadata,
        },
    );
    super::stop_on_ctrl_c();
    let bar = progress_bar(&files, stdin);
    let mut articles_read = 0u64;
    let summary = import(&mut store, articles, &options, |event| match event {
        Event::Read { input_bytes } => {
            articles_read += 1;
            bar.inc(*input_bytes);
            bar.set_message(format!("{articles_read} articles"));
        }
        Event::Stored {
            origin,
            outcome: ImportOutcome::Duplicate { article_id },
            ..
        } => bar.suspend(|| {
            eprintln!(
                "claimdb: {}: already imported as article {article_id}, skipped",
                v(&origin.to_string())
            )
        }),
        Event::Stored { .. } => {}
        Event::Failed { failure, .. } => {
            bar.suspend(|| eprintln!("claimdb: error: {}", v(&failure.to_string())))
        }
    })
    .context("storing articles")?;
    bar.finish_and_clear();
    warn(&summary, args.metadata.as_ref());
    let totals = store.counts()?;
    let seconds = started.elapsed().as_secs_f64();
    let mut out = super::output::stdout();
    writeln!(
        out,
        "articles: {} new, {} skipped as duplicates, {} failed",
        summary.new, summary.duplicates, summary.failed
    )?;
    writeln!(
        out,
        "added: {} claims, {} attributions, {} new sources",
        summary.claims, summary.attributions, summary.new_sources
    )?;
    writeln!(
        out,
        "read: {} of article text in {seconds:.2} s ({:.2} MB/s)",
        human_bytes(summary.text_bytes),
        summary.text_bytes as f64 / 1e6 / seconds.max(1e-9)
    )?;
    writeln!(
        out,
        "database {}: {} articles, {} claims, {} attributions, {} sources",
        v(&args.db.db.display().to_string()),
        totals.articles,
        totals.claims,
        totals.attributions,
        totals.sources
    )?;
    out.flush()?;
    if summary.interrupted {
        // The summary says what was kept; `run` says "interrupted", exit 130.
        anyhow::bail!("interrupted");
    }
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}

/// A progress bar on stderr, drawn only when stderr is a terminal. Its total
/// is the size of the files to read (measured only when it is drawn); with
/// standard input among the inputs the total is unknown and it counts bytes.
fn progress_bar(files: &[PathBuf], stdin: bool) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = if stdin {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {elapsed_precise} {bytes} ({bytes_per_sec}) {msg}",
            )
            .expect("valid template"),
        );
        bar
    } else {
        let bar = ProgressBar::new(Articles::total_file_bytes(files));
        bar.set_style(
            ProgressStyle::with_template(
                "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left) {msg}",
            )
            .expect("valid template")
            .progress_chars("=> "),
        );
        bar
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

/// One warning line per kind of thing the inputs had that was not used.
fn warn(summary: &Summary, metadata: Option<&PathBuf>) {
    let notes = &summary.notes;
    if !notes.ignored_keys.is_empty() {
        let keys: Vec<String> = notes
            .ignored_keys
            .iter()
            .map(|(k, n)| format!("{k} ({n})"))
            .collect();
        eprintln!(
            "claimdb: warning: ignored unknown keys (articles with them): {}",
            v(&keys.join(", "))
        );
    }
    if let (Some(path), n @ 1..) = (metadata, notes.without_metadata) {
        eprintln!(
            "claimdb: warning: {n} article file(s) have no row in {}",
            v(&path.display().to_string())
        );
    }
}

/// Bytes in KB or MB, for the summary.
fn human_bytes(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{:.1} MB", bytes as f64 / 1e6)
    } else {
        format!("{:.1} KB", bytes as f64 / 1e3)
    }
}
