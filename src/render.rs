//! The article view: an article's text with each claim's content, source
//! mention and cue marked, as plain text (bracket markers), as terminal text
//! (ANSI colours) or as a self-contained HTML page.
//!
//! Marks may nest or cross (a claim inside another's quotation), so the text
//! is cut at every mark boundary and each piece is styled by the marks that
//! cover it: the output is well formed whatever the marks.

use crate::store::{MarkRole, StoredMark};
use std::collections::hash_map::{Entry, HashMap};
use std::fmt::Write;

/// A mark as the views use it: the stored mark plus the hover text of its claim.
#[derive(Debug, Clone)]
struct ViewMark<'a> {
    mark: &'a StoredMark,
    title: String,
}

/// Keeps one mark per stretch and role (several attributions of one claim
/// share its mention and cue), and gives each content mark the details of
/// all its claim's attributions.
fn view_marks(marks: &[StoredMark]) -> Vec<ViewMark<'_>> {
    let mut out: Vec<ViewMark> = Vec::new();
    let mut seen: HashMap<(usize, usize, MarkRole), usize> = HashMap::new();
    for mark in marks {
        match seen.entry((mark.start, mark.end, mark.role)) {
            Entry::Occupied(e) => {
                let existing = &mut out[*e.get()];
                if !existing.title.contains(&mark.detail) {
                    existing.title.push('\n');
                    existing.title.push_str(&mark.detail);
                }
            }
            Entry::Vacant(e) => {
                e.insert(out.len());
                out.push(ViewMark {
                    mark,
                    title: mark.detail.clone(),
                });
            }
        }
    }
    out
}

/// The pieces of text between mark boundaries, each with the marks that
/// cover it, in one sweep over the sorted boundaries (marks enter and leave
/// an active list, so the cost follows the marks, not marks × pieces).
fn pieces<'v, 'a>(
    body: &str,
    views: &'v [ViewMark<'a>],
) -> Vec<(usize, usize, Vec<&'v ViewMark<'a>>)> {
    let cuts = boundaries(body.len(), views);
    let mut by_start: Vec<&ViewMark> = views.iter().collect();
    by_start.sort_by_key(|v| v.mark.start);
    let mut next = 0;
    let mut active: Vec<&ViewMark> = Vec::new();
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        active.retain(|v| v.mark.end > start);
        while next < by_start.len() && by_start[next].mark.start <= start {
            if by_start[next].mark.end > start {
                active.push(by_start[next]);
            }
            next += 1;
        }
        if start < end && body.is_char_boundary(start) && body.is_char_boundary(end) {
            out.push((start, end, active.clone()));
        }
    }
    out
}

/// Every position where some mark starts or ends, with the text's ends.
fn boundaries(len: usize, marks: &[ViewMark]) -> Vec<usize> {
    let mut cuts: Vec<usize> = marks
        .iter()
        .flat_map(|v| [v.mark.start, v.mark.end])
        .filter(|&p| p <= len)
        .chain([0, len])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// The text with plain markers: `[mention]^S3` for a source as written
/// (source id 3), `<cue>` for the attributing words, `{#12 … #12}` around
/// claim 12's content.
pub fn plain(body: &str, marks: &[StoredMark]) -> String {
    let views = view_marks(marks);
    let mut events: Vec<(usize, u8, usize, String)> = Vec::new();
    for (i, v) in views.iter().enumerate() {
        let m = v.mark;
        if m.end > body.len() || !body.is_char_boundary(m.start) || !body.is_char_boundary(m.end) {
            continue;
        }
        let (open, close) = match m.role {
            MarkRole::Content => (format!("{{#{} ", m.claim_id), format!(" #{}}}", m.claim_id)),
            MarkRole::Mention => (
                "[".to_string(),
                match &m.source {
                    Some((id, _)) => format!("]^S{id}"),
                    None => "]".to_string(),
                },
            ),
            MarkRole::Cue => ("<".to_string(), ">".to_string()),
        };
        // At one position, closing markers come before opening ones.
        events.push((m.start, 1, usize::MAX - i, open));
        events.push((m.end, 0, i, close));
    }
    events.sort_by_key(|e| (e.0, e.1, e.2));
    let mut out = String::with_capacity(body.len() + events.len() * 4);
    let mut at = 0;
    for (pos, _, _, marker) in events {
        out.push_str(&body[at..pos]);
        out.push_str(&marker);
        at = pos;
    }
    out.push_str(&body[at..]);
    out
}

/// ANSI colours for sources in a terminal: red, green, yellow, blue, magenta, cyan.
const ANSI_COLOURS: [u8; 6] = [31, 32, 33, 34, 35, 36];

fn ansi_colour(source: Option<&(i64, String)>) -> u8 {
    source.map_or(90, |(id, _)| {
        ANSI_COLOURS[id.unsigned_abs() as usize % ANSI_COLOURS.len()]
    })
}

/// The text for a terminal: each claim's content in its source's colour,
/// source mentions bold in that colour, cues underlined.
pub fn ansi(body: &str, marks: &[StoredMark]) -> String {
    let views = view_marks(marks);
    let mut out = String::with_capacity(body.len() * 2);
    let mut at = 0;
    for (start, end, covering) in pieces(body, &views) {
        out.push_str(&body[at..start]);
        at = end;
        let mut codes: Vec<u8> = Vec::new();
        for v in covering {
            match v.mark.role {
                MarkRole::Content => codes.push(ansi_colour(v.mark.source.as_ref())),
                MarkRole::Mention => {
                    codes.push(1);
                    codes.push(ansi_colour(v.mark.source.as_ref()));
                }
                MarkRole::Cue => codes.push(4),
            }
        }
        let piece = &body[start..end];
        if codes.is_empty() {
            out.push_str(piece);
        } else {
            codes.dedup();
            let codes: Vec<String> = codes.iter().map(u8::to_string).collect();
            // Styles end before each line break so that a pager shows them per line.
            for (i, line) in piece.split('\n').enumerate() {
                if i > 0 {
                    out.push('\n');
                }
                if !line.is_empty() {
                    let _ = write!(out, "\x1b[{}m{line}\x1b[0m", codes.join(";"));
                }
            }
        }
    }
    out.push_str(&body[at..]);
    out
}

/// Escapes text for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A stable colour per source id (golden-angle hues), the same on every page.
fn hue(source: Option<&(i64, String)>) -> Option<u32> {
    source.map(|(id, _)| ((id.unsigned_abs() as f64 * 137.508) % 360.0) as u32)
}

/// What the HTML page shows besides the marked text.
#[derive(Debug, Clone, Default)]
pub struct Page<'a> {
    /// The article's title.
    pub title: &'a str,
    /// Lines under the title (publisher, id, counts).
    pub subtitle: &'a str,
    /// Column names of the attributions table.
    pub columns: &'a [String],
    /// Its rows, as text.
    pub rows: &'a [Vec<String>],
    /// Every source backing the article (id, name), for the legend.
    pub sources: &'a [(i64, String)],
}

/// A self-contained HTML page: the text with claims, mentions and cues
/// marked (sources coloured consistently; hovering a claim shows its source,
/// cue, kind, status, rule and confidence), a legend and the attributions table.
pub fn html(body: &str, marks: &[StoredMark], page: &Page) -> String {
    let views = view_marks(marks);
    let mut text = String::with_capacity(body.len() * 2);
    let mut at = 0;
    for (start, end, covering) in pieces(body, &views) {
        text.push_str(&escape_html(&body[at..start]));
        at = end;
        let mut open = String::new();
        let mut close = String::new();
        for v in &covering {
            let m = v.mark;
            let colour = hue(m.source.as_ref())
                .map(|h| format!(" style=\"--h:{h}\""))
                .unwrap_or_default();
            let class = match m.role {
                MarkRole::Content => "claim",
                MarkRole::Mention => "mention",
                MarkRole::Cue => "cue",
            };
            let _ = write!(
                open,
                "<span class=\"{class}{}\" data-claim=\"{}\"{colour} title=\"{}\">",
                if m.source.is_none() { " nosource" } else { "" },
                m.claim_id,
                escape_html(&v.title)
            );
            close.push_str("</span>");
        }
        text.push_str(&open);
        text.push_str(&escape_html(&body[start..end]));
        text.push_str(&close);
    }
    text.push_str(&escape_html(&body[at..]));

    let mut legend: Vec<&(i64, String)> = marks
        .iter()
        .filter_map(|m| m.source.as_ref())
        .chain(page.sources)
        .collect();
    legend.sort();
    legend.dedup();
    let mut legend_html = String::new();
    for source in legend {
        let _ = write!(
            legend_html,
            "<li><span class=\"swatch\" style=\"--h:{}\"></span>{} <small>(S{})</small></li>",
            hue(Some(source)).unwrap_or(0),
            escape_html(&source.1),
            source.0
        );
    }
    let mut table = String::from("<table><thead><tr>");
    for c in page.columns {
        let _ = write!(table, "<th>{}</th>", escape_html(c));
    }
    table.push_str("</tr></thead><tbody>");
    for row in page.rows {
        table.push_str("<tr>");
        for v in row {
            let _ = write!(table, "<td>{}</td>", escape_html(v));
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");

    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} · claimdb</title>
<style>
body {{ font: 16px/1.6 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }}
h1 {{ font-size: 1.5rem; margin-bottom: 0; }}
.subtitle {{ color: #666; margin-top: .25rem; }}
.text {{ white-space: pre-wrap; }}
.claim {{ background: hsl(var(--h, 0) 80% 92%); border-bottom: 2px solid hsl(var(--h, 0) 60% 55%); cursor: help; }}
.claim.nosource {{ background: #eee; border-bottom-color: #999; }}
.claim:hover {{ background: hsl(var(--h, 0) 85% 82%); }}
.mention {{ font-weight: 700; color: hsl(var(--h, 0) 70% 32%); }}
.cue {{ text-decoration: underline wavy; font-style: italic; }}
ul.legend {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }}
.swatch {{ display: inline-block; width: .9em; height: .9em; margin-right: .35em; vertical-align: -0.1em; background: hsl(var(--h) 60% 55%); border-radius: 2px; }}
table {{ border-collapse: collapse; font-size: .85rem; margin-top: 1rem; width: 100%; }}
td:last-child {{ min-width: 22rem; }}
th, td {{ border: 1px solid #ccc; padding: .2rem .4rem; text-align: left; vertical-align: top; }}
th {{ background: #f4f4f4; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p class="subtitle">{subtitle}</p>
<h2>Sources</h2>
<ul class="legend">{legend_html}</ul>
<h2>Text</h2>
<p class="help">Claims are highlighted in their source's colour; <b>bold</b> is the source as written, <i>wavy underline</i> the cue. Hover a claim for its source, cue, kind, status, rule and confidence.</p>
<div class="text">{text}</div>
<h2>Attributions</h2>
{table}
</body>
</html>
"#,
        title = escape_html(page.title),
        subtitle = escape_html(page.subtitle),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(
        start: usize,
        end: usize,
        role: MarkRole,
        claim: i64,
        source: Option<i64>,
    ) -> StoredMark {
        StoredMark {
            start,
            end,
            role,
            claim_id: claim,
            attribution_id: Some(claim * 10),
            source: source.map(|id| (id, format!("Source {id}"))),
            detail: format!("claim {claim}"),
        }
    }

    const TEXT: &str = "Rates will rise, the bank said.";

    fn marks() -> Vec<StoredMark> {
        vec![
            mark(0, 15, MarkRole::Content, 1, Some(3)),
            mark(17, 25, MarkRole::Mention, 1, Some(3)),
            mark(26, 30, MarkRole::Cue, 1, Some(3)),
        ]
    }

    #[test]
    fn plain_markers() {
        assert_eq!(
            plain(TEXT, &marks()),
            "{#1 Rates will rise #1}, [the bank]^S3 <said>."
        );
    }

    #[test]
    fn crossing_marks_stay_labelled_and_html_well_formed() {
        let mut m = marks();
        m.push(mark(6, 20, MarkRole::Content, 2, None));
        let text = plain(TEXT, &m);
        assert!(text.contains("{#2 ") && text.contains(" #2}"));
        let page = html(TEXT, &m, &Page::default());
        assert_eq!(
            page.matches("<span").count(),
            page.matches("</span>").count()
        );
        assert!(page.contains("title=\"claim 1\""));
    }

    #[test]
    fn ansi_colours_and_plain_text_survive() {
        let text = ansi(TEXT, &marks());
        assert!(text.contains("\x1b[1;"));
        assert!(text.contains("\x1b[4msaid\x1b[0m"));
        let stripped: String = {
            let mut s = String::new();
            let mut in_escape = false;
            for c in text.chars() {
                match (in_escape, c) {
                    (false, '\x1b') => in_escape = true,
                    (true, 'm') => in_escape = false,
                    (true, _) => {}
                    (false, c) => s.push(c),
                }
            }
            s
        };
        assert_eq!(stripped, TEXT);
    }

    #[test]
    fn html_escapes_text_and_titles() {
        let page = html(
            "<b>\"x\"</b>",
            &[],
            &Page {
                title: "A & B",
                ..Page::default()
            },
        );
        assert!(page.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"));
        assert!(page.contains("<title>A &amp; B · claimdb</title>"));
    }
}
