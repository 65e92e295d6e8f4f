//! Reading CoNLL-U treebank files (the UD English Web Treebank) for the
//! training commands of the tagger and the parser.

/// One CoNLL-U sentence.
#[derive(Debug, Clone, Default)]
pub struct ConlluSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Universal part-of-speech tags.
    pub upos: Vec<String>,
    /// Penn Treebank part-of-speech tags.
    pub xpos: Vec<String>,
    /// Head of each word: 0 for the root, else the head's 1-based position.
    pub heads: Vec<usize>,
    /// Dependency relation of each word to its head.
    pub deprels: Vec<String>,
    /// Tags a model sees in place of the gold ones (predicted tags); empty
    /// after reading, filled by the caller.
    pub tags: Vec<String>,
}

/// Reads a CoNLL-U file, skipping comments, multiword-token lines (`3-4`)
/// and empty nodes (`8.1`). Errors name the file and line.
pub fn read_conllu(path: &str) -> Result<Vec<ConlluSentence>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    for (ln, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(format!("{path}:{}: expected 10 columns", ln + 1));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let head = cols[6]
            .parse()
            .map_err(|_| format!("{path}:{}: bad head {:?}", ln + 1, cols[6]))?;
        cur.words.push(cols[1].to_string());
        cur.upos.push(cols[3].to_string());
        cur.xpos.push(cols[4].to_string());
        cur.heads.push(head);
        cur.deprels.push(cols[7].to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// The words of a sentence as string slices, as the models take them.
pub fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}
