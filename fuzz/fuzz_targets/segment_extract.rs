//! Fuzzes the pure text pipeline: segment → tokenize → tag → extract, and
//! the whole reading (with resolution) on top of it. Any panic is a bug; so
//! is a span outside the text or off a character boundary, or a reading that
//! differs between two runs on the same text.
//!
//! Run with `cargo +nightly fuzz run segment_extract` in `fuzz/`
//! (see the README's "Guarantees and limits" for the options used).

#![no_main]

use claimdb::extract::extract;
use claimdb::model::Span;
use claimdb::reading::{read_article, ArticleMeta};
use claimdb::segment::segment;
use claimdb::token::tokenize;
use libfuzzer_sys::fuzz_target;

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on a char boundary"
    );
}

fuzz_target!(|data: &[u8]| {
    // Import only accepts UTF-8; invalid bytes are replaced so that every
    // input still exercises the pipeline.
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;

    let sentences = segment(text);
    let tokens: Vec<_> = sentences
        .iter()
        .map(|s| {
            check_span(text, s.span, "sentence");
            let mut toks = tokenize(text, s.span);
            claimdb::pos::tag(text, &mut toks);
            for t in &toks {
                check_span(text, t.span, "token");
                assert!(s.span.contains(t.span), "token outside its sentence");
            }
            toks
        })
        .collect();
    for reading in extract(text, &sentences, &tokens) {
        for e in &reading.extractions {
            for span in e.content.iter().chain(&e.cue) {
                check_span(text, *span, "extraction");
            }
            for span in [e.mention, e.via, e.antecedent, e.cue_aux]
                .into_iter()
                .flatten()
            {
                check_span(text, span, "extraction");
            }
        }
        if let Some(own) = reading.own_voice {
            check_span(text, own, "own voice");
        }
    }

    let reading = read_article(text, &ArticleMeta::default());
    for claim in &reading.claims {
        check_span(text, claim.sentence, "claim sentence");
        for span in &claim.content {
            check_span(text, *span, "claim content");
        }
        for a in &claim.attributions {
            for span in a.cue.iter().chain(&a.mention).chain(&a.cue_aux) {
                check_span(text, *span, "attribution");
            }
            assert!(a.source.is_none_or(|s| s < reading.sources.len()));
            assert!(a.via.is_none_or(|s| s < reading.sources.len()));
        }
    }
    // Claim contents nest or stay apart; they never cross.
    let fragments: Vec<Span> = reading
        .claims
        .iter()
        .flat_map(|c| c.content.clone())
        .collect();
    for (i, a) in fragments.iter().enumerate() {
        for b in &fragments[i + 1..] {
            let disjoint = a.end <= b.start || b.end <= a.start;
            assert!(
                disjoint || a.contains(*b) || b.contains(*a),
                "contents {a:?} and {b:?} cross"
            );
        }
    }
    // Deterministic: the same text reads the same way twice.
    let again = read_article(text, &ArticleMeta::default());
    assert_eq!(reading.claims, again.claims, "reading is not deterministic");
});
