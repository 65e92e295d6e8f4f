//! `claimdb review`: a reviewer's decision on one attribution.

use super::{DbArgs, Outcome, ReviewerArgs};
use anyhow::{Context, Result};
use claimdb::store::Decision;
use clap::Args;
use std::io::Write;

/// Arguments of `claimdb review`.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("decision").required(true).multiple(false))]
pub struct ReviewArgs {
    /// The attribution (ids are in `claimdb show`, `claims`, `audit`).
    attribution_id: i64,
    /// The attribution is right.
    #[arg(long, group = "decision")]
    confirm: bool,
    /// It may be wrong: someone should look again.
    #[arg(long, group = "decision")]
    dispute: bool,
    /// It is wrong: it no longer backs its claim (kept, not deleted).
    #[arg(long, group = "decision")]
    reject: bool,
    /// The claim was made by this source instead (name or alias).
    #[arg(long, group = "decision", value_name = "SOURCE")]
    reassign: Option<String>,
    /// With --reassign: create the source when no source has that name.
    #[arg(long, requires = "reassign")]
    create: bool,
    #[command(flatten)]
    reviewer: ReviewerArgs,
    #[command(flatten)]
    db: DbArgs,
}

/// Records the decision.
pub fn run(args: ReviewArgs) -> Result<Outcome> {
    let decision = if args.confirm {
        Decision::Confirm
    } else if args.dispute {
        Decision::Dispute
    } else if args.reject {
        Decision::Reject
    } else {
        Decision::Reassign {
            source: args.reassign.clone().unwrap_or_default(),
            create: args.create,
        }
    };
    let mut store = args.db.open_existing()?;
    let reviewer = args.reviewer.reviewer();
    let outcome = store
        .review(args.attribution_id, &decision, &reviewer)
        .with_context(|| format!("reviewing attribution {}", args.attribution_id))?;
    let v = super::output::visible_line;
    let mut out = super::output::stdout();
    match &outcome.reassigned {
        Some((old, new)) => writeln!(
            out,
            "attribution {}: source {} -> {}{}, status {} -> {} (log entry {}, by {})",
            args.attribution_id,
            v(old.as_deref().unwrap_or("(none)")),
            v(new),
            if outcome.created_source {
                " (new source)"
            } else {
                ""
            },
            outcome.from_status,
            outcome.to_status,
            outcome.log_id,
            v(&reviewer.name)
        )?,
        None => writeln!(
            out,
            "attribution {}: {} -> {} (log entry {}, by {})",
            args.attribution_id,
            outcome.from_status,
            outcome.to_status,
            outcome.log_id,
            v(&reviewer.name)
        )?,
    }
    out.flush()?;
    Ok(Outcome::Done)
}
