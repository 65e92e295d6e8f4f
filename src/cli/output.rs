//! Printing rows the way sqlite-utils does: `--json` (an array), `--nl` (one
//! object per line), `--csv`, `--table`. Output goes through a locked, buffered
//! stdout; a closed pipe (`claimdb … | head`) is not an error.

use claimdb::store::Rows;
use clap::Args;
use rusqlite::types::Value;
use serde_json::{Map, Value as Json};
use std::io::{self, IsTerminal, Write};

/// The output format flags shared by every command that prints rows.
#[derive(Debug, Clone, Copy, Args, Default)]
#[group(multiple = false)]
pub struct FormatArgs {
    /// Print a JSON array of objects.
    #[arg(long)]
    pub json: bool,
    /// Print newline-delimited JSON: one object per line.
    #[arg(long)]
    pub nl: bool,
    /// Print CSV with a header row.
    #[arg(long)]
    pub csv: bool,
    /// Print a table for reading in a terminal.
    #[arg(long)]
    pub table: bool,
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
    /// A text table.
    Table,
}

impl FormatArgs {
    /// The chosen format; `default` when no flag is given.
    pub fn format(self, default: Format) -> Format {
        if self.json {
            Format::Json
        } else if self.nl {
            Format::Nl
        } else if self.csv {
            Format::Csv
        } else if self.table {
            Format::Table
        } else {
            default
        }
    }

    /// The chosen format, defaulting to a table on a terminal and JSON otherwise.
    pub fn format_for_terminal(self) -> Format {
        self.format(if io::stdout().is_terminal() {
            Format::Table
        } else {
            Format::Json
        })
    }
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

/// One row as a JSON object keyed by column name.
pub fn object(columns: &[String], row: &[Value]) -> Map<String, Json> {
    let mut map = Map::with_capacity(columns.len());
    for (c, v) in columns.iter().zip(row) {
        map.insert(c.clone(), to_json(v));
    }
    map
}

/// Prints rows to stdout in `format`.
pub fn print_rows(rows: &Rows, format: Format) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    write_rows(&mut out, rows, format)?;
    out.flush()
}

/// Writes rows to `out` in `format`.
pub fn write_rows(out: &mut impl Write, rows: &Rows, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            writeln!(out, "[")?;
            for (i, row) in rows.rows.iter().enumerate() {
                let sep = if i + 1 < rows.rows.len() { "," } else { "" };
                writeln!(out, "  {}{sep}", Json::Object(object(&rows.columns, row)))?;
            }
            writeln!(out, "]")
        }
        Format::Nl => {
            for row in &rows.rows {
                writeln!(out, "{}", Json::Object(object(&rows.columns, row)))?;
            }
            Ok(())
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(&rows.columns).map_err(io::Error::other)?;
            for row in &rows.rows {
                w.write_record(row.iter().map(to_text))
                    .map_err(io::Error::other)?;
            }
            w.flush()
        }
        Format::Table => {
            let mut table = comfy_table::Table::new();
            table.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED);
            if io::stdout().is_terminal() {
                table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
            }
            table.set_header(&rows.columns);
            for row in &rows.rows {
                table.add_row(row.iter().map(to_text));
            }
            writeln!(out, "{table}")
        }
    }
}

/// Prints rows that describe one thing each (an attribution, a source): a
/// table shows each row as field/value lines, which reads better than a very
/// wide table; the data formats are the same as for [`print_rows`].
pub fn print_record(rows: &Rows, format: Format) -> io::Result<()> {
    if format != Format::Table {
        return print_rows(rows, format);
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for row in &rows.rows {
        let vertical = Rows {
            columns: vec!["field".into(), "value".into()],
            rows: rows
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| vec![Value::Text(c.clone()), v.clone()])
                .collect(),
        };
        write_rows(&mut out, &vertical, Format::Table)?;
    }
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

    fn render(format: Format) -> String {
        let mut buf = Vec::new();
        write_rows(&mut buf, &sample(), format).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn formats() {
        let json: Json = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(json[0]["name"], "Reuters, \"AP\"");
        assert_eq!(json[1]["n"], 0.5);
        let nl = render(Format::Nl);
        assert_eq!(nl.lines().count(), 2);
        assert!(render(Format::Csv).starts_with("name,n\n\"Reuters, \"\"AP\"\"\",2\n"));
        assert!(render(Format::Table).contains("Reuters"));
    }
}
