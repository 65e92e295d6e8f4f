//! `claimdb show`: an article with its claims marked, then its attributions.

use super::output::{print_rows, to_text, FormatArgs};
use super::{DbArgs, Outcome};
use anyhow::{Context, Result};
use claimdb::render;
use clap::Args;
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

/// Arguments of `claimdb show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article id (see `claimdb query "SELECT id, title FROM articles"`).
    article_id: i64,
    /// Write a self-contained HTML page of the same view to this file.
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,
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
        std::fs::write(path, page).with_context(|| format!("writing {}", path.display()))?;
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
