//! `claimdb search`: full-text search over claims.

use super::output::{print_rows, FormatArgs};
use super::query::LimitArgs;
use super::{DbArgs, Outcome};
use anyhow::Result;
use clap::Args;

/// At most this many distinct words: FTS5 intersects one list per word, and
/// hundreds of words took seconds on a large database.
const MAX_WORDS: usize = 32;

/// At most this many bytes of `--raw` FTS5 query.
const MAX_RAW_BYTES: usize = 4096;

/// Arguments of `claimdb search`.
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (all of them, any order; repeats count once); with --raw, an FTS5 query.
    #[arg(required = true)]
    text: Vec<String>,
    /// Pass the text to FTS5 as a query (AND, OR, NOT, "phrases", prefix*).
    #[arg(long)]
    raw: bool,
    /// Newest articles first (by published date, undated last, then latest imported) instead of best matches first.
    #[arg(long)]
    newest: bool,
    /// Only claims backed by this source (any of its names, in any case).
    #[arg(long, value_name = "NAME")]
    source: Option<String>,
    /// Only claims of articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    since: Option<String>,
    /// Only claims of articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    until: Option<String>,
    /// At most this many claims.
    #[arg(long, default_value_t = 50)]
    limit: i64,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// Quotes each word so that FTS5 reads the user's text as words, not syntax
/// (sqlite-utils does the same unless asked for a raw query). A word given
/// twice, in any case, is kept once: it matches the same claims.
fn words_query(text: &str) -> Result<String> {
    let mut seen = std::collections::HashSet::new();
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| seen.insert(w.to_lowercase()))
        .collect();
    if words.len() > MAX_WORDS {
        anyhow::bail!(
            "too many words to search for ({}, at most {MAX_WORDS} different ones)",
            words.len()
        );
    }
    Ok(words
        .iter()
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(" "))
}

/// A `--since`/`--until` day, checked: `YYYY-MM-DD`, a real date.
fn day(flag: &str, value: Option<&str>) -> Result<Option<String>> {
    let Some(value) = value else {
        return Ok(None);
    };
    let shaped = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shaped || chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_err() {
        anyhow::bail!("{flag} {value:?} is not a date: give it as YYYY-MM-DD");
    }
    Ok(Some(value.to_string()))
}

/// The search text for an error message: its first 60 characters, then "…".
fn shown(text: &str) -> String {
    const SHOWN: usize = 60;
    match text.char_indices().nth(SHOWN) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text.to_string(),
    }
}

/// Runs the search.
pub fn run(args: SearchArgs) -> Result<Outcome> {
    let text = args.text.join(" ");
    let query = if args.raw {
        if text.len() > MAX_RAW_BYTES {
            anyhow::bail!(
                "the --raw query is {} bytes long (at most {MAX_RAW_BYTES})",
                text.len()
            );
        }
        text.clone()
    } else {
        words_query(&text)?
    };
    if query.trim().is_empty() {
        anyhow::bail!("nothing to search for");
    }
    let since = day("--since", args.since.as_deref())?;
    let until = day("--until", args.until.as_deref())?;
    let store = args.limits.open(&args.db)?;
    let search = claimdb::store::Search {
        query: &query,
        limit: args.limit,
        newest: args.newest,
        source: args.source.as_deref(),
        since: since.as_deref(),
        until: until.as_deref(),
    };
    let rows = store.search_with(&search).map_err(|e| {
        args.limits
            .explain(&format!("searching for {:?}", shown(&text)), e)
    })?;
    print_rows(&rows, args.format.format_for_terminal())?;
    Ok(Outcome::Done)
}

#[cfg(test)]
mod tests {
    use super::{day, words_query, MAX_WORDS};

    #[test]
    fn words_are_quoted() {
        assert_eq!(
            words_query("nuclear \"deal\" OR").unwrap(),
            "\"nuclear\" \"\"\"deal\"\"\" \"OR\""
        );
    }

    #[test]
    fn repeated_words_count_once_in_any_case() {
        assert_eq!(
            words_query("Port port PORT pier port").unwrap(),
            "\"Port\" \"pier\""
        );
        let many = vec!["port"; 400].join(" ");
        assert_eq!(words_query(&many).unwrap(), "\"port\"");
    }

    #[test]
    fn too_many_different_words_are_refused() {
        let fits: Vec<String> = (0..MAX_WORDS).map(|i| format!("w{i}")).collect();
        assert!(words_query(&fits.join(" ")).is_ok());
        let over: Vec<String> = (0..=MAX_WORDS).map(|i| format!("w{i}")).collect();
        let err = words_query(&over.join(" ")).unwrap_err().to_string();
        assert!(err.contains("too many words"), "{err}");
    }

    #[test]
    fn long_texts_are_cut_in_messages() {
        assert_eq!(super::shown("pier"), "pier");
        let long = "é".repeat(100);
        assert_eq!(super::shown(&long), format!("{}…", "é".repeat(60)));
    }

    #[test]
    fn days_must_be_real_dates_in_one_form() {
        assert_eq!(
            day("--since", Some("2024-02-29")).unwrap().as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2023-02-29",
            "2024-2-5",
            "March 5",
            "2024-03-05T10:00:00",
            "",
        ] {
            let err = day("--since", Some(bad)).unwrap_err().to_string();
            assert!(err.starts_with("--since"), "{bad}: {err}");
        }
    }
}
