//! `claimdb log`: the review log, oldest first.

use super::output::{print_rows, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::Result;
use clap::Args;

/// Arguments of `claimdb log`.
#[derive(Debug, Args)]
pub struct LogArgs {
    /// Only decisions on this attribution.
    #[arg(long)]
    attribution: Option<i64>,
    /// Only decisions on this article (its attributions and re-extractions).
    #[arg(long)]
    article: Option<i64>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Prints the log.
pub fn run(args: LogArgs) -> Result<Outcome> {
    let store = args.db.open_read_only()?;
    let rows = store.review_log(args.attribution, args.article)?;
    print_rows(&rows, args.format.format_for_terminal())?;
    Ok(Outcome::Done)
}
