//! `claimdb reextract`: read stored articles again with the current rules.

use super::{DbArgs, Outcome, ReviewerArgs};
use anyhow::{Context, Result};
use claimdb::reading::{read_article, ArticleMeta};
use clap::Args;
use std::io::Write;

/// Arguments of `claimdb reextract`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).multiple(false))]
pub struct ReextractArgs {
    /// Only this article.
    #[arg(long, group = "which")]
    article: Option<i64>,
    /// Every article.
    #[arg(long, group = "which")]
    all: bool,
    #[command(flatten)]
    reviewer: ReviewerArgs,
    #[command(flatten)]
    db: DbArgs,
}

/// Re-reads the articles, one transaction each.
pub fn run(args: ReextractArgs) -> Result<Outcome> {
    let mut store = args.db.open_existing()?;
    let ids = match args.article {
        Some(id) => vec![id],
        None => store.article_ids()?,
    };
    let reviewer = args.reviewer.reviewer();
    let (mut before, mut after, mut kept) = ((0, 0), (0, 0), 0);
    for &id in &ids {
        let article = store.article(id)?;
        let reading = read_article(
            &article.body,
            &ArticleMeta {
                publisher: article.publisher.clone(),
                url: article.url.clone(),
            },
        );
        let outcome = store
            .reextract(id, &article.body, &reading, &reviewer)
            .with_context(|| format!("re-extracting article {id}"))?;
        before.0 += outcome.claims.0;
        before.1 += outcome.attributions.0;
        after.0 += outcome.claims.1;
        after.1 += outcome.attributions.1;
        kept += outcome.kept_reviewed;
    }
    let mut out = super::output::stdout();
    writeln!(
        out,
        "re-extracted {} article(s): claims {} -> {}, attributions {} -> {}; {} reviewed attribution(s) kept as reviewed",
        ids.len(),
        before.0,
        after.0,
        before.1,
        after.1,
        kept
    )?;
    out.flush()?;
    Ok(Outcome::Done)
}
