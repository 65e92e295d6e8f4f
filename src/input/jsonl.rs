//! JSON Lines: one article object per line, read one line at a time with a
//! bound on the line's length, so that a batch of any size (or a file with no
//! line breaks at all) is read in bounded memory.

use serde_json::{Map, Value};
use std::io::{self, BufRead};

/// What [`read_line`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// A line (without its line break) is in the buffer.
    Read,
    /// The line was longer than the limit; it was skipped, the buffer is empty.
    TooLong {
        /// Its length in bytes.
        len: u64,
    },
}

/// Reads the next line into `buf` (cleared first; the `\n` and a `\r` before
/// it are dropped). `None` at the end of input. A line over `limit` bytes is
/// read past without being kept.
pub fn read_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<Line>> {
    buf.clear();
    let mut len: u64 = 0;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (part, done) = match find_newline(chunk) {
            Some(i) => (&chunk[..i], i + 1),
            None => (chunk, chunk.len()),
        };
        len += part.len() as u64;
        if len <= limit as u64 {
            buf.extend_from_slice(part);
        } else {
            buf.clear();
        }
        let ended = done > part.len();
        reader.consume(done);
        if ended {
            break;
        }
    }
    if !any {
        return Ok(None);
    }
    if len > limit as u64 {
        return Ok(Some(Line::TooLong { len }));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Some(Line::Read))
}

fn find_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// Parses one line as a JSON object.
pub fn parse_object(line: &str) -> Result<Map<String, Value>, String> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(format!(
            "expected a JSON object, found {}",
            match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "a boolean",
                _ => "null",
            }
        )),
        Err(e) => Err(format!("not valid JSON ({e})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_bounded_and_long_ones_skipped() {
        let input = b"{\"a\":1}\r\n\nxxxxxxxxxxxxxxxxxxxx\nlast";
        // A reader with a tiny buffer, so lines span several fills.
        let mut reader = io::BufReader::with_capacity(3, &input[..]);
        let mut buf = Vec::new();
        let mut seen = Vec::new();
        while let Some(line) = read_line(&mut reader, &mut buf, 10).unwrap() {
            seen.push((line, String::from_utf8(buf.clone()).unwrap()));
        }
        assert_eq!(
            seen,
            vec![
                (Line::Read, "{\"a\":1}".to_string()),
                (Line::Read, String::new()),
                (Line::TooLong { len: 20 }, String::new()),
                (Line::Read, "last".to_string()),
            ]
        );
    }

    #[test]
    fn only_objects_are_articles() {
        assert!(parse_object(r#"{"body": "x"}"#).is_ok());
        assert!(parse_object("[1]").unwrap_err().contains("an array"));
        assert!(parse_object(r#"{"body": "x""#)
            .unwrap_err()
            .starts_with("not valid JSON"));
    }
}
