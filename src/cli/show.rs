//! `claimdb show`: an article with its claims marked, then its attributions.

use super::output::{self, to_text, Format, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use claimdb::render;
use claimdb::store::StoredMark;
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
        let mut out = output::stdout();
        writeln!(
            out,
            "wrote {}",
            output::visible_line(&path.display().to_string())
        )?;
        out.flush()?;
        return Ok(Outcome::Done);
    }
    let style = args.format.format(Format::Table);
    let mut out = output::stdout();
    match style.format {
        Format::Table => {
            let colour = match args.color {
                ColourChoice::Always => true,
                ColourChoice::Never => false,
                ColourChoice::Auto => io::stdout().is_terminal(),
            };
            writeln!(
                out,
                "{}\n{}\n",
                output::visible_line(title),
                output::visible_line(&subtitle)
            )?;
            writeln!(
                out,
                "{}\n",
                marked_for_terminal(&article.body, &marks, colour)
            )?;
            if !colour {
                writeln!(
                    out,
                    "markers: {{#C … #C}} claim C's content, [mention]^S source S as written, <cue> attributing words\n"
                )?;
            }
            output::write_rows(&mut out, &rows, style)?;
        }
        Format::Json => {
            // One document: the article, its text with plain markers, and its attributions.
            let mut doc = serde_json::Map::new();
            doc.insert("id".into(), article.id.into());
            doc.insert("title".into(), article.title.clone().into());
            doc.insert("publisher".into(), article.publisher.clone().into());
            doc.insert("body".into(), article.body.clone().into());
            doc.insert("marked".into(), render::plain(&article.body, &marks).into());
            let attributions = rows
                .rows
                .iter()
                .map(|row| serde_json::Value::Object(output::object(&rows.columns, row)))
                .collect();
            doc.insert(
                "attributions".into(),
                serde_json::Value::Array(attributions),
            );
            serde_json::to_writer_pretty(&mut out, &serde_json::Value::Object(doc))?;
            writeln!(out)?;
        }
        // The row formats carry the attributions, one row each.
        Format::Nl | Format::Csv | Format::Tsv => output::write_rows(&mut out, &rows, style)?,
    }
    out.flush()?;
    Ok(Outcome::Done)
}

/// The article text with its marks, control characters shown visibly: the
/// marks are moved onto the escaped text, so the colours (the only escape
/// codes written) stay where they belong.
fn marked_for_terminal(body: &str, marks: &[StoredMark], colour: bool) -> String {
    let mut offsets: Vec<usize> = marks.iter().flat_map(|m| [m.start, m.end]).collect();
    let text = output::visible_with_offsets(body, &mut offsets);
    let moved: Vec<StoredMark> = marks
        .iter()
        .zip(offsets.chunks(2))
        .map(|(m, at)| StoredMark {
            start: at[0],
            end: at[1],
            ..m.clone()
        })
        .collect();
    if colour {
        render::ansi(&text, &moved)
    } else {
        render::plain(&text, &moved)
    }
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
