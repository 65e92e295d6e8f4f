//! Printing rows the way sqlite-utils does: `--json` (an array), `--nl` (one
//! object per line), `--csv`, `--tsv`, `--table`, with `--no-headers` and
//! `--width`. Everything a command prints goes through a writer whose errors
//! reach [`super::run`], which treats a closed pipe (`claimdb … | head`) as the
//! end of the output, not a failure: nothing here prints with `println!`,
//! which panics on a closed pipe.
//!
//! Human-readable output (tables, the marked article, messages) shows control
//! characters visibly ([`visible`]): article text, notes and reviewer names
//! come from outside, and a raw escape sequence could retitle the terminal or
//! write the clipboard. The data formats (JSON, CSV, TSV) keep values exact.

use claimdb::store::Rows;
use clap::Args;
use comfy_table::{ColumnConstraint, ContentArrangement, Row, Table};
use rusqlite::types::Value;
use serde_json::{Map, Value as Json};
use std::borrow::Cow;
use std::io::{self, IsTerminal, Write};

/// The output format flags shared by every command that prints rows.
#[derive(Debug, Clone, Copy, Args, Default)]
pub struct FormatArgs {
    #[command(flatten)]
    choice: FormatChoice,
    /// CSV, TSV and tables without the header row.
    #[arg(long)]
    pub no_headers: bool,
    /// Fit tables into this many columns, wrapping long text (default: the
    /// terminal's width on a terminal; no wrapping otherwise).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
}

/// One format at most.
#[derive(Debug, Clone, Copy, Args, Default)]
#[group(multiple = false)]
struct FormatChoice {
    /// Print a JSON array of objects (keys in column order).
    #[arg(long)]
    json: bool,
    /// Print newline-delimited JSON: one object per line.
    #[arg(long)]
    nl: bool,
    /// Print CSV with a header row.
    #[arg(long)]
    csv: bool,
    /// Print tab-separated values with a header row (tab, newline, carriage
    /// return and backslash in values written as \t, \n, \r and \\).
    #[arg(long)]
    tsv: bool,
    /// Print a table for reading in a terminal.
    #[arg(long)]
    table: bool,
}

/// One of the output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JSON array.
    Json,
    /// One JSON object per line.
    Nl,
    /// CSV with a header.
    Csv,
    /// Tab-separated values with a header.
    Tsv,
    /// A text table.
    Table,
}

/// How rows are printed: the format and its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// The format.
    pub format: Format,
    /// Whether CSV, TSV and tables get a header row.
    pub headers: bool,
    /// The width tables are fitted into, when they are fitted.
    pub width: Option<u16>,
    /// Whether stdout is a terminal: tables then fit its width and cut very long cells.
    pub terminal: bool,
}

impl Style {
    /// The defaults for `format`: headers, stdout's own width.
    pub fn of(format: Format) -> Style {
        Style {
            format,
            headers: true,
            width: None,
            terminal: io::stdout().is_terminal(),
        }
    }

    /// True for a text table.
    pub fn is_table(&self) -> bool {
        self.format == Format::Table
    }
}

impl FormatArgs {
    /// The chosen style; `default` is the format when no flag is given.
    pub fn format(self, default: Format) -> Style {
        let c = self.choice;
        let format = if c.json {
            Format::Json
        } else if c.nl {
            Format::Nl
        } else if c.csv {
            Format::Csv
        } else if c.tsv {
            Format::Tsv
        } else if c.table {
            Format::Table
        } else {
            default
        };
        Style {
            headers: !self.no_headers,
            width: self.width,
            ..Style::of(format)
        }
    }

    /// The chosen style, defaulting to a table on a terminal and JSON otherwise.
    pub fn format_for_terminal(self) -> Style {
        self.format(if io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        })
    }
}

/// Buffered, locked stdout. Call `flush` at the end: dropping it would
/// swallow a write error, and with it a closed pipe's.
pub fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::new(io::stdout().lock())
}

/// True for characters that must not reach a terminal raw: C0 controls, DEL,
/// C1 controls and the bidirectional overrides and isolates (which reorder
/// what a reader sees, "Trojan Source" style).
fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text for one line (messages, titles): every unsafe character written
/// visibly (`\x1b`, `\u{202e}`, `\n`). Backslashes are left as they are, so
/// a literal `\x1b` in the text reads the same as an escaped one: this output
/// is for reading; the data formats are exact.
pub fn visible_line(text: &str) -> Cow<'_, str> {
    escape(text, is_unsafe)
}

fn escape(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// How one unsafe character is shown.
fn escaped(c: char) -> String {
    match c {
        '\t' => "\\t".into(),
        '\n' => "\\n".into(),
        '\r' => "\\r".into(),
        c if (c as u32) < 0x80 => format!("\\x{:02x}", c as u32),
        c => format!("\\u{{{:x}}}", c as u32),
    }
}

/// Escapes unsafe characters in `body` for a terminal, except newlines and
/// tabs, which lay text out, and moves the byte
/// offsets `at` (which lie on character boundaries of `body`) to the same
/// places in the escaped text, so marks can be drawn on it.
pub fn visible_with_offsets(body: &str, at: &mut [usize]) -> String {
    let unsafe_char = |c: char| c != '\n' && c != '\t' && is_unsafe(c);
    if !body.chars().any(unsafe_char) {
        return body.to_string();
    }
    // (offset in body of an escaped character, bytes added by it and all before it).
    let mut shifts: Vec<(usize, usize)> = Vec::new();
    let mut out = String::with_capacity(body.len() + 16);
    for (i, c) in body.char_indices() {
        if unsafe_char(c) {
            let e = escaped(c);
            let added = shifts.last().map_or(0, |s| s.1) + e.len() - c.len_utf8();
            out.push_str(&e);
            shifts.push((i, added));
        } else {
            out.push(c);
        }
    }
    for offset in at.iter_mut() {
        // Characters escaped strictly before the offset move it along.
        let before = shifts.partition_point(|&(i, _)| i < *offset);
        if before > 0 {
            *offset += shifts[before - 1].1;
        }
    }
    out
}

/// A value as JSON: text, numbers and null as themselves; blobs as hex strings.
pub fn to_json(value: &Value) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Integer(i) => Json::from(*i),
        Value::Real(f) => serde_json::Number::from_f64(*f).map_or(Json::Null, Json::Number),
        Value::Text(s) => Json::from(s.as_str()),
        Value::Blob(b) => Json::from(b.iter().map(|x| format!("{x:02x}")).collect::<String>()),
    }
}

/// A value as display text: NULL empty, numbers and text as written.
pub fn to_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::Real(f) => format!("{f}"),
        other => match to_json(other) {
            Json::String(s) => s,
            j => j.to_string(),
        },
    }
}

/// Column names made unique, in order: a second `id` becomes `id_2`, a third
/// `id_3` (skipping names already taken), so no format drops a column.
pub fn unique_columns(columns: &[String]) -> Vec<String> {
    let taken: std::collections::HashSet<&str> = columns.iter().map(String::as_str).collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(columns.len());
    let mut extra: Vec<String> = Vec::new();
    for c in columns {
        if seen.insert(c.as_str()) {
            out.push(c.clone());
            continue;
        }
        let mut n = 2;
        let name = loop {
            let candidate = format!("{c}_{n}");
            if !taken.contains(candidate.as_str()) && !extra.contains(&candidate) {
                break candidate;
            }
            n += 1;
        };
        extra.push(name.clone());
        out.push(name);
    }
    out
}

/// One row as a JSON object keyed by column name, in column order.
pub fn object(columns: &[String], row: &[Value]) -> Map<String, Json> {
    object_of(&unique_columns(columns), row)
}

/// [`object`] for columns already made unique.
fn object_of(unique: &[String], row: &[Value]) -> Map<String, Json> {
    let mut map = Map::with_capacity(unique.len());
    for (c, v) in unique.iter().zip(row) {
        map.insert(c.clone(), to_json(v));
    }
    map
}

/// Prints rows to stdout in `style`.
pub fn print_rows(rows: &Rows, style: Style) -> io::Result<()> {
    let mut out = stdout();
    write_rows(&mut out, rows, style)?;
    out.flush()
}

/// The inner I/O error of a CSV error, so that a closed pipe is still seen as one.
fn csv_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// A TSV field: tab, newline, carriage return and backslash escaped.
fn tsv_field(text: &str) -> Cow<'_, str> {
    if !text.contains(['\t', '\n', '\r', '\\']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 4);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes rows to `out` in `style`.
pub fn write_rows(out: &mut impl Write, rows: &Rows, style: Style) -> io::Result<()> {
    let columns = unique_columns(&rows.columns);
    match style.format {
        Format::Json => {
            writeln!(out, "[")?;
            for (i, row) in rows.rows.iter().enumerate() {
                let sep = if i + 1 < rows.rows.len() { "," } else { "" };
                writeln!(out, "  {}{sep}", Json::Object(object_of(&columns, row)))?;
            }
            writeln!(out, "]")
        }
        Format::Nl => {
            for row in &rows.rows {
                writeln!(out, "{}", Json::Object(object_of(&columns, row)))?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            if style.headers {
                w.write_record(&columns).map_err(csv_io)?;
            }
            for row in &rows.rows {
                w.write_record(row.iter().map(to_text)).map_err(csv_io)?;
            }
            w.flush()
        }
        Format::Tsv => {
            let mut line = String::new();
            let mut emit = |out: &mut dyn Write, fields: &mut dyn Iterator<Item = String>| {
                line.clear();
                for (i, f) in fields.enumerate() {
                    if i > 0 {
                        line.push('\t');
                    }
                    line.push_str(&tsv_field(&f));
                }
                writeln!(out, "{line}")
            };
            if style.headers {
                emit(out, &mut columns.iter().cloned())?;
            }
            for row in &rows.rows {
                emit(out, &mut row.iter().map(to_text))?;
            }
            Ok(())
        }
        Format::Table => writeln!(out, "{}", table(&columns, &rows.rows, style)),
    }
}

/// Lines a cell may take on a terminal before it is cut with `…`.
const MAX_CELL_LINES: usize = 6;

/// Text columns whose longest value is at most this wide are kept whole when
/// a table must shrink: the long columns (claims, notes) wrap instead.
const SHORT_TEXT: usize = 14;

/// A header this wide or narrower is not wrapped over a narrow column.
const HEADER_KEPT: usize = 8;

/// A table for reading: cells escaped; fitted into `--width`, else into the
/// terminal on a terminal (where very long cells are cut with `…`), else not
/// fitted. When it must shrink, number columns (ids) and short text columns
/// keep their width and long text columns wrap.
fn table(columns: &[String], rows: &[Vec<Value>], style: Style) -> String {
    let mut table = Table::new();
    table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
    table.set_truncation_indicator("…");
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|v| visible_cell(&to_text(v))).collect())
        .collect();
    if style.headers {
        table.set_header(columns.iter().map(|c| visible_line(c).into_owned()));
    }
    for row in &cells {
        let mut cells = Row::from(row);
        if style.terminal {
            cells.max_height(MAX_CELL_LINES);
        }
        table.add_row(cells);
    }
    if let Some(width) = style.width {
        table.set_width(width);
    }
    if style.width.is_some() || style.terminal {
        table.set_content_arrangement(ContentArrangement::Dynamic);
        // The terminal's width when no --width was given.
        if let Some(width) = table.width() {
            for (i, constraint) in constraints(columns, rows, &cells, style.headers, width) {
                if let Some(column) = table.column_mut(i) {
                    column.set_constraint(constraint);
                }
            }
        }
    }
    let mut text = table.to_string();
    if text.ends_with('\n') {
        text.pop();
    }
    text
}

/// Column widths for a table wider than `width` (none when it fits): number
/// columns as wide as their longest value, short text columns likewise when
/// there is room, and the rest of the width shared among the other columns in
/// proportion to their natural widths, so that the long text wraps least.
fn constraints(
    columns: &[String],
    rows: &[Vec<Value>],
    cells: &[Vec<String>],
    headers: bool,
    width: u16,
) -> Vec<(usize, ColumnConstraint)> {
    use unicode_width::UnicodeWidthStr;
    let width = width as usize;
    let line_width = |s: &str| s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
    let values: Vec<usize> = (0..columns.len())
        .map(|i| cells.iter().map(|r| line_width(&r[i])).max().unwrap_or(0))
        .collect();
    let header = |i: usize| if headers { line_width(&columns[i]) } else { 0 };
    let full = |i: usize| values[i].max(header(i)).max(1);
    let capped = |i: usize| values[i].max(header(i).min(HEADER_KEPT)).max(1);
    // Each column has one space of padding on either side and a border after it.
    let chrome = 3 * columns.len() + 1;
    if (0..columns.len()).map(full).sum::<usize>() + chrome <= width {
        return Vec::new();
    }
    let numeric = |i: usize| {
        rows.iter().all(|r| {
            matches!(
                r.get(i),
                Some(Value::Integer(_) | Value::Real(_) | Value::Null)
            )
        })
    };
    let (numbers, texts): (Vec<usize>, Vec<usize>) = (0..columns.len()).partition(|&i| numeric(i));
    let (short, long): (Vec<usize>, Vec<usize>) =
        texts.into_iter().partition(|&i| values[i] <= SHORT_TEXT);
    let room = |i: usize| full(i).min(MIN_WRAPPED);
    let mut widths = vec![0; columns.len()];
    let mut flexible = long.clone();
    // Whole headers if they fit, else headers wrapped over narrow columns.
    let kept: &dyn Fn(usize) -> usize = if numbers
        .iter()
        .chain(&short)
        .map(|&i| full(i))
        .sum::<usize>()
        + long.iter().map(|&i| room(i)).sum::<usize>()
        + chrome
        <= width
    {
        &full
    } else {
        &capped
    };
    // Room for every text column to wrap in; a short one is kept whole
    // (instead of wrapped) while that still fits.
    let mut used = chrome
        + long.iter().map(|&i| full(i).min(LONG_ROOM)).sum::<usize>()
        + short.iter().map(|&i| room(i)).sum::<usize>();
    for &i in &numbers {
        widths[i] = kept(i);
        used += kept(i);
    }
    for &i in &short {
        if used - room(i) + kept(i) <= width {
            widths[i] = kept(i);
            used = used - room(i) + kept(i);
        } else {
            flexible.push(i);
        }
    }
    let fixed: usize = widths.iter().sum();
    share(
        &mut widths,
        &flexible,
        width.saturating_sub(chrome + fixed),
        &full,
    );
    widths
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            let with_padding = u16::try_from(w.max(1) + 2).unwrap_or(u16::MAX);
            (
                i,
                ColumnConstraint::Absolute(comfy_table::Width::Fixed(with_padding)),
            )
        })
        .collect()
}

/// Room a long text column keeps before a short column is kept whole.
const LONG_ROOM: usize = 16;

/// The narrowest a wrapped column gets (unless its content is narrower).
const MIN_WRAPPED: usize = 6;

/// Shares `room` among `columns`: each gets [`MIN_WRAPPED`] (or less when its
/// content is narrower), and what is left is shared in proportion to how much
/// more each needs to be whole, so the longest text wraps least.
fn share(widths: &mut [usize], columns: &[usize], room: usize, natural: &dyn Fn(usize) -> usize) {
    for &i in columns {
        widths[i] = natural(i).min(MIN_WRAPPED);
    }
    let extra = room.saturating_sub(columns.iter().map(|&i| widths[i]).sum());
    let wants: Vec<(usize, usize)> = columns
        .iter()
        .map(|&i| (i, natural(i) - widths[i]))
        .collect();
    let total: usize = wants.iter().map(|w| w.1).sum();
    for (i, want) in wants {
        widths[i] += if total <= extra {
            want
        } else {
            extra * want / total
        };
    }
}

/// A table cell: line breaks kept (the table lays them out), every other
/// unsafe character written visibly.
fn visible_cell(text: &str) -> String {
    escape(text, |c| c != '\n' && is_unsafe(c)).into_owned()
}

/// Writes rows that describe one thing each (an attribution, a source): a
/// table shows each row as field/value lines, which reads better than a very
/// wide table; the data formats are the same as for [`write_rows`].
pub fn write_record(out: &mut impl Write, rows: &Rows, style: Style) -> io::Result<()> {
    if !style.is_table() {
        return write_rows(out, rows, style);
    }
    for row in &rows.rows {
        let vertical = Rows {
            columns: vec!["field".into(), "value".into()],
            rows: unique_columns(&rows.columns)
                .into_iter()
                .zip(row)
                .map(|(c, v)| vec![Value::Text(c), v.clone()])
                .collect(),
        };
        write_rows(out, &vertical, style)?;
    }
    Ok(())
}

/// [`write_record`] to stdout.
pub fn print_record(rows: &Rows, style: Style) -> io::Result<()> {
    let mut out = stdout();
    write_record(&mut out, rows, style)?;
    out.flush()
}

/// True when an error chain ends in a closed pipe: the reader went away, which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io_kind = e
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                e.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        io_kind == Some(io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Rows {
        Rows {
            columns: vec!["name".into(), "n".into()],
            rows: vec![
                vec![Value::Text("Reuters, \"AP\"".into()), Value::Integer(2)],
                vec![Value::Null, Value::Real(0.5)],
            ],
        }
    }

    fn render(rows: &Rows, format: Format) -> String {
        let mut buf = Vec::new();
        let style = Style {
            format,
            headers: true,
            width: None,
            terminal: false,
        };
        write_rows(&mut buf, rows, style).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn formats() {
        let json: Json = serde_json::from_str(&render(&sample(), Format::Json)).unwrap();
        assert_eq!(json[0]["name"], "Reuters, \"AP\"");
        assert_eq!(json[1]["n"], 0.5);
        let nl = render(&sample(), Format::Nl);
        assert_eq!(nl.lines().count(), 2);
        assert!(render(&sample(), Format::Csv).starts_with("name,n\n\"Reuters, \"\"AP\"\"\",2\n"));
        assert!(render(&sample(), Format::Table).contains("Reuters"));
    }

    #[test]
    fn tsv_escapes_tabs_newlines_and_backslashes() {
        let rows = Rows {
            columns: vec!["a".into(), "b".into()],
            rows: vec![vec![
                Value::Text("one\ttwo\nthree\\".into()),
                Value::Integer(1),
            ]],
        };
        assert_eq!(
            render(&rows, Format::Tsv),
            "a\tb\none\\ttwo\\nthree\\\\\t1\n"
        );
    }

    #[test]
    fn control_characters_are_shown_not_sent() {
        let text = |s: &str| visible_with_offsets(s, &mut []);
        assert_eq!(text("a\x1b]0;x\x07b\n\tc"), "a\\x1b]0;x\\x07b\n\tc");
        assert_eq!(text("\u{202e}evil\u{9b}"), "\\u{202e}evil\\u{9b}");
        assert_eq!(visible_line("a\nb\tc\r\u{7f}"), "a\\nb\\tc\\r\\x7f");
        assert!(matches!(visible_line("plain, ünïcode"), Cow::Borrowed(_)));
    }

    #[test]
    fn offsets_follow_the_escapes() {
        let body = "a\x1bbc\x07d";
        let mut at = [0, 1, 2, 3, 5, 6];
        let text = visible_with_offsets(body, &mut at);
        assert_eq!(text, "a\\x1bbc\\x07d");
        let pieces: Vec<&str> = at.windows(2).map(|w| &text[w[0]..w[1]]).collect();
        assert_eq!(pieces, ["a", "\\x1b", "b", "c\\x07", "d"]);
    }

    #[test]
    fn terminal_tables_cut_very_long_cells() {
        let long = "word ".repeat(400);
        let rows = vec![vec![Value::Integer(123456), Value::Text(long.clone())]];
        let columns = vec!["id".to_string(), "text".to_string()];
        let style = |terminal| Style {
            format: Format::Table,
            headers: true,
            width: Some(40),
            terminal,
        };
        let cut = table(&columns, &rows, style(true));
        assert!(cut.contains('…'), "{cut}");
        // Header, its rule, borders and MAX_CELL_LINES lines of text.
        assert_eq!(cut.lines().count(), 1 + 1 + 1 + 1 + MAX_CELL_LINES, "{cut}");
        assert!(cut.lines().all(|l| l.chars().count() <= 40), "{cut}");
        assert!(cut.contains("123456"), "{cut}");
        // Elsewhere the whole text is kept, wrapped.
        let whole = table(&columns, &rows, style(false));
        assert!(!whole.contains('…'));
        assert_eq!(whole.matches("word").count(), 400);
    }

    #[test]
    fn repeated_column_names_are_numbered() {
        let cols: Vec<String> = ["id", "id", "id_2", "id"].map(String::from).to_vec();
        assert_eq!(unique_columns(&cols), ["id", "id_3", "id_2", "id_4"]);
    }
}
