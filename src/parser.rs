//! Greedy transition-based dependency parser for English with labelled
//! Universal Dependencies relations (`nsubj`, `obj`, `ccomp`, `acl:relcl`...).
//!
//! # Approach
//!
//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011)
//! with the root token at the end of the buffer (Ballesteros and Nivre 2013,
//! "Going to the roots of dependency parsing"), one averaged perceptron
//! (Collins 2002) over labelled transitions, greedy decoding, and training
//! with the dynamic oracle of Goldberg and Nivre (2013, "Training
//! deterministic parsers with non-deterministic oracles"): from the second
//! epoch on the parser mostly follows its own predictions, and learns the best
//! transition from wherever its mistakes lead it. Non-projective training
//! trees are made projective first by lifting the offending arcs to the
//! grandparent (keeping their labels), so that the oracle is exact.
//!
//! Transitions, over a stack `σ` and a buffer `β = b0 b1 ... ROOT`:
//! `SHIFT` pushes `b0`; `LEFT-l` makes `b0` the head of the top of the stack
//! `s0` and pops it; `RIGHT-l` makes `s1` the head of `s0` and pops it. `ROOT`
//! is never shifted and takes a dependent (labelled `root`) only when it is
//! the last word on the stack, so every output is a single-rooted, projective
//! tree with exactly one head per token, after exactly `2n` transitions.
//!
//! Features follow Zhang and Nivre (2011, "Transition-based dependency parsing
//! with rich non-local features") adapted to arc-hybrid, cut down to the 43
//! templates that pay for their lookup time (see `TEMPLATES`): words and
//! tags of `s0`, `s1` and `b0`, `b1` (tags only of `s2` and `b2`), of the
//! outermost children of `s0` and `b0` and their labels, pairs and triples of
//! them, the distance between `s0` and `b0`, left valencies and the sets of
//! labels already attached to the left of `s0` and `b0`. As in
//! [`crate::tagger`], no feature string is built while parsing: a feature is a
//! 64-bit hash of its template and the hashes of its parts (the word, lowercased
//! and normalised like the tagger's features, and the tag), looked up in an
//! open-addressing table of weight rows.
//!
//! # Input and output
//!
//! Words tokenised as in UD English EWT (see [`crate::tagger`]) and their Penn
//! Treebank tags, as predicted by [`crate::pos::tagger`] (the shipped model was
//! trained on predicted tags). The result gives each token its head as a
//! 0-based token index (`None` for the root of the sentence) and its relation.

use std::collections::HashMap;

use crate::tagger::{
    argmax, escape_into, fmix, hash_str, normalize_into, unescaped, write_comment_header, IdMap,
    SplitMix64, Weights, K,
};

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Error returned when a model file cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParserError {
    /// A line of the model text is malformed.
    #[error("parser model line {line}: {message}")]
    Line {
        /// 1-based line number in the model text.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The model text as a whole is malformed (no header, no labels...).
    #[error("parser model: {0}")]
    Model(String),
}

fn line_err(line: usize, message: impl Into<String>) -> ParserError {
    ParserError::Line {
        line,
        message: message.into(),
    }
}

// ---------------------------------------------------------------------------
// Hashing (part of the model format only through `hash_str` of the parts)
// ---------------------------------------------------------------------------

/// Hash of a feature: its template and up to four part hashes (unused parts
/// are 0). The parts are already well-mixed hashes, so a multiply-rotate
/// chain plus one finaliser is enough.
#[inline]
fn feat_hash(tpl: usize, p: &[u64; 4]) -> u64 {
    let mut h = (tpl as u64 + 1).wrapping_mul(K);
    for &x in p {
        h = (h.rotate_left(23) ^ x).wrapping_mul(K);
    }
    // Never 0: 0 marks an empty slot in the weight table.
    fmix(h).max(1)
}

/// The contribution of one label to the hash of a label set; sets are hashed
/// as `hash_str("-")` plus the sum of these, so the order does not matter.
#[inline]
fn label_salt(label_hash: u64) -> u64 {
    fmix(label_hash ^ 0x5bd1_e995_5bd1_e995)
}

/// Hash of a label set written as in the model file: labels joined by `|`,
/// or `-` for the empty set.
fn set_hash_of(s: &str) -> u64 {
    // The none token has no label set at all.
    if s == NONE {
        return hash_str(NONE);
    }
    let mut h = hash_str(EMPTY_SET);
    if s != EMPTY_SET {
        for l in s.split('|') {
            h = h.wrapping_add(label_salt(hash_str(l)));
        }
    }
    h
}

// ---------------------------------------------------------------------------
// Tokens, states and transitions
// ---------------------------------------------------------------------------

/// Marker for a missing position (empty stack slot, no such child...).
const NONE: &str = "-NONE-";
/// Word and tag of the artificial root token.
const ROOT: &str = "-ROOT-";
/// Label of a token that has no head yet.
const NOLABEL: &str = "-NOLABEL-";
/// Part of the bias feature.
const BIAS_PART: &str = "*";
/// The empty label set.
const EMPTY_SET: &str = "-";
/// Label of the arc from the artificial root.
const ROOT_LABEL: &str = "root";
/// Distances above this are one feature value.
const MAX_DIST: usize = 10;
/// Valencies above this are one feature value.
const MAX_VAL: usize = 6;
/// Number of number parts (0..=MAX_DIST).
const NUMS: usize = MAX_DIST + 1;

/// "No head yet" in [`Node::head`].
const NIL: u32 = u32::MAX;

/// Hashes of the word-dependent parts of one token.
#[derive(Clone, Copy)]
struct Tok {
    /// Lowercased normalised word.
    w: u64,
    /// Tag.
    t: u64,
}

/// Hashes of the fixed markers.
#[derive(Clone)]
struct Marks {
    none: u64,
    root: u64,
    nolabel: u64,
    bias: u64,
    empty_set: u64,
    nums: [u64; NUMS],
}

impl Marks {
    fn new() -> Marks {
        Marks {
            none: hash_str(NONE),
            root: hash_str(ROOT),
            nolabel: hash_str(NOLABEL),
            bias: hash_str(BIAS_PART),
            empty_set: hash_str(EMPTY_SET),
            nums: std::array::from_fn(|i| hash_str(&i.to_string())),
        }
    }
}

/// What the parser knows about one token while parsing. Child fields hold the
/// index of the "none" token (`n + 1`) when there is no such child.
#[derive(Clone, Copy)]
struct Node {
    head: u32,
    /// Hash of the label of the arc to the head (`NOLABEL` before, `NONE` for
    /// the none token).
    lab: u64,
    /// Leftmost, second leftmost and rightmost children (only what the
    /// feature templates use).
    l1: u32,
    l2: u32,
    r1: u32,
    /// Number of left children.
    vl: u8,
    /// Label set of the left children: a bit mask over label ids below 128,
    /// and its hash.
    lmask: u128,
    lset: u64,
}

/// A parser configuration. Tokens are `0..n`, the root token is `n` (always
/// last in the buffer) and `n + 1` is the "none" token that missing positions
/// point to. The buffer is `b0..=n`.
struct State {
    n: usize,
    stack: Vec<u32>,
    b0: usize,
    nodes: Vec<Node>,
    /// Head and label id of each token once attached.
    label: Vec<u16>,
}

impl State {
    fn new(n: usize, m: &Marks) -> State {
        let none = (n + 1) as u32;
        let node = Node {
            head: NIL,
            lab: m.nolabel,
            l1: none,
            l2: none,
            r1: none,
            vl: 0,
            lmask: 0,
            lset: m.empty_set,
        };
        let mut nodes = vec![node; n + 2];
        nodes[n + 1] = Node {
            lab: m.none,
            lset: m.none,
            ..node
        };
        State {
            n,
            stack: Vec::with_capacity(n),
            b0: 0,
            nodes,
            label: vec![0; n],
        }
    }

    /// The `i`th item from the top of the stack, or the none token.
    #[inline]
    fn s(&self, i: usize) -> usize {
        let l = self.stack.len();
        if i < l {
            self.stack[l - 1 - i] as usize
        } else {
            self.n + 1
        }
    }

    fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b0 == self.n
    }

    fn add_arc(&mut self, h: usize, d: usize, l: usize, label_hash: &[u64], salt: &[u64]) {
        self.nodes[d].head = h as u32;
        self.nodes[d].lab = label_hash[l];
        self.label[d] = l as u16;
        let bit = if l < 128 { 1u128 << l } else { 0 };
        let hn = &mut self.nodes[h];
        let d32 = d as u32;
        let none = (self.n + 1) as u32;
        if d < h {
            // Left children: the new one is leftmost unless an earlier one is
            // further left (not in arc-hybrid, but cheap to keep general).
            if hn.l1 == none || d32 < hn.l1 {
                hn.l2 = hn.l1;
                hn.l1 = d32;
            } else if hn.l2 == none || d32 < hn.l2 {
                hn.l2 = d32;
            }
            hn.vl = hn.vl.saturating_add(1);
            if hn.lmask & bit == 0 && bit != 0 {
                hn.lmask |= bit;
                hn.lset = hn.lset.wrapping_add(salt[l]);
            }
        } else if hn.r1 == none || d32 > hn.r1 {
            hn.r1 = d32;
        }
    }
}

/// A transition decoded from a class index: 0 is `SHIFT`, `1 + l` is `LEFT-l`
/// and `1 + L + l` is `RIGHT-l` for label `l` of `L` labels.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Move {
    Shift,
    Left(usize),
    Right(usize),
}

#[inline]
fn decode(c: usize, nl: usize) -> Move {
    if c == 0 {
        Move::Shift
    } else if c <= nl {
        Move::Left(c - 1)
    } else {
        Move::Right(c - 1 - nl)
    }
}

/// Which transitions are allowed in a state.
#[derive(Clone, Copy)]
struct Valid {
    shift: bool,
    left: bool,
    right: bool,
    /// `LEFT` is to the root token, so it must carry the root label (and no
    /// other arc may).
    to_root: bool,
}

fn valid(st: &State) -> Valid {
    let sl = st.stack.len();
    let at_root = st.b0 == st.n;
    Valid {
        shift: !at_root,
        // The root takes a dependent only when it is the last word left, which
        // keeps the tree single-rooted.
        left: sl > 0 && (!at_root || sl == 1),
        right: sl >= 2,
        to_root: at_root,
    }
}

impl Valid {
    #[inline]
    fn allows(&self, m: Move, root_label: Option<usize>) -> bool {
        let is_root = |l: usize| Some(l) == root_label;
        match m {
            Move::Shift => self.shift,
            // Without a root label in the model, any label may go to the root.
            Move::Left(l) => self.left && (root_label.is_none() || (self.to_root == is_root(l))),
            Move::Right(l) => self.right && !is_root(l),
        }
    }
}

/// The highest-scoring valid class (the first on ties). Overwrites the
/// scores of classes that are invalid only because of their label. Scans
/// slices rather than checking every class, since this runs once a transition.
#[inline]
fn best_valid(scores: &mut [f32], v: Valid, nl: usize, root_label: Option<usize>) -> usize {
    if let Some(r) = root_label {
        if v.to_root {
            // Only LEFT-root (or RIGHT) can be valid: mask the other labels.
            let keep = scores[1 + r];
            scores[1..=nl].fill(f32::NEG_INFINITY);
            scores[1 + r] = keep;
        } else {
            scores[1 + r] = f32::NEG_INFINITY;
        }
        scores[1 + nl + r] = f32::NEG_INFINITY;
    }
    let mut best = (usize::MAX, f32::NEG_INFINITY);
    let mut consider = |lo: usize, hi: usize| {
        let c = lo + argmax(&scores[lo..hi]);
        if best.0 == usize::MAX || scores[c] > best.1 {
            best = (c, scores[c]);
        }
    };
    if v.shift {
        consider(0, 1);
    }
    if v.left {
        consider(1, 1 + nl);
    }
    if v.right {
        consider(1 + nl, 1 + 2 * nl);
    }
    debug_assert!(
        best.0 != usize::MAX,
        "a non-terminal state has a valid move"
    );
    // With a root label and no other, LEFT may have only -inf scores: then
    // `argmax` returns the first class of the slice, the root label when
    // valid; in any case the move is one of the valid kinds.
    best.0
}

fn apply(st: &mut State, m: Move, label_hash: &[u64], salt: &[u64]) {
    match m {
        Move::Shift => {
            st.stack.push(st.b0 as u32);
            st.b0 += 1;
        }
        Move::Left(l) => {
            let s0 = st.stack.pop().expect("LEFT needs a stack") as usize;
            st.add_arc(st.b0, s0, l, label_hash, salt);
        }
        Move::Right(l) => {
            let s0 = st.stack.pop().expect("RIGHT needs two on the stack") as usize;
            let s1 = *st.stack.last().expect("RIGHT needs two on the stack") as usize;
            st.add_arc(s1, s0, l, label_hash, salt);
        }
    }
}

// ---------------------------------------------------------------------------
// Feature templates (their names and order are part of the model format)
// ---------------------------------------------------------------------------

/// (name, kinds of parts) of each template: one character a part, `a` for an
/// atom (a word, tag, label or number, hashed as a string) and `s` for a
/// label set (labels joined by `|`, `-` when empty). Names: `s0`-`s2` stack,
/// `n0`-`n2` buffer, `l`/`l2`/`r` leftmost/second leftmost/rightmost child;
/// `w` word, `t` tag, `l` label (after a position), `d` distance s0-n0, `vl`
/// number of left children, `sl` label set of the left children.
///
/// These 43 are the most useful of an earlier set of 99 (more children,
/// right valencies and label sets, more word pairs and triples, `s1`-`s0`
/// distance): every template is one more weight row to look up per
/// transition, and looking rows up is most of the parsing time. The 43 parse
/// about twice as fast for about 0.8 points of dev LAS; see
/// `models/NOTICE-parser.md`.
const TEMPLATES: &[(&str, &str)] = &[
    ("s0w", "a"),
    ("s0t", "a"),
    ("s0wt", "aa"),
    ("s1w", "a"),
    ("s1t", "a"),
    ("s1wt", "aa"),
    ("s2t", "a"),
    ("n0w", "a"),
    ("n0t", "a"),
    ("n0wt", "aa"),
    ("n1w", "a"),
    ("n1t", "a"),
    ("n1wt", "aa"),
    ("n2t", "a"),
    ("s0lw", "a"),
    ("s0lt", "a"),
    ("s0ll", "a"),
    ("s0rl", "a"),
    ("s0l2l", "a"),
    ("n0lw", "a"),
    ("n0lt", "a"),
    ("n0ll", "a"),
    ("bias", "a"),
    ("s0wt.n0t", "aaa"),
    ("s0t.n0wt", "aaa"),
    ("s0w.n0w", "aa"),
    ("s0t.n0t", "aa"),
    ("n0t.n1t", "aa"),
    ("s1t.s0t", "aa"),
    ("s1wt.s0t", "aaa"),
    ("n0t.n1t.n2t", "aaa"),
    ("s0t.n0t.n1t", "aaa"),
    ("s1t.s0t.n0t", "aaa"),
    ("s0t.n0t.n0lt", "aaa"),
    ("s1t.s0t.s0lt", "aaa"),
    ("s0t.d", "aa"),
    ("n0t.d", "aa"),
    ("s0t.vl", "aa"),
    ("n0t.vl", "aa"),
    ("n0t.n0ll.n0l2l", "aaa"),
    ("s1t.n0t", "aa"),
    ("s0t.sl", "as"),
    ("n0t.sl", "as"),
];

const NF: usize = TEMPLATES.len();

/// Part hashes of every feature in `st`; see [`TEMPLATES`] for the order.
#[inline]
fn feature_parts(m: &Marks, toks: &[Tok], st: &State) -> [[u64; 4]; NF] {
    let nodes = &st.nodes;
    let n = st.n;
    let none = n + 1;
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let n0 = st.b0;
    let n1 = if n0 < n { n0 + 1 } else { none };
    let n2 = if n0 + 1 < n { n0 + 2 } else { none };
    let (ns0, nn0) = (&nodes[s0], &nodes[n0]);
    let (s0l, s0l2, s0r) = (ns0.l1 as usize, ns0.l2 as usize, ns0.r1 as usize);
    let (n0l, n0l2) = (nn0.l1 as usize, nn0.l2 as usize);
    let w = |i: usize| toks[i].w;
    let t = |i: usize| toks[i].t;
    let l = |i: usize| nodes[i].lab;
    let d = if s0 == none {
        m.none
    } else {
        m.nums[(n0 - s0).min(MAX_DIST)]
    };
    let v = |x: u8| m.nums[(x as usize).min(MAX_VAL)];
    let (s0w, s0t, s1w, s1t, n0w, n0t) = (w(s0), t(s0), w(s1), t(s1), w(n0), t(n0));
    [
        [s0w, 0, 0, 0],
        [s0t, 0, 0, 0],
        [s0w, s0t, 0, 0],
        [s1w, 0, 0, 0],
        [s1t, 0, 0, 0],
        [s1w, s1t, 0, 0],
        [t(s2), 0, 0, 0],
        [n0w, 0, 0, 0],
        [n0t, 0, 0, 0],
        [n0w, n0t, 0, 0],
        [w(n1), 0, 0, 0],
        [t(n1), 0, 0, 0],
        [w(n1), t(n1), 0, 0],
        [t(n2), 0, 0, 0],
        [w(s0l), 0, 0, 0],
        [t(s0l), 0, 0, 0],
        [l(s0l), 0, 0, 0],
        [l(s0r), 0, 0, 0],
        [l(s0l2), 0, 0, 0],
        [w(n0l), 0, 0, 0],
        [t(n0l), 0, 0, 0],
        [l(n0l), 0, 0, 0],
        [m.bias, 0, 0, 0],
        [s0w, s0t, n0t, 0],
        [s0t, n0w, n0t, 0],
        [s0w, n0w, 0, 0],
        [s0t, n0t, 0, 0],
        [n0t, t(n1), 0, 0],
        [s1t, s0t, 0, 0],
        [s1w, s1t, s0t, 0],
        [n0t, t(n1), t(n2), 0],
        [s0t, n0t, t(n1), 0],
        [s1t, s0t, n0t, 0],
        [s0t, n0t, t(n0l), 0],
        [s1t, s0t, t(s0l), 0],
        [s0t, d, 0, 0],
        [n0t, d, 0, 0],
        [s0t, v(ns0.vl), 0, 0],
        [n0t, v(nn0.vl), 0, 0],
        [n0t, l(n0l), l(n0l2), 0],
        [s1t, n0t, 0, 0],
        [s0t, ns0.lset, 0, 0],
        [n0t, nn0.lset, 0, 0],
    ]
}

/// Feature hashes of `parts`.
#[inline]
fn hashes(parts: &[[u64; 4]; NF]) -> [u64; NF] {
    std::array::from_fn(|i| feat_hash(i, &parts[i]))
}

// ---------------------------------------------------------------------------
// Word contexts
// ---------------------------------------------------------------------------

/// Lowercased normalised form of `word` into `out` (as the tagger's `w`).
fn lower_norm_into(word: &str, raw: &mut String, out: &mut String) {
    raw.clear();
    normalize_into(word, raw);
    out.clear();
    if raw.is_ascii() {
        out.push_str(raw);
        out.make_ascii_lowercase();
    } else {
        for c in raw.chars() {
            out.extend(c.to_lowercase());
        }
    }
}

/// Optional string interner used while training to remember what each hash means.
type Interner = IdMap<String>;

/// Token contexts for a sentence, then the root and the none token. With an
/// interner, the strings behind the hashes are remembered.
fn sentence_toks<W: AsRef<str>, T: AsRef<str>>(
    words: &[W],
    tags: &[T],
    m: &Marks,
    mut interner: Option<&mut Interner>,
    out: &mut Vec<Tok>,
) {
    out.clear();
    out.reserve(words.len() + 2);
    let (mut raw, mut lower) = (String::new(), String::new());
    for (w, t) in words.iter().zip(tags) {
        lower_norm_into(w.as_ref(), &mut raw, &mut lower);
        let (wh, th) = (hash_str(&lower), hash_str(t.as_ref()));
        if let Some(i) = interner.as_deref_mut() {
            i.entry(wh).or_insert_with(|| lower.clone());
            i.entry(th).or_insert_with(|| t.as_ref().to_string());
        }
        out.push(Tok { w: wh, t: th });
    }
    out.push(Tok {
        w: m.root,
        t: m.root,
    });
    out.push(Tok {
        w: m.none,
        t: m.none,
    });
}

// ---------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------

/// A dependency tree over one sentence. Token indices are 0-based positions
/// in the input; the root of the sentence has no head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedSentence<'a> {
    heads: Vec<Option<usize>>,
    labels: Vec<&'a str>,
}

impl<'a> ParsedSentence<'a> {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.heads.len()
    }

    /// True for an empty sentence.
    pub fn is_empty(&self) -> bool {
        self.heads.is_empty()
    }

    /// The head of token `i` (0-based), `None` for the root of the sentence.
    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    /// The head of token `i` as in CoNLL-U: 1-based, 0 for the root.
    pub fn conllu_head(&self, i: usize) -> usize {
        self.heads[i].map_or(0, |h| h + 1)
    }

    /// The relation of token `i` to its head (`root` for the root), a UD
    /// relation such as `nsubj` or `acl:relcl`.
    pub fn label(&self, i: usize) -> &'a str {
        self.labels[i]
    }

    /// The dependents of token `i`, left to right.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.heads
            .iter()
            .enumerate()
            .filter(move |(_, h)| **h == Some(i))
            .map(|(d, _)| d)
    }

    /// The root of the sentence (`None` only for an empty sentence).
    pub fn root(&self) -> Option<usize> {
        self.heads.iter().position(Option::is_none)
    }

    /// All heads, in token order (see [`ParsedSentence::head`]).
    pub fn heads(&self) -> &[Option<usize>] {
        &self.heads
    }

    /// All labels, in token order.
    pub fn labels(&self) -> &[&'a str] {
        &self.labels
    }
}

// ---------------------------------------------------------------------------
// Training data and the dynamic oracle
// ---------------------------------------------------------------------------

/// One training sentence: words, their (predicted) tags, and the gold tree as
/// in CoNLL-U (`heads[i]` is 0 for the root, else the 1-based head) with UD
/// relation labels. All four have the same length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainSentence {
    /// Word forms.
    pub words: Vec<String>,
    /// Penn Treebank tags (train on tags predicted the way they will be at
    /// parsing time).
    pub tags: Vec<String>,
    /// CoNLL-U heads: 0 for the root, else 1-based.
    pub heads: Vec<usize>,
    /// Dependency relations.
    pub labels: Vec<String>,
}

/// Training settings for [`Parser::train`].
#[derive(Debug, Clone, PartialEq)]
pub struct TrainOptions {
    /// Number of epochs.
    pub iterations: usize,
    /// Seed of the shuffles and of exploration; training is deterministic.
    pub seed: u64,
    /// From the second epoch, the probability of following the model's own
    /// (possibly wrong) transition rather than the best correct one, so that
    /// it learns to recover from its mistakes (0 = static oracle behaviour).
    pub explore: f64,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            iterations: 15,
            seed: 1,
            explore: 0.9,
        }
    }
}

/// The gold tree of one training sentence, 0-based with the root token `n`.
struct Gold {
    head: Vec<u32>,
    label: Vec<u16>,
    /// Gold dependents of each token, and of the root at `n`.
    kids: Vec<Vec<u32>>,
}

/// Heads 0-based with `n` for the root; `None` unless they form a tree with
/// one root.
fn tree_heads(conllu: &[usize]) -> Option<Vec<u32>> {
    let n = conllu.len();
    let heads: Vec<u32> = conllu
        .iter()
        .map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 })
        .collect();
    if conllu.iter().any(|&h| h > n) || heads.iter().enumerate().any(|(i, &h)| h as usize == i) {
        return None;
    }
    if heads.iter().filter(|&&h| h as usize == n).count() != 1 {
        return None;
    }
    // Every token must reach the root: no cycles.
    for i in 0..n {
        let (mut k, mut steps) = (i, 0);
        while k != n {
            k = heads[k] as usize;
            steps += 1;
            if steps > n {
                return None;
            }
        }
    }
    Some(heads)
}

/// Whether `a` is `h` or one of its descendants.
fn dominated(heads: &[u32], h: usize, mut a: usize) -> bool {
    let n = heads.len();
    while a != h {
        if a == n {
            return false;
        }
        a = heads[a] as usize;
    }
    true
}

/// Makes a tree projective by lifting non-projective arcs (the shortest first)
/// to the grandparent; labels stay. Returns the number of lifts. The root at
/// `n` dominates everything, so nothing is ever lifted onto it.
fn projectivize(heads: &mut [u32]) -> usize {
    let n = heads.len();
    let mut lifts = 0;
    loop {
        let mut worst: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = heads[d] as usize;
            let (lo, hi) = (d.min(h), d.max(h));
            let proj = (lo + 1..hi).all(|k| dominated(heads, h, k));
            if !proj && worst.is_none_or(|(len, _)| hi - lo < len) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => {
                heads[d] = heads[heads[d] as usize];
                lifts += 1;
            }
            None => return lifts,
        }
    }
}

/// Costs of `SHIFT`, `LEFT` and `RIGHT` ignoring labels: the number of gold
/// arcs each makes unreachable (Goldberg and Nivre 2013, arc-hybrid). In
/// arc-hybrid, the tokens left of `b0` without a head are exactly the stack.
fn unlabelled_costs(st: &State, g: &Gold) -> [u32; 3] {
    let b0 = st.b0;
    let n = st.n;
    let on_stack = |k: usize| k < b0 && st.nodes[k].head == NIL;
    let sl = st.stack.len();
    let mut c = [0u32; 3];
    if b0 < n {
        let gh = g.head[b0] as usize;
        let s0 = st.s(0);
        // b0 pushed: it can no longer get its head from deeper in the stack,
        // nor dependents from the stack.
        c[0] = u32::from(on_stack(gh) && gh != s0)
            + g.kids[b0].iter().filter(|&&k| on_stack(k as usize)).count() as u32;
    }
    if sl > 0 {
        let s0 = st.s(0);
        let gh = g.head[s0] as usize;
        let deps = g.kids[s0].iter().filter(|&&k| k as usize >= b0).count() as u32;
        // s0 popped: it loses its dependents in the buffer, and its head
        // unless that is the one the transition gives it.
        c[1] = deps + u32::from((sl > 1 && gh == st.s(1)) || gh > b0);
        c[2] = deps + u32::from(gh >= b0);
    }
    c
}

// ---------------------------------------------------------------------------
// Training weights
// ---------------------------------------------------------------------------

/// One weight of a training row: class, current weight, and the running total
/// for the average, brought up to date lazily at `stamp`.
#[derive(Clone, Copy)]
struct TEntry {
    c: u16,
    w: f32,
    stamp: u32,
    total: f64,
}

/// Sparse averaged-perceptron weights used while training: parsers have many
/// more features than the tagger and most rows only ever touch a few classes.
struct TrainWeights {
    rows: IdMap<u32>,
    /// (template, parts) of every row.
    row_parts: Vec<(usize, [u64; 4])>,
    entries: Vec<Vec<TEntry>>,
    instances: u32,
}

impl TrainWeights {
    fn new() -> Self {
        TrainWeights {
            rows: IdMap::default(),
            row_parts: Vec::new(),
            entries: Vec::new(),
            instances: 0,
        }
    }

    fn score(&self, feats: &[u64; NF], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                for e in &self.entries[r as usize] {
                    scores[e.c as usize] += e.w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64; NF], parts: &[[u64; 4]; NF], truth: usize, guess: usize) {
        let now = self.instances;
        for (t, f) in feats.iter().enumerate() {
            let r = *self.rows.entry(*f).or_insert_with(|| {
                self.row_parts.push((t, parts[t]));
                self.entries.push(Vec::new());
                (self.row_parts.len() - 1) as u32
            });
            let row = &mut self.entries[r as usize];
            for (c, v) in [(truth, 1.0f32), (guess, -1.0)] {
                let e = match row.iter().position(|e| e.c as usize == c) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(TEntry {
                            c: c as u16,
                            w: 0.0,
                            stamp: now,
                            total: 0.0,
                        });
                        row.last_mut().expect("just pushed")
                    }
                };
                e.total += (now - e.stamp) as f64 * e.w as f64;
                e.stamp = now;
                e.w += v;
            }
        }
    }

    /// The averaged weights as a lookup table, with readable keys from `interner`.
    fn averaged(&self, interner: &Interner, n_classes: usize) -> Weights {
        let now = self.instances.max(1);
        let mut weights = Weights::default();
        let mut row: Vec<(u16, f32)> = Vec::new();
        for (r, (t, parts)) in self.row_parts.iter().enumerate() {
            row.clear();
            for e in &self.entries[r] {
                let tot = e.total + (now - e.stamp) as f64 * e.w as f64;
                let w = (tot / now as f64) as f32;
                if w != 0.0 {
                    row.push((e.c, w));
                }
            }
            if row.is_empty() {
                continue;
            }
            row.sort_by_key(|&(c, _)| c);
            let mut key = String::new();
            for (i, p) in parts[..TEMPLATES[*t].1.len()].iter().enumerate() {
                if i > 0 {
                    key.push('\t');
                }
                escape_into(&interner[p], &mut key);
            }
            weights.push(feat_hash(*t, parts), *t, &key, &row);
        }
        weights
            .finish(n_classes)
            .expect("64-bit feature hash collision");
        weights
    }
}

// ---------------------------------------------------------------------------
// The parser
// ---------------------------------------------------------------------------

/// Called by [`Parser::train_with`] after each epoch with the epoch number
/// (1-based) and the averaged model so far.
pub type EpochHook<'a> = dyn FnMut(usize, &Parser) + 'a;

/// A greedy arc-hybrid dependency parser with an averaged perceptron; see the
/// module documentation.
#[derive(Clone)]
pub struct Parser {
    /// Relation labels; label `l` is class `1 + l` (`LEFT`) and `1 + L + l`
    /// (`RIGHT`), class 0 is `SHIFT`.
    labels: Vec<String>,
    label_hash: Vec<u64>,
    label_salt: Vec<u64>,
    root_label: Option<usize>,
    marks: Marks,
    weights: Weights,
}

impl Parser {
    /// A parser without weights for the relation labels `labels`.
    fn empty(labels: Vec<String>) -> Parser {
        let label_hash: Vec<u64> = labels.iter().map(|l| hash_str(l)).collect();
        Parser {
            label_salt: label_hash.iter().map(|&h| label_salt(h)).collect(),
            label_hash,
            root_label: labels.iter().position(|l| l == ROOT_LABEL),
            labels,
            marks: Marks::new(),
            weights: Weights::default(),
        }
    }

    fn n_classes(&self) -> usize {
        1 + 2 * self.labels.len()
    }

    /// The relation labels the model predicts, sorted.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Number of feature rows and of non-zero weights in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.rows.len(), self.weights.entries.len())
    }

    /// Parses one tokenised sentence given its Penn Treebank tags (one per
    /// word, e.g. from [`crate::pos::tagger`]).
    ///
    /// # Panics
    ///
    /// If `words` and `tags` differ in length.
    pub fn parse(&self, words: &[&str], tags: &[&str]) -> ParsedSentence<'_> {
        assert_eq!(words.len(), tags.len(), "one tag per word");
        let n = words.len();
        let mut toks = Vec::new();
        sentence_toks(words, tags, &self.marks, None, &mut toks);
        let mut st = State::new(n, &self.marks);
        let nl = self.labels.len();
        let mut scores = vec![0f32; self.n_classes()];
        while !st.is_terminal() {
            let v = valid(&st);
            // With an empty stack, SHIFT is the only move: no need to score.
            let best = if v.shift && !v.left && !v.right {
                0
            } else {
                let feats = hashes(&feature_parts(&self.marks, &toks, &st));
                self.weights.score(&feats, &mut scores);
                best_valid(&mut scores, v, nl, self.root_label)
            };
            apply(
                &mut st,
                decode(best, nl),
                &self.label_hash,
                &self.label_salt,
            );
        }
        ParsedSentence {
            heads: st.nodes[..n]
                .iter()
                .map(|nd| (nd.head as usize != n).then_some(nd.head as usize))
                .collect(),
            labels: st
                .label
                .iter()
                .map(|&l| self.labels[l as usize].as_str())
                .collect(),
        }
    }

    /// Trains a parser on `sentences` (see [`TrainSentence`]) with the
    /// dynamic oracle. Sentences whose fields differ in length or whose heads
    /// do not form a single-rooted tree are skipped. The result holds the full
    /// averaged weights; see [`Parser::prune`].
    pub fn train(sentences: &[TrainSentence], opts: &TrainOptions) -> Parser {
        Self::train_impl(sentences, opts, None)
    }

    /// Like [`Parser::train`], but calls `on_epoch(epoch, &parser)` after every
    /// epoch (1-based) with the averaged model so far, e.g. to print dev scores.
    pub fn train_with(
        sentences: &[TrainSentence],
        opts: &TrainOptions,
        on_epoch: &mut EpochHook<'_>,
    ) -> Parser {
        Self::train_impl(sentences, opts, Some(on_epoch))
    }

    fn train_impl(
        sentences: &[TrainSentence],
        opts: &TrainOptions,
        mut on_epoch: Option<&mut EpochHook<'_>>,
    ) -> Parser {
        let sentences: Vec<(&TrainSentence, Vec<u32>)> = sentences
            .iter()
            .filter(|s| {
                let n = s.words.len();
                n > 0 && s.tags.len() == n && s.heads.len() == n && s.labels.len() == n
            })
            .filter_map(|s| tree_heads(&s.heads).map(|h| (s, h)))
            .collect();
        let mut labels: Vec<String> = sentences
            .iter()
            .flat_map(|(s, _)| s.labels.iter().cloned())
            .collect();
        labels.sort();
        labels.dedup();
        let label_id: HashMap<&str, u16> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.as_str(), i as u16))
            .collect();
        let mut parser = Parser::empty(labels.clone());
        let mut interner = Interner::default();
        for s in [NONE, ROOT, NOLABEL, BIAS_PART, EMPTY_SET] {
            interner.insert(hash_str(s), s.to_string());
        }
        for i in 0..NUMS {
            interner.insert(parser.marks.nums[i], i.to_string());
        }
        for l in &labels {
            interner.insert(hash_str(l), l.clone());
        }

        let data: Vec<(Vec<Tok>, Gold)> = sentences
            .iter()
            .map(|(s, heads)| {
                let mut toks = Vec::new();
                sentence_toks(
                    &s.words,
                    &s.tags,
                    &parser.marks,
                    Some(&mut interner),
                    &mut toks,
                );
                let mut head = heads.clone();
                projectivize(&mut head);
                let n = head.len();
                let mut kids = vec![Vec::new(); n + 1];
                for (d, &h) in head.iter().enumerate() {
                    kids[h as usize].push(d as u32);
                }
                let label = s.labels.iter().map(|l| label_id[l.as_str()]).collect();
                (toks, Gold { head, label, kids })
            })
            .collect();

        let nl = labels.len();
        let nc = parser.n_classes();
        let root_label = parser.root_label;
        let mut tw = TrainWeights::new();
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = SplitMix64(opts.seed);
        let mut scores = vec![0f32; nc];
        for epoch in 0..opts.iterations {
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for &s in &order {
                let (toks, gold) = &data[s];
                let n = gold.head.len();
                let mut st = State::new(n, &parser.marks);
                while !st.is_terminal() {
                    let parts = feature_parts(&parser.marks, toks, &st);
                    let feats = hashes(&parts);
                    tw.score(&feats, &mut scores);
                    let v = valid(&st);
                    let base = unlabelled_costs(&st, gold);
                    let s0 = st.s(0);
                    let gh = if s0 < n {
                        gold.head[s0] as usize
                    } else {
                        NIL as usize
                    };
                    let cost = |m: Move| -> u32 {
                        match m {
                            Move::Shift => base[0],
                            Move::Left(l) => {
                                base[1] + u32::from(gh == st.b0 && gold.label[s0] as usize != l)
                            }
                            Move::Right(l) => {
                                base[2] + u32::from(gh == st.s(1) && gold.label[s0] as usize != l)
                            }
                        }
                    };
                    // Best move overall and best among the cheapest.
                    let (mut pred, mut pred_s) = (usize::MAX, f32::NEG_INFINITY);
                    let (mut best, mut best_s, mut best_c) =
                        (usize::MAX, f32::NEG_INFINITY, u32::MAX);
                    let mut pred_c = u32::MAX;
                    for (c, &sc) in scores.iter().enumerate() {
                        let m = decode(c, nl);
                        if !v.allows(m, root_label) {
                            continue;
                        }
                        let k = cost(m);
                        if pred == usize::MAX || sc > pred_s {
                            (pred, pred_s, pred_c) = (c, sc, k);
                        }
                        if k < best_c || (k == best_c && sc > best_s) {
                            (best, best_s, best_c) = (c, sc, k);
                        }
                    }
                    tw.instances += 1;
                    if pred_c > best_c {
                        tw.update(&feats, &parts, best, pred);
                    }
                    let follow = if epoch > 0
                        && opts.explore > 0.0
                        && (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 <= opts.explore
                    {
                        pred
                    } else {
                        best
                    };
                    let m = decode(follow, nl);
                    apply(&mut st, m, &parser.label_hash, &parser.label_salt);
                    if let Move::Left(_) | Move::Right(_) = m {
                        let h = st.nodes[s0].head as usize;
                        let hn = &st.nodes[h];
                        // Remember label sets as text, to write them in the model.
                        interner
                            .entry(hn.lset)
                            .or_insert_with(|| set_string(hn.lmask, &labels));
                    }
                }
            }
            if let Some(f) = on_epoch.as_deref_mut() {
                parser.weights = tw.averaged(&interner, nc);
                f(epoch + 1, &parser);
            }
        }
        parser.weights = tw.averaged(&interner, nc);
        parser
    }

    /// Removes weights with `|w| < threshold` and rounds the rest to integer
    /// multiples of `step`, storing the integers (scaling all weights leaves
    /// the argmax unchanged). Features whose rows become empty are dropped.
    /// Use a `step` of at most `threshold` so that no kept weight rounds to zero.
    pub fn prune(&mut self, threshold: f32, step: f32) {
        let old = std::mem::take(&mut self.weights);
        for r in &old.rows {
            let row: Vec<(u16, f32)> = old.entries[r.off as usize..(r.off + r.len) as usize]
                .iter()
                .filter(|(_, w)| w.abs() >= threshold)
                .map(|&(c, w)| (c, (w / step).round()))
                .filter(|(_, w)| *w != 0.0)
                .collect();
            if !row.is_empty() {
                self.weights.push(r.hash, r.tpl, old.key(r), &row);
            }
        }
        let n = self.n_classes();
        self.weights
            .finish(n)
            .expect("rows were unique before pruning");
    }
}

/// A label set (bit mask over label ids) as written in the model file.
fn set_string(mask: u128, labels: &[String]) -> String {
    let names: Vec<&str> = (0..labels.len().min(128))
        .filter(|&l| mask & (1u128 << l) != 0)
        .map(|l| labels[l].as_str())
        .collect();
    if names.is_empty() {
        EMPTY_SET.to_string()
    } else {
        names.join("|")
    }
}

// ---------------------------------------------------------------------------
// Model file
// ---------------------------------------------------------------------------
//
// Line-based UTF-8 text, like the tagger's. Lines without a tab are blank, `#`
// comments, the header `parser-model 1`, the `labels` line (space-separated
// relation labels) or section headers `@f TEMPLATE`. Lines with a tab are
// entries of the current section:
//   @f TEMPLATE    PART [\t PART ...] \t CLASS:WEIGHT CLASS:WEIGHT ...
// with as many parts as the template has (see `TEMPLATES`). Strings escape
// `\\`, tab, newline, carriage return and space as `\\`, `\t`, `\n`, `\r`,
// `\s`. CLASS is 0 for SHIFT, 1 + l for LEFT-l and 1 + L + l for RIGHT-l,
// where l indexes the `labels` line and L is its length. Words are lowercased
// and normalised; label sets are labels joined by `|` (`-` when empty).

const MAGIC: &str = "parser-model 1";

impl Parser {
    /// Serialises the parser in the line-based text format read by
    /// [`Parser::from_model_str`]. Output is deterministic (rows sorted by
    /// template, then key); a round trip parses identically.
    pub fn to_model_string(&self) -> String {
        self.to_model_string_with_header("")
    }

    /// Like [`Parser::to_model_string`], but starts with `header` written as
    /// `#` comment lines (e.g. a license notice).
    pub fn to_model_string_with_header(&self, header: &str) -> String {
        let mut out = String::new();
        write_comment_header(header, &mut out);
        out.push_str(MAGIC);
        out.push_str("\nlabels");
        for l in &self.labels {
            out.push(' ');
            escape_into(l, &mut out);
        }
        out.push('\n');
        self.weights.write_rows(|tpl| TEMPLATES[tpl].0, &mut out);
        out
    }

    /// Parses a model written by [`Parser::to_model_string`] (for instance one
    /// embedded with `include_str!`).
    pub fn from_model_str(text: &str) -> Result<Parser, ParserError> {
        let mut parser: Option<Parser> = None;
        let mut seen_magic = false;
        let mut section: Option<usize> = None;
        let unesc = |s, ln| unescaped(s, ln).map_err(|e| line_err(ln, e.message));
        let mut row = Vec::new();
        for (ln, line) in text.lines().enumerate() {
            let ln = ln + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.contains('\t') {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if !seen_magic {
                    if line != MAGIC {
                        return Err(line_err(ln, format!("expected header {MAGIC:?}")));
                    }
                    seen_magic = true;
                } else if let Some(rest) = line.strip_prefix("labels ") {
                    if parser.is_some() {
                        return Err(line_err(ln, "duplicate labels line"));
                    }
                    let labels = rest
                        .split_ascii_whitespace()
                        .map(|l| unesc(l, ln).map(std::borrow::Cow::into_owned))
                        .collect::<Result<Vec<_>, _>>()?;
                    if labels.is_empty() || 1 + 2 * labels.len() > u16::MAX as usize {
                        return Err(line_err(ln, "bad number of labels"));
                    }
                    parser = Some(Parser::empty(labels));
                } else if let Some(name) = line.strip_prefix("@f ") {
                    let t = TEMPLATES
                        .iter()
                        .position(|(n, _)| *n == name)
                        .ok_or_else(|| line_err(ln, format!("unknown template {name:?}")))?;
                    section = Some(t);
                } else {
                    return Err(line_err(ln, format!("unexpected line {line:?}")));
                }
                continue;
            }
            let p = parser
                .as_mut()
                .ok_or_else(|| line_err(ln, "entry before the labels line"))?;
            let t = section.ok_or_else(|| line_err(ln, "entry outside a section"))?;
            let (name, kinds) = TEMPLATES[t];
            // The model has some 600,000 entry lines: no allocation per line
            // unless a part has escapes.
            if line.bytes().filter(|&b| b == b'\t').count() != kinds.len() {
                return Err(line_err(
                    ln,
                    format!("template {name} needs {} fields", kinds.len() + 1),
                ));
            }
            let (key, weights) = line.rsplit_once('\t').expect("counted tabs");
            let mut parts = [0u64; 4];
            for ((part, kind), field) in parts.iter_mut().zip(kinds.bytes()).zip(key.split('\t')) {
                let s = unesc(field, ln)?;
                *part = if kind == b's' {
                    set_hash_of(&s)
                } else {
                    hash_str(&s)
                };
            }
            let n = p.n_classes();
            row.clear();
            for cw in weights.split_ascii_whitespace() {
                let bad = || line_err(ln, format!("bad weight {cw:?}"));
                let (c, w) = cw.split_once(':').ok_or_else(bad)?;
                let c: u16 = c
                    .parse()
                    .ok()
                    .filter(|&c| (c as usize) < n)
                    .ok_or_else(bad)?;
                let w: f32 = w
                    .parse()
                    .ok()
                    .filter(|w: &f32| w.is_finite())
                    .ok_or_else(bad)?;
                row.push((c, w));
            }
            p.weights.push(feat_hash(t, &parts), t, key, &row);
        }
        let mut parser =
            parser.ok_or_else(|| ParserError::Model("missing header or labels line".into()))?;
        let n = parser.n_classes();
        parser
            .weights
            .finish(n)
            .map_err(|k| ParserError::Model(format!("duplicate feature {k:?}")))?;
        Ok(parser)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `"word/TAG/HEAD/LABEL ..."` (CoNLL-U heads) into a training sentence.
    fn sent(s: &str) -> TrainSentence {
        let mut out = TrainSentence {
            words: Vec::new(),
            tags: Vec::new(),
            heads: Vec::new(),
            labels: Vec::new(),
        };
        for tok in s.split(' ') {
            let f: Vec<&str> = tok.rsplitn(4, '/').collect();
            out.words.push(f[3].to_string());
            out.tags.push(f[2].to_string());
            out.heads.push(f[1].parse().unwrap());
            out.labels.push(f[0].to_string());
        }
        out
    }

    fn toy() -> Vec<TrainSentence> {
        [
            "The/DT/2/det senator/NN/3/nsubj said/VBD/0/root the/DT/5/det bill/NN/7/nsubj would/MD/7/aux fail/VB/3/ccomp ././3/punct",
            "Officials/NNS/2/nsubj told/VBD/0/root reporters/NNS/2/iobj that/IN/8/mark the/DT/6/det talks/NNS/8/nsubj had/VBD/8/aux stalled/VBN/2/ccomp ././2/punct",
            "She/PRP/2/nsubj saw/VBD/0/root a/DT/5/det big/JJ/5/amod dog/NN/2/obj in/IN/8/case the/DT/8/det park/NN/2/obl ././2/punct",
            "The/DT/2/det company/NN/5/nsubj:pass was/VBD/5/aux:pass not/RB/5/advmod sold/VBN/0/root ,/,/10/punct a/DT/8/det spokesman/NN/10/nsubj for/IN/10/mark said/VBD/5/parataxis ././5/punct",
        ]
        .iter()
        .map(|s| sent(s))
        .collect()
    }

    /// Gold structure of a training sentence as the trainer builds it.
    fn gold_of(s: &TrainSentence, labels: &[String]) -> Gold {
        let mut head = tree_heads(&s.heads).unwrap();
        projectivize(&mut head);
        let n = head.len();
        let mut kids = vec![Vec::new(); n + 1];
        for (d, &h) in head.iter().enumerate() {
            kids[h as usize].push(d as u32);
        }
        let label = s
            .labels
            .iter()
            .map(|l| labels.iter().position(|x| x == l).unwrap() as u16)
            .collect();
        Gold { head, label, kids }
    }

    #[test]
    fn oracle_recovers_gold_trees() {
        let data = toy();
        let p = Parser::empty({
            let mut l: Vec<String> = data.iter().flat_map(|s| s.labels.clone()).collect();
            l.sort();
            l.dedup();
            l
        });
        let nl = p.labels.len();
        for s in &data {
            let g = gold_of(s, &p.labels);
            let n = g.head.len();
            let mut st = State::new(n, &p.marks);
            while !st.is_terminal() {
                let v = valid(&st);
                let base = unlabelled_costs(&st, &g);
                let s0 = st.s(0);
                let m = (0..p.n_classes())
                    .map(|c| decode(c, nl))
                    .find(|&m| {
                        v.allows(m, p.root_label)
                            && match m {
                                Move::Shift => base[0] == 0,
                                Move::Left(l) => base[1] == 0 && g.label[s0] as usize == l,
                                Move::Right(l) => base[2] == 0 && g.label[s0] as usize == l,
                            }
                    })
                    .expect("a zero-cost move exists from a gold-reachable state");
                apply(&mut st, m, &p.label_hash, &p.label_salt);
            }
            let heads: Vec<u32> = st.nodes[..n].iter().map(|nd| nd.head).collect();
            assert_eq!(heads, g.head);
            assert_eq!(st.label, g.label);
        }
    }

    /// Checks that `p` is a tree: one head per token, exactly one root, no
    /// cycles, and (arc-hybrid) projective.
    fn assert_projective_tree(p: &ParsedSentence) {
        let n = p.len();
        assert_eq!(p.heads().iter().filter(|h| h.is_none()).count(), 1);
        for i in 0..n {
            // Reaches the root in at most n steps: no cycle.
            let (mut k, mut steps) = (i, 0);
            while let Some(h) = p.head(k) {
                assert!(h < n && h != k);
                k = h;
                steps += 1;
                assert!(steps <= n, "cycle through {i}");
            }
            if let Some(h) = p.head(i) {
                let (lo, hi) = (i.min(h), i.max(h));
                for m in lo + 1..hi {
                    let mut a = m;
                    while a != h {
                        a = p
                            .head(a)
                            .expect("a token between an arc's ends is under its head");
                    }
                }
            }
            assert_eq!(p.label(i) == "root", p.head(i).is_none());
        }
    }

    fn tiny() -> Parser {
        Parser::train(
            &toy(),
            &TrainOptions {
                iterations: 10,
                seed: 3,
                explore: 0.9,
            },
        )
    }

    #[test]
    fn learns_toy_data() {
        let p = tiny();
        for s in &toy() {
            let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let t: Vec<&str> = s.tags.iter().map(String::as_str).collect();
            let out = p.parse(&w, &t);
            let heads: Vec<usize> = (0..w.len()).map(|i| out.conllu_head(i)).collect();
            assert_eq!(heads, s.heads);
            assert_eq!(
                out.labels(),
                s.labels.iter().map(String::as_str).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn every_output_is_a_single_rooted_projective_tree() {
        let p = tiny();
        let vocab = [
            "the", "senator", "said", ",", "bill", "would", "fail", "that", "unseen", ".",
        ];
        let tags = ["DT", "NN", "VBD", ",", "NN", "MD", "VB", "IN", "JJ", "."];
        let mut rng = SplitMix64(42);
        for len in 0..40 {
            for _ in 0..5 {
                let idx: Vec<usize> = (0..len).map(|_| rng.below(vocab.len())).collect();
                let w: Vec<&str> = idx.iter().map(|&i| vocab[i]).collect();
                // Tags shuffled against the words too: the parser must cope.
                let t: Vec<&str> = idx.iter().map(|&i| tags[(i + len) % tags.len()]).collect();
                let out = p.parse(&w, &t);
                assert_eq!(out.len(), len);
                if len == 0 {
                    assert!(out.is_empty() && out.root().is_none());
                    continue;
                }
                assert_projective_tree(&out);
                let root = out.root().unwrap();
                let kids: usize = (0..len).map(|i| out.children(i).count()).sum();
                assert_eq!(kids, len - 1);
                assert!(out.children(root).all(|c| out.head(c) == Some(root)));
            }
        }
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // 0 -> 2, 1 -> 3 crosses: "A hearing is scheduled on the issue today"
        // style. Heads 0-based, root = 4.
        let mut heads = vec![2, 3, 4, 2];
        assert!(!(0..4).all(|d| {
            let h = heads[d] as usize;
            (d.min(h) + 1..d.max(h)).all(|k| dominated(&heads, h, k))
        }));
        assert_eq!(projectivize(&mut heads), 1);
        assert!((0..4).all(|d| {
            let h = heads[d] as usize;
            (d.min(h) + 1..d.max(h)).all(|k| dominated(&heads, h, k))
        }));
        let mut proj = vec![1, 3, 1];
        assert_eq!(projectivize(&mut proj), 0);
        assert_eq!(tree_heads(&[2, 0, 2]), Some(vec![1, 3, 1]));
        assert_eq!(tree_heads(&[0, 0]), None, "two roots");
        assert_eq!(tree_heads(&[2, 1, 0]), None, "cycle");
        assert_eq!(tree_heads(&[1]), None, "self loop");
        assert_eq!(tree_heads(&[5]), None, "out of range");
    }

    #[test]
    fn round_trip_parses_identically() {
        let mut p = tiny();
        for pruned in [false, true] {
            if pruned {
                p.prune(0.5, 0.25);
            }
            let text = p.to_model_string_with_header("test model\nsecond line");
            let r = Parser::from_model_str(&text).unwrap();
            assert_eq!(
                r.to_model_string_with_header("test model\nsecond line"),
                text
            );
            assert_eq!(r.size(), p.size());
            assert_eq!(r.labels(), p.labels());
            for s in toy()
                .iter()
                .map(|s| (s.words.clone(), s.tags.clone()))
                .chain([(
                    vec!["a b".into(), "x\ty".into(), "said".into()],
                    vec!["NN".into(), "NN".into(), "VBD".into()],
                )])
            {
                let w: Vec<&str> = s.0.iter().map(String::as_str).collect();
                let t: Vec<&str> = s.1.iter().map(String::as_str).collect();
                assert_eq!(r.parse(&w, &t), p.parse(&w, &t));
            }
        }
        // Label sets are written as text and hashed back to the same value.
        assert_eq!(set_hash_of("det|nsubj"), set_hash_of("nsubj|det"));
        let labels: Vec<String> = ["amod", "det", "nsubj"].map(String::from).to_vec();
        assert_eq!(set_string(0b101, &labels), "amod|nsubj");
        assert_eq!(set_string(0, &labels), EMPTY_SET);
        let m = Marks::new();
        let mut st = State::new(3, &m);
        let lh: Vec<u64> = labels.iter().map(|l| hash_str(l)).collect();
        let salt: Vec<u64> = lh.iter().map(|&h| label_salt(h)).collect();
        st.add_arc(2, 0, 0, &lh, &salt);
        st.add_arc(2, 1, 2, &lh, &salt);
        assert_eq!(st.nodes[2].lset, set_hash_of("amod|nsubj"));
        st.add_arc(1, 2, 1, &lh, &salt);
        assert_eq!(st.nodes[1].lset, set_hash_of(EMPTY_SET));
        assert_eq!(st.nodes[1].r1, 2);
        assert_eq!(st.nodes[4].lset, set_hash_of(NONE));
    }

    #[test]
    fn training_is_deterministic() {
        assert_eq!(tiny().to_model_string(), tiny().to_model_string());
    }

    #[test]
    fn model_errors() {
        let good = tiny().to_model_string();
        assert!(Parser::from_model_str(&good).is_ok());
        let bad = [
            good.replacen("parser-model 1", "parser-model 9", 1),
            good.replacen("@f s0w\n", "@f nope\n", 1),
            good.replacen("@f s0w\n", "@f s0w\nx\t0:abc\n", 1),
            good.replacen("@f s0w\n", "@f s0w\nx\t9999:1\n", 1),
            good.replacen("@f s0w\n", "@f s0w\nx\ty\t0:1\n", 1),
            good.replacen("@f s0w\n", "@f s0w\nbad\\q\t0:1\n", 1),
            "parser-model 1\n".to_string(),
            String::new(),
        ];
        for b in &bad {
            let e = Parser::from_model_str(b).err().expect("should fail");
            let _: &dyn std::error::Error = &e;
            assert!(!e.to_string().is_empty());
        }
        let e = Parser::from_model_str("hello\n").err().unwrap();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn parser_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Parser>();
        check::<ParserError>();
    }
}
