//! A metadata sidecar: a CSV or TSV table with one row per article file,
//! keyed by file name, giving what the text itself does not say (title,
//! address, publisher, author, publication date).

use super::{Field, InputError, Origin};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Column names that hold the file name a row describes.
pub const KEY_COLUMNS: [&str; 3] = ["filename", "file", "path"];

/// One row of a metadata table: the fields it sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetadataRow {
    /// 1-based line number in the table (the header is line 1).
    pub line: u64,
    /// Non-empty values, by field.
    pub values: Vec<(Field, String)>,
}

/// A metadata table loaded in memory (it is one row per article, not the
/// articles themselves).
#[derive(Debug, Clone)]
pub struct Metadata {
    path: PathBuf,
    rows: HashMap<String, MetadataRow>,
    ignored: Vec<String>,
}

impl Metadata {
    /// Loads a table. Tab-separated when the name ends in `.tsv` or `.tab`
    /// (or, for other names, when the header has a tab), comma-separated
    /// otherwise; the first row names the columns. One column is the key
    /// ([`KEY_COLUMNS`]); columns named like a [`Field`] are read; others are
    /// kept aside as [`Metadata::ignored_columns`].
    pub fn load(path: &Path) -> Result<Metadata, InputError> {
        let fail = |line: Option<u64>, reason: String| InputError::Metadata {
            origin: Origin {
                path: path.to_path_buf(),
                line,
            },
            reason,
        };
        let bytes = std::fs::read(path).map_err(|source| InputError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let tabs = match ext.as_deref() {
            Some("tsv" | "tab") => true,
            Some("csv") => false,
            _ => bytes
                .split(|&b| b == b'\n')
                .next()
                .is_some_and(|h| h.contains(&b'\t')),
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(if tabs { b'\t' } else { b',' })
            // TSV files do not quote: a field may open with a quote mark.
            .quoting(!tabs)
            .from_reader(&bytes[..]);
        let headers = reader
            .headers()
            .map_err(|e| fail(Some(1), e.to_string()))?
            .clone();
        let mut key = None;
        let mut fields = Vec::new();
        let mut ignored = Vec::new();
        for (i, name) in headers.iter().enumerate() {
            let name = name.trim().trim_start_matches('\u{feff}');
            if key.is_none() && KEY_COLUMNS.iter().any(|k| k.eq_ignore_ascii_case(name)) {
                key = Some(i);
            } else if let Some(field) = Field::named(name) {
                if fields.iter().any(|&(_, f)| f == field) {
                    return Err(fail(
                        Some(1),
                        format!("two columns give the {} field", field.name()),
                    ));
                }
                fields.push((i, field));
            } else {
                ignored.push(name.to_string());
            }
        }
        let key = key.ok_or_else(|| {
            fail(
                Some(1),
                format!(
                    "no column names the file (one of: {})",
                    KEY_COLUMNS.join(", ")
                ),
            )
        })?;
        let mut rows: HashMap<String, MetadataRow> = HashMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| {
                let line = e.position().map(|p| p.line());
                fail(line, e.to_string())
            })?;
            let line = record.position().map_or(0, |p| p.line());
            let name = record.get(key).unwrap_or("").trim();
            if name.is_empty() {
                return Err(fail(Some(line), "the file name is empty".into()));
            }
            // A key with folders ("train/text/a.txt") names the file "a.txt".
            let name = Path::new(name)
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(name)
                .to_string();
            let values = fields
                .iter()
                .filter_map(|&(i, field)| {
                    let v = record.get(i)?.trim();
                    (!v.is_empty()).then(|| (field, v.to_string()))
                })
                .collect();
            if let Some(first) = rows.get(&name) {
                return Err(fail(
                    Some(line),
                    format!("'{name}' is also described on line {}", first.line),
                ));
            }
            rows.insert(name, MetadataRow { line, values });
        }
        Ok(Metadata {
            path: path.to_path_buf(),
            rows,
            ignored,
        })
    }

    /// The row for an article file: by its file name, or else by its name
    /// without extension (`a.txt` matches a row keyed `a.txt` or `a`).
    pub fn row_for(&self, file: &Path) -> Option<&MetadataRow> {
        let by = |name: Option<&std::ffi::OsStr>| name.and_then(|n| self.rows.get(n.to_str()?));
        by(file.file_name()).or_else(|| by(file.file_stem()))
    }

    /// The table's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Columns that are neither the key nor a known field.
    pub fn ignored_columns(&self) -> &[String] {
        &self.ignored
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(name: &str, text: &str) -> Result<Metadata, InputError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        Metadata::load(&path)
    }

    #[test]
    fn tsv_rows_match_by_name_or_stem() {
        let table = load(
            "m.tsv",
            "compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\n\
             train\tcnn_a\tcnn\t2015-11-11\t\t\"Quoted\" title\n\
             train\tb.txt\tnyt\t2015-11-12\tJo Lee\tB\n",
        )
        .unwrap();
        assert_eq!(table.ignored_columns(), ["compartment"]);
        let a = table.row_for(Path::new("x/cnn_a.txt")).unwrap();
        assert_eq!(a.line, 2);
        assert_eq!(
            a.values,
            vec![
                (Field::Publisher, "cnn".to_string()),
                (Field::Published, "2015-11-11".to_string()),
                (Field::Title, "\"Quoted\" title".to_string()),
            ]
        );
        assert!(table.row_for(Path::new("b.txt")).is_some());
        assert!(table.row_for(Path::new("b.md")).is_none());
        assert!(table.row_for(Path::new("c.txt")).is_none());
    }

    #[test]
    fn csv_with_quotes_and_a_path_key() {
        let table = load(
            "meta.csv",
            "file,title,url\n\"in/a.txt\",\"Hello, world\",https://e.x/a\n",
        )
        .unwrap();
        let row = table.row_for(Path::new("a.txt")).unwrap();
        assert_eq!(row.values[0], (Field::Title, "Hello, world".to_string()));
    }

    #[test]
    fn bad_tables_name_the_line() {
        let err = load("m.csv", "title,author\nA,B\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("m.csv:1: metadata table: no column names the file"),
            "{err}"
        );
        let err = load("m.csv", "filename,title\na,A\nb,B\na,C\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("m.csv:4: metadata table: 'a' is also described on line 2"),
            "{err}"
        );
        let err = load("m.csv", "filename,title\na,A,extra\n").unwrap_err();
        assert!(err.to_string().contains("m.csv:2:"), "{err}");
    }
}
