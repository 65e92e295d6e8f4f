//! Word tokens with byte spans, split the way the Penn Treebank splits English
//! ("Iran’s" → "Iran" + "’s", "don't" → "do" + "n't"), which is what the
//! extraction patterns and a part-of-speech tagger expect.

use crate::lexicon::Lexicon;
use crate::model::Span;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters or digits (with inner hyphens, apostrophes, periods: "U.S.", "self-proclaimed").
    Word,
    /// A clitic split off a word: "’s", "n't", "'re".
    Clitic,
    /// A double quote mark, straight or curly.
    Quote,
    /// Any other punctuation.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Where it lies in the text.
    pub span: Span,
    /// What it is made of.
    pub kind: TokenKind,
    /// Penn Treebank part of speech once [`crate::pos::tag`] has run ("" before).
    pub tag: &'static str,
}

impl Token {
    /// True for verb tags (VB, VBD, VBG, VBN, VBP, VBZ).
    pub fn is_verb(&self) -> bool {
        self.tag.starts_with("VB")
    }

    /// True for a verb that carries tense, or a modal (VBD, VBZ, VBP, MD):
    /// the verb of a finite clause.
    pub fn is_finite_verb(&self) -> bool {
        matches!(self.tag, "VBD" | "VBZ" | "VBP" | "MD")
    }

    /// True for noun tags, common or proper (NN, NNS, NNP, NNPS).
    pub fn is_noun(&self) -> bool {
        self.tag.starts_with("NN")
    }
}

impl Token {
    /// True before tagging, or for a tagger that is not used.
    pub fn is_untagged(&self) -> bool {
        self.tag.is_empty()
    }

    /// The token's text.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }

    /// True for a word whose first character is upper case.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word
            && self
                .text(text)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }
}

/// True for the double quote marks news text uses.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// True when `word` (ending in a period) is an abbreviation or initial, so that
/// its period does not end a sentence: "Mr.", "Aug.", "J.", "U.S.".
pub fn is_abbreviation(word: &str) -> bool {
    let Some(stem) = word.strip_suffix('.') else {
        return false;
    };
    if stem.is_empty() {
        return false;
    }
    let mut chars = stem.chars();
    let first = chars.next().unwrap_or(' ');
    // A single letter is an initial ("J. Smith"); an inner period marks an acronym ("U.S.").
    if (chars.next().is_none() && first.is_alphabetic()) || stem.contains('.') {
        return true;
    }
    Lexicon::get().is_abbreviation(stem)
}

/// Splits `span` of `text` into tokens.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let slice = &text[span.start..span.end];
    let base = span.start;
    // One entry a character (so no growing: `collect` would start from a
    // quarter of the bytes).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(slice.len());
    chars.extend(slice.char_indices());
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            let mut j = i + 1;
            // Inner joiners stay in the word when a letter or digit follows them.
            while j < chars.len() {
                let cj = chars[j].1;
                let next_alnum = || chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
                if cj.is_alphanumeric()
                    || (matches!(cj, '-' | '.' | '&' | ',' | '/')
                        && next_alnum()
                        && joiner_ok(cj, &chars, j))
                    || (is_apostrophe(cj) && next_alnum() && !is_clitic_at(&chars, j))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let mut end_byte = byte_at(&chars, j, slice.len());
            // A period closing an abbreviation belongs to it.
            if j < chars.len() && chars[j].1 == '.' {
                let candidate = &slice[pos..end_byte + 1];
                if is_abbreviation(candidate) {
                    j += 1;
                    end_byte += 1;
                }
            }
            // Split "n't" off its verb ("don't" → "do" + "n't").
            let word = &slice[pos..end_byte];
            if let Some(stem_len) = negation_split(word) {
                push(&mut tokens, base, pos, pos + stem_len, TokenKind::Word);
                push(
                    &mut tokens,
                    base,
                    pos + stem_len,
                    end_byte,
                    TokenKind::Clitic,
                );
            } else {
                push(&mut tokens, base, pos, end_byte, TokenKind::Word);
            }
            i = j.max(start + 1);
            continue;
        }
        if is_apostrophe(c) && is_clitic_at(&chars, i) {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            push(
                &mut tokens,
                base,
                pos,
                byte_at(&chars, j, slice.len()),
                TokenKind::Clitic,
            );
            i = j;
            continue;
        }
        // Doubled apostrophes and backticks are quote marks ('' and ``, as
        // some outlets and the Penn Treebank write them).
        if matches!(c, '\'' | '`') && chars.get(i + 1).is_some_and(|&(_, n)| n == c) {
            push(
                &mut tokens,
                base,
                pos,
                byte_at(&chars, i + 2, slice.len()),
                TokenKind::Quote,
            );
            i += 2;
            continue;
        }
        // Runs of periods ("...") and of hyphens ("--") are one token.
        let mut j = i + 1;
        if matches!(c, '.' | '-') {
            while j < chars.len() && chars[j].1 == c {
                j += 1;
            }
        }
        let kind = if is_double_quote(c) {
            TokenKind::Quote
        } else {
            TokenKind::Punct
        };
        push(
            &mut tokens,
            base,
            pos,
            byte_at(&chars, j, slice.len()),
            kind,
        );
        i = j;
    }
    tokens
}

fn push(tokens: &mut Vec<Token>, base: usize, start: usize, end: usize, kind: TokenKind) {
    tokens.push(Token {
        span: Span::new(base + start, base + end),
        kind,
        tag: "",
    });
}

fn byte_at(chars: &[(usize, char)], i: usize, len: usize) -> usize {
    chars.get(i).map_or(len, |&(b, _)| b)
}

/// Commas and slashes join only digits ("1,000", "9/11"); periods join digits
/// and single letters ("3.5", "U.S").
fn joiner_ok(c: char, chars: &[(usize, char)], j: usize) -> bool {
    let prev = chars[j - 1].1;
    let next = chars[j + 1].1;
    match c {
        ',' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
        '.' => {
            (prev.is_ascii_digit() && next.is_ascii_digit())
                || (prev.is_alphabetic()
                    && (j < 2 || !chars[j - 2].1.is_alphanumeric())
                    && next.is_alphabetic())
        }
        _ => true,
    }
}

/// True when the apostrophe at `i` starts a clitic: 's, 're, 've, 'll, 'd, 'm
/// followed by a non-letter.
fn is_clitic_at(chars: &[(usize, char)], i: usize) -> bool {
    if i == 0 || !chars[i - 1].1.is_alphanumeric() {
        return false;
    }
    let mut j = i + 1;
    let mut suffix = String::new();
    while j < chars.len() && chars[j].1.is_alphabetic() && suffix.len() < 3 {
        suffix.push(chars[j].1.to_ascii_lowercase());
        j += 1;
    }
    let ends = j >= chars.len() || !chars[j].1.is_alphabetic();
    ends && matches!(suffix.as_str(), "s" | "re" | "ve" | "ll" | "d" | "m")
}

/// Where "n't" starts in a contracted word, if it is one.
fn negation_split(word: &str) -> Option<usize> {
    // "n't" in any case, with either apostrophe, after at least one character
    // (no other character lower-cases to `n`, `'` or `t`); checked without
    // allocating, since every word of every text comes here.
    let mut last = word.chars().rev();
    let contracted = matches!(last.next(), Some('t' | 'T'))
        && matches!(last.next(), Some('\'' | '’'))
        && matches!(last.next(), Some('n' | 'N'))
        && last.next().is_some();
    if contracted {
        // Byte length of "n't" / "n’t" in the original spelling.
        let tail = if word.ends_with("n’t") || word.ends_with("N’T") {
            5
        } else {
            3
        };
        return Some(word.len() - tail);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    #[test]
    fn splits_clitics_and_punctuation() {
        assert_eq!(
            words("Iran’s leader didn't say \"no,\" he said."),
            vec![
                "Iran", "’s", "leader", "did", "n't", "say", "\"", "no", ",", "\"", "he", "said",
                "."
            ]
        );
    }

    #[test]
    fn negation_split_reads_nt_in_any_case() {
        // The definition it replaces, which lower-cased a copy of the word.
        fn by_lowering(word: &str) -> bool {
            let lower = word.to_lowercase().replace('’', "'");
            lower.len() > 3 && lower.ends_with("n't")
        }
        for w in [
            "don't", "DON’T", "Can’t", "n't", "n’t", "xn’t", "İn't", "ΣN'T", "dont", "don`t", "t",
        ] {
            assert_eq!(negation_split(w).is_some(), by_lowering(w), "{w}");
        }
    }

    #[test]
    fn doubled_apostrophes_are_quote_marks() {
        let text = "''We won,'' he said.";
        let tokens = tokenize(text, Span::new(0, text.len()));
        assert_eq!(tokens[0].kind, TokenKind::Quote);
        assert_eq!(tokens[0].text(text), "''");
        assert_eq!(tokens[4].text(text), "''");
        assert_eq!(tokens[4].kind, TokenKind::Quote);
    }

    #[test]
    fn keeps_abbreviations_numbers_and_hyphens() {
        assert_eq!(
            words("Sen. Smith of the U.S. paid $1,000.50 for self-proclaimed gear."),
            vec![
                "Sen.",
                "Smith",
                "of",
                "the",
                "U.S.",
                "paid",
                "$",
                "1,000.50",
                "for",
                "self-proclaimed",
                "gear",
                "."
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets() {
        let text = "“Belarus,” he said";
        let tokens = tokenize(text, Span::new(0, text.len()));
        assert_eq!(tokens[0].kind, TokenKind::Quote);
        assert_eq!(tokens[1].text(text), "Belarus");
        assert_eq!(tokens[3].text(text), "”");
    }

    #[test]
    fn abbreviations() {
        assert!(is_abbreviation("Mr."));
        assert!(is_abbreviation("J."));
        assert!(is_abbreviation("U.S."));
        assert!(!is_abbreviation("said."));
        assert!(!is_abbreviation("."));
    }
}
