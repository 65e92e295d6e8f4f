//! `claimdb claims`: claims with the sources that back them.

use super::output::{print_rows, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::Result;
use claimdb::store::StoreError;
use clap::Args;

/// Arguments of `claimdb claims`.
#[derive(Debug, Args)]
pub struct ClaimsArgs {
    /// Only claims backed by this source (name or alias, any case).
    #[arg(long)]
    source: Option<String>,
    /// Only claims of this article id.
    #[arg(long)]
    article: Option<i64>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Lists the claims.
pub fn run(args: ClaimsArgs) -> Result<Outcome> {
    let store = args.db.open_read_only()?;
    let rows = match (
        store.claims(args.source.as_deref(), args.article),
        &args.source,
    ) {
        // The only name claims looks up is the source's: say which names are close.
        (Err(StoreError::NotFound(_)), Some(name)) => {
            return Err(store.unknown_source(name).into())
        }
        (rows, _) => rows?,
    };
    let format = args.format.format_for_terminal();
    // A terminal table keeps the columns a reader scans; the data formats keep all.
    let rows = if format.is_table() {
        rows.select(&[
            "claim_id",
            "attribution_id",
            "claim",
            "source",
            "attribution_kind",
            "cue",
            "mention",
            "status",
        ])
    } else {
        rows
    };
    print_rows(&rows, format)?;
    Ok(Outcome::Done)
}
