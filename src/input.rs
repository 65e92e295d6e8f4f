//! Finding and reading articles: files and folders (walked for `*.txt`,
//! `*.md` and `*.jsonl`), standard input, front matter, JSON Lines batches
//! and metadata sidecar tables. Every article is checked (UTF-8, not binary,
//! not empty, not too large, well-formed metadata and dates) before any of it
//! is used, so that a bad one is reported by name (and line) and loses
//! nothing else. Articles are produced one at a time ([`Articles`]): a batch
//! of any size is read in bounded memory.

pub mod date;
pub mod front_matter;
pub mod jsonl;
pub mod metadata;

pub use metadata::Metadata;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, Read};
use std::path::{Path, PathBuf};

/// Largest article accepted, in bytes (a file, or the body of a JSON line).
/// News articles are a few kilobytes; this much is almost surely not one.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// Longest JSON line accepted, in bytes: room for a body at the article limit
/// with its escapes, and the other fields.
pub const MAX_LINE_BYTES: u64 = 2 * MAX_ARTICLE_BYTES;

/// Extensions of the files a folder is walked for.
pub const ARTICLE_EXTENSIONS: [&str; 3] = ["txt", "md", "jsonl"];

/// Where an article comes from: a file, and the line for a JSON Lines record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Origin {
    /// The file as the user named it (or found in a folder); `-` for standard input.
    pub path: PathBuf,
    /// 1-based line number within the file.
    pub line: Option<u64>,
}

impl Origin {
    /// A whole file.
    pub fn file(path: &Path) -> Origin {
        Origin {
            path: path.to_path_buf(),
            line: None,
        }
    }

    /// One line of a file.
    pub fn line(path: &Path, line: u64) -> Origin {
        Origin {
            path: path.to_path_buf(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

impl From<&Path> for Origin {
    fn from(path: &Path) -> Origin {
        Origin::file(path)
    }
}

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{0}: no such file or directory")]
    Missing(PathBuf),
    /// A folder held no article files.
    #[error("{0}: no *.txt, *.md or *.jsonl articles in this folder")]
    EmptyFolder(PathBuf),
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// Over [`MAX_ARTICLE_BYTES`] (or a JSON line over [`MAX_LINE_BYTES`]).
    #[error("{path}: {what} is {size} bytes, over the {limit}-byte limit for one article")]
    TooLarge {
        /// The file or line.
        path: Origin,
        /// "file", "line" or "body".
        what: &'static str,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// No text in it.
    #[error("{0}: empty {what} (no text to import)", what = if .0.line.is_some() { "body" } else { "file" })]
    Empty(Origin),
    /// NUL bytes: a binary file.
    #[error("{0}: binary {what} (contains NUL bytes), not an article", what = if .0.line.is_some() { "line" } else { "file" })]
    Binary(Origin),
    /// A field's value holds a NUL character (written as an escape such as
    /// `\u0000`): no stored text may hold one, as for files.
    #[error("{origin}: the {field} contains a NUL character, which no stored text may hold")]
    NulInField {
        /// The file or line.
        origin: Origin,
        /// The field's name.
        field: &'static str,
    },
    /// Not valid UTF-8.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 {
        /// The file or line.
        path: Origin,
        /// Byte offset of the first invalid sequence (within the line for a JSON line).
        offset: usize,
    },
    /// A front-matter block that cannot be read.
    #[error("{origin}: malformed front matter: {reason}")]
    FrontMatter {
        /// The file and line.
        origin: Origin,
        /// What is wrong.
        reason: String,
    },
    /// A JSON line that is not an article object.
    #[error("{origin}: malformed JSON line: {reason}")]
    JsonLine {
        /// The file and line.
        origin: Origin,
        /// What is wrong.
        reason: String,
    },
    /// A publication date that cannot be read.
    #[error("{origin}: {reason}{}", article.as_ref().map(|a| format!(" (for {a})")).unwrap_or_default())]
    BadDate {
        /// Where the date is written (the article, or a metadata table's row).
        origin: Origin,
        /// The reason, naming the date.
        reason: String,
        /// The article, when the date comes from a metadata table.
        article: Option<Origin>,
    },
    /// A metadata table that cannot be read.
    #[error("{origin}: metadata table: {reason}")]
    Metadata {
        /// The table and line.
        origin: Origin,
        /// What is wrong.
        reason: String,
    },
}

impl InputError {
    /// The article (file or line) the error is about, when it is about one.
    pub fn origin(&self) -> Option<Origin> {
        match self {
            InputError::Missing(p)
            | InputError::EmptyFolder(p)
            | InputError::Io { path: p, .. } => Some(Origin::file(p)),
            InputError::TooLarge { path, .. } | InputError::NotUtf8 { path, .. } => {
                Some(path.clone())
            }
            InputError::Empty(o) | InputError::Binary(o) => Some(o.clone()),
            InputError::FrontMatter { origin, .. }
            | InputError::JsonLine { origin, .. }
            | InputError::NulInField { origin, .. } => Some(origin.clone()),
            InputError::BadDate {
                origin, article, ..
            } => Some(article.clone().unwrap_or_else(|| origin.clone())),
            InputError::Metadata { .. } => None,
        }
    }
}

/// An article field that front matter, JSON lines and metadata tables set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `title`.
    Title,
    /// `url`.
    Url,
    /// `publisher`: the outlet; it becomes the article's publisher source.
    Publisher,
    /// `author`.
    Author,
    /// `published` (also `publication_date`, `published_at`, `date`).
    Published,
}

impl Field {
    /// Every field with the names (case-insensitive) it is read from, first the canonical one.
    pub const NAMES: [(Field, &'static [&'static str]); 5] = [
        (Field::Title, &["title"]),
        (Field::Url, &["url"]),
        (Field::Publisher, &["publisher"]),
        (Field::Author, &["author"]),
        (
            Field::Published,
            &["published", "publication_date", "published_at", "date"],
        ),
    ];

    /// The field a key or column name stands for.
    pub fn named(name: &str) -> Option<Field> {
        Field::NAMES
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
            .map(|&(f, _)| f)
    }

    /// The canonical name.
    pub fn name(self) -> &'static str {
        Field::NAMES
            .iter()
            .find(|&&(f, _)| f == self)
            .map_or("", |(_, names)| names[0])
    }
}

/// One article file read into memory.
#[derive(Debug, Clone)]
pub struct ArticleFile {
    /// Where it came from, as the user named it (or found in a folder).
    pub path: PathBuf,
    /// Its text, verbatim.
    pub text: String,
}

/// An article ready to be read: its text and what is known about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Where it came from.
    pub origin: Origin,
    /// The text to store and read. It opens with the title line: a title given
    /// apart from the text (front matter, a JSON `title`) that the text does
    /// not already open with is put first, followed by a blank line.
    pub body: String,
    /// The title, when given (front matter, JSON, metadata table, or a Markdown `# heading`).
    pub title: Option<String>,
    /// Address it was published at.
    pub url: Option<String>,
    /// The outlet that published it.
    pub publisher: Option<String>,
    /// Who wrote it.
    pub author: Option<String>,
    /// When it was published, ISO 8601 (see [`date::normalize_date`]).
    pub published: Option<String>,
    /// Bytes of input it took (file size or line length).
    pub input_bytes: u64,
}

impl Article {
    fn set(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Url => &mut self.url,
            Field::Publisher => &mut self.publisher,
            Field::Author => &mut self.author,
            Field::Published => &mut self.published,
        };
        *slot = Some(value);
    }

    fn get(&self, field: Field) -> Option<&String> {
        match field {
            Field::Title => self.title.as_ref(),
            Field::Url => self.url.as_ref(),
            Field::Publisher => self.publisher.as_ref(),
            Field::Author => self.author.as_ref(),
            Field::Published => self.published.as_ref(),
        }
    }
}

/// What standard input (`-`) holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StdinFormat {
    /// A JSON Lines batch, one article per line.
    #[default]
    Jsonl,
    /// One article: text or Markdown, front matter allowed.
    Text,
}

/// How [`Articles`] reads its inputs.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// What `-` holds.
    pub stdin: StdinFormat,
    /// A metadata table for article files.
    pub metadata: Option<Metadata>,
}

/// What reading the inputs noticed that is worth a warning but no failure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// Front-matter keys and JSON keys that are not article fields, with how
    /// many articles had them.
    pub ignored_keys: BTreeMap<String, u64>,
    /// Article files with no row in the metadata table.
    pub without_metadata: u64,
}

/// One input named on the command line, expanded.
enum Entry {
    File(PathBuf),
    Stdin,
    Error(InputError),
}

/// A JSON Lines batch being read.
struct Batch {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
}

/// The articles of a list of inputs, one at a time, in order: files as
/// given, folders walked in sorted order, `-` for standard input, each JSON
/// Lines batch line by line. Bad inputs come out as errors in their place.
pub struct Articles {
    entries: std::vec::IntoIter<Entry>,
    batch: Option<Batch>,
    options: InputOptions,
    notes: Notes,
}

impl Articles {
    /// The articles of these paths (`-` is standard input).
    pub fn new(paths: &[PathBuf], options: InputOptions) -> Articles {
        let mut entries = Vec::new();
        for path in paths {
            if path.as_os_str() == "-" {
                entries.push(Entry::Stdin);
                continue;
            }
            let (files, errors) = collect_paths(std::slice::from_ref(path));
            entries.extend(files.into_iter().map(Entry::File));
            entries.extend(errors.into_iter().map(Entry::Error));
        }
        Articles {
            entries: entries.into_iter(),
            batch: None,
            options,
            notes: Notes::default(),
        }
    }

    /// Total size in bytes of the files these paths name or hold (standard
    /// input aside): the input a progress bar counts through.
    pub fn total_file_bytes(paths: &[PathBuf]) -> u64 {
        let (files, _) = collect_paths(paths);
        files
            .iter()
            .filter_map(|f| fs::metadata(f).ok())
            .map(|m| m.len())
            .sum()
    }

    /// What was noticed so far.
    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    fn next_in_batch(&mut self) -> Option<Result<Article, InputError>> {
        loop {
            let batch = self.batch.as_mut()?;
            let read = jsonl::read_line(&mut batch.reader, &mut batch.buf, MAX_LINE_BYTES as usize);
            batch.line += 1;
            let origin = Origin::line(&batch.path, batch.line);
            let result = match read {
                Err(source) => {
                    let path = batch.path.clone();
                    self.batch = None;
                    return Some(Err(InputError::Io { path, source }));
                }
                Ok(None) => {
                    self.batch = None;
                    return None;
                }
                Ok(Some(jsonl::Line::TooLong { len })) => Err(InputError::TooLarge {
                    path: origin,
                    what: "line",
                    size: len,
                    limit: MAX_LINE_BYTES,
                }),
                Ok(Some(jsonl::Line::Read)) => {
                    if batch.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let bytes = batch.buf.len() as u64 + 1;
                    let line = std::mem::take(&mut batch.buf);
                    article_from_json(origin, line, bytes, &mut self.notes)
                }
            };
            return Some(result);
        }
    }

    fn open(&mut self, entry: Entry) -> Option<Result<Article, InputError>> {
        match entry {
            Entry::Error(err) => Some(Err(err)),
            Entry::Stdin => {
                let path = PathBuf::from("-");
                match self.options.stdin {
                    StdinFormat::Jsonl => {
                        self.batch = Some(Batch {
                            path,
                            reader: Box::new(io::BufReader::with_capacity(1 << 16, io::stdin())),
                            line: 0,
                            buf: Vec::new(),
                        });
                        None
                    }
                    StdinFormat::Text => {
                        let mut bytes = Vec::new();
                        let read = io::stdin()
                            .lock()
                            .take(MAX_ARTICLE_BYTES + 1)
                            .read_to_end(&mut bytes);
                        Some(
                            read.map_err(|source| InputError::Io {
                                path: path.clone(),
                                source,
                            })
                            .and_then(|_| {
                                let size = bytes.len() as u64;
                                let text = check_text(&path, bytes)?;
                                article_from_text(Origin::file(&path), text, size, &mut self.notes)
                            }),
                        )
                    }
                }
            }
            Entry::File(path) => {
                if is_batch(&path) {
                    match open_regular(&path) {
                        Ok(file) => {
                            self.batch = Some(Batch {
                                path,
                                reader: Box::new(io::BufReader::with_capacity(1 << 16, file)),
                                line: 0,
                                buf: Vec::new(),
                            });
                            None
                        }
                        Err(source) => Some(Err(InputError::Io { path, source })),
                    }
                } else {
                    Some(self.article_file(&path))
                }
            }
        }
    }

    fn article_file(&mut self, path: &Path) -> Result<Article, InputError> {
        let file = read_article_file(path)?;
        let size = file.text.len() as u64;
        let mut article = article_from_text(Origin::file(path), file.text, size, &mut self.notes)?;
        if let Some(table) = &self.options.metadata {
            match table.row_for(path) {
                Some(row) => {
                    for (field, value) in &row.values {
                        if article.get(*field).is_some() {
                            continue;
                        }
                        let value = if *field == Field::Published {
                            date::normalize_date(value).map_err(|reason| InputError::BadDate {
                                origin: Origin::line(table.path(), row.line),
                                reason,
                                article: Some(Origin::file(path)),
                            })?
                        } else {
                            value.clone()
                        };
                        article.set(*field, value);
                    }
                }
                None => self.notes.without_metadata += 1,
            }
        }
        Ok(article)
    }
}

impl Iterator for Articles {
    type Item = Result<Article, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.batch.is_some() {
                if let Some(item) = self.next_in_batch() {
                    return Some(item);
                }
                continue;
            }
            let entry = self.entries.next()?;
            if let Some(item) = self.open(entry) {
                return Some(item);
            }
        }
    }
}

fn is_batch(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// An article from a text file (or standard input): front matter, if any, then the body.
fn article_from_text(
    origin: Origin,
    mut text: String,
    input_bytes: u64,
    notes: &mut Notes,
) -> Result<Article, InputError> {
    let mut article = Article {
        origin: origin.clone(),
        body: String::new(),
        title: None,
        url: None,
        publisher: None,
        author: None,
        published: None,
        input_bytes,
    };
    let split = front_matter::split(&text).map_err(|e| InputError::FrontMatter {
        origin: Origin::line(&origin.path, e.line as u64),
        reason: e.reason,
    })?;
    if let Some(fm) = split {
        let body_start = text.len() - fm.body.len();
        let mut seen: Vec<Field> = Vec::new();
        for entry in &fm.entries {
            let at = Origin::line(&origin.path, entry.line as u64);
            let Some(field) = Field::named(&entry.key) else {
                *notes.ignored_keys.entry(entry.key.clone()).or_default() += 1;
                continue;
            };
            let malformed = |reason: String| InputError::FrontMatter {
                origin: at.clone(),
                reason,
            };
            if entry.nested {
                return Err(malformed(format!(
                    "'{}' must be a single value, not a list or map",
                    entry.key
                )));
            }
            if seen.contains(&field) {
                return Err(malformed(format!("'{}' is given twice", field.name())));
            }
            seen.push(field);
            if let Some(value) = &entry.value {
                set_checked(&mut article, field, value.clone(), &at)?;
            }
        }
        text.drain(..body_start);
        if text.trim().is_empty() {
            return Err(InputError::Empty(origin));
        }
    }
    article.body = text;
    finish(&mut article);
    Ok(article)
}

/// An article from one JSON line.
fn article_from_json(
    origin: Origin,
    line: Vec<u8>,
    input_bytes: u64,
    notes: &mut Notes,
) -> Result<Article, InputError> {
    if line.contains(&0) {
        return Err(InputError::Binary(origin));
    }
    let line = String::from_utf8(line).map_err(|e| InputError::NotUtf8 {
        path: origin.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    let malformed = |reason: String| InputError::JsonLine {
        origin: origin.clone(),
        reason,
    };
    let object = jsonl::parse_object(&line).map_err(malformed)?;
    drop(line);
    let mut article = Article {
        origin: origin.clone(),
        body: String::new(),
        title: None,
        url: None,
        publisher: None,
        author: None,
        published: None,
        input_bytes,
    };
    let mut body = None;
    let mut seen: Vec<Field> = Vec::new();
    for (key, value) in object {
        let field = Field::named(&key);
        if field.is_none() && key != "body" {
            *notes.ignored_keys.entry(key).or_default() += 1;
            continue;
        }
        let value = match value {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Null => None,
            _ => return Err(malformed(format!("\"{key}\" must be a string"))),
        };
        match field {
            None => body = value,
            Some(field) => {
                if seen.contains(&field) {
                    return Err(malformed(format!(
                        "\"{key}\" gives the {} a second time",
                        field.name()
                    )));
                }
                seen.push(field);
                if let Some(value) = value {
                    set_checked(&mut article, field, value, &origin)?;
                }
            }
        }
    }
    let body = body.ok_or_else(|| malformed("no \"body\" string".into()))?;
    if body.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: origin,
            what: "body",
            size: body.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if body.contains('\0') {
        return Err(InputError::Binary(origin));
    }
    if body.trim().is_empty() {
        return Err(InputError::Empty(origin));
    }
    article.body = body;
    finish(&mut article);
    Ok(article)
}

/// Sets a field given by the article itself: dates are normalised, blank
/// values dropped.
fn set_checked(
    article: &mut Article,
    field: Field,
    value: String,
    at: &Origin,
) -> Result<(), InputError> {
    if value.contains('\0') {
        return Err(InputError::NulInField {
            origin: at.clone(),
            field: field.name(),
        });
    }
    if value.trim().is_empty() {
        return Ok(());
    }
    let value = match field {
        Field::Published => date::normalize_date(&value).map_err(|reason| InputError::BadDate {
            origin: at.clone(),
            reason,
            article: None,
        })?,
        // A title is one line: it is stored as the body's first line.
        Field::Title => value.split_whitespace().collect::<Vec<_>>().join(" "),
        _ => value.trim().to_string(),
    };
    article.set(field, value);
    Ok(())
}

/// Puts a title given apart from the text at the top of the body (unless the
/// body already opens with it), so that every stored body opens with its
/// title line as a plain text article does; or takes the title from a
/// Markdown `# heading` on the first line.
fn finish(article: &mut Article) {
    let first = article
        .body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    match &article.title {
        Some(title) if !same_title(first, title) => {
            article.body = format!("{title}\n\n{}", article.body);
        }
        Some(_) => {}
        None => {
            let hashes = first.len() - first.trim_start_matches('#').len();
            if (1..=6).contains(&hashes) && first[hashes..].starts_with([' ', '\t']) {
                let heading = first[hashes..].trim().trim_end_matches('#').trim_end();
                if !heading.is_empty() {
                    article.title = Some(heading.to_string());
                }
            }
        }
    }
}

/// Whether a line is the title: the same letters and digits, whatever the
/// case, punctuation, spacing or Markdown heading marks.
fn same_title(line: &str, title: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let k = key(title);
    !k.is_empty() && key(line) == k
}

/// Expands paths into article files: files are taken as given, folders are
/// walked recursively for `*.txt`, `*.md` and `*.jsonl`, in sorted order so
/// runs are repeatable (linked folders inside them are not followed). Missing paths and folders without articles are
/// errors; they do not stop the other paths from being listed.
pub fn collect_paths(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = files.len();
            if let Err(source) = walk(path, &mut files) {
                errors.push(InputError::Io {
                    path: path.clone(),
                    source,
                });
            } else if files.len() == before {
                errors.push(InputError::EmptyFolder(path.clone()));
            }
        } else if path.exists() {
            files.push(path.clone());
        } else {
            errors.push(InputError::Missing(path.clone()));
        }
    }
    (files, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // Linked folders are not followed (as ripgrep does): a link back
            // up the tree would list the same files without end.
            if !fs::symlink_metadata(&path)?.file_type().is_symlink() {
                walk(&path, out)?;
            }
        } else if path
            .extension()
            .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Opens a file only if it is a regular file: opening a named pipe blocks
/// until something writes to it (an import hung on a FIFO named `x.txt`), and
/// a device or socket is no article.
fn open_regular(path: &Path) -> std::io::Result<fs::File> {
    if !fs::metadata(path)?.file_type().is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file (a pipe, socket or device): only files are read",
        ));
    }
    fs::File::open(path)
}

/// Reads and checks one article file.
pub fn read_article_file(path: &Path) -> Result<ArticleFile, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = open_regular(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: Origin::file(path),
            what: "file",
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // Read one byte past the limit in case the file grew since it was measured.
    file.take(MAX_ARTICLE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let text = check_text(path, bytes)?;
    Ok(ArticleFile {
        path: path.to_path_buf(),
        text,
    })
}

/// Checks bytes meant as an article's text and returns them as a string.
pub fn check_text(path: &Path, bytes: Vec<u8>) -> Result<String, InputError> {
    let origin = Origin::file(path);
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: origin,
            what: "file",
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary(origin));
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: origin.clone(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty(origin));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_bad_bytes_with_the_reason() {
        let p = Path::new("x.txt");
        assert!(matches!(
            check_text(p, vec![0xff, 0xfe, b'a']),
            Err(InputError::NotUtf8 { offset: 0, .. })
        ));
        assert!(matches!(
            check_text(p, b"ab\0cd".to_vec()),
            Err(InputError::Binary(_))
        ));
        assert!(matches!(
            check_text(p, b" \n\t".to_vec()),
            Err(InputError::Empty(_))
        ));
        assert_eq!(
            check_text(p, "Héllo.".as_bytes().to_vec()).unwrap(),
            "Héllo."
        );
    }

    #[test]
    fn a_title_is_the_same_whatever_its_case_punctuation_or_heading_marks() {
        assert!(same_title(
            "## Mayor: ‘No’ to the bridge.",
            "mayor — 'no' to the Bridge"
        ));
        assert!(!same_title("Mayor says no", "Mayor says yes"));
        assert!(!same_title("...", "!!!"), "a title needs letters or digits");
    }

    #[test]
    fn files_over_the_limit_are_refused_by_size() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        let file = fs::File::create(&big).unwrap();
        file.set_len(MAX_ARTICLE_BYTES + 1).unwrap();
        let err = read_article_file(&big).unwrap_err();
        assert!(matches!(err, InputError::TooLarge { .. }), "{err}");
        assert!(
            err.to_string().contains("over the 8388608-byte limit"),
            "{err}"
        );
    }

    #[test]
    #[cfg(unix)]
    fn linked_folders_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let inbox = dir.path().join("inbox");
        fs::create_dir(&inbox).unwrap();
        fs::write(inbox.join("a.txt"), "Title\n\nText.").unwrap();
        // A link back up the tree: followed, it would never end.
        std::os::unix::fs::symlink(&inbox, inbox.join("loop")).unwrap();
        let (files, errors) = collect_paths(std::slice::from_ref(&inbox));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(files, vec![inbox.join("a.txt")]);
    }

    #[test]
    fn walks_folders_in_order_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "B.").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "A.").unwrap();
        fs::write(dir.path().join("notes.md"), "Notes.").unwrap();
        fs::write(dir.path().join("skip.pdf"), "skip").unwrap();
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let (files, errors) =
            collect_paths(&[dir.path().to_path_buf(), dir.path().join("nope.txt"), empty]);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, vec!["b.txt", "notes.md", "a.txt"]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(matches!(errors[0], InputError::Missing(_)));
        assert!(matches!(errors[1], InputError::EmptyFolder(_)));
    }
}
