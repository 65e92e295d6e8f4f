//! Finding and reading article files: folders are walked, every file is
//! checked (UTF-8, not binary, not empty, not too large) before any of it is
//! used, so that a bad file is reported by name and loses nothing else.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest article accepted, in bytes. News articles are a few kilobytes; a
/// file this large is almost surely not an article.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// Why a file could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error("{0}: no such file or directory")]
    Missing(PathBuf),
    /// A folder held no article files.
    #[error("{0}: no *.txt articles in this folder")]
    EmptyFolder(PathBuf),
    /// Reading failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The reason.
        source: std::io::Error,
    },
    /// Over [`MAX_ARTICLE_BYTES`].
    #[error("{path}: file is {size} bytes, over the {limit}-byte limit for one article")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// No text in it.
    #[error("{0}: empty file (no text to import)")]
    Empty(PathBuf),
    /// NUL bytes: a binary file.
    #[error("{0}: binary file (contains NUL bytes), not an article")]
    Binary(PathBuf),
    /// Not valid UTF-8.
    #[error("{path}: not valid UTF-8 (first bad byte at offset {offset})")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}

/// One article file read into memory.
#[derive(Debug, Clone)]
pub struct ArticleFile {
    /// Where it came from, as the user named it (or found in a folder).
    pub path: PathBuf,
    /// Its text, verbatim.
    pub text: String,
}

/// Expands paths into article files: files are taken as given, folders are
/// walked recursively for `*.txt`, in sorted order so runs are repeatable.
/// Missing paths and folders without articles are errors; they do not stop
/// the other paths from being listed.
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
            walk(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads and checks one article file.
pub fn read_article_file(path: &Path) -> Result<ArticleFile, InputError> {
    let io = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
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
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if bytes.contains(&0) {
        return Err(InputError::Binary(path.to_path_buf()));
    }
    let text = String::from_utf8(bytes).map_err(|e| InputError::NotUtf8 {
        path: path.to_path_buf(),
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(InputError::Empty(path.to_path_buf()));
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
    fn walks_folders_in_order_and_reports_missing() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "B.").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "A.").unwrap();
        fs::write(dir.path().join("notes.md"), "skip").unwrap();
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).unwrap();
        let (files, errors) =
            collect_paths(&[dir.path().to_path_buf(), dir.path().join("nope.txt"), empty]);
        let names: Vec<_> = files
            .iter()
            .map(|f| f.file_name().unwrap().to_str().unwrap())
            .collect();
        assert_eq!(names, vec!["b.txt", "a.txt"]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(matches!(errors[0], InputError::Missing(_)));
        assert!(matches!(errors[1], InputError::EmptyFolder(_)));
    }
}
