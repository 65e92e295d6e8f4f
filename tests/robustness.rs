//! The pure pipeline (segment → tokenize → tag → extract → resolve) never
//! panics, whatever text it is given, and what it returns can be trusted:
//! property tests over arbitrary Unicode, control characters, unbalanced
//! quotes of every kind, very long sentences and runs of empty lines.
//!
//! Complements `odd_sentences_never_break_the_pipeline` in
//! `tests/extraction.rs` (a fixed stitched sequence) with generated and
//! shrunk inputs and stronger invariants. `PROPTEST_CASES=N` runs N cases
//! per property instead of the small defaults below, for a longer search by hand.

#[path = "common/hostile.rs"]
mod hostile;

use claimdb::model::Span;
use claimdb::reading::{read_article, ArticleMeta, ArticleReading};
use claimdb::segment::segment;
use claimdb::token::tokenize;
use hostile::{hostile_shapes, hostile_text};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// A configuration running `default` cases unless `PROPTEST_CASES` says otherwise.
fn cases(default: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    Config {
        cases,
        ..Config::default()
    }
}

/// Panics (with the text) unless `span` lies inside `text` on character boundaries.
fn in_text(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds of {} bytes in {text:?}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} is not on a char boundary in {text:?}"
    );
}

/// Every invariant a reading of `text` must hold.
fn check_reading(text: &str, reading: &ArticleReading) {
    // Sentences: inside the text, not empty, in order, disjoint; tokens inside
    // their sentence.
    let mut previous_end = 0;
    for s in &reading.sentences {
        in_text(text, s.span, "sentence");
        assert!(!s.span.is_empty(), "empty sentence {s:?} in {text:?}");
        assert!(
            s.span.start >= previous_end,
            "sentences overlap or go back at {s:?} in {text:?}"
        );
        previous_end = s.span.end;
        // Tokens are non-empty, in order and disjoint (the extractor finds
        // them by binary search).
        let mut token_end = s.span.start;
        for t in tokenize(text, s.span) {
            in_text(text, t.span, "token");
            assert!(s.span.contains(t.span), "token {t:?} outside {s:?}");
            assert!(
                !t.span.is_empty() && t.span.start >= token_end,
                "token {t:?} in {text:?}"
            );
            token_end = t.span.end;
        }
    }
    let sentence_spans: Vec<Span> = reading.sentences.iter().map(|s| s.span).collect();

    let mut fragments: Vec<(Span, usize)> = Vec::new();
    let mut previous_sentence = 0;
    for (i, claim) in reading.claims.iter().enumerate() {
        in_text(text, claim.sentence, "claim sentence");
        assert!(
            sentence_spans.contains(&claim.sentence),
            "claim {i} sentence {:?} is not one of the segmenter's",
            claim.sentence
        );
        // Reading order: claims follow their sentences.
        assert!(
            claim.sentence.start >= previous_sentence,
            "claim {i} goes back to an earlier sentence in {text:?}"
        );
        previous_sentence = claim.sentence.start;
        assert!(!claim.content.is_empty(), "claim {i} has no content");
        assert!(
            !claim.attributions.is_empty(),
            "claim {i} has no attribution"
        );
        for span in &claim.content {
            in_text(text, *span, "content");
            assert!(!span.is_empty(), "claim {i} has an empty fragment");
            fragments.push((*span, i));
        }
        for a in &claim.attributions {
            for span in a.cue.iter().chain(&a.cue_aux).chain(&a.mention) {
                in_text(text, *span, "attribution");
                assert!(
                    sentence_spans.iter().any(|s| s.contains(*span)),
                    "cue or mention {span:?} crosses sentences in {text:?}"
                );
            }
            assert!(a.source.is_none_or(|s| s < reading.sources.len()));
            assert!(a.via.is_none_or(|s| s < reading.sources.len()));
            assert!((0.0..=1.0).contains(&a.confidence));
        }
        // Text and records slice the text; they must not panic either.
        let _ = claim.text(text);
    }
    // Claims never cross: two content fragments are either disjoint or one
    // holds the other. Holding is legitimate: an attribution found first can
    // sit inside the content of one whose cue comes later in the sentence
    // ("The mayor said the bridge was unsafe, according to the council"), a
    // nested attribution, which PolNeAR also annotates twice. A partial
    // overlap would mean two claims disagree on where a statement ends.
    for (i, &(a, ca)) in fragments.iter().enumerate() {
        for &(b, cb) in &fragments[i + 1..] {
            let disjoint = a.end <= b.start || b.end <= a.start;
            assert!(
                disjoint || a.contains(b) || b.contains(a),
                "claims {ca} and {cb} cross: {:?} and {:?} in {text:?}",
                a.text(text),
                b.text(text)
            );
        }
    }
    assert!(reading.publisher.is_none_or(|p| p < reading.sources.len()));
    assert!(reading.cited.iter().all(|&c| c < reading.sources.len()));
    for r in reading.records("t.txt", text) {
        for [s, e] in r
            .content_spans
            .iter()
            .chain(&r.cue_spans)
            .chain(&r.source_spans)
        {
            in_text(text, Span { start: *s, end: *e }, "record");
        }
    }
}

/// Reads `text` twice and checks the reading and that both runs agree.
fn read_and_check(text: &str) {
    let meta = ArticleMeta::default();
    let first = read_article(text, &meta);
    check_reading(text, &first);
    let second = read_article(text, &meta);
    assert_eq!(first.claims, second.claims, "not deterministic: {text:?}");
    assert_eq!(first.sentences, second.sentences);
    let names = |r: &ArticleReading| r.sources.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&first), names(&second));
    // The segmenter alone agrees with the reading's sentences.
    assert_eq!(segment(text), first.sentences);
}

/// Pieces of news writing the patterns react to, with every kind of quotation
/// mark (straight, curly double and single, doubled apostrophes, backticks)
/// so that many come out unbalanced, and characters that are not text at all.
fn piece() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "said",
        "told",
        "says",
        "according to",
        "reported",
        "called",
        "urged",
        "believes",
        "saying",
        "added",
        "warned",
        "citing",
        "that",
        "who",
        "which",
        "and",
        "to",
        "as",
        "the report",
        "He",
        "She",
        "They",
        "it",
        "Smith",
        "Mr.",
        "Jones",
        "U.S.",
        "Reuters",
        "officials",
        "a spokesman",
        "the ministry",
        "also",
        "on Friday",
        "earlier",
        "when asked",
        "was expected to",
        "seemed to",
        "refers to it, referring to",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "''",
        "``",
        "'",
        "«",
        "»",
        "„",
        ",",
        ".",
        "!",
        "?",
        ":",
        ";",
        "—",
        "–",
        "-",
        "(",
        ")",
        "[",
        "]",
        "...",
        "…",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "   ",
        "\u{0}",
        "\u{7}",
        "\u{1b}",
        "\u{7f}",
        "\u{85}",
        "\u{a0}",
        "\u{200b}",
        "\u{200e}",
        "\u{2028}",
        "\u{2029}",
        "\u{feff}",
        "\u{301}",
        "é",
        "ß",
        "İ",
        "ﬁ",
        "Ω",
        "日本",
        "🙂",
        "👩‍👩‍👧",
        "\u{fffd}",
        "𝔘",
    ];
    prop_oneof![
        6 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
        1 => "[A-Z][a-z]{0,8}",
    ]
}

/// Texts stitched from [`piece`]s, with or without spaces between them.
fn stitched() -> impl Strategy<Value = String> {
    (proptest::collection::vec(piece(), 0..60), any::<bool>())
        .prop_map(|(pieces, spaced)| pieces.join(if spaced { " " } else { "" }))
}

proptest! {
    #![proptest_config(cases(256))]

    /// Arbitrary Unicode, control characters included.
    #[test]
    fn arbitrary_unicode_never_breaks_the_pipeline(
        chars in proptest::collection::vec(any::<char>(), 0..300)
    ) {
        read_and_check(&chars.into_iter().collect::<String>());
    }

    /// News-like pieces with unbalanced quotes, odd whitespace and stray characters.
    #[test]
    fn stitched_news_never_breaks_the_pipeline(text in stitched()) {
        read_and_check(&text);
    }

    /// A title, then paragraphs separated by runs of empty or blank lines
    /// (with `\r\n`, tabs and no-break spaces).
    #[test]
    fn empty_lines_never_break_the_pipeline(
        paragraphs in proptest::collection::vec(
            (stitched(), "[\n\r \t\u{a0}]{0,6}"), 0..6)
    ) {
        let mut text = String::from("Title\n");
        for (paragraph, gap) in paragraphs {
            text.push_str(&gap);
            text.push('\n');
            text.push_str(&paragraph);
        }
        read_and_check(&text);
    }
}

proptest! {
    #![proptest_config(cases(16))]

    /// One very long sentence (no terminal mark; thousands of words), opened
    /// by a quotation mark that may never close.
    #[test]
    fn very_long_sentences_never_break_the_pipeline(
        opening in proptest::sample::select(&["", "\"", "“", "‘", "''", "``", "«"][..]),
        clause in stitched(),
        repeats in 50usize..400,
    ) {
        let clause = clause.replace(['.', '!', '?', '\n', '\r'], " ");
        let text = format!("Title\n\n{opening}Smith said {}", clause.repeat(repeats));
        read_and_check(&text);
    }
}

/// Cases that once broke an invariant, kept as plain tests so that they run
/// on every `cargo test` whatever the random seed.
#[test]
fn known_hard_cases() {
    for text in [
        "",
        "\n",
        "“",
        "”",
        "''",
        "\"\"\"",
        "Title\n\n\"",
        "Title\n\n“He said. ‘She said,’ ” he said.",
        "Title\n\n\u{0}said\u{0}",
        "Title\n\nSmith said:",
        "Title\n\nSmith said:\n\n“",
        "Title\n\n\"A.\" \"B!\" Smith said. \"C?\" he said.",
        "İİİ said ﬁ. 👩‍👩‍👧 told 𝔘 that \u{301}.",
        // Found by the properties above: contents that crossed.
        "é says A \" » ‘ ‘ according to said",
        "Title\n\né urged when asked '' that \" ,",
        "the report said was expected to according to said",
        // Found by the fuzz target: ", which P called" set the sentence's
        // own-voice part although no attribution came of the cue; a later
        // content crossed it.
        "\u{0}”H expressed\u{1},which P callEd\u{fffd}t,told r",
    ] {
        read_and_check(text);
    }
}

/// An attribution read first can sit inside the content of one whose cue
/// comes later in the sentence: the two nest, edge to edge included (the
/// closing bracket stays inside both).
#[test]
fn nested_attributions_nest_and_never_cross() {
    for (body, inner, outer) in [
        (
            "He said the vote was lost (again), according to aides.",
            "the vote was lost (again)",
            "He said the vote was lost (again)",
        ),
        (
            "The mayor said the bridge was unsafe, according to the council.",
            "the bridge was unsafe",
            "The mayor said the bridge was unsafe",
        ),
    ] {
        let text = format!("Title\n\n{body}");
        let reading = read_article(&text, &ArticleMeta::default());
        check_reading(&text, &reading);
        let claims: Vec<String> = reading.claims.iter().map(|c| c.text(&text)).collect();
        assert_eq!(claims, vec![inner, outer], "{body}");
    }
}

/// One sentence holding thousands of attributions (no sentence-ending mark)
/// reads in about linear time. Marking used tokens, finding a quotation by
/// its first token and checking that contents do not cross each scanned the
/// whole sentence per attribution: at 8,000 repeats (about 120 KB) these
/// shapes took 30 to 60 s in a debug build, and an 8 MiB article of them
/// hours. They now take about a second; the bound leaves room for a slow,
/// busy machine.
#[test]
fn sentences_of_many_attributions_read_in_linear_time() {
    for unit in ["\"A,\" he said, ", "Smith, who said "] {
        let text = format!("Title\n\n{}", unit.repeat(8_000));
        let started = std::time::Instant::now();
        let reading = read_article(&text, &ArticleMeta::default());
        let took = started.elapsed();
        assert!(!reading.claims.is_empty());
        assert!(
            took < std::time::Duration::from_secs(20),
            "{unit:?} × 8000 took {took:?}"
        );
    }
}

/// Every input the fuzz target ever crashed on (`tests/fixtures/fuzz-crashes/`,
/// raw bytes, read lossily as UTF-8 the way the target reads them).
#[test]
fn fuzz_crashes_stay_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/fuzz-crashes");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        read_and_check(&String::from_utf8_lossy(&bytes));
        seen += 1;
    }
    assert!(seen > 0, "no crash inputs in {dir}");
}

// ---------------------------------------------------------------------------
// Hostile text: what a reading holds grows about linearly with the text, and
// stays within the caps, whatever the text. These count (sentences, claims,
// rows, stored bytes); `cargo bench --bench hostile` times the same shapes.

/// What a reading would make the store write.
#[derive(Debug, Clone, Copy)]
struct Rows {
    claims: usize,
    /// Claim-attributions: one row each.
    attributions: usize,
    fragments: usize,
    /// The claims' text, as stored.
    text_bytes: usize,
}

fn rows(text: &str, reading: &ArticleReading) -> Rows {
    Rows {
        claims: reading.claims.len(),
        attributions: reading.claims.iter().map(|c| c.attributions.len()).sum(),
        fragments: reading.claims.iter().map(|c| c.content.len()).sum(),
        text_bytes: reading.claims.iter().map(|c| c.text(text).len()).sum(),
    }
}

/// Panics unless the reading of `text` keeps within every cap.
fn check_caps(what: &str, text: &str, reading: &ArticleReading) {
    use claimdb::extract::{MAX_ATTRIBUTIONS_PER_SENTENCE, MAX_CONTENT_DEPTH, MAX_FRAGMENTS};
    use claimdb::reading::MAX_CITED_SOURCES;
    use claimdb::segment::MAX_SENTENCE_BYTES;
    for s in &reading.sentences {
        assert!(
            s.span.len() <= MAX_SENTENCE_BYTES,
            "{what}: a sentence of {} bytes",
            s.span.len()
        );
        // Attributions found by a cue in this sentence (the article's own
        // backing of a sentence is not one).
        let found = reading
            .claims
            .iter()
            .filter(|c| c.sentence == s.span)
            .flat_map(|c| &c.attributions)
            .filter(|a| !a.cue.is_empty())
            .count();
        assert!(
            found <= MAX_ATTRIBUTIONS_PER_SENTENCE,
            "{what}: {found} attributions in one sentence"
        );
    }
    for c in &reading.claims {
        assert!(
            c.content.len() <= MAX_FRAGMENTS,
            "{what}: a content of {} fragments",
            c.content.len()
        );
    }
    assert!(
        reading.cited.len() <= MAX_CITED_SOURCES,
        "{what}: {} cited sources",
        reading.cited.len()
    );
    // The most fragments holding one byte: a sweep over their ends (an end
    // counts before a start at the same place, fragments being half-open).
    let mut edges: Vec<(usize, i32)> = reading
        .claims
        .iter()
        .flat_map(|c| &c.content)
        .flat_map(|f| [(f.start, 1), (f.end, -1)])
        .collect();
    edges.sort();
    let deepest = edges
        .iter()
        .scan(0, |depth, &(_, d)| {
            *depth += d;
            Some(*depth)
        })
        .max()
        .unwrap_or(0);
    assert!(
        deepest as usize <= MAX_CONTENT_DEPTH,
        "{what}: a byte inside {deepest} contents"
    );
    // Hence the stored text: each byte at most that many times, plus the
    // spaces joining fragments.
    let stored = rows(text, reading).text_bytes;
    assert!(
        stored <= (MAX_CONTENT_DEPTH + 1) * text.len(),
        "{what}: {stored} bytes of claim text for {} of text",
        text.len()
    );
}

/// Panics unless every count at twice the size is at most 2.3 times the
/// count at the size (plus `slack`, for the pieces cut at the edges).
fn check_doubling(what: &str, small: Rows, large: Rows) {
    let slack = 2 * claimdb::extract::MAX_ATTRIBUTIONS_PER_SENTENCE;
    let counts = [
        ("claims", small.claims, large.claims, slack),
        (
            "attributions",
            small.attributions,
            large.attributions,
            slack,
        ),
        ("fragments", small.fragments, large.fragments, slack),
        (
            "claim text bytes",
            small.text_bytes,
            large.text_bytes,
            2 * claimdb::segment::MAX_SENTENCE_BYTES,
        ),
    ];
    for (name, at_n, at_2n, slack) in counts {
        assert!(
            at_2n as f64 <= 2.3 * at_n as f64 + slack as f64,
            "{what}: {name} grew from {at_n} to {at_2n} when the text doubled"
        );
    }
}

/// Each hostile shape at 8, 16 and 32 KB: the reading is valid, within the
/// caps, and every count grows at most 2.3 times per doubling. Before the
/// caps, nested quotes stored about 4 times as much claim text per doubling
/// (34 MB for 64 KB), sourcing sentences 4 times as many rows (1.9 million
/// for 64 KB), and `'He said` made one sentence of the whole text (quadratic
/// time).
#[test]
fn hostile_text_grows_linearly_and_within_the_caps() {
    for (what, shape) in hostile_shapes() {
        let mut previous: Option<Rows> = None;
        for kb in [8, 16, 32] {
            let text = hostile_text(shape, kb * 1024);
            let reading = read_article(&text, &ArticleMeta::default());
            check_reading(&text, &reading);
            check_caps(what, &text, &reading);
            let now = rows(&text, &reading);
            assert!(now.claims > 0, "{what}: no claims");
            if let Some(before) = previous {
                check_doubling(&format!("{what} at {kb} KB"), before, now);
            }
            previous = Some(now);
        }
    }
}

proptest! {
    #![proptest_config(cases(12))]

    /// A random hostile piece (quote marks, cues, brackets, punctuation)
    /// repeated to 4 KB and to 8 KB: both readings are valid and within the
    /// caps, and the larger one holds at most 2.3 times as much.
    #[test]
    fn repeated_pieces_grow_linearly_and_within_the_caps(
        pieces in proptest::collection::vec(
            proptest::sample::select(&[
                "said", "told", "He", "Bob", "according to", "that", "who", "saying",
                "\"", "“", "”", "‘", "’", "'", "«", "»", "(", ")", ",", ":", "—", "-",
                ".", "?", "reports on it, referring to", "Reuters", "\n",
            ][..]),
            1..12,
        ),
    ) {
        let unit = pieces.join(" ") + " ";
        let shape = |n: usize| unit.repeat(n / unit.len() + 1);
        let small = format!("Hostile\n\n{}", shape(4 * 1024));
        let large = format!("Hostile\n\n{}", shape(8 * 1024));
        let meta = ArticleMeta::default();
        let (a, b) = (read_article(&small, &meta), read_article(&large, &meta));
        for (text, reading) in [(&small, &a), (&large, &b)] {
            check_reading(text, reading);
            check_caps(&unit, text, reading);
        }
        check_doubling(&unit, rows(&small, &a), rows(&large, &b));
    }
}
