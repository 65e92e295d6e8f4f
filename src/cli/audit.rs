//! `claimdb audit`: what needs a human eye, as counts and lists.

use super::output::{self, write_rows, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::Result;
use claimdb::store::{Rows, Store};
use clap::{Args, ValueEnum};
use rusqlite::types::Value;
use std::io::Write;

/// Arguments of `claimdb audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only this article.
    #[arg(long)]
    article: Option<i64>,
    /// Only this kind of item.
    #[arg(long, value_enum)]
    reason: Option<Reason>,
    /// Attributions with a confidence below this are listed as low-confidence.
    #[arg(long, default_value_t = 0.6, value_name = "CONFIDENCE")]
    below: f64,
    /// Source names at least this similar (Jaro-Winkler, 0 to 1) are listed as possible duplicates.
    #[arg(long, default_value_t = 0.9, value_name = "SIMILARITY")]
    similarity: f64,
    /// At most this many items per list (default: 10 in a table, all in the data formats).
    #[arg(long)]
    limit: Option<usize>,
    /// Print only the count of each list.
    #[arg(long)]
    counts: bool,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// The lists of `claimdb audit`, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Reason {
    /// Claims with no named source: only the article backs them.
    Unsourced,
    /// Attributions to anonymous or vague sources ("officials", "a source familiar with the matter").
    AnonymousSource,
    /// Attributions that name nobody ("it was reported that").
    Sourceless,
    /// Claims a single named source alone backs.
    SingleSource,
    /// Mentions left unresolved ("he" with nobody before it).
    UnresolvedMention,
    /// Attributions by rules below the confidence threshold.
    LowConfidence,
    /// Sources whose names are near-identical.
    NearDuplicateSources,
    /// Attributions nobody has reviewed yet.
    Unreviewed,
}

impl Reason {
    const ALL: [Reason; 8] = [
        Reason::Unsourced,
        Reason::AnonymousSource,
        Reason::Sourceless,
        Reason::SingleSource,
        Reason::UnresolvedMention,
        Reason::LowConfidence,
        Reason::NearDuplicateSources,
        Reason::Unreviewed,
    ];

    /// The name used in the `audit_queue` view's `reason` column.
    fn key(self) -> &'static str {
        match self {
            Reason::Unsourced => "unsourced",
            Reason::AnonymousSource => "anonymous_source",
            Reason::Sourceless => "sourceless",
            Reason::SingleSource => "single_source",
            Reason::UnresolvedMention => "unresolved_mention",
            Reason::LowConfidence => "low_confidence",
            Reason::NearDuplicateSources => "near_duplicate_sources",
            Reason::Unreviewed => "unreviewed",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Reason::Unsourced => "claims with no named source (backed at article level only)",
            Reason::AnonymousSource => "attributions to anonymous or vague sources",
            Reason::Sourceless => "attributions that name nobody",
            Reason::SingleSource => "claims backed by a single named source",
            Reason::UnresolvedMention => "mentions left unresolved",
            Reason::LowConfidence => "low-confidence attributions",
            Reason::NearDuplicateSources => {
                "sources with near-identical names (possible duplicates)"
            }
            Reason::Unreviewed => "attributions not reviewed yet",
        }
    }
}

/// The columns every list shares in the data formats.
const COLUMNS: [&str; 10] = [
    "reason",
    "article_id",
    "claim_id",
    "attribution_id",
    "source",
    "mention",
    "cue",
    "confidence",
    "rule",
    "claim",
];

/// One list in the shared columns.
fn list(store: &Store, args: &AuditArgs, reason: Reason) -> Result<Rows> {
    let rows = match reason {
        Reason::NearDuplicateSources => {
            let pairs = store.near_duplicate_sources(args.article, args.similarity)?;
            Rows {
                columns: COLUMNS.iter().map(|c| c.to_string()).collect(),
                rows: pairs
                    .into_iter()
                    .map(|p| {
                        let mut row = vec![Value::Null; COLUMNS.len()];
                        row[0] = Value::Text(reason.key().into());
                        row[4] = Value::Text(format!(
                            "{} (S{}) | {} (S{})",
                            p.first.name, p.first.id, p.second.name, p.second.id
                        ));
                        row[7] = Value::Real((p.similarity * 1000.0).round() / 1000.0);
                        row
                    })
                    .collect(),
            }
        }
        Reason::Unreviewed => store.unreviewed(args.article)?,
        _ => store.audit_queue(args.article, Some(reason.key()), args.below)?,
    };
    Ok(rows.select(&COLUMNS))
}

/// Prints the counts and the lists.
pub fn run(args: AuditArgs) -> Result<Outcome> {
    for (flag, value) in [("--below", args.below), ("--similarity", args.similarity)] {
        if !(0.0..=1.0).contains(&value) {
            anyhow::bail!("{flag} {value}: expected a number from 0 to 1");
        }
    }
    let store = args.db.open_read_only()?;
    if let Some(id) = args.article {
        store.article(id)?;
    }
    let reasons: Vec<Reason> = match args.reason {
        Some(r) => vec![r],
        None => Reason::ALL.to_vec(),
    };
    let format = args.format.format_for_terminal();
    let mut out = output::stdout();
    let mut lists = Vec::with_capacity(reasons.len());
    for &reason in &reasons {
        lists.push((reason, list(&store, &args, reason)?));
    }
    let counts = Rows {
        columns: vec!["reason".into(), "count".into(), "what".into()],
        rows: lists
            .iter()
            .map(|(r, rows)| {
                vec![
                    Value::Text(r.key().into()),
                    Value::Integer(rows.rows.len() as i64),
                    Value::Text(r.describe().into()),
                ]
            })
            .collect(),
    };
    if args.counts {
        write_rows(&mut out, &counts, format)?;
        out.flush()?;
        return Ok(Outcome::Done);
    }
    if format.is_table() {
        let limit = args.limit.unwrap_or(10);
        write_rows(&mut out, &counts, format)?;
        for (reason, mut rows) in lists {
            if rows.rows.is_empty() {
                continue;
            }
            let total = rows.rows.len();
            rows.rows.truncate(limit);
            writeln!(
                out,
                "\n{} — {total}{}",
                reason.describe(),
                if total > limit {
                    format!(
                        " (first {limit}; --limit N or --reason {} for more)",
                        reason.key().replace('_', "-")
                    )
                } else {
                    String::new()
                }
            )?;
            let shown: &[&str] = match reason {
                Reason::NearDuplicateSources => &["source", "confidence"],
                Reason::Unsourced => &["claim_id", "attribution_id", "claim"],
                Reason::SingleSource => &["claim_id", "attribution_id", "source", "claim"],
                _ => &[
                    "attribution_id",
                    "claim_id",
                    "source",
                    "mention",
                    "cue",
                    "confidence",
                    "rule",
                    "claim",
                ],
            };
            let mut rows = rows.select(shown);
            if reason == Reason::NearDuplicateSources {
                rows.columns = vec!["sources".into(), "similarity".into()];
            }
            write_rows(&mut out, &rows, format)?;
        }
    } else {
        let mut all = Rows {
            columns: COLUMNS.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
        };
        for (_, rows) in lists {
            let n = args.limit.unwrap_or(usize::MAX);
            all.rows.extend(rows.rows.into_iter().take(n));
        }
        write_rows(&mut out, &all, format)?;
    }
    out.flush()?;
    Ok(Outcome::Done)
}
