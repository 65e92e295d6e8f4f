//! A front-matter block: the flat `key: value` lines between two `---` lines
//! that open a text or Markdown file (the YAML subset that Jekyll, Hugo and
//! Pandoc metadata use for scalars). Hand-written because only flat scalars
//! are needed: values may be plain, "double-quoted" (with backslash escapes)
//! or 'single-quoted' (with '' for a quote); `#` starts a comment. Indented
//! or `- item` lines continue the key above them (lists, maps); the caller
//! decides whether that key may have such a value.

/// One `key: value` line of a front-matter block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key, as written.
    pub key: String,
    /// The value; `None` when empty, `~` or `null`.
    pub value: Option<String>,
    /// 1-based line number in the file.
    pub line: usize,
    /// Whether indented or list lines followed it (a nested value).
    pub nested: bool,
}

/// A file split into its front matter and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter<'a> {
    /// The entries, in order.
    pub entries: Vec<Entry>,
    /// The text after the closing line.
    pub body: &'a str,
}

/// Why a front-matter block could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {reason}")]
pub struct FrontMatterError {
    /// 1-based line number in the file.
    pub line: usize,
    /// What is wrong there.
    pub reason: String,
}

/// Splits off a front-matter block. `Ok(None)` when the text does not open
/// with a `---` line (it is then all body).
pub fn split(text: &str) -> Result<Option<FrontMatter<'_>>, FrontMatterError> {
    let text_start = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text_start.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {}
        _ => return Ok(None),
    }
    let never_closed = || FrontMatterError {
        line: 1,
        reason: "front matter opened with '---' is never closed by a '---' line".into(),
    };
    let is_fence = |l: &str| matches!(l.trim_end(), "---" | "...");
    if !lines.clone().any(is_fence) {
        return Err(never_closed());
    }
    let mut offset = text.len() - text_start.len() + text_start.find('\n').map_or(0, |i| i + 1);
    let mut entries: Vec<Entry> = Vec::new();
    for (index, raw) in lines.enumerate() {
        let number = index + 2;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        if is_fence(line) {
            return Ok(Some(FrontMatter {
                entries,
                body: &text[offset..],
            }));
        }
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let err = |reason: String| FrontMatterError {
            line: number,
            reason,
        };
        if line.starts_with([' ', '\t']) || trimmed == "-" || trimmed.starts_with("- ") {
            match entries.last_mut() {
                Some(entry) => entry.nested = true,
                None => return Err(err("an indented or list line with no key above it".into())),
            }
            continue;
        }
        let Some((key, rest)) = line.split_once(':') else {
            return Err(err(format!(
                "expected 'key: value', found '{}'",
                clip(line)
            )));
        };
        let key = key.trim_end();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return Err(err(format!(
                "'{}' is not a key (letters, digits, '_' and '-')",
                clip(key)
            )));
        }
        if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
            return Err(err(format!(
                "expected a space after '{key}:', found '{}'",
                clip(line)
            )));
        }
        let value = scalar(rest.trim()).map_err(|reason| err(format!("{key}: {reason}")))?;
        entries.push(Entry {
            key: key.to_string(),
            value,
            line: number,
            nested: false,
        });
    }
    Err(never_closed())
}

/// A scalar value: quoted, or plain up to a ` #` comment.
fn scalar(s: &str) -> Result<Option<String>, String> {
    let (value, rest) = if let Some(inner) = s.strip_prefix('"') {
        double_quoted(inner)?
    } else if let Some(inner) = s.strip_prefix('\'') {
        single_quoted(inner)?
    } else {
        let plain = match s.find(" #").or_else(|| s.find("\t#")) {
            Some(i) => s[..i].trim_end(),
            None => s,
        };
        return Ok(match plain {
            "" | "~" | "null" | "Null" | "NULL" => None,
            _ => Some(plain.to_string()),
        });
    };
    let rest = rest.trim_start();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(format!(
            "unexpected '{}' after the quoted value",
            clip(rest)
        ));
    }
    Ok(Some(value))
}

/// The value of a "double-quoted" scalar (after its opening quote) and what follows it.
fn double_quoted(s: &str) -> Result<(String, &str), String> {
    let mut out = String::new();
    let mut chars = s.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &s[i + 1..])),
            '\\' => {
                let (_, e) = chars.next().ok_or("unterminated escape")?;
                match e {
                    '"' | '\\' | '/' => out.push(e),
                    'n' => out.push('\n'),
                    't' => out.push('\t'),
                    'r' => out.push('\r'),
                    'u' => {
                        let hex: String =
                            (0..4).filter_map(|_| chars.next().map(|p| p.1)).collect();
                        let c = u32::from_str_radix(&hex, 16)
                            .ok()
                            .and_then(char::from_u32)
                            .ok_or_else(|| format!("bad escape '\\u{hex}'"))?;
                        out.push(c);
                    }
                    other => return Err(format!("unknown escape '\\{other}'")),
                }
            }
            c => out.push(c),
        }
    }
    Err("the double-quoted value is not closed on its line".into())
}

/// The value of a 'single-quoted' scalar (after its opening quote) and what follows it.
fn single_quoted(s: &str) -> Result<(String, &str), String> {
    let mut out = String::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\'' {
            if chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            return Ok((out, &s[i + 1..]));
        }
        out.push(c);
    }
    Err("the single-quoted value is not closed on its line".into())
}

/// At most 40 characters of a line, for messages.
fn clip(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values<'a>(fm: &'a FrontMatter<'a>) -> Vec<(&'a str, Option<&'a str>)> {
        fm.entries
            .iter()
            .map(|e| (e.key.as_str(), e.value.as_deref()))
            .collect()
    }

    #[test]
    fn no_front_matter_is_all_body() {
        assert_eq!(split("Title\n\nBody.").unwrap(), None);
        assert_eq!(split("--- not a fence\nBody").unwrap(), None);
    }

    #[test]
    fn reads_plain_and_quoted_values() {
        let text = "---\r\ntitle: \"Mayor: \\\"No\\\" to the bridge\"\nauthor: 'O''Brien' # byline\n\
                    url: https://example.com/a#frag\npublished:\n# a comment\n\nnote: plain # comment\n---\nBody.\n";
        let fm = split(text).unwrap().unwrap();
        assert_eq!(
            values(&fm),
            vec![
                ("title", Some("Mayor: \"No\" to the bridge")),
                ("author", Some("O'Brien")),
                ("url", Some("https://example.com/a#frag")),
                ("published", None),
                ("note", Some("plain")),
            ]
        );
        assert_eq!(fm.body, "Body.\n");
        assert_eq!(fm.entries[2].line, 4);
    }

    #[test]
    fn lists_and_maps_mark_the_key_nested() {
        let fm = split("\u{feff}---\ntags:\n  - a\n  - b\ntitle: T\n...\nBody")
            .unwrap()
            .unwrap();
        assert!(fm.entries[0].nested);
        assert!(!fm.entries[1].nested);
        assert_eq!(fm.body, "Body");
    }

    #[test]
    fn malformed_blocks_name_the_line() {
        let cases = [
            ("---\ntitle: T\nBody without a fence", 1, "never closed"),
            ("---\ntitle T\n---\nB", 2, "expected 'key: value'"),
            ("---\ntitle: \"open\n---\nB", 2, "not closed on its line"),
            ("---\nauthor: 'x' y\n---\nB", 2, "unexpected 'y'"),
            ("---\n  - a\n---\nB", 2, "no key above"),
            ("---\nmy title: x\n---\nB", 2, "not a key"),
            ("---\nurl:http://x\n---\nB", 2, "expected a space"),
            ("---\nt: \"\\q\"\n---\nB", 2, "unknown escape"),
        ];
        for (text, line, reason) in cases {
            let err = split(text).unwrap_err();
            assert_eq!(err.line, line, "{text:?}: {err}");
            assert!(err.reason.contains(reason), "{text:?}: {err}");
        }
    }
}
