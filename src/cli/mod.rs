//! The `claimdb` command line: argument parsing and one module per subcommand.
//! Each subcommand is a thin shell over the library; errors get their context
//! here and are printed as one line.

mod audit;
mod backup;
mod check;
mod claims;
mod explain;
mod extract;
mod import;
mod log;
mod output;
mod query;
mod reextract;
mod review;
mod search;
mod show;
mod sources;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// claimdb: who said what, according to whom, reported by which outlet.
#[derive(Debug, Parser)]
#[command(name = "claimdb", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the database lives.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArgs {
    /// The database file.
    #[arg(long, env = "CLAIMDB_DB", default_value = "claims.db")]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens the database for writing, creating and migrating it as needed.
    pub fn open(&self) -> anyhow::Result<claimdb::store::Store> {
        use anyhow::Context;
        if let Some(reason) = unusable_db_path(&self.db) {
            anyhow::bail!("opening database {}: {reason}", self.db.display());
        }
        claimdb::store::Store::open(&self.db)
            .with_context(|| format!("opening database {}", self.db.display()))
    }

    /// Opens an existing database for writing (a decision on a database that
    /// does not exist is a mistake in the path, not a reason to create one).
    pub fn open_existing(&self) -> anyhow::Result<claimdb::store::Store> {
        self.require_exists()?;
        self.open()
    }

    fn require_exists(&self) -> anyhow::Result<()> {
        if !self.db.exists() {
            anyhow::bail!(
                "no database at {} (import articles first: claimdb import PATH)",
                self.db.display()
            );
        }
        Ok(())
    }

    /// Opens an existing database read-only.
    pub fn open_read_only(&self) -> anyhow::Result<claimdb::store::Store> {
        use anyhow::Context;
        self.require_exists()?;
        if let Some(reason) = unusable_db_path(&self.db) {
            anyhow::bail!("opening database {} read-only: {reason}", self.db.display());
        }
        claimdb::store::Store::open_read_only(&self.db)
            .with_context(|| format!("opening database {} read-only", self.db.display()))
    }
}

/// Who makes a decision, and why: kept in the review log.
#[derive(Debug, Clone, clap::Args)]
pub struct ReviewerArgs {
    /// Who decides (default: $USER).
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
    /// Why: a note kept with the decision in the review log.
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

impl ReviewerArgs {
    /// The reviewer, named by `--by`, else `$USER`, else "unknown", with the note.
    pub fn reviewer(&self) -> claimdb::store::Reviewer {
        claimdb::store::Reviewer {
            name: self
                .by
                .clone()
                .or_else(|| std::env::var("USER").ok())
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "unknown".to_string()),
            note: self.note.clone(),
        }
    }
}

/// Why a database path cannot work, said plainly: SQLite only says "unable
/// to open database file" (or "disk I/O error" for a folder).
fn unusable_db_path(path: &std::path::Path) -> Option<String> {
    // SQLite takes "" for a temporary file and ":memory:" for memory: an
    // import there would report success and keep nothing.
    if path.as_os_str().is_empty() || path.as_os_str() == ":memory:" {
        return Some("not a file path (nothing written there would be kept)".into());
    }
    // Writers open with URI names on (rusqlite's default): "file::memory:" or
    // "file:x.db?mode=memory" would be a database in memory, which keeps
    // nothing. (The read-only store escapes the path into a URI of its own.)
    let text = path.to_string_lossy();
    if text.starts_with("file:") || text.contains("mode=memory") {
        return Some("SQLite URIs and in-memory names are not accepted: give a file path".into());
    }
    if path.is_dir() {
        return Some("it is a folder, not a database file".into());
    }
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    if !parent.exists() {
        Some(format!("folder {} does not exist", parent.display()))
    } else if !parent.is_dir() {
        Some(format!("{} is not a folder", parent.display()))
    } else {
        None
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Import articles (text, Markdown or JSON Lines files, folders of them, or - for stdin).
    Import(import::ImportArgs),
    /// Print what import would store, without a database.
    Extract(extract::ExtractArgs),
    /// Run one read-only SQL query.
    Query(query::QueryArgs),
    /// List claims with their sources.
    Claims(claims::ClaimsArgs),
    /// List sources with how many claims and articles they back; show, alias, merge, set kinds.
    Sources(sources::SourcesArgs),
    /// What needs a human eye: unsourced, anonymous, single-source, unresolved, low-confidence, duplicates.
    Audit(audit::AuditArgs),
    /// Confirm, dispute, reject or reassign one attribution (logged).
    Review(review::ReviewArgs),
    /// The review log: who decided what, and when.
    Log(log::LogArgs),
    /// Run the current extractor again over stored articles, keeping every human decision.
    Reextract(reextract::ReextractArgs),
    /// An article with its claims marked, and the table of its attributions.
    Show(show::ShowArgs),
    /// Full-text search over claims.
    Search(search::SearchArgs),
    /// How one attribution came about: rule, words, resolution, history.
    Explain(explain::ExplainArgs),
    /// Check the database: integrity, foreign keys, full-text index, schema version, counts.
    Check(check::CheckArgs),
    /// Copy the database to a new file, safely while others use it.
    Backup(backup::BackupArgs),
}

/// What a command reports besides success or an error.
pub enum Outcome {
    /// Everything went through.
    Done,
    /// Some inputs failed (each already reported); the rest went through.
    Partial,
}

/// Parses the arguments, runs the command and turns the result into an exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Import(args) => import::run(args),
        Command::Extract(args) => extract::run(args),
        Command::Query(args) => query::run(args),
        Command::Claims(args) => claims::run(args),
        Command::Sources(args) => sources::run(args),
        Command::Audit(args) => audit::run(args),
        Command::Review(args) => review::run(args),
        Command::Log(args) => log::run(args),
        Command::Reextract(args) => reextract::run(args),
        Command::Show(args) => show::run(args),
        Command::Search(args) => search::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Check(args) => check::run(args),
        Command::Backup(args) => backup::run(args),
    };
    match result {
        Ok(Outcome::Done) => ExitCode::SUCCESS,
        Ok(Outcome::Partial) => ExitCode::from(3),
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        // Ctrl-C stopped the command: 128 + SIGINT, as a shell reports it.
        Err(_) if claimdb::store::interrupt_requested() => {
            eprintln!("claimdb: interrupted");
            ExitCode::from(130)
        }
        Err(err) => {
            eprintln!("claimdb: error: {err:#}");
            ExitCode::FAILURE
        }
    }
}
