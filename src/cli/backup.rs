//! `claimdb backup PATH`: a consistent copy of the database, taken with
//! SQLite's online backup API while others may go on reading and writing.

use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Arguments of `claimdb backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy (a new file).
    path: PathBuf,
    /// Replace PATH if it already exists.
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    db: DbArgs,
}

/// The file the copy is written to before it is checked and moved into place:
/// beside the destination, so that the final rename stays on one file system.
fn partial_path(dest: &Path) -> PathBuf {
    let mut name = dest.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".partial-{}", std::process::id()));
    dest.with_file_name(name)
}

/// Removes copies left beside `dest` by backups that were killed before they
/// could clean up. A running backup holds an exclusive lock on its partial
/// file, so a partial file whose lock can be taken has no owner any more.
/// Only names of the form `NAME.partial-DIGITS` are considered (SQLite's
/// `-journal` beside a live partial is not ours to judge; it goes with it).
fn sweep_stale_partials(dest: &Path) -> std::io::Result<usize> {
    let Some(name) = dest.file_name().and_then(|n| n.to_str()) else {
        return Ok(0);
    };
    let folder = dest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let prefix = format!("{name}.partial-");
    let mut removed = 0;
    for entry in std::fs::read_dir(folder)? {
        let entry = entry?;
        let file_name = entry.file_name();
        let Some(suffix) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        if suffix.is_empty() || !suffix.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = std::fs::OpenOptions::new().write(true).open(&path) else {
            continue;
        };
        if file.try_lock().is_err() {
            continue; // a backup is writing it now
        }
        for companion in ["", "-journal", "-wal", "-shm"] {
            let mut p = path.clone().into_os_string();
            p.push(companion);
            remove_if_present(Path::new(&p))?;
        }
        removed += 1;
    }
    Ok(removed)
}

/// True when both paths name one existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// Removes a file if it exists; a file that is already gone is fine.
fn remove_if_present(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Copies, checks the copy, then moves it into place: PATH either holds a
/// checked, complete backup or is left as it was.
pub fn run(args: BackupArgs) -> Result<Outcome> {
    let dest = &args.path;
    // Renaming a copy over the live file would pull it from under every
    // connection that has it open (and leave its -wal beside the copy).
    if same_file(dest, &args.db.db) {
        anyhow::bail!("{}: is the database itself", dest.display());
    }
    if dest.is_dir() {
        anyhow::bail!("{}: is a folder", dest.display());
    }
    if dest.exists() && !args.force {
        anyhow::bail!(
            "{}: file exists (use --force to replace it)",
            dest.display()
        );
    }
    let store = args.db.open_read_only()?;
    sweep_stale_partials(dest).with_context(|| {
        format!(
            "removing copies left by killed backups of {}",
            dest.display()
        )
    })?;
    let partial = partial_path(dest);
    let copied = (|| -> Result<claimdb::store::check::CheckReport> {
        remove_if_present(&partial).with_context(|| format!("removing {}", partial.display()))?;
        // Held until the copy is moved into place: a later backup that finds
        // this file locked knows it is not a leftover.
        let owner = std::fs::File::create(&partial)
            .with_context(|| format!("creating {}", partial.display()))?;
        owner
            .lock()
            .with_context(|| format!("locking {}", partial.display()))?;
        store
            .backup_to(&partial)
            .with_context(|| format!("writing {}", dest.display()))?;
        let report = claimdb::store::Store::open_read_only(&partial)
            .and_then(|copy| copy.check())
            .with_context(|| format!("checking the copy {}", partial.display()))?;
        if !report.is_ok() {
            anyhow::bail!(
                "the copy failed its check ({}); run claimdb check --db {}",
                report.failed().join(", "),
                args.db.db.display()
            );
        }
        std::fs::rename(&partial, dest)
            .with_context(|| format!("moving the copy to {}", dest.display()))?;
        Ok(report)
    })();
    let report = match copied {
        Ok(report) => report,
        Err(err) => {
            let _ = remove_if_present(&partial);
            return Err(err);
        }
    };
    let counts = report.counts;
    let mut out = super::output::stdout();
    writeln!(
        out,
        "backup {}: {} articles, {} claims, {} attributions, {} sources (schema version {}, checked)",
        super::output::visible_line(&dest.display().to_string()),
        counts.articles,
        counts.claims,
        counts.attributions,
        counts.sources,
        report.schema_version
    )?;
    out.flush()?;
    Ok(Outcome::Done)
}
