//! `claimdb sources`: list sources; show one; add an alias, merge two, set a kind.

use super::output::{self, print_record, print_rows, Format, FormatArgs};
use super::{DbArgs, Outcome, ReviewerArgs};
use anyhow::{Context, Result};
use claimdb::model::SourceKind;
use clap::{Args, Subcommand, ValueEnum};

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
    match args.action {
        None => {
            let list = args.list;
            let store = list.db.open_read_only()?;
            let by_name = matches!(list.sort, SortBy::Name);
            let rows = store.sources(list.kind, by_name)?;
            print_rows(&rows, list.format.format_for_terminal())?;
        }
        Some(SourcesAction::Show { name, db, format }) => {
            let store = db.open_read_only()?;
            let (summary, claims) = store.source_detail(&name)?;
            let format = format.format_for_terminal();
            if format == Format::Table {
                print_record(&summary, format)?;
                print_rows(&claims, format)?;
            } else {
                // One document: the source's fields and its claims under "claims".
                let mut object = output::object(&summary.columns, &summary.rows[0]);
                let claims = claims
                    .rows
                    .iter()
                    .map(|row| serde_json::Value::Object(output::object(&claims.columns, row)))
                    .collect();
                object.insert("claims".into(), serde_json::Value::Array(claims));
                println!("{}", serde_json::Value::Object(object));
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
                println!("'{alias}' is now an alias of '{name}' (by {})", by.name);
            } else {
                println!("'{alias}' already was an alias of '{name}'; nothing changed");
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
            println!(
                "merged '{}' into '{}': {} attribution(s) and {} alias(es) moved (log entry {}, by {})",
                outcome.from, outcome.into, outcome.attributions, outcome.aliases, outcome.log_id, by.name
            );
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
            println!("'{name}': kind {old} -> {} (by {})", kind.as_str(), by.name);
        }
    }
    Ok(Outcome::Done)
}
