//! `claimdb query`: one read-only SQL statement, printed as rows.
//!
//! Also the limits every read-only search of the CLI runs under (`--timeout`,
//! `--max-memory`, Ctrl-C), shared with `claimdb search`.

use super::output::{print_rows, Format, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::Result;
use claimdb::store::{Store, StoreError};
use clap::Args;
use std::time::Duration;

/// Arguments of `claimdb query`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    /// The SQL statement (read-only: SELECT, WITH, read-only PRAGMA, EXPLAIN).
    sql: String,
    /// Values for `?1`, `?2`, … placeholders, in order.
    #[arg(short, long = "param")]
    params: Vec<String>,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// How long and how much memory a read may take: a mistyped join or an
/// endless recursive query must not hold the terminal (or the machine).
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Stop after this many seconds (0: no limit).
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    timeout: u64,
    /// Stop when SQLite needs more than this many megabytes of memory (0: no limit).
    #[arg(long, value_name = "MB", default_value_t = 1024)]
    max_memory: u64,
}

impl LimitArgs {
    /// Opens the database read-only with the limits on, and makes Ctrl-C stop
    /// the running statement (a second Ctrl-C ends the process at once).
    pub fn open(&self, db: &DbArgs) -> Result<Store> {
        // Before opening: the cap holds for everything SQLite allocates.
        claimdb::store::limit_sqlite_memory(self.max_memory.saturating_mul(1 << 20));
        let mut store = db.open_read_only()?;
        store.set_time_limit((self.timeout > 0).then(|| Duration::from_secs(self.timeout)))?;
        super::stop_on_ctrl_c();
        Ok(store)
    }

    /// The error of a read, naming the flag when one of its limits stopped it.
    pub fn explain(&self, what: &str, err: StoreError) -> anyhow::Error {
        match err {
            StoreError::TimedOut { after } => {
                anyhow::anyhow!("{what} stopped after {} s (--timeout)", after.as_secs())
            }
            StoreError::OutOfMemory { limit_mb } => anyhow::anyhow!(
                "{what} stopped: it needed more than {limit_mb} MB of memory (--max-memory)"
            ),
            other => anyhow::Error::new(other).context(format!("{what} failed")),
        }
    }
}

/// Runs the query.
pub fn run(args: QueryArgs) -> Result<Outcome> {
    let store = args.limits.open(&args.db)?;
    let params: Vec<&dyn rusqlite::ToSql> = args
        .params
        .iter()
        .map(|p| p as &dyn rusqlite::ToSql)
        .collect();
    let rows = store
        .read_only_rows(&args.sql, &params)
        .map_err(|e| args.limits.explain("query", e))?;
    print_rows(&rows, args.format.format(Format::Json))?;
    Ok(Outcome::Done)
}
