//! Splits an article into its title, paragraphs and sentences, with byte spans.
//!
//! News conventions drive the rules: a line break always ends a paragraph; a
//! period inside a quotation does not end the sentence that carries the quote
//! (`"A. B," he said.` is one unit); abbreviations and initials do not end
//! sentences; a quotation left open at the end of a paragraph (a quote that
//! runs on into the next paragraph) does not hold the rest of the paragraph
//! together.

use crate::model::{Sentence, Span};
use crate::token::{is_abbreviation, is_double_quote};

/// Longest line, in bytes, still taken for a title when it opens the text.
const MAX_TITLE_BYTES: usize = 300;

/// Longest sentence, in bytes. A longer run of text with no sentence end is
/// cut into pieces of at most this size (at a space where there is one), each
/// read as a sentence of its own. The extractor's frames look around every
/// cue across its sentence, so a sentence of `n` cues costs about `n²`; with
/// sentences capped, an article costs time linear in its length whatever its
/// punctuation ("'He said 'He said …" for a megabyte took minutes). The
/// longest PolNeAR sentence is about 1,400 bytes: real news is never cut.
pub const MAX_SENTENCE_BYTES: usize = 4096;

/// Splits `text` into sentences in reading order.
///
/// The first non-empty line is the title when more text follows it and it is
/// short; it is returned with `is_title` set.
pub fn segment(text: &str) -> Vec<Sentence> {
    let lines = paragraphs(text);
    let mut sentences = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if index == 0 && lines.len() > 1 && line.len() <= MAX_TITLE_BYTES {
            sentences.push(Sentence {
                span: *line,
                paragraph: 0,
                is_title: true,
            });
            continue;
        }
        for sentence in split_paragraph(text, *line) {
            for span in cut_long(text, sentence) {
                sentences.push(Sentence {
                    span,
                    paragraph: index,
                    is_title: false,
                });
            }
        }
    }
    sentences
}

/// Non-empty lines, trimmed, as spans.
fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    // Line breaks are ASCII, so a byte scan finds them (and only them).
    let breaks = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| matches!(b, b'\n' | b'\r'));
    for (pos, _) in breaks.chain(std::iter::once((text.len(), b'\n'))) {
        if let Some(span) = trim(text, Span::new(start, pos)) {
            out.push(span);
        }
        start = pos + 1;
    }
    out
}

/// The span without leading and trailing whitespace, or `None` if nothing is left.
fn trim(text: &str, span: Span) -> Option<Span> {
    let slice = span.text(text);
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}

/// Regions between matched quote marks (opening mark to closing mark, inclusive).
/// Straight marks (`"` and the doubled apostrophe `''`) alternate open and close;
/// a doubled apostrophe after a doubled backtick closes it (``` ``…'' ```, as the
/// Penn Treebank and some outlets write quotations).
fn quoted_regions(text: &str, para: Span) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut straight_open: Option<usize> = None;
    let mut curly_open: Option<usize> = None;
    let mut backtick_open: Option<usize> = None;
    let slice = para.text(text);
    let bytes = slice.as_bytes();
    let mut offset = 0;
    while offset < bytes.len() {
        // Only a few bytes can start a quote mark (the ASCII marks, and the
        // lead bytes of the curly ones and guillemets): the others are
        // skipped without decoding.
        let b = bytes[offset];
        if !matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
            offset += 1;
            continue;
        }
        let c = slice[offset..].chars().next().unwrap_or(' ');
        let pos = para.start + offset;
        let doubled = matches!(c, '\'' | '`') && bytes.get(offset + 1) == Some(&b);
        offset += if doubled { 2 } else { c.len_utf8() };
        if let (Some(open), '\'', true) = (backtick_open, c, doubled) {
            regions.push(Span::new(open, pos + 2));
            backtick_open = None;
            continue;
        }
        match (c, doubled) {
            ('"', _) | ('\'', true) => match straight_open.take() {
                Some(open) => regions.push(Span::new(open, pos + if doubled { 2 } else { 1 })),
                None => straight_open = Some(pos),
            },
            ('“' | '„' | '«', _) => curly_open = Some(curly_open.unwrap_or(pos)),
            ('`', true) => backtick_open = Some(backtick_open.unwrap_or(pos)),
            ('”' | '»', _) => {
                if let Some(open) = curly_open.take() {
                    regions.push(Span::new(open, pos + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    regions.sort();
    regions
}

fn is_closing(c: char) -> bool {
    is_double_quote(c) || matches!(c, '’' | '\'' | ')' | ']')
}

/// True when a sentence may start with `c`.
fn opens_sentence(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || is_double_quote(c)
        || matches!(c, '‘' | '(' | '[' | '\'' | '`')
}

/// Sentences of one paragraph.
fn split_paragraph(text: &str, para: Span) -> Vec<Span> {
    let quotes = quoted_regions(text, para);
    // Regions are sorted by start and may overlap (straight inside curly):
    // the running maximum of their ends answers "inside any?" by binary search,
    // so a long paragraph full of quotations stays linear-logarithmic.
    let max_end: Vec<usize> = quotes
        .iter()
        .scan(0, |m, q| {
            *m = (*m).max(q.end);
            Some(*m)
        })
        .collect();
    let inside_quote = |pos: usize| {
        let before = quotes.partition_point(|q| q.start < pos);
        before > 0 && max_end[before - 1] > pos
    };
    let slice = para.text(text);
    let mut out = Vec::new();
    let mut start = para.start;
    // Byte offsets; the terminal marks are ASCII, so a byte scan finds them.
    let mut i = 0;
    while let Some(found) = slice.as_bytes()[i..]
        .iter()
        .position(|b| matches!(b, b'.' | b'!' | b'?'))
    {
        let offset = i + found;
        // The sentence ends after the run of terminal and closing marks.
        let run = &slice[offset + 1..];
        let j = offset
            + 1
            + run
                .find(|c: char| !(matches!(c, '.' | '!' | '?') || is_closing(c)))
                .unwrap_or(run.len());
        let end = para.start + j;
        // A boundary needs white space, then a character that opens a sentence.
        let after = &slice[j..];
        let next = after
            .char_indices()
            .find(|&(_, c)| !c.is_whitespace())
            .filter(|&(k, _)| k > 0);
        let boundary = next.is_some_and(|(_, c)| opens_sentence(c))
            && !inside_quote(end)
            && !(slice.as_bytes()[offset] == b'.' && ends_abbreviation(slice, offset));
        if boundary {
            if let Some(span) = trim(text, Span::new(start, end)) {
                out.push(span);
            }
            start = end;
        }
        i = j;
    }
    if let Some(span) = trim(text, Span::new(start, para.end)) {
        out.push(span);
    }
    out
}

/// `span` cut into pieces of at most [`MAX_SENTENCE_BYTES`], trimmed: each
/// cut at the last white space of the second half of the piece, or at the
/// last character boundary when there is none (a word of kilobytes).
fn cut_long(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let half = start + MAX_SENTENCE_BYTES / 2;
        let cut = text[start..limit]
            .char_indices()
            .rev()
            .take_while(|&(k, _)| start + k >= half)
            .find(|&(_, c)| c.is_whitespace())
            .map_or(limit, |(k, _)| start + k);
        out.extend(trim(text, Span::new(start, cut)));
        start = cut;
    }
    out.extend(trim(text, Span::new(start, span.end)));
    out
}

/// True when the period at `offset` of `slice` closes an abbreviation.
fn ends_abbreviation(slice: &str, offset: usize) -> bool {
    let before = &slice[..offset];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '—'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    is_abbreviation(&slice[word_start..offset + 1])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        segment(text).iter().map(|s| s.span.text(text)).collect()
    }

    #[test]
    fn title_then_sentences() {
        let text = "A Title\n\nFirst one. Second one!\nThird? Yes.";
        let sentences = segment(text);
        assert!(sentences[0].is_title);
        assert_eq!(
            texts(text),
            vec!["A Title", "First one.", "Second one!", "Third?", "Yes."]
        );
        assert_eq!(sentences[3].paragraph, 2);
    }

    #[test]
    fn quote_with_inner_sentences_stays_whole() {
        let text = "\"We won. We always win,\" he said. Then he left.";
        assert_eq!(
            texts(text),
            vec!["\"We won. We always win,\" he said.", "Then he left."]
        );
    }

    #[test]
    fn curly_quotes_and_closing_marks() {
        let text = "She called it “illegal.” He agreed.";
        assert_eq!(texts(text), vec!["She called it “illegal.”", "He agreed."]);
    }

    #[test]
    fn doubled_apostrophe_quotes_hold_together() {
        let text = "''We won. We rest,'' he said. Then he left.";
        assert_eq!(
            texts(text),
            vec!["''We won. We rest,'' he said.", "Then he left."]
        );
    }

    #[test]
    fn every_kind_of_quote_mark_holds_its_sentences_together() {
        // Guillemets, doubled apostrophes, backticks closed by apostrophes
        // and straight marks, among other multi-byte characters (an accent,
        // a dash) that are not quote marks.
        let text = "«We won. We rest,» he said. ''It is over. Really,'' she said. \
                    ``No. Never,'' they said. The café — closed. \"Go. Now,\" he said.";
        assert_eq!(
            texts(text),
            vec![
                "«We won. We rest,» he said.",
                "''It is over. Really,'' she said.",
                "``No. Never,'' they said.",
                "The café — closed.",
                "\"Go. Now,\" he said."
            ]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        let text = "Mr. Smith met Gen. Jones on Aug. 5 in the U.S. capital. J. Doe left.";
        assert_eq!(
            texts(text),
            vec![
                "Mr. Smith met Gen. Jones on Aug. 5 in the U.S. capital.",
                "J. Doe left."
            ]
        );
    }

    #[test]
    fn unclosed_quote_does_not_swallow_paragraph() {
        let text = "“This quote runs on. It has two sentences.";
        assert_eq!(
            texts(text),
            vec!["“This quote runs on.", "It has two sentences."]
        );
    }

    #[test]
    fn em_dash_and_lowercase_after_period_do_not_split() {
        let text = "Talks covered trade—from the EAEU to the UN. e.g. nothing else.";
        assert_eq!(texts(text).len(), 1);
    }

    #[test]
    fn a_run_without_sentence_end_is_cut_into_pieces_at_spaces() {
        // Words of one to three bytes (with multi-byte ones), no period: the
        // pieces are at most the limit, cut between words, and hold every word.
        let run = "é said ”Ω a ".repeat(3 * MAX_SENTENCE_BYTES / 12);
        let text = format!("Title\n\n{run}");
        let pieces = texts(&text);
        assert!(pieces.len() > 3, "{}", pieces.len());
        assert!(pieces[1..].iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        let words: Vec<&str> = pieces[1..].iter().flat_map(|p| p.split(' ')).collect();
        assert_eq!(words, run.split_whitespace().collect::<Vec<_>>());
        // One word longer than the limit is cut at a character boundary.
        let word = "日本".repeat(MAX_SENTENCE_BYTES);
        let pieces = texts(&word);
        assert_eq!(pieces.concat(), word);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
    }

    #[test]
    fn empty_and_blank_text() {
        assert!(segment("").is_empty());
        assert!(segment("\n\n  \n").is_empty());
    }
}
