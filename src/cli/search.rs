//! `claimdb search`: full-text search over claims.

use super::output::{print_rows, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use clap::Args;

/// Arguments of `claimdb search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all of them, any order); with --raw, an FTS5 query.
    #[arg(required = true)]
    text: Vec<String>,
    /// Pass the text to FTS5 as a query (AND, OR, NOT, "phrases", prefix*).
    #[arg(long)]
    raw: bool,
    /// Newest claims first instead of best matches first (fast on large databases).
    #[arg(long)]
    newest: bool,
    /// At most this many claims.
    #[arg(long, default_value_t = 50)]
    limit: i64,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Quotes each word so that FTS5 reads the user's text as words, not syntax
/// (sqlite-utils does the same unless asked for a raw query).
fn words_query(text: &str) -> String {
    text.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Runs the search.
pub fn run(args: SearchArgs) -> Result<Outcome> {
    let text = args.text.join(" ");
    let query = if args.raw {
        text.clone()
    } else {
        words_query(&text)
    };
    if query.trim().is_empty() {
        anyhow::bail!("nothing to search for");
    }
    let store = args.db.open_read_only()?;
    let rows = store
        .search(&query, args.limit, args.newest)
        .with_context(|| format!("searching for {text:?}"))?;
    print_rows(&rows, args.format.format_for_terminal())?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::words_query;

    #[test]
    fn words_are_quoted() {
        assert_eq!(
            words_query("nuclear \"deal\" OR"),
            "\"nuclear\" \"\"\"deal\"\"\" \"OR\""
        );
    }
}
