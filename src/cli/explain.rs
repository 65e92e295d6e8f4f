//! `claimdb explain`: how one attribution came about.

use super::output::{print_record, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::Result;
use clap::Args;

/// Arguments of `claimdb explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The attribution.
    attribution_id: i64,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Prints the rule, the words it fired on, the resolution and the history.
pub fn run(args: ExplainArgs) -> Result<Outcome> {
    let store = args.db.open_read_only()?;
    let rows = store.explain(args.attribution_id)?;
    print_record(&rows, args.format.format_for_terminal())?;
    Ok(Outcome::Done)
}
