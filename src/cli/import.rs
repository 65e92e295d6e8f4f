//! `claimdb import`: read articles, extract their claims, store them.

use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use claimdb::input::{collect_paths, read_article_file};
use claimdb::reading::{read_article, ArticleMeta};
use claimdb::store::{ImportOutcome, NewArticle};
use clap::Args;
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `claimdb import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Article files, or folders walked for *.txt.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    db: DbArgs,
    /// The outlet that published these articles (otherwise read from each article's sourcing sentence).
    #[arg(long)]
    publisher: Option<String>,
}

#[derive(Debug, Default)]
struct Tally {
    new: usize,
    duplicates: usize,
    failed: usize,
    claims: usize,
    attributions: usize,
    new_sources: usize,
    bytes: usize,
}

/// Runs the import.
pub fn run(args: ImportArgs) -> Result<Outcome> {
    let started = Instant::now();
    let (files, path_errors) = collect_paths(&args.paths);
    let mut tally = Tally {
        failed: path_errors.len(),
        ..Tally::default()
    };
    for err in &path_errors {
        eprintln!("claimdb: error: {err}");
    }
    if files.is_empty() {
        anyhow::bail!("nothing to import");
    }
    let mut store = args.db.open()?;
    let meta = ArticleMeta {
        publisher: args.publisher.clone(),
    };
    for path in &files {
        let file = match read_article_file(path) {
            Ok(file) => file,
            Err(err) => {
                eprintln!("claimdb: error: {err}");
                tally.failed += 1;
                continue;
            }
        };
        let reading = read_article(&file.text, &meta);
        let article = NewArticle {
            body: &file.text,
            origin: Some(path.display().to_string()),
            ..NewArticle::default()
        };
        let outcome = store
            .import(&article, &reading)
            .with_context(|| format!("storing {}", path.display()))?;
        tally.bytes += file.text.len();
        match outcome {
            ImportOutcome::Imported {
                claims,
                attributions,
                new_sources,
                ..
            } => {
                tally.new += 1;
                tally.claims += claims;
                tally.attributions += attributions;
                tally.new_sources += new_sources;
            }
            ImportOutcome::Duplicate { article_id } => {
                eprintln!(
                    "claimdb: {}: already imported as article {article_id}, skipped",
                    path.display()
                );
                tally.duplicates += 1;
            }
        }
    }
    let totals = store.counts()?;
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "articles: {} new, {} skipped as duplicates, {} failed",
        tally.new, tally.duplicates, tally.failed
    );
    println!(
        "added: {} claims, {} attributions, {} new sources ({:.1} KB in {:.2} s)",
        tally.claims,
        tally.attributions,
        tally.new_sources,
        tally.bytes as f64 / 1024.0,
        seconds
    );
    println!(
        "database {}: {} articles, {} claims, {} attributions, {} sources",
        args.db.db.display(),
        totals.articles,
        totals.claims,
        totals.attributions,
        totals.sources
    );
    Ok(if tally.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Done
    })
}
