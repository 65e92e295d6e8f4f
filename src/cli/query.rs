//! `claimdb query`: one read-only SQL statement, printed as rows.

use super::output::{print_rows, Format, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use clap::Args;

/// Arguments of `claimdb query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SQL statement (read-only: SELECT, WITH, read-only PRAGMA, EXPLAIN).
    sql: String,
    /// Values for `?1`, `?2`, … placeholders, in order.
    #[arg(short, long = "param")]
    params: Vec<String>,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Runs the query.
pub fn run(args: QueryArgs) -> Result<Outcome> {
    let store = args.db.open_read_only()?;
    let params: Vec<&dyn rusqlite::ToSql> = args
        .params
        .iter()
        .map(|p| p as &dyn rusqlite::ToSql)
        .collect();
    let rows = store
        .read_only_rows(&args.sql, &params)
        .context("query failed")?;
    print_rows(&rows, args.format.format(Format::Json))?;
    Ok(Outcome::Done)
}
