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

use clap::{CommandFactory, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Examples under `claimdb --help`.
const EXAMPLES: &str = "Examples:
  claimdb import seeds/                       import the seed article into ./claims.db
  claimdb claims --source reuters --table     the claims Reuters backs
  claimdb query \"SELECT name, kind FROM sources\" --csv
  claimdb completions bash > ~/.local/share/bash-completion/completions/claimdb";

const IMPORT_EXAMPLES: &str = "Examples:
  claimdb import seeds/ --db claims.db
  claimdb import articles/*.md --publisher \"The Gaze\" --metadata meta.csv
  cat batch.jsonl | claimdb import -";

const CLAIMS_EXAMPLES: &str = "Examples:
  claimdb claims --source pezeshkian --table
  claimdb claims --article 1 --csv > claims.csv";

const QUERY_EXAMPLES: &str = "Examples:
  claimdb query \"SELECT name, kind FROM sources ORDER BY name\" --table
  claimdb query \"SELECT * FROM claim_sources WHERE source = ?1\" -p Reuters --nl";

const SEARCH_EXAMPLES: &str = "Examples:
  claimdb search sanctions
  claimdb search --raw '\"nuclear deal\" OR sanctions' --limit 10 --csv";

const REVIEW_EXAMPLES: &str = "Examples:
  claimdb review 12 --confirm --note \"checked against the wire copy\"
  claimdb review 14 --reassign \"Alexander Lukashenko\"
  claimdb review 15 --reassign \"Belarusian Foreign Ministry\" --create";

const SOURCES_EXAMPLES: &str = "Examples:
  claimdb sources --kind person --table
  claimdb sources show reuters
  claimdb sources alias \"Masoud Pezeshkian\" \"the Iranian president\"
  claimdb sources merge \"A. Lukashenko\" \"Alexander Lukashenko\"
  claimdb sources unmerge \"A. Lukashenko\"          undo that merge
  claimdb sources unalias \"Mike Johnson\" \"Johnson\"";

/// claimdb: who said what, according to whom, reported by which outlet.
#[derive(Debug, Parser)]
#[command(name = "claimdb", version, about, long_about = None, after_help = EXAMPLES)]
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
    #[command(after_help = IMPORT_EXAMPLES)]
    Import(import::ImportArgs),
    /// Print what import would store, without a database.
    Extract(extract::ExtractArgs),
    /// Run one read-only SQL query.
    #[command(after_help = QUERY_EXAMPLES)]
    Query(query::QueryArgs),
    /// List claims with their sources.
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(claims::ClaimsArgs),
    /// List sources with how many claims and articles they back; show, alias, merge, set kinds.
    #[command(after_help = SOURCES_EXAMPLES)]
    Sources(sources::SourcesArgs),
    /// What needs a human eye: unsourced, anonymous, single-source, unresolved, low-confidence, duplicates.
    Audit(audit::AuditArgs),
    /// Confirm, dispute, reject or reassign one attribution (logged).
    #[command(after_help = REVIEW_EXAMPLES)]
    Review(review::ReviewArgs),
    /// The review log: who decided what, and when.
    Log(log::LogArgs),
    /// Run the current extractor again over stored articles, keeping every human decision.
    Reextract(reextract::ReextractArgs),
    /// An article with its claims marked, and the table of its attributions.
    Show(show::ShowArgs),
    /// Full-text search over claims.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(search::SearchArgs),
    /// How one attribution came about: rule, words, resolution, history.
    Explain(explain::ExplainArgs),
    /// Check the database: integrity, foreign keys, full-text index, schema version, counts.
    Check(check::CheckArgs),
    /// Copy the database to a new file, safely while others use it.
    Backup(backup::BackupArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// On Ctrl-C (SIGINT), asks the store to stop: a running statement fails,
/// an import stops after the articles already read; `run` then exits with
/// 130, as a shell expects.
#[cfg(unix)]
pub(crate) fn stop_on_ctrl_c() {
    extern "C" fn on_sigint(_: libc::c_int) {
        // Only an atomic store: safe in a signal handler.
        claimdb::store::request_interrupt();
    }
    // SAFETY: the handler only touches an atomic; the sigaction struct is
    // fully initialised (zeroed, then an empty mask) before use.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // A second Ctrl-C gets the default action: the process ends at once,
        // even while it is not in SQLite (printing, waiting on a lock).
        action.sa_flags = libc::SA_RESETHAND;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Elsewhere Ctrl-C keeps its default action (the process ends).
#[cfg(not(unix))]
pub(crate) fn stop_on_ctrl_c() {}

/// What a command reports besides success or an error.
pub enum Outcome {
    /// Everything went through.
    Done,
    /// Some inputs failed (each already reported); the rest went through.
    Partial,
}

/// Parses the arguments, runs the command and turns the result into an exit code.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(err),
    };
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
        Command::Completions { shell } => completions(shell),
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
            // Messages echo names and text from the database and the command
            // line: shown visibly, on one line.
            eprintln!(
                "claimdb: error: {}",
                output::visible_line(&format!("{err:#}"))
            );
            ExitCode::FAILURE
        }
    }
}

/// The exit code of a usage error (clap's, and the shells' convention).
const USAGE_ERROR: u8 = 2;

/// Help and version as clap prints them; any other parse error as one line in
/// claimdb's style, with clap's tip and where to read more:
/// `claimdb: error: unexpected argument '--jsn' found; tip: a similar argument
/// exists: '--json' (see claimdb claims --help)`.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A closed pipe (`claimdb --help | head -1`) is not an error either.
            let _ = err.print();
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = err.print();
            return ExitCode::from(USAGE_ERROR);
        }
        _ => {}
    }
    eprintln!("claimdb: error: {}", usage_line(&err.render().to_string()));
    ExitCode::from(USAGE_ERROR)
}

/// One line from clap's rendered error: its first line, its tips, and the
/// command whose help to read (from the usage line).
fn usage_line(rendered: &str) -> String {
    let mut lines = rendered.lines().map(str::trim);
    let first = lines.next().unwrap_or_default();
    let mut message = first.strip_prefix("error: ").unwrap_or(first).to_string();
    let mut command = "claimdb".to_string();
    // The lines right after the first carry on its sentence (the missing
    // arguments, one per line) until a blank line.
    let mut continuing = true;
    for line in lines {
        if line.is_empty() {
            continuing = false;
        } else if let Some(tip) = line.strip_prefix("tip: ") {
            message.push_str("; ");
            message.push_str(tip);
        } else if let Some(usage) = line.strip_prefix("Usage: ") {
            command = usage
                .split_whitespace()
                .take_while(|w| {
                    !w.starts_with('-') && w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                })
                .collect::<Vec<_>>()
                .join(" ");
        } else if continuing {
            message.push(' ');
            message.push_str(line);
        }
    }
    format!(
        "{} (see {command} --help)",
        output::visible_line(message.trim_end_matches('.'))
    )
}

/// Prints the completion script for `shell`. The script is made in memory
/// first: clap_complete panics when its writer fails, and a closed pipe must not.
fn completions(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "claimdb", &mut script);
    let mut out = output::stdout();
    out.write_all(&script)?;
    out.flush()?;
    Ok(Outcome::Done)
}
