//! `claimdb check`: is this database sound? Integrity, foreign keys, the
//! full-text index, the schema version and claimdb's own invariants.

use super::output::{print_rows, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use clap::Args;

/// Arguments of `claimdb check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Runs the checks, prints one row per check, and fails when one does.
pub fn run(args: CheckArgs) -> Result<Outcome> {
    // Read-only: checking must never be what changes (or migrates) a database.
    let store = args.db.open_read_only()?;
    let report = store
        .check()
        .with_context(|| format!("checking {}", args.db.db.display()))?;
    print_rows(&report.rows(), args.format.format_for_terminal())?;
    if !report.is_ok() {
        anyhow::bail!(
            "{}: check failed ({})",
            args.db.db.display(),
            report.failed().join(", ")
        );
    }
    Ok(Outcome::Done)
}
