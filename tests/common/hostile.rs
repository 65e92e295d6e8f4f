//! Shapes of text that once cost far more than their length to read: nested
//! quotes of every kind, runs of cues with no sentence end, sourcing
//! sentences among plain ones, a quotation running on. One list for the
//! property tests (`tests/robustness.rs`), the database test
//! (`tests/hostile_text.rs`) and the benchmark (`benches/hostile.rs`, which
//! includes this file by path).

// Each includer uses its own subset.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

/// Added to the number of every name [`letters`] makes. The benchmark changes
/// it before each read, so that every read meets names it has never seen
/// (the tagger keeps what it learnt of a word across articles, up to a
/// bound: a small text read again would find all its names known, a large
/// one not, and a time ratio would measure that). Tests leave it at 0.
pub static NAMES_FROM: AtomicUsize = AtomicUsize::new(0);

/// A short name made of letters only, distinct for each `i` ("Abcdef").
pub fn letters(i: usize) -> String {
    let i = i + NAMES_FROM.load(Ordering::Relaxed);
    (0..6)
        .map(|k| {
            let c = (i / 26usize.pow(k)) % 26;
            char::from(if k == 0 { b'A' } else { b'a' } + c as u8)
        })
        .collect()
}

/// The `i`-th piece of a text made of many.
pub type Piece = fn(usize) -> String;

/// The shapes, named.
pub fn hostile_shapes() -> Vec<(&'static str, Piece)> {
    vec![
        ("nested quotes of every kind", |_| {
            "Bob said \"Ann said “Joe said ‘Kim said «Lee said 'Max said ".into()
        }),
        ("quote marks alone", |_| "\"a “b ‘c «d 'e ’f ”g »h ".into()),
        ("'He said", |_| "'He said ".into()),
        ("(Bob said", |_| "(Bob said ".into()),
        ("no punctuation", |_| {
            "the mayor told reporters that ".into()
        }),
        ("short sentences", |_| "Ann said it rained. ".into()),
        ("mixed quotes and cues", |_| {
            "'He said \"the mayor (Bob said “yes” and ‘no’ «now» ".into()
        }),
        ("deep parentheses", |_| "(a ".into()),
        ("commas, dashes and colons", |_| "Bob said, - : — ".into()),
        ("a quotation running on", |i| {
            if i == 0 {
                "\"Yes,\" Bob said. ".into()
            } else {
                "\"It rained.\" ".into()
            }
        }),
        // Each "He" looks back over a bounded number of sources and names.
        ("pronouns after names of the other gender", |_| {
            "Ann Lee said it rained. He said no. ".into()
        }),
        // Each acronym is looked up in the whole article once, not per mention.
        ("acronyms never spelled out", |_| {
            "NATO said it rained. ".into()
        }),
        ("sourcing sentences among plain ones", |i| {
            format!(
                "The Gaze reports on it, referring to {}, {} and {}. Rain fell. ",
                letters(3 * i),
                letters(3 * i + 1),
                letters(3 * i + 2)
            )
        }),
    ]
}

/// The shape named `name`.
pub fn hostile_shape(name: &str) -> Piece {
    hostile_shapes()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no hostile shape {name:?}"))
        .1
}

/// `shape`'s pieces from the `i`-th on, appended to `text` until it is at
/// least `bytes` long.
pub fn fill(text: &mut String, shape: Piece, bytes: usize) {
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&shape(i));
        i += 1;
    }
}

/// A title and one paragraph of `shape`'s pieces, at least `bytes` long.
pub fn hostile_text(shape: Piece, bytes: usize) -> String {
    let mut text = String::from("Hostile\n\n");
    fill(&mut text, shape, bytes);
    text
}
