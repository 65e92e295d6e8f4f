//! `claimdb sources`: sources with their claim and article counts.

use super::output::{print_rows, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::Result;
use claimdb::model::SourceKind;
use clap::Args;

/// Arguments of `claimdb sources`.
#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Only sources of this kind (person, news_outlet, news_agency, government_agency, organization, document, anonymous, unknown).
    #[arg(long)]
    kind: Option<SourceKind>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Lists the sources.
pub fn run(args: SourcesArgs) -> Result<Outcome> {
    let store = args.db.open_read_only()?;
    let rows = store.sources(args.kind)?;
    print_rows(&rows, args.format.format_for_terminal())?;
    Ok(Outcome::Done)
}
