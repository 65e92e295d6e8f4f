//! `claimdb show`: an article with its claims marked, then its attributions.

use super::output::{print_rows, to_text, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use claimdb::render;
use clap::Args;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Arguments of `claimdb show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id (see `claimdb query "SELECT id, title FROM articles"`).
    article_id: i64,
    /// Write a self-contained HTML page of the same view to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
    /// Replace the --html file if it exists (never the database or its -wal/-shm files).
    #[arg(long, requires = "html")]
    force: bool,
    /// Colours: auto (on a terminal), always, never (bracket markers).
    #[arg(long, value_enum, default_value_t = ColourChoice::Auto)]
    color: ColourChoice,
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    format: FormatArgs,
}

/// When to colour the text.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ColourChoice {
    /// On a terminal only.
    Auto,
    /// Always.
    Always,
    /// Never: bracket markers instead.
    Never,
}

/// Prints the view (or writes the page).
pub fn run(args: ShowArgs) -> Result<Outcome> {
    if let Some(path) = &args.html {
        refuse_to_overwrite(path, &args.db.db, args.force)?;
    }
    let store = args.db.open_read_only()?;
    let article = store.article(args.article_id)?;
    let marks = store.article_marks(article.id)?;
    let rows = store.article_attributions(article.id)?;
    let title = article.title.as_deref().unwrap_or("(untitled)");
    let subtitle = format!(
        "article {} · publisher {} · {} attribution(s)",
        article.id,
        article.publisher.as_deref().unwrap_or("unknown"),
        rows.rows.len()
    );
    if let Some(path) = &args.html {
        let text_rows: Vec<Vec<String>> = rows
            .rows
            .iter()
            .map(|r| r.iter().map(to_text).collect())
            .collect();
        let page = render::html(
            &article.body,
            &marks,
            &render::Page {
                title,
                subtitle: &subtitle,
                columns: &rows.columns,
                rows: &text_rows,
                sources: &store.article_sources(article.id)?,
            },
        );
        write_replacing(path, page.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
        return Ok(Outcome::Done);
    }
    let colour = match args.color {
        ColourChoice::Always => true,
        ColourChoice::Never => false,
        ColourChoice::Auto => io::stdout().is_terminal(),
    };
    let text = if colour {
        render::ansi(&article.body, &marks)
    } else {
        render::plain(&article.body, &marks)
    };
    {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        writeln!(out, "{title}\n{subtitle}\n")?;
        writeln!(out, "{text}\n")?;
        if !colour {
            writeln!(
                out,
                "markers: {{#C … #C}} claim C's content, [mention]^S source S as written, <cue> attributing words\n"
            )?;
        }
        out.flush()?;
    }
    print_rows(&rows, args.format.format(super::output::Format::Table))?;
    Ok(Outcome::Done)
}

/// Refuses to write the page over the database (or its journal files), and
/// over any existing file unless `--force`: a mistyped `--html c.db` deleted it.
fn refuse_to_overwrite(page: &Path, db: &Path, force: bool) -> Result<()> {
    let canonical = |p: &Path| {
        // The file may not exist yet: compare its folder's real path and its name.
        let parent = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let folder = std::fs::canonicalize(parent).ok()?;
        Some(folder.join(p.file_name()?))
    };
    if let (Some(page_path), Some(db_path)) = (canonical(page), canonical(db)) {
        let db_files = ["", "-wal", "-shm", "-journal"].map(|suffix| {
            let mut name = db_path.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        });
        if db_files.contains(&page_path) {
            anyhow::bail!(
                "refusing to write the page to {}: it is the database or one of its files",
                page.display()
            );
        }
    }
    if page.exists() && !force {
        anyhow::bail!(
            "{} already exists (add --force to replace it)",
            page.display()
        );
    }
    Ok(())
}

/// Writes `bytes` to a temporary file beside `path`, then renames it into
/// place: a reader never sees half a page, and a failed write leaves the old file.
fn write_replacing(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let folder = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(folder)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
