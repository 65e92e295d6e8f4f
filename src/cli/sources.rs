//! `claimdb sources`: list sources; show one; add an alias, merge two, set a kind.

use super::output::{self, visible_line as v, write_record, write_rows, Format, FormatArgs};
use super::{DbArgs, Outcome, ReviewerArgs};
use anyhow::{Context, Result};
use claimdb::model::SourceKind;
use clap::{Args, Subcommand, ValueEnum};
use std::io::Write;

/// Arguments of `claimdb sources`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SourcesArgs {
    #[command(subcommand)]
    action: Option<SourcesAction>,
    #[command(flatten)]
    list: ListArgs,
}

/// Listing options.
#[derive(Debug, Args)]
struct ListArgs {
    /// Only sources of this kind (person, news_outlet, news_agency, government_agency, organization, document, anonymous, unknown).
    #[arg(long)]
    kind: Option<SourceKind>,
    /// Order by claim count (most first) or by name.
    #[arg(long, value_enum, default_value_t = SortBy::Claims)]
    sort: SortBy,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// How `claimdb sources` orders its list.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum SortBy {
    /// Most claims first.
    Claims,
    /// Alphabetically.
    Name,
}

#[derive(Debug, Subcommand)]
enum SourcesAction {
    /// One source: kind, aliases, counts, and its claims.
    Show {
        /// Name or alias.
        name: String,
        #[command(flatten)]
        db: DbArgs,
        #[command(flatten)]
        format: FormatArgs,
    },
    /// Add another name for a source (logged).
    Alias {
        /// The source (name or alias).
        name: String,
        /// The new name.
        alias: String,
        #[command(flatten)]
        reviewer: ReviewerArgs,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Merge one source into another: attributions, citations and aliases move (logged).
    Merge {
        /// The source that goes away (name or alias).
        from: String,
        /// The source that stays.
        into: String,
        #[command(flatten)]
        reviewer: ReviewerArgs,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Undo a merge: what it moved goes back to the source merged away (logged).
    Unmerge {
        /// The merged-away source, by the name it had.
        from: String,
        #[command(flatten)]
        reviewer: ReviewerArgs,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Take a name away from a source; extraction will not give it back (logged).
    Unalias {
        /// The source (name or alias).
        name: String,
        /// The alias to remove.
        alias: String,
        #[command(flatten)]
        reviewer: ReviewerArgs,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Set a source's kind by hand; extraction will not change it again (logged).
    Kind {
        /// The source (name or alias).
        name: String,
        /// person, news_outlet, news_agency, government_agency, organization, document, anonymous, unknown.
        kind: SourceKind,
        #[command(flatten)]
        reviewer: ReviewerArgs,
        #[command(flatten)]
        db: DbArgs,
    },
}

/// Runs the listing or the action.
pub fn run(args: SourcesArgs) -> Result<Outcome> {
    let mut out = output::stdout();
    match args.action {
        None => {
            let list = args.list;
            let store = list.db.open_read_only()?;
            let by_name = matches!(list.sort, SortBy::Name);
            let rows = store.sources(list.kind, by_name)?;
            write_rows(&mut out, &rows, list.format.format_for_terminal())?;
        }
        Some(SourcesAction::Show { name, db, format }) => {
            let store = db.open_read_only()?;
            let (summary, claims) = store.source_detail(&name)?;
            let style = format.format_for_terminal();
            match style.format {
                Format::Table => {
                    write_record(&mut out, &summary, style)?;
                    write_rows(&mut out, &claims, style)?;
                }
                Format::Json => {
                    // One document: the source's fields and its claims under "claims".
                    let mut object = output::object(&summary.columns, &summary.rows[0]);
                    let claims = claims
                        .rows
                        .iter()
                        .map(|row| serde_json::Value::Object(output::object(&claims.columns, row)))
                        .collect();
                    object.insert("claims".into(), serde_json::Value::Array(claims));
                    serde_json::to_writer(&mut out, &serde_json::Value::Object(object))?;
                    writeln!(out)?;
                }
                // The row formats carry the source's claims, one row each (the
                // source's own fields are in its table and its JSON).
                Format::Nl | Format::Csv | Format::Tsv => write_rows(&mut out, &claims, style)?,
            }
        }
        Some(SourcesAction::Alias {
            name,
            alias,
            reviewer: who,
            db,
        }) => {
            let mut store = db.open_existing()?;
            let by = who.reviewer();
            let added = store
                .add_alias(&name, &alias, &by)
                .with_context(|| format!("adding alias '{alias}' to '{name}'"))?;
            if added {
                writeln!(
                    out,
                    "'{}' is now an alias of '{}' (by {})",
                    v(&alias),
                    v(&name),
                    v(&by.name)
                )?;
            } else {
                writeln!(
                    out,
                    "'{}' already was an alias of '{}'; nothing changed",
                    v(&alias),
                    v(&name)
                )?;
            }
        }
        Some(SourcesAction::Merge {
            from,
            into,
            reviewer: who,
            db,
        }) => {
            let mut store = db.open_existing()?;
            let by = who.reviewer();
            let outcome = store
                .merge_sources(&from, &into, &by)
                .with_context(|| format!("merging '{from}' into '{into}'"))?;
            // The canonical names, which say what moved when an alias was given.
            writeln!(
                out,
                "merged '{}' into '{}': {} attribution(s) and {} alias(es) moved (log entry {}, by {})",
                v(&outcome.from),
                v(&outcome.into),
                outcome.attributions,
                outcome.aliases,
                outcome.log_id,
                v(&by.name)
            )?;
        }
        Some(SourcesAction::Unmerge {
            from,
            reviewer: who,
            db,
        }) => {
            let mut store = db.open_existing()?;
            let by = who.reviewer();
            let outcome = store
                .unmerge_source(&from, &by)
                .with_context(|| format!("unmerging '{from}'"))?;
            writeln!(
                out,
                "'{}' is its own source again, apart from '{}': {} attribution(s) and {} alias(es) moved back (log entry {}, by {})",
                v(&outcome.from),
                v(&outcome.into),
                outcome.attributions,
                outcome.aliases,
                outcome.log_id,
                v(&by.name)
            )?;
        }
        Some(SourcesAction::Unalias {
            name,
            alias,
            reviewer: who,
            db,
        }) => {
            let mut store = db.open_existing()?;
            let by = who.reviewer();
            store
                .remove_alias(&name, &alias, &by)
                .with_context(|| format!("removing alias '{alias}' from '{name}'"))?;
            writeln!(
                out,
                "'{}' is no longer an alias of '{}' (by {})",
                v(&alias),
                v(&name),
                v(&by.name)
            )?;
        }
        Some(SourcesAction::Kind {
            name,
            kind,
            reviewer: who,
            db,
        }) => {
            let mut store = db.open_existing()?;
            let by = who.reviewer();
            let old = store
                .set_source_kind(&name, kind, &by)
                .with_context(|| format!("setting the kind of '{name}'"))?;
            writeln!(
                out,
                "'{}': kind {old} -> {} (by {})",
                v(&name),
                kind.as_str(),
                v(&by.name)
            )?;
        }
    }
    out.flush()?;
    Ok(Outcome::Done)
}
