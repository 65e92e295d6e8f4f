//! Averaged perceptron part-of-speech tagger for English: Penn Treebank (XPOS)
//! tags such as `VBD`/`VBZ`/`VBN`/`NNP`/`PRP`/`IN`, with Universal POS (UPOS)
//! tags predicted jointly.
//!
//! # Approach
//!
//! A greedy left-to-right averaged perceptron (Collins 2002, "Discriminative
//! training methods for hidden Markov models") in the style of Matthew Honnibal's
//! "A good part-of-speech tagger in about 200 lines of Python" (2013) and NLTK's
//! `PerceptronTagger`: a tag dictionary for frequent unambiguous words (seen at
//! least 20 times, at least 97% with one tag), training on the model's own
//! predicted history, shuffled epochs, averaged weights. Features: bias; the lowercased and
//! the case-kept word; suffixes of length 1–3; first character; word shape
//! (`Xxx`, `d.d`, `x-x`...); the words at -2..+2; previous tag, previous two
//! tags, previous tag + word; word bigrams; shape of the next word. Additions to
//! the classic set: an ambiguity-class lexicon (the set of tags each training
//! word was seen with; jackknifed over 10 folds while training) for the word and
//! the next two words, a cheap look-ahead; and the last word tagged verb/modal/`to`
//! within four tokens, paired with the word (helps `VBD`/`VBN`, `RP`/`IN`).
//! Each class is an `XPOS/UPOS` pair when trained with [`Tagger::train_joint`].
//!
//! At tagging time no feature string is built: a feature is a 64-bit hash of
//! (template, hashes of its parts), looked up with prefetching in an
//! open-addressing table of sparse (or, for long rows, dense) weight rows.
//! What depends on one word alone (its hashes, dictionary class, the rows of
//! its single-token features) is worked out once per distinct word and kept
//! per thread across sentences, a few megabytes at most.
//! The module only depends on `std`.
//!
//! # Input
//!
//! Tokens must be split Penn-Treebank style, as in UD English EWT: clitics
//! separate (`do` `n't`, `Trump` `'s`, `I` `'m`, `they` `'re`), punctuation as
//! separate tokens, hyphenated words may be kept whole or split (`well - known`,
//! as EWT does). For features only, words are normalised: curly quotes and
//! apostrophes to ASCII (`’s` → `'s`, `“` → `"`), PTB quote tokens `` `` `` and
//! `''` to `"`, `…` to `...`, en/em dashes to `--`, ASCII digits to `0`, and
//! lowercased where the feature is case-insensitive. Tags come back unchanged
//! in the training tag set (EWT: `` `` `` and `''` for quotes, `-LRB-`/`-RRB-`,
//! `HYPH`, `NFP`, `ADD`, `GW`...).

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

/// Error returned when a model file cannot be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggerError {
    /// 1-based line number in the model text (0 when not tied to a line).
    pub line: usize,
    /// Human readable description of the problem.
    pub message: String,
}

impl TaggerError {
    fn new(line: usize, message: impl Into<String>) -> Self {
        TaggerError {
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for TaggerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "tagger model: {}", self.message)
        } else {
            write!(f, "tagger model line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for TaggerError {}

// ---------------------------------------------------------------------------
// Hashing (deterministic, platform independent; part of the model format)
// ---------------------------------------------------------------------------

pub(crate) const K: u64 = 0x9E37_79B9_7F4A_7C15;

/// MurmurHash3 64-bit finaliser.
#[inline]
pub(crate) fn fmix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// Hash of a byte string (FxHash-style over 8-byte chunks, then finalised).
#[inline]
fn hash_bytes(b: &[u8]) -> u64 {
    let mut h = (b.len() as u64).wrapping_mul(K);
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h.rotate_left(5) ^ v).wrapping_mul(K);
    }
    let rem = chunks.remainder();
    if !rem.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rem.len()].copy_from_slice(rem);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    fmix(h)
}

#[inline]
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// Hash of a feature: template id plus the hashes of its (one or two) parts.
#[inline]
fn feat_hash(tpl: usize, a: u64, b: u64) -> u64 {
    // Never 0: 0 marks an empty slot in the weight table.
    fmix(fmix((tpl as u64 + 1).wrapping_mul(K) ^ a) ^ b.wrapping_mul(K)).max(1)
}

/// Pass-through hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ b as u64).wrapping_mul(K);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

// ---------------------------------------------------------------------------
// Normalisation and per-token context
// ---------------------------------------------------------------------------

/// Appends the normalised form of `word` to `out`: curly quotes → ASCII,
/// `…` → `...`, en/em dashes → `--`, ASCII digits → `0`; case is kept.
pub(crate) fn normalize_into(word: &str, out: &mut String) {
    // PTB-style double-quote tokens read like a plain `"` (the tag, `` or '',
    // then comes from context, as for the straight quotes of the training data).
    if matches!(word, "``" | "''" | "\u{2018}\u{2018}" | "\u{2019}\u{2019}") {
        out.push('"');
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => out.push('"'),
            '\u{2026}' => out.push_str("..."),
            '\u{2013}' | '\u{2014}' | '\u{2015}' => out.push_str("--"),
            '0'..='9' => out.push('0'),
            _ => out.push(c),
        }
    }
}

/// Normalised, case-preserving form of a word (the key of the tag dictionary).
fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// Word shape: upper → `X`, lower → `x`, digit → `d`, other chars kept; runs of
/// the same symbol are cut to two, and the shape to 8 symbols.
fn shape_into(norm: &str, out: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    let mut n = 0;
    for c in norm.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            last = s;
            run = 1;
        }
        out.push(s);
        n += 1;
        if n == 8 {
            break;
        }
    }
}

/// Byte offset where the last `k` chars of `s` start (0 if `s` is shorter).
fn suffix_start(s: &str, k: usize) -> usize {
    s.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)
}

/// Byte offset where the first `k` chars of `s` end (`s.len()` if shorter).
fn prefix_end(s: &str, k: usize) -> usize {
    s.char_indices().nth(k).map_or(s.len(), |(i, _)| i)
}

/// Hashes of the word-dependent parts of one token.
#[derive(Clone, Copy, Default)]
struct TokCtx {
    /// Lowercased normalised word.
    w: u64,
    /// Case-preserving normalised word.
    raw: u64,
    /// Suffixes of length 1..=3 of the lowercased word.
    suf: [u64; 3],
    /// First character (case kept).
    pre1: u64,
    /// Word shape.
    shape: u64,
    /// Ambiguity class (tags seen with the lowercased word in training).
    ac: u64,
}

const START: &str = "-START-";
const START2: &str = "-START2-";
const END: &str = "-END-";
const END2: &str = "-END2-";
const BIAS_PART: &str = "*";
const NOVERB: &str = "-NOVERB-";

impl TokCtx {
    fn marker(m: &str) -> TokCtx {
        let h = hash_str(m);
        TokCtx {
            w: h,
            raw: h,
            suf: [h; 3],
            pre1: h,
            shape: h,
            ac: h,
        }
    }
}

/// Scratch buffers reused across tokens, so tagging allocates per call, not per token.
#[derive(Default)]
struct Scratch {
    raw: String,
    lower: String,
    shape: String,
}

/// Optional string interner used while training to remember what each hash means.
type Interner = IdMap<String>;

#[inline]
fn intern(interner: &mut Option<&mut Interner>, s: &str) -> u64 {
    let h = hash_str(s);
    if let Some(map) = interner.as_deref_mut() {
        map.entry(h).or_insert_with(|| s.to_string());
    }
    h
}

/// Lexicon of ambiguity classes: hash of lowercased word → hash of class string.
#[derive(Clone)]
struct Lexicon {
    map: IdMap<u64>,
    /// (lowercased word, ambiguity class) in model-file order.
    list: Vec<(String, String)>,
    /// Hash of the class of unknown words.
    unk: u64,
}

const UNK: &str = "-UNK-";

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon {
            map: IdMap::default(),
            list: Vec::new(),
            unk: hash_str(UNK),
        }
    }
}

fn token_ctx(
    word: &str,
    sc: &mut Scratch,
    interner: &mut Option<&mut Interner>,
    lex: &Lexicon,
) -> TokCtx {
    sc.raw.clear();
    normalize_into(word, &mut sc.raw);
    sc.lower.clear();
    if sc.raw.is_ascii() {
        sc.lower.push_str(&sc.raw);
        sc.lower.make_ascii_lowercase();
    } else {
        for c in sc.raw.chars() {
            sc.lower.extend(c.to_lowercase());
        }
    }
    sc.shape.clear();
    shape_into(&sc.raw, &mut sc.shape);
    let lower = sc.lower.as_str();
    let raw = sc.raw.as_str();
    let mut suf = [0u64; 3];
    for (k, s) in suf.iter_mut().enumerate() {
        *s = intern(interner, &lower[suffix_start(lower, k + 1)..]);
    }
    let w = intern(interner, lower);
    TokCtx {
        ac: lex.map.get(&w).copied().unwrap_or(lex.unk),
        w,
        raw: intern(interner, raw),
        suf,
        pre1: intern(interner, &raw[..prefix_end(raw, 1)]),
        shape: intern(interner, &sc.shape),
    }
}

/// Contexts for a sentence, padded with two markers on each side.
fn sentence_ctx<S: AsRef<str>>(
    words: &[S],
    interner: &mut Option<&mut Interner>,
    lex: &Lexicon,
    out: &mut Vec<TokCtx>,
) {
    let mut sc = Scratch::default();
    out.clear();
    out.reserve(words.len() + 4);
    out.push(TokCtx::marker(START2));
    out.push(TokCtx::marker(START));
    for w in words {
        out.push(token_ctx(w.as_ref(), &mut sc, interner, lex));
    }
    out.push(TokCtx::marker(END));
    out.push(TokCtx::marker(END2));
}

// ---------------------------------------------------------------------------
// Feature templates (their names and order are part of the model format)
// ---------------------------------------------------------------------------

/// (name, number of string parts) of each feature template. `w` is the
/// lowercased normalised word, `W` the case-kept one, `s1`–`s3` suffixes, `p1`
/// the first character, `sh` the word shape, `a` the ambiguity class (set of
/// tags seen with the word in training), `t` predicted tags, `v` the last word
/// tagged verb/modal/`to` within four tokens; `-1`/`+1` are relative positions.
const TEMPLATES: &[(&str, usize)] = &[
    ("bias", 1),
    ("w", 1),
    ("W", 1),
    ("s1", 1),
    ("s2", 1),
    ("s3", 1),
    ("p1", 1),
    ("sh", 1),
    ("w-1", 1),
    ("w-2", 1),
    ("w+1", 1),
    ("w+2", 1),
    ("t-1", 1),
    ("t-2t-1", 2),
    ("t-1w", 2),
    ("w-1w", 2),
    ("ww+1", 2),
    ("sh+1", 1),
    ("a", 1),
    ("a+1", 1),
    ("a+2", 1),
    ("aa+1", 2),
    ("t-1a", 2),
    ("vw", 2),
];

const NF: usize = TEMPLATES.len();

/// How far back (in tokens) the last verbal word is remembered.
const VERB_WINDOW: usize = 4;

/// Decoding history: hashes of the previous two tags, and the padded position
/// of the last token tagged as a verb, modal or `to`.
struct Hist {
    t1: u64,
    t2: u64,
    /// The previous two tags as [`history_hash`] ids (classes, then the two
    /// sentence-start markers).
    c1: usize,
    c2: usize,
    lv: Option<usize>,
}

impl Hist {
    fn new(k: &Consts) -> Hist {
        Hist {
            t1: k.start,
            t2: k.start2,
            c1: k.class_hash.len(),
            c2: k.class_hash.len() + 1,
            lv: None,
        }
    }

    fn push(&mut self, k: &Consts, i: usize, c: usize) {
        self.t2 = self.t1;
        self.t1 = k.class_hash[c];
        (self.c2, self.c1) = (self.c1, c);
        if k.verbal[c] {
            self.lv = Some(i);
        }
    }
}

/// Constants used while decoding.
struct Consts<'a> {
    class_hash: &'a [u64],
    verbal: &'a [bool],
    start: u64,
    start2: u64,
    bias: u64,
    noverb: u64,
}

/// The hash a history id stands for in the tag features: class `c` for `c`
/// below the number of classes, then the start marker, then the one before it.
fn history_hash(k: &Consts, c: usize) -> u64 {
    let n = k.class_hash.len();
    match c {
        _ if c < n => k.class_hash[c],
        _ if c == n => k.start,
        _ => k.start2,
    }
}

/// Feature hashes of the token at padded index `i` of `ctx`, given the history.
/// If `parts` is given, the (a, b) part hashes of every feature are stored too.
#[inline]
fn features(
    k: &Consts,
    ctx: &[TokCtx],
    i: usize,
    h: &Hist,
    parts: Option<&mut [(u64, u64); NF]>,
) -> [u64; NF] {
    let ps = feature_parts(k, ctx, i, h);
    let mut out = [0u64; NF];
    for (t, (o, &(a, b))) in out.iter_mut().zip(&ps).enumerate() {
        *o = feat_hash(t, a, b);
    }
    if let Some(parts) = parts {
        *parts = ps;
    }
    out
}

/// The (a, b) part hashes of every feature of the token at padded index `i`
/// of `ctx`, given the history (see [`features`]).
#[inline]
fn feature_parts(k: &Consts, ctx: &[TokCtx], i: usize, h: &Hist) -> [(u64, u64); NF] {
    let (c, p, pp, n, nn) = (&ctx[i], &ctx[i - 1], &ctx[i - 2], &ctx[i + 1], &ctx[i + 2]);
    let lv = match h.lv {
        Some(q) if i - q <= VERB_WINDOW => ctx[q].w,
        _ => k.noverb,
    };
    let (t1, t2) = (h.t1, h.t2);
    [
        (k.bias, 0),
        (c.w, 0),
        (c.raw, 0),
        (c.suf[0], 0),
        (c.suf[1], 0),
        (c.suf[2], 0),
        (c.pre1, 0),
        (c.shape, 0),
        (p.w, 0),
        (pp.w, 0),
        (n.w, 0),
        (nn.w, 0),
        (t1, 0),
        (t2, t1),
        (t1, c.w),
        (p.w, c.w),
        (c.w, n.w),
        (n.shape, 0),
        (c.ac, 0),
        (n.ac, 0),
        (nn.ac, 0),
        (c.ac, n.ac),
        (t1, c.ac),
        (lv, c.w),
    ]
}

// ---------------------------------------------------------------------------
// Tag sets
// ---------------------------------------------------------------------------

/// Default Universal POS tag of a Penn Treebank tag (the most frequent one in
/// UD English EWT); used for models trained without UPOS.
pub fn default_upos(xpos: &str) -> &'static str {
    match xpos {
        "NN" | "NNS" => "NOUN",
        "NNP" | "NNPS" | "ADD" => "PROPN",
        "IN" | "RP" => "ADP",
        "DT" | "PDT" => "DET",
        "PRP" | "PRP$" | "WP" | "WP$" | "WDT" | "EX" => "PRON",
        "JJ" | "JJR" | "JJS" => "ADJ",
        "RB" | "RBR" | "RBS" | "WRB" => "ADV",
        "VB" | "VBD" | "VBG" | "VBN" | "VBZ" => "VERB",
        "VBP" | "MD" => "AUX",
        "TO" | "POS" => "PART",
        "CC" => "CCONJ",
        "CD" | "LS" => "NUM",
        "UH" => "INTJ",
        "$" | "SYM" => "SYM",
        "." | "," | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "HYPH" | "NFP" => "PUNCT",
        _ => "X",
    }
}

// ---------------------------------------------------------------------------
// Weights: an open-addressing table from feature hash to a sparse weight row
// ---------------------------------------------------------------------------

/// One feature row: its hash, template, readable key (escaped parts joined by
/// a tab, as written in the model file; at `key` in `Weights::keys`) and span
/// in `Weights::entries`.
#[derive(Clone)]
pub(crate) struct Row {
    pub(crate) hash: u64,
    pub(crate) tpl: usize,
    pub(crate) key: (u32, u32),
    pub(crate) off: u32,
    pub(crate) len: u32,
}

/// Hints the CPU to load the cache line at `p` (no-op off x86_64).
#[inline(always)]
pub(crate) fn prefetch_ptr<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of the x86_64 baseline, and a prefetch is only a
        // hint: it never faults, whatever the address.
        unsafe { _mm_prefetch::<_MM_HINT_T0>(p.cast()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    off: u32,
    len: u32,
}

impl Slot {
    #[inline]
    fn row(self) -> RowRef {
        RowRef {
            off: self.off,
            len: self.len,
        }
    }
}

/// Where a feature's row lies in `Weights`; the default, of length 0, is the
/// row of an absent feature (adding it adds nothing).
#[derive(Clone, Copy, Default)]
pub(crate) struct RowRef {
    off: u32,
    len: u32,
}

/// `Slot::len` marking a row stored densely in `Weights::dense`.
const DENSE: u32 = u32::MAX;

#[derive(Clone, Default)]
pub(crate) struct Weights {
    pub(crate) rows: Vec<Row>,
    /// The keys of all rows, end to end (one allocation, not one a row: a
    /// large model loads faster).
    keys: String,
    /// Sparse (class, weight) rows, the canonical storage.
    pub(crate) entries: Vec<(u16, f32)>,
    /// Open-addressing table (linear probing, key 0 = empty).
    slots: Vec<Slot>,
    mask: usize,
    /// Copies of long rows as dense per-class arrays (faster to add up).
    dense: Vec<f32>,
    /// One bit a bucket of hashes (8 buckets a row): a clear bit means the
    /// feature is absent. It is small enough to stay in cache, so most absent
    /// features (the majority of a parser's lexical pairs) cost no memory
    /// access to the large slot table.
    filter: Vec<u64>,
    filter_mask: usize,
    /// Number of classes.
    n: usize,
}

impl Weights {
    /// Writes the weight rows of a model file: rows sorted by template, then
    /// key, each template opened by an `@f NAME` line (`name` gives a
    /// template's name), each row `KEY\tCLASS:WEIGHT …`. Shared by the
    /// tagger's and the parser's model formats.
    pub(crate) fn write_rows(&self, name: impl Fn(usize) -> &'static str, out: &mut String) {
        use std::fmt::Write as _;
        let mut rows: Vec<&Row> = self.rows.iter().collect();
        rows.sort_by(|a, b| (a.tpl, self.key(a)).cmp(&(b.tpl, self.key(b))));
        let mut cur = usize::MAX;
        for r in rows {
            if r.tpl != cur {
                cur = r.tpl;
                let _ = writeln!(out, "@f {}", name(cur));
            }
            out.push_str(self.key(r));
            out.push('\t');
            let row = &self.entries[r.off as usize..(r.off + r.len) as usize];
            for (i, (c, w)) in row.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                let _ = write!(out, "{c}:{w}");
            }
            out.push('\n');
        }
    }

    /// The key of row `r`.
    pub(crate) fn key(&self, r: &Row) -> &str {
        &self.keys[r.key.0 as usize..(r.key.0 + r.key.1) as usize]
    }

    /// Adds a row (`finish` makes it visible to `score`).
    pub(crate) fn push(&mut self, hash: u64, tpl: usize, key: &str, row: &[(u16, f32)]) {
        let span = (self.keys.len() as u32, key.len() as u32);
        self.keys.push_str(key);
        let off = self.entries.len() as u32;
        self.entries.extend_from_slice(row);
        self.rows.push(Row {
            hash,
            tpl,
            key: span,
            off,
            len: row.len() as u32,
        });
    }

    /// Builds the lookup table (load factor <= 1/2) for `n` classes; rows with
    /// at least `n / 8` weights are also stored densely (adding a dense row
    /// is a few vector additions, a sparse one a scattered addition a weight:
    /// the extract bench ran about 1.03 times as fast as with `n / 4`).
    /// Returns the key of a duplicate feature, if any.
    pub(crate) fn finish(&mut self, n: usize) -> Result<(), String> {
        self.n = n;
        let cap = (self.rows.len() * 2).next_power_of_two().max(16);
        self.mask = cap - 1;
        self.slots = vec![Slot::default(); cap];
        self.dense.clear();
        let bits = (self.rows.len() * 8).next_power_of_two().max(64);
        self.filter_mask = bits - 1;
        self.filter = vec![0; bits / 64];
        for r in &self.rows {
            let b = Self::filter_bit(r.hash, self.filter_mask);
            self.filter[b / 64] |= 1 << (b % 64);
        }
        for r in &self.rows {
            let mut i = r.hash as usize & self.mask;
            while self.slots[i].key != 0 {
                if self.slots[i].key == r.hash {
                    return Err(self.key(r).to_string());
                }
                i = (i + 1) & self.mask;
            }
            let (off, len) = if r.len as usize >= (n / 8).max(2) {
                let d = self.dense.len();
                self.dense.resize(d + n, 0.0);
                for &(c, w) in &self.entries[r.off as usize..(r.off + r.len) as usize] {
                    self.dense[d + c as usize] = w;
                }
                (d as u32, DENSE)
            } else {
                (r.off, r.len)
            };
            self.slots[i] = Slot {
                key: r.hash,
                off,
                len,
            };
        }
        Ok(())
    }

    /// The filter bit of hash `h`: from its high bits, since the slot index
    /// uses the low ones.
    #[inline]
    fn filter_bit(h: u64, mask: usize) -> usize {
        (h >> 32) as usize & mask
    }

    /// False when feature `h` is surely absent.
    #[inline]
    fn may_have(&self, h: u64) -> bool {
        let b = Self::filter_bit(h, self.filter_mask);
        self.filter[b / 64] & (1 << (b % 64)) != 0
    }

    #[inline]
    fn prefetch(&self, h: u64) {
        prefetch_ptr(self.slots.as_ptr().wrapping_add(h as usize & self.mask));
    }

    /// The slot of feature `h`, if present.
    #[inline]
    fn get(&self, h: u64) -> Option<Slot> {
        let mut i = h as usize & self.mask;
        loop {
            let s = self.slots[i];
            if s.key == h {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The row of feature `h` (the empty row when absent).
    pub(crate) fn find(&self, h: u64) -> RowRef {
        if self.may_have(h) {
            self.get(h).unwrap_or_default().row()
        } else {
            RowRef::default()
        }
    }

    /// Sets `scores` to `init` plus the rows `rows` and the weights of the
    /// features `hashes`, added in the order `order` gives (`(true, j)`:
    /// `rows[j]`; `(false, j)`: the row of `hashes[j]`), so that the sums
    /// are those of adding every row in template order.
    #[inline]
    pub(crate) fn score_split<const R: usize, const H: usize>(
        &self,
        init: &[f32],
        rows: &[RowRef; R],
        hashes: &[u64; H],
        order: &[(bool, usize)],
        scores: &mut [f32],
    ) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has the feature (checked just above).
            return unsafe { self.score_split_wide(init, rows, hashes, order, scores) };
        }
        self.score_split_portable(init, rows, hashes, order, scores)
    }

    /// [`Weights::score_split`] compiled for wider vectors.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn score_split_wide<const R: usize, const H: usize>(
        &self,
        init: &[f32],
        rows: &[RowRef; R],
        hashes: &[u64; H],
        order: &[(bool, usize)],
        scores: &mut [f32],
    ) {
        self.score_split_portable(init, rows, hashes, order, scores)
    }

    #[inline(always)]
    fn score_split_portable<const R: usize, const H: usize>(
        &self,
        init: &[f32],
        rows: &[RowRef; R],
        hashes: &[u64; H],
        order: &[(bool, usize)],
        scores: &mut [f32],
    ) {
        // As in `score_portable`: slots prefetched, then rows, then added up.
        for &h in hashes {
            if self.may_have(h) {
                self.prefetch(h);
            }
        }
        for &row in rows {
            self.prefetch_row(row);
        }
        let found: [RowRef; H] = std::array::from_fn(|j| {
            let row = self.find(hashes[j]);
            self.prefetch_row(row);
            row
        });
        scores.copy_from_slice(init);
        for &(is_row, j) in order {
            self.add_row(if is_row { rows[j] } else { found[j] }, scores);
        }
    }

    #[inline(always)]
    fn prefetch_row(&self, s: RowRef) {
        if s.len == DENSE {
            prefetch_ptr(self.dense.as_ptr().wrapping_add(s.off as usize));
        } else if s.len > 0 {
            prefetch_ptr(self.entries.as_ptr().wrapping_add(s.off as usize));
        }
    }

    /// Sets `scores` to the summed weights of the features `hashes`.
    #[inline]
    pub(crate) fn score<const N: usize>(&self, hashes: &[u64; N], scores: &mut [f32]) {
        // Adding up dense rows is most of the work: with wider vectors when
        // the CPU has them (each sum is still one addition at a time, in the
        // same order, so the scores are the same).
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has the feature (checked just above).
            return unsafe { self.score_wide(hashes, scores) };
        }
        self.score_portable(hashes, scores)
    }

    /// [`Weights::score`] compiled for wider vectors.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn score_wide<const N: usize>(&self, hashes: &[u64; N], scores: &mut [f32]) {
        self.score_portable(hashes, scores)
    }

    #[inline(always)]
    fn score_portable<const N: usize>(&self, hashes: &[u64; N], scores: &mut [f32]) {
        // Prefetch all slots, then all rows, then add them up, so that the
        // cache misses overlap instead of queueing.
        let mut maybe = [0u64; N];
        let mut m = 0;
        for &h in hashes {
            if self.may_have(h) {
                self.prefetch(h);
                maybe[m] = h;
                m += 1;
            }
        }
        let mut found = [Slot::default(); N];
        let mut k = 0;
        for &h in &maybe[..m] {
            if let Some(s) = self.get(h) {
                self.prefetch_row(s.row());
                found[k] = s;
                k += 1;
            }
        }
        scores.iter_mut().for_each(|s| *s = 0.0);
        for s in &found[..k] {
            self.add_row(s.row(), scores);
        }
    }

    #[inline(always)]
    fn add_row(&self, s: RowRef, scores: &mut [f32]) {
        let off = s.off as usize;
        if s.len == DENSE {
            for (x, w) in scores.iter_mut().zip(&self.dense[off..off + self.n]) {
                *x += *w;
            }
        } else {
            for &(c, w) in &self.entries[off..off + s.len as usize] {
                scores[c as usize] += w;
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------

/// Dense averaged-perceptron weights used during training (Collins 2002), with
/// lazily updated running totals for the averaging.
struct TrainWeights {
    n: usize,
    rows: IdMap<u32>,
    /// (template, part a, part b) of every row.
    row_parts: Vec<(usize, u64, u64)>,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u32>,
    instances: u32,
}

impl TrainWeights {
    fn new(n: usize) -> Self {
        TrainWeights {
            n,
            rows: IdMap::default(),
            row_parts: Vec::new(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            instances: 0,
        }
    }

    fn score(&self, feats: &[u64; NF], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        for f in feats {
            if let Some(&r) = self.rows.get(f) {
                let base = r as usize * self.n;
                for (s, w) in scores.iter_mut().zip(&self.w[base..base + self.n]) {
                    *s += *w;
                }
            }
        }
    }

    fn bump(&mut self, base: usize, c: usize, v: f32) {
        let k = base + c;
        self.total[k] += (self.instances - self.stamp[k]) as f64 * self.w[k] as f64;
        self.stamp[k] = self.instances;
        self.w[k] += v;
    }

    fn update(&mut self, feats: &[u64; NF], parts: &[(u64, u64); NF], truth: usize, guess: usize) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        for (t, f) in feats.iter().enumerate() {
            let r = match self.rows.get(f) {
                Some(&r) => r,
                None => {
                    let r = self.row_parts.len() as u32;
                    self.rows.insert(*f, r);
                    self.row_parts.push((t, parts[t].0, parts[t].1));
                    self.w.extend(std::iter::repeat_n(0.0, self.n));
                    self.total.extend(std::iter::repeat_n(0.0, self.n));
                    self.stamp
                        .extend(std::iter::repeat_n(self.instances, self.n));
                    r
                }
            };
            let base = r as usize * self.n;
            self.bump(base, truth, 1.0);
            self.bump(base, guess, -1.0);
        }
    }

    /// Averaged weight of every (row, class).
    fn averaged(&self) -> Vec<f32> {
        let t = self.instances.max(1) as f64;
        (0..self.w.len())
            .map(|k| {
                let tot =
                    self.total[k] + (self.instances - self.stamp[k]) as f64 * self.w[k] as f64;
                (tot / t) as f32
            })
            .collect()
    }
}

/// Index of the first maximum of `scores` (which hold no NaN).
#[inline]
pub(crate) fn argmax(scores: &[f32]) -> usize {
    // Lane-wise maxima first (vectorises), then the first index reaching it.
    let mut lanes = [f32::NEG_INFINITY; 8];
    let mut chunks = scores.chunks_exact(8);
    for c in &mut chunks {
        for (l, &x) in lanes.iter_mut().zip(c) {
            *l = if x > *l { x } else { *l };
        }
    }
    let mut m = chunks
        .remainder()
        .iter()
        .fold(f32::NEG_INFINITY, |a, &x| a.max(x));
    for l in lanes {
        m = m.max(l);
    }
    scores.iter().position(|&x| x == m).unwrap_or(0)
}

/// Deterministic PRNG (SplitMix64) for the seeded shuffle.
pub(crate) struct SplitMix64(pub(crate) u64);

impl SplitMix64 {
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        fmix(self.0)
    }

    /// Uniform in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
}

/// Number of folds for jackknifing the ambiguity-class lexicon.
const FOLDS: usize = 10;

/// Words seen at least this often with one class (>= DICT_SHARE of the time)
/// go into the tag dictionary.
const DICT_MIN: u32 = 20;
const DICT_SHARE: f64 = 0.97;

// ---------------------------------------------------------------------------
// The tagger
// ---------------------------------------------------------------------------

/// One training sentence: words and their gold XPOS tags (same length).
pub type TrainSentence = (Vec<String>, Vec<String>);

/// One training sentence: words, gold XPOS tags and gold UPOS tags.
pub type JointSentence = (Vec<String>, Vec<String>, Vec<String>);

/// An averaged perceptron part-of-speech tagger predicting Penn Treebank tags
/// (and Universal POS tags alongside).
#[derive(Clone)]
pub struct Tagger {
    /// Class labels, `XPOS/UPOS`.
    labels: Vec<String>,
    /// (XPOS, UPOS) of each class.
    classes: Vec<(String, String)>,
    class_hash: Vec<u64>,
    /// Whether each class is a verb, modal or `to` tag (for the `vw` feature).
    verbal: Vec<bool>,
    /// Tag dictionary: hash of normalised word → class.
    dict: IdMap<u16>,
    /// Normalised words of the tag dictionary (for writing the model back).
    dict_words: Vec<(String, u16)>,
    /// Ambiguity classes of known words.
    lex: Lexicon,
    weights: Weights,
    start_hash: u64,
    start2_hash: u64,
    bias_hash: u64,
    noverb_hash: u64,
    /// Identifies the model for [`WordCache`]: new for every tagger built or
    /// changed (clones share it, with the same weights).
    id: u64,
}

/// A new [`Tagger::id`] (0 is no tagger's).
fn next_tagger_id() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

impl Tagger {
    /// A tagger without weights for the class labels `labels` (`XPOS/UPOS`).
    fn empty(labels: Vec<String>) -> Tagger {
        let class_hash = labels.iter().map(|c| hash_str(c)).collect();
        let classes: Vec<(String, String)> = labels.iter().map(|l| split_label(l)).collect();
        let verbal = classes
            .iter()
            .map(|(x, _)| x.starts_with("VB") || x == "MD" || x == "TO")
            .collect();
        Tagger {
            labels,
            classes,
            class_hash,
            verbal,
            dict: IdMap::default(),
            dict_words: Vec::new(),
            lex: Lexicon::default(),
            weights: Weights::default(),
            start_hash: hash_str(START),
            start2_hash: hash_str(START2),
            bias_hash: hash_str(BIAS_PART),
            noverb_hash: hash_str(NOVERB),
            id: next_tagger_id(),
        }
    }

    fn consts(&self) -> Consts<'_> {
        Consts {
            class_hash: &self.class_hash,
            verbal: &self.verbal,
            start: self.start_hash,
            start2: self.start2_hash,
            bias: self.bias_hash,
            noverb: self.noverb_hash,
        }
    }

    /// Trains a tagger on `(words, XPOS tags)` sentences with `iterations`
    /// epochs of the averaged perceptron; sentence order is shuffled each epoch
    /// with a PRNG seeded by `seed`, so training is deterministic. UPOS tags
    /// are then [`default_upos`] of the XPOS; [`Tagger::train_joint`] learns
    /// them instead. The result holds the full averaged weights; see
    /// [`Tagger::prune`]. Sentences whose word and tag counts differ are skipped.
    pub fn train(sentences: &[TrainSentence], iterations: usize, seed: u64) -> Tagger {
        let labelled: Vec<(&[String], Vec<String>)> = sentences
            .iter()
            .filter(|(w, t)| w.len() == t.len())
            .map(|(w, t)| {
                let labels = t
                    .iter()
                    .map(|x| format!("{x}/{}", default_upos(x)))
                    .collect();
                (w.as_slice(), labels)
            })
            .collect();
        Self::train_labels(&labelled, iterations, seed)
    }

    /// Like [`Tagger::train`], but on `(words, XPOS, UPOS)` sentences, predicting
    /// each (XPOS, UPOS) pair as one class. This gives much better UPOS than
    /// mapping the predicted XPOS, at the same XPOS accuracy.
    pub fn train_joint(sentences: &[JointSentence], iterations: usize, seed: u64) -> Tagger {
        let labelled: Vec<(&[String], Vec<String>)> = sentences
            .iter()
            .filter(|(w, x, u)| w.len() == x.len() && w.len() == u.len())
            .map(|(w, x, u)| {
                let labels = x.iter().zip(u).map(|(x, u)| format!("{x}/{u}")).collect();
                (w.as_slice(), labels)
            })
            .collect();
        Self::train_labels(&labelled, iterations, seed)
    }

    fn train_labels(
        sentences: &[(&[String], Vec<String>)],
        iterations: usize,
        seed: u64,
    ) -> Tagger {
        let sentences: Vec<&(&[String], Vec<String>)> =
            sentences.iter().filter(|(w, _)| !w.is_empty()).collect();
        // Class inventory (sorted for determinism).
        let mut labels: Vec<String> = sentences
            .iter()
            .flat_map(|(_, t)| t.iter().cloned())
            .collect();
        labels.sort();
        labels.dedup();
        let class_id: HashMap<&str, u16> = labels
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i as u16))
            .collect();
        let mut tagger = Tagger::empty(labels.clone());

        // Tag dictionary, as in NLTK: frequent words with one dominant class.
        let mut counts: WordTagCounts = HashMap::new();
        for (words, tags) in &sentences {
            for (w, t) in words.iter().zip(tags) {
                *counts
                    .entry(normalize(w))
                    .or_default()
                    .entry(class_id[t.as_str()])
                    .or_default() += 1;
            }
        }
        let mut dict_words: Vec<(String, u16)> = counts
            .into_iter()
            .filter_map(|(w, tc)| {
                let n: u32 = tc.values().sum();
                let (&c, &m) = tc
                    .iter()
                    .max_by_key(|&(c, m)| (*m, std::cmp::Reverse(*c)))?;
                (n >= DICT_MIN && m as f64 >= DICT_SHARE * n as f64).then_some((w, c))
            })
            .collect();
        dict_words.sort();
        for (w, c) in &dict_words {
            tagger.dict.insert(hash_str(w), *c);
        }
        tagger.dict_words = dict_words;

        // Ambiguity-class lexicon. Training contexts use jackknifed lexicons
        // (built without the sentence's own fold), so that the model sees
        // unknown and partially known words about as often as at test time.
        let mut interner = Interner::default();
        for m in [START, START2, END, END2, BIAS_PART, UNK, NOVERB] {
            interner.insert(hash_str(m), m.to_string());
        }
        for c in &labels {
            interner.insert(hash_str(c), c.clone());
        }
        let fold_of = |s: usize| s % FOLDS;
        let mut fold_counts: Vec<WordTagCounts> = vec![WordTagCounts::new(); FOLDS];
        let mut total = WordTagCounts::new();
        for (s, (words, tags)) in sentences.iter().enumerate() {
            for (w, t) in words.iter().zip(tags) {
                let (w, c) = (lower_norm(w), class_id[t.as_str()]);
                *fold_counts[fold_of(s)]
                    .entry(w.clone())
                    .or_default()
                    .entry(c)
                    .or_default() += 1;
                *total.entry(w).or_default().entry(c).or_default() += 1;
            }
        }
        tagger.lex = build_lexicon(&total, None, &labels, &mut interner);
        let fold_lex: Vec<Lexicon> = fold_counts
            .iter()
            .map(|fc| build_lexicon(&total, Some(fc), &labels, &mut interner))
            .collect();

        // Word contexts, gold classes and dictionary classes, computed once.
        type SentData = (Vec<TokCtx>, Vec<u16>, Vec<Option<u16>>);
        let data: Vec<SentData> = sentences
            .iter()
            .enumerate()
            .map(|(s, (words, tags))| {
                let mut ctx = Vec::new();
                sentence_ctx(
                    words,
                    &mut Some(&mut interner),
                    &fold_lex[fold_of(s)],
                    &mut ctx,
                );
                let gold = tags.iter().map(|t| class_id[t.as_str()]).collect();
                let dict = ctx[2..ctx.len() - 2]
                    .iter()
                    .map(|c| tagger.dict.get(&c.raw).copied())
                    .collect();
                (ctx, gold, dict)
            })
            .collect();

        // Perceptron training, greedy left to right on the model's own
        // predicted history (as in NLTK); dictionary words are not trained on.
        let k = tagger.consts();
        let n = labels.len();
        let mut tw = TrainWeights::new(n);
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = SplitMix64(seed);
        let mut scores = vec![0f32; n];
        let mut parts = [(0u64, 0u64); NF];
        for _ in 0..iterations {
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
            for &s in &order {
                let (ctx, gold, dict) = &data[s];
                let mut h = Hist::new(&k);
                for (p, &g) in gold.iter().enumerate() {
                    let guess = match dict[p] {
                        Some(c) => c as usize,
                        None => {
                            let feats = features(&k, ctx, p + 2, &h, Some(&mut parts));
                            tw.score(&feats, &mut scores);
                            let guess = argmax(&scores);
                            tw.update(&feats, &parts, g as usize, guess);
                            guess
                        }
                    };
                    h.push(&k, p + 2, guess);
                }
            }
        }

        // Export the averaged weights into the sparse tagging representation.
        let avg = tw.averaged();
        let mut weights = Weights::default();
        for (r, &(t, a, b)) in tw.row_parts.iter().enumerate() {
            let row: Vec<(u16, f32)> = avg[r * n..(r + 1) * n]
                .iter()
                .enumerate()
                .filter(|(_, w)| **w != 0.0)
                .map(|(c, w)| (c as u16, *w))
                .collect();
            if row.is_empty() {
                continue;
            }
            let mut key = String::new();
            escape_into(&interner[&a], &mut key);
            if TEMPLATES[t].1 == 2 {
                key.push('\t');
                escape_into(&interner[&b], &mut key);
            }
            weights.push(feat_hash(t, a, b), t, &key, &row);
        }
        weights.finish(n).expect("64-bit feature hash collision");
        tagger.weights = weights;
        tagger
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
        self.weights
            .finish(self.classes.len())
            .expect("rows were unique before pruning");
        self.id = next_tagger_id();
    }

    /// Number of feature rows and of non-zero weights in the model.
    pub fn size(&self) -> (usize, usize) {
        (self.weights.rows.len(), self.weights.entries.len())
    }

    /// The classes of the model as (XPOS, UPOS) pairs, in class-index order.
    pub fn tagset(&self) -> &[(String, String)] {
        &self.classes
    }

    /// Tags a tokenised sentence and returns one Penn Treebank (XPOS) tag per
    /// word. Words should be tokenised PTB-style (see the module documentation).
    pub fn tag(&self, words: &[&str]) -> Vec<&str> {
        self.tag_ids(words)
            .into_iter()
            .map(|c| self.classes[c as usize].0.as_str())
            .collect()
    }

    /// Tags a tokenised sentence and returns `(XPOS, UPOS)` per word. For a
    /// model trained with [`Tagger::train`], UPOS is [`default_upos`] of XPOS.
    pub fn tag_upos(&self, words: &[&str]) -> Vec<(&str, &str)> {
        self.tag_ids(words)
            .into_iter()
            .map(|c| {
                let (x, u) = &self.classes[c as usize];
                (x.as_str(), u.as_str())
            })
            .collect()
    }

    fn tag_ids(&self, words: &[&str]) -> Vec<u16> {
        WORD_CACHE.with_borrow_mut(|cache| self.tag_ids_cached(words, cache))
    }

    /// [`Tagger::tag_ids`] with the word-dependent work looked up in `cache`:
    /// the same features, their rows added in the same order, so the same
    /// scores as [`Tagger::tag_ids_uncached`].
    fn tag_ids_cached(&self, words: &[&str], cache: &mut WordCache) -> Vec<u16> {
        cache.prepare(self, words.len());
        let mut ids = std::mem::take(&mut cache.ids);
        let mut ctx = std::mem::take(&mut cache.ctx);
        cache.lookup(self, words, &mut ids);
        let n = self.classes.len();
        ctx.clear();
        for &i in &ids {
            let info = &cache.words[i as usize];
            ctx.push(info.ctx);
            // The sums are read first when the word is scored.
            if info.dict.is_none() {
                let sums = cache.sums[info.sums as usize..].as_ptr();
                for line in (0..n).step_by(16) {
                    prefetch_ptr(sums.wrapping_add(line));
                }
            }
        }

        let k = self.consts();
        let mut scores = vec![0f32; n];
        let mut out = Vec::with_capacity(words.len());
        let mut h = Hist::new(&k);
        for p in 0..words.len() {
            let i = p + 2;
            let info = &cache.words[ids[i] as usize];
            let c = match info.dict {
                Some(c) => c,
                None => {
                    // The rows the word cache found for the neighbours; only
                    // the features not found before are hashed.
                    let rows: [RowRef; NROWS + 2] = std::array::from_fn(|r| match r {
                        _ if r < NROWS => {
                            let at = i.wrapping_add_signed(ROW_OFFSET[r]);
                            cache.words[ids[at] as usize].rows[r]
                        }
                        _ if r == NROWS => cache.tag1_rows[h.c1],
                        _ => cache.tag2_rows[h.c2 * (n + 2) + h.c1],
                    });
                    let parts = feature_parts(&k, &ctx, i, &h);
                    let hashes: [u64; NHASHED] = std::array::from_fn(|j| {
                        let t = HASHED[j];
                        feat_hash(t, parts[t].0, parts[t].1)
                    });
                    let lead = &cache.sums[info.sums as usize..info.sums as usize + n];
                    self.weights
                        .score_split(lead, &rows, &hashes, &AFTER_LEAD, &mut scores);
                    argmax(&scores) as u16
                }
            };
            out.push(c);
            h.push(&k, i, c as usize);
        }
        cache.ids = ids;
        cache.ctx = ctx;
        out
    }

    /// Tagging without [`WordCache`], as the model defines it: what the
    /// cached tagging is checked against.
    #[cfg(test)]
    fn tag_ids_uncached(&self, words: &[&str]) -> Vec<u16> {
        let mut ctx = Vec::new();
        sentence_ctx(words, &mut None, &self.lex, &mut ctx);
        let k = self.consts();
        let mut scores = vec![0f32; self.classes.len()];
        let mut out = Vec::with_capacity(words.len());
        let mut h = Hist::new(&k);
        for p in 0..words.len() {
            let c = match self.dict.get(&ctx[p + 2].raw) {
                Some(&c) => c,
                None => {
                    let feats = features(&k, &ctx, p + 2, &h, None);
                    self.weights.score(&feats, &mut scores);
                    argmax(&scores) as u16
                }
            };
            out.push(c);
            h.push(&k, p + 2, c as usize);
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Per-word results, reused across sentences
// ---------------------------------------------------------------------------
//
// Most of a token's features depend on one token alone (its word, suffixes,
// shape, ambiguity class, or a neighbour's). For each distinct word, its
// context, dictionary class, the rows of those features and the sum of the
// leading ones are found once and kept, so tagging a known word costs one
// hash lookup and the features that involve tags or word pairs.

/// For each template whose parts all come from one token: that token's
/// offset from the tagged one (the bias, which has no token, counts as the
/// tagged one's). Checked against [`features`] by a test.
const SINGLE_TOKEN: [Option<isize>; NF] = [
    Some(0),  // bias
    Some(0),  // w
    Some(0),  // W
    Some(0),  // s1
    Some(0),  // s2
    Some(0),  // s3
    Some(0),  // p1
    Some(0),  // sh
    Some(-1), // w-1
    Some(-2), // w-2
    Some(1),  // w+1
    Some(2),  // w+2
    None,     // t-1
    None,     // t-2t-1
    None,     // t-1w
    None,     // w-1w
    None,     // ww+1
    Some(1),  // sh+1
    Some(0),  // a
    Some(1),  // a+1
    Some(2),  // a+2
    None,     // aa+1
    None,     // t-1a
    None,     // vw
];

/// Number of leading templates on the tagged token alone: their rows are
/// added up once per word (the first additions of every score, so the sums
/// come out the same).
const LEAD: usize = {
    let mut t = 0;
    while t < NF && matches!(SINGLE_TOKEN[t], Some(0)) {
        t += 1;
    }
    t
};

/// Number of single-token templates after the leading ones.
const NROWS: usize = {
    let (mut t, mut n) = (LEAD, 0);
    while t < NF {
        if SINGLE_TOKEN[t].is_some() {
            n += 1;
        }
        t += 1;
    }
    n
};

/// For each of the `NROWS` single-token templates after the leading ones,
/// the offset of its token from the tagged one.
const ROW_OFFSET: [isize; NROWS] = {
    let mut a = [0; NROWS];
    let (mut t, mut n) = (LEAD, 0);
    while t < NF {
        if let Some(off) = SINGLE_TOKEN[t] {
            a[n] = off;
            n += 1;
        }
        t += 1;
    }
    a
};

/// The templates on the previous tag (`t-1`) and the previous two (`t-2t-1`):
/// with at most (classes + 2)² values, their rows are looked up once per
/// tagger (see [`WordCache::prepare`]) instead of hashed at every token.
/// Checked against [`features`] by a test.
const TAG_HISTORY: [usize; 2] = [12, 13];

/// Number of templates that involve tags or two tokens, but for the tag
/// history: hashed for every scored token.
const NHASHED: usize = NF - LEAD - NROWS - TAG_HISTORY.len();

/// Those templates' indices.
const HASHED: [usize; NHASHED] = {
    let mut a = [0; NHASHED];
    let (mut t, mut n) = (LEAD, 0);
    while t < NF {
        if SINGLE_TOKEN[t].is_none() && t != TAG_HISTORY[0] && t != TAG_HISTORY[1] {
            a[n] = t;
            n += 1;
        }
        t += 1;
    }
    a
};

/// The templates after the leading ones in their order, as
/// [`Weights::score_split`] takes them: `(true, r)` the `r`th row (the
/// cached rows of the single-token templates, then the two of the tag
/// history), `(false, j)` the `j`th hashed feature.
const AFTER_LEAD: [(bool, usize); NF - LEAD] = {
    let mut a = [(false, 0); NF - LEAD];
    let (mut t, mut r, mut j) = (LEAD, 0, 0);
    while t < NF {
        if SINGLE_TOKEN[t].is_some() {
            a[t - LEAD] = (true, r);
            r += 1;
        } else if t == TAG_HISTORY[0] {
            a[t - LEAD] = (true, NROWS);
        } else if t == TAG_HISTORY[1] {
            a[t - LEAD] = (true, NROWS + 1);
        } else {
            a[t - LEAD] = (false, j);
            j += 1;
        }
        t += 1;
    }
    a
};

/// Indices of the markers in [`WordCache::words`].
const MARK_START2: u32 = 0;
const MARK_START: u32 = 1;
const MARK_END: u32 = 2;
const MARK_END2: u32 = 3;

/// A cache holding more words than this is emptied before the next sentence
/// (a few megabytes; news text repeats its common words well within it).
const CACHE_WORDS: usize = 1 << 15;

/// What tagging needs of one word.
struct WordInfo {
    ctx: TokCtx,
    /// The class of a tag-dictionary word.
    dict: Option<u16>,
    /// Offset in [`WordCache::sums`] of the summed rows of the leading
    /// templates (none for dictionary words, which are never scored).
    sums: u32,
    /// Rows of the single-token templates after the leading ones, as this
    /// word fills them (see [`AFTER_LEAD`]).
    rows: [RowRef; NROWS],
}

/// Per-word results of one tagger, kept across sentences.
#[derive(Default)]
struct WordCache {
    /// [`Tagger::id`] of the tagger the results are for.
    tagger: u64,
    /// Open-addressing table (linear probing) from a word's `hash_str` to
    /// its index in `words` (0: empty slot, as no word has a marker's index).
    /// Words are told apart by their 64-bit hash, as in the tag dictionary and
    /// the ambiguity-class lexicon.
    table: Vec<(u64, u32)>,
    /// The four markers, then the words in `table`.
    words: Vec<WordInfo>,
    /// Per-class sums of the leading templates' rows, one block a word.
    sums: Vec<f32>,
    /// The row of `t-1` for each previous-tag id, and of `t-2t-1` at
    /// `c2 * (classes + 2) + c1` (ids as in [`Hist`]).
    tag1_rows: Vec<RowRef>,
    tag2_rows: Vec<RowRef>,
    scratch: Scratch,
    /// Buffers of `tag_ids_cached` and `lookup`, kept to save allocations.
    ids: Vec<u32>,
    hashes: Vec<u64>,
    ctx: Vec<TokCtx>,
}

thread_local! {
    /// The cache of the last tagger used on this thread.
    static WORD_CACHE: std::cell::RefCell<WordCache> = std::cell::RefCell::default();
}

impl WordCache {
    /// Empties the cache when it is for another tagger or could not take
    /// `n` more words; puts the markers in first.
    fn prepare(&mut self, tagger: &Tagger, n: usize) {
        let room = self.words.len() + n <= CACHE_WORDS + 4;
        if self.tagger == tagger.id && room && !self.words.is_empty() {
            return;
        }
        self.tagger = tagger.id;
        self.table.clear();
        // At most half full, even for a sentence longer than the cache.
        let slots = 2 * (CACHE_WORDS.max(n) + 4);
        self.table.resize(slots.next_power_of_two(), (0, 0));
        self.words.clear();
        self.sums.clear();
        let k = tagger.consts();
        let ids = k.class_hash.len() + 2;
        let find = |tpl: usize, a: usize, b: Option<usize>| {
            let b = b.map_or(0, |b| history_hash(&k, b));
            tagger.weights.find(feat_hash(tpl, history_hash(&k, a), b))
        };
        self.tag1_rows = (0..ids).map(|c1| find(TAG_HISTORY[0], c1, None)).collect();
        self.tag2_rows = (0..ids * ids)
            .map(|i| find(TAG_HISTORY[1], i / ids, Some(i % ids)))
            .collect();
        for m in [START2, START, END, END2] {
            let info = self.info(tagger, TokCtx::marker(m), None);
            self.words.push(info);
        }
    }

    /// Sets `ids` to the padded indices in `words` of `sentence`, adding
    /// the new words.
    fn lookup(&mut self, tagger: &Tagger, sentence: &[&str], ids: &mut Vec<u32>) {
        let mask = self.table.len() - 1;
        // Hashes first, each slot prefetched, so that the cache misses overlap.
        let mut hashes = std::mem::take(&mut self.hashes);
        hashes.clear();
        for w in sentence {
            let h = hash_str(w);
            prefetch_ptr(self.table.as_ptr().wrapping_add(h as usize & mask));
            hashes.push(h);
        }
        ids.clear();
        ids.extend_from_slice(&[MARK_START2, MARK_START]);
        for (w, &h) in sentence.iter().zip(&hashes) {
            let mut i = h as usize & mask;
            let id = loop {
                match self.table[i] {
                    (k, v) if k == h && v != 0 => break v,
                    (_, 0) => {
                        let v = self.add(tagger, w);
                        self.table[i] = (h, v);
                        break v;
                    }
                    _ => i = (i + 1) & mask,
                }
            };
            prefetch_ptr(self.words.as_ptr().wrapping_add(id as usize));
            ids.push(id);
        }
        ids.extend_from_slice(&[MARK_END, MARK_END2]);
        self.hashes = hashes;
    }

    /// Adds the results of a new word, returning its index.
    fn add(&mut self, tagger: &Tagger, word: &str) -> u32 {
        let ctx = token_ctx(word, &mut self.scratch, &mut None, &tagger.lex);
        let dict = tagger.dict.get(&ctx.raw).copied();
        let info = self.info(tagger, ctx, dict);
        self.words.push(info);
        self.words.len() as u32 - 1
    }

    /// The rows and sums of a word with context `ctx`.
    fn info(&mut self, tagger: &Tagger, ctx: TokCtx, dict: Option<u16>) -> WordInfo {
        // With the word at every position, each single-token template gets
        // the feature it has when the word is at its offset.
        let k = tagger.consts();
        let hashes = features(&k, &[ctx; 5], 2, &Hist::new(&k), None);
        let w = &tagger.weights;
        let mut rows = [RowRef::default(); NROWS];
        for (t, &(is_row, r)) in AFTER_LEAD.iter().enumerate() {
            if is_row && r < NROWS {
                rows[r] = w.find(hashes[LEAD + t]);
            }
        }
        let sums = self.sums.len();
        if dict.is_none() {
            let n = tagger.classes.len();
            self.sums.resize(sums + n, 0.0);
            let lead: [u64; LEAD] = std::array::from_fn(|t| hashes[t]);
            w.score(&lead, &mut self.sums[sums..]);
        }
        WordInfo {
            ctx,
            dict,
            sums: sums as u32,
            rows,
        }
    }
}

// ---------------------------------------------------------------------------
// Model file
// ---------------------------------------------------------------------------
//
// Line-based UTF-8 text. Lines without a tab are blank, `#` comments, the header
// `postagger-model 1`, the `classes` line (space-separated `XPOS/UPOS` labels)
// or section headers (`@dict`, `@lex`, `@f TEMPLATE`). Lines with a tab are
// entries of the current section (so a word such as `#tag` or `@user` at the
// start of an entry is not mistaken for a comment or a header):
//   @dict          WORD \t CLASS                (normalised word, case kept)
//   @lex           LOWERWORD \t AMBIGUITY-CLASS (labels joined by `|`)
//   @f TEMPLATE    PART [\t PART] \t CLASS:WEIGHT CLASS:WEIGHT ...
// Strings escape `\\`, tab, newline, carriage return and space as `\\`, `\t`,
// `\n`, `\r`, `\s`. CLASS is a 0-based index into the `classes` line. Feature
// hashes are recomputed at load time, so the hash function is not part of the
// format; template names and their part order are.

const MAGIC: &str = "postagger-model 1";

pub(crate) fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            ' ' => out.push_str("\\s"),
            _ => out.push(c),
        }
    }
}

pub(crate) fn unescape(s: &str, line: usize) -> Result<String, TaggerError> {
    unescaped(s, line).map(std::borrow::Cow::into_owned)
}

/// Like [`unescape`], borrowing `s` when it has no escape.
pub(crate) fn unescaped(s: &str, line: usize) -> Result<std::borrow::Cow<'_, str>, TaggerError> {
    if !s.contains('\\') {
        return Ok(std::borrow::Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('s') => out.push(' '),
            _ => return Err(TaggerError::new(line, format!("bad escape in {s:?}"))),
        }
    }
    Ok(std::borrow::Cow::Owned(out))
}

/// Writes `header` as `#` comment lines opening a model file (e.g. a
/// license notice); shared by the tagger's and the parser's model formats.
pub(crate) fn write_comment_header(header: &str, out: &mut String) {
    for l in header.lines() {
        out.push_str("# ");
        // A tab would turn the comment into an entry line.
        out.push_str(&l.replace('\t', " "));
        out.push('\n');
    }
}

impl Tagger {
    /// Serialises the tagger in the line-based text format read by
    /// [`Tagger::from_model_str`]. Output is deterministic (rows sorted by
    /// template, then key); weights are written exactly, so a round trip tags
    /// identically.
    pub fn to_model_string(&self) -> String {
        self.to_model_string_with_header("")
    }

    /// Like [`Tagger::to_model_string`], but starts with `header` written as `#`
    /// comment lines (e.g. a license notice).
    pub fn to_model_string_with_header(&self, header: &str) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        write_comment_header(header, &mut out);
        out.push_str(MAGIC);
        out.push_str("\nclasses");
        for c in &self.labels {
            out.push(' ');
            escape_into(c, &mut out);
        }
        out.push_str("\n@dict\n");
        for (w, c) in &self.dict_words {
            escape_into(w, &mut out);
            let _ = writeln!(out, "\t{c}");
        }
        out.push_str("@lex\n");
        for (w, a) in &self.lex.list {
            escape_into(w, &mut out);
            out.push('\t');
            escape_into(a, &mut out);
            out.push('\n');
        }
        self.weights.write_rows(|tpl| TEMPLATES[tpl].0, &mut out);
        out
    }

    /// Parses a model written by [`Tagger::to_model_string`] (for instance one
    /// embedded with `include_str!`).
    pub fn from_model_str(text: &str) -> Result<Tagger, TaggerError> {
        enum Section {
            None,
            Dict,
            Lex,
            Feat(usize),
        }
        let mut tagger: Option<Tagger> = None;
        let mut seen_magic = false;
        let mut section = Section::None;
        for (ln, line) in text.lines().enumerate() {
            let ln = ln + 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.contains('\t') {
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                if !seen_magic {
                    if line != MAGIC {
                        return Err(TaggerError::new(ln, format!("expected header {MAGIC:?}")));
                    }
                    seen_magic = true;
                } else if let Some(rest) = line.strip_prefix("classes ") {
                    if tagger.is_some() {
                        return Err(TaggerError::new(ln, "duplicate classes line"));
                    }
                    let classes = rest
                        .split_ascii_whitespace()
                        .map(|c| unescape(c, ln))
                        .collect::<Result<Vec<_>, _>>()?;
                    if classes.is_empty() || classes.len() > u16::MAX as usize {
                        return Err(TaggerError::new(ln, "bad number of classes"));
                    }
                    tagger = Some(Tagger::empty(classes));
                } else if line == "@dict" {
                    section = Section::Dict;
                } else if line == "@lex" {
                    section = Section::Lex;
                } else if let Some(name) = line.strip_prefix("@f ") {
                    let t = TEMPLATES
                        .iter()
                        .position(|(n, _)| *n == name)
                        .ok_or_else(|| {
                            TaggerError::new(ln, format!("unknown template {name:?}"))
                        })?;
                    section = Section::Feat(t);
                } else {
                    return Err(TaggerError::new(ln, format!("unexpected line {line:?}")));
                }
                continue;
            }
            let tg = tagger
                .as_mut()
                .ok_or_else(|| TaggerError::new(ln, "entry before the classes line"))?;
            let n = tg.classes.len();
            let class = |s: &str| -> Result<u16, TaggerError> {
                s.parse::<u16>()
                    .ok()
                    .filter(|&c| (c as usize) < n)
                    .ok_or_else(|| TaggerError::new(ln, format!("bad class index {s:?}")))
            };
            let fields: Vec<&str> = line.split('\t').collect();
            match section {
                Section::None => return Err(TaggerError::new(ln, "entry outside a section")),
                Section::Dict => {
                    let [w, c] = fields[..] else {
                        return Err(TaggerError::new(ln, "dict entry needs 2 fields"));
                    };
                    let w = unescape(w, ln)?;
                    let c = class(c)?;
                    tg.dict.insert(hash_str(&w), c);
                    tg.dict_words.push((w, c));
                }
                Section::Lex => {
                    let [w, a] = fields[..] else {
                        return Err(TaggerError::new(ln, "lex entry needs 2 fields"));
                    };
                    let w = unescape(w, ln)?;
                    let a = unescape(a, ln)?;
                    tg.lex.map.insert(hash_str(&w), hash_str(&a));
                    tg.lex.list.push((w, a));
                }
                Section::Feat(t) => {
                    let (name, np) = TEMPLATES[t];
                    if fields.len() != np + 1 {
                        return Err(TaggerError::new(
                            ln,
                            format!("template {name} needs {} fields", np + 1),
                        ));
                    }
                    let a = hash_str(&unescaped(fields[0], ln)?);
                    let b = if np == 2 {
                        hash_str(&unescaped(fields[1], ln)?)
                    } else {
                        0
                    };
                    let mut row = Vec::new();
                    for cw in fields[np].split_ascii_whitespace() {
                        let bad = || TaggerError::new(ln, format!("bad weight {cw:?}"));
                        let (c, w) = cw.split_once(':').ok_or_else(bad)?;
                        let w: f32 = w
                            .parse()
                            .ok()
                            .filter(|w: &f32| w.is_finite())
                            .ok_or_else(bad)?;
                        row.push((class(c)?, w));
                    }
                    let key = line.rsplit_once('\t').map_or("", |(k, _)| k);
                    tg.weights.push(feat_hash(t, a, b), t, key, &row);
                }
            }
        }
        let mut tagger =
            tagger.ok_or_else(|| TaggerError::new(0, "missing header or classes line"))?;
        let n = tagger.classes.len();
        tagger
            .weights
            .finish(n)
            .map_err(|k| TaggerError::new(0, format!("duplicate feature {k:?}")))?;
        Ok(tagger)
    }
}

type WordTagCounts = HashMap<String, HashMap<u16, u32>>;

/// Tags below this share of a word's occurrences are left out of its class.
const LEX_SHARE: f64 = 0.1;

/// Builds the ambiguity-class lexicon from `total` counts minus `held_out` ones.
fn build_lexicon(
    total: &WordTagCounts,
    held_out: Option<&WordTagCounts>,
    classes: &[String],
    interner: &mut Interner,
) -> Lexicon {
    let mut list: Vec<(String, String)> = total
        .iter()
        .filter_map(|(w, tc)| {
            let ho = held_out.and_then(|h| h.get(w));
            let counts: Vec<(u16, u32)> = tc
                .iter()
                .map(|(&c, &m)| (c, m - ho.and_then(|h| h.get(&c)).copied().unwrap_or(0)))
                .filter(|&(_, m)| m > 0)
                .collect();
            let n: u32 = counts.iter().map(|&(_, m)| m).sum();
            if n == 0 {
                return None;
            }
            let mut tags: Vec<&str> = counts
                .iter()
                .filter(|&&(_, m)| m as f64 >= LEX_SHARE * n as f64)
                .map(|&(c, _)| classes[c as usize].as_str())
                .collect();
            tags.sort();
            Some((w.clone(), tags.join("|")))
        })
        .collect();
    list.sort();
    let mut map = IdMap::default();
    for (w, a) in &list {
        map.insert(hash_str(w), intern(&mut Some(&mut *interner), a));
    }
    Lexicon {
        map,
        list,
        unk: hash_str(UNK),
    }
}

/// Lowercased normalised word, exactly as `token_ctx` computes it.
fn lower_norm(w: &str) -> String {
    normalize(w).chars().flat_map(char::to_lowercase).collect()
}

/// Splits a class label `XPOS/UPOS` (at the last `/`); a label without one
/// gets [`default_upos`].
fn split_label(label: &str) -> (String, String) {
    match label.rsplit_once('/') {
        Some((x, u)) if !x.is_empty() && !u.is_empty() => (x.to_string(), u.to_string()),
        _ => (label.to_string(), default_upos(label).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    /// Parses `"word/TAG word/TAG ..."`.
    fn sent(s: &str) -> TrainSentence {
        s.split(' ')
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').unwrap();
                (w.to_string(), t.to_string())
            })
            .unzip()
    }

    fn toy() -> Vec<TrainSentence> {
        [
            "the/DT dog/NN barks/VBZ ./.",
            "a/DT cat/NN sleeps/VBZ ./.",
            "the/DT dog/NN saw/VBD a/DT cat/NN ./.",
            "she/PRP saw/VBD the/DT dog/NN ./.",
            "he/PRP walks/VBZ ./.",
            "the/DT cats/NNS walk/VBP ./.",
            "she/PRP likes/VBZ the/DT walks/NNS ./.",
            "dogs/NNS like/VBP long/JJ walks/NNS ./.",
            "the/DT old/JJ cat/NN walked/VBD home/RB ./.",
        ]
        .iter()
        .map(|s| sent(s))
        .collect()
    }

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    #[test]
    fn learns_toy_data() {
        let data = toy();
        let t = Tagger::train(&data, 20, 7);
        for (w, tags) in &data {
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            assert_eq!(t.tag(&w), *tags);
        }
        // New combinations of known words.
        assert_eq!(t.tag(&words("a dog barks .")), ["DT", "NN", "VBZ", "."]);
        assert_eq!(
            t.tag(&words("she saw the cats .")),
            ["PRP", "VBD", "DT", "NNS", "."]
        );
        // Without UPOS in training, UPOS is the default mapping.
        assert_eq!(
            t.tag_upos(&words("he walks")),
            [("PRP", "PRON"), ("VBZ", "VERB")]
        );
        assert!(t.tag(&[]).is_empty());
        assert_eq!(t.tag(&[""]).len(), 1);
    }

    #[test]
    fn learns_joint_upos() {
        let data: Vec<JointSentence> = [
            "she/PRP/PRON has/VBZ/AUX left/VBN/VERB ./././PUNCT",
            "she/PRP/PRON has/VBZ/VERB cats/NNS/NOUN ./././PUNCT",
            "he/PRP/PRON has/VBZ/AUX seen/VBN/VERB dogs/NNS/NOUN ./././PUNCT",
            "he/PRP/PRON has/VBZ/VERB dogs/NNS/NOUN ./././PUNCT",
        ]
        .iter()
        .map(|s| {
            let mut out = (Vec::new(), Vec::new(), Vec::new());
            for t in s.split(' ') {
                let mut it = t.rsplitn(3, '/');
                let (u, x, w) = (it.next(), it.next(), it.next());
                out.0.push(w.unwrap().to_string());
                out.1.push(x.unwrap().to_string());
                out.2.push(u.unwrap().to_string());
            }
            out
        })
        .collect();
        // Repeated so that every word is known in every jackknife fold.
        let data: Vec<JointSentence> = data.iter().cycle().take(20).cloned().collect();
        let t = Tagger::train_joint(&data, 10, 1);
        for (w, x, u) in &data {
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            let got = t.tag_upos(&w);
            let want: Vec<(&str, &str)> = x
                .iter()
                .zip(u)
                .map(|(x, u)| (x.as_str(), u.as_str()))
                .collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn training_is_deterministic() {
        let a = Tagger::train(&toy(), 5, 3).to_model_string();
        let b = Tagger::train(&toy(), 5, 3).to_model_string();
        assert_eq!(a, b);
    }

    #[test]
    fn round_trip_gives_identical_tags() {
        let mut data = toy();
        // Words that need escaping (or look like comments/sections) in the file.
        let odd = ["a b", "x\ty", "back\\slash", "#tag", "@user", "."];
        let odd_tags = ["DT", "NN", "VBZ", "NN", "NN", "."];
        data.push((
            odd.iter().map(|w| w.to_string()).collect(),
            odd_tags.iter().map(|t| t.to_string()).collect(),
        ));
        let mut t = Tagger::train(&data, 8, 11);
        for pruned in [false, true] {
            if pruned {
                t.prune(0.2, 0.1);
            }
            let text = t.to_model_string_with_header("test model\nsecond line");
            let r = Tagger::from_model_str(&text).unwrap();
            assert_eq!(
                r.to_model_string_with_header("test model\nsecond line"),
                text
            );
            assert_eq!(r.size(), t.size());
            for s in data.iter().map(|(w, _)| w).chain([&vec![
                "unseen".to_string(),
                "a b".to_string(),
                "x\ty".to_string(),
            ]]) {
                let w: Vec<&str> = s.iter().map(String::as_str).collect();
                assert_eq!(r.tag_upos(&w), t.tag_upos(&w));
            }
        }
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize("Trump\u{2019}s"), "Trump's");
        assert_eq!(normalize("\u{2019}s"), normalize("'s"));
        assert_eq!(normalize("n\u{2019}t"), "n't");
        assert_eq!(normalize("\u{201C}"), "\"");
        assert_eq!(normalize("\u{201D}"), "\"");
        assert_eq!(normalize("``"), "\"");
        assert_eq!(normalize("''"), "\"");
        assert_eq!(normalize("1,234.5"), "0,000.0");
        assert_eq!(normalize("\u{2014}"), "--");
        assert_eq!(normalize("\u{2026}"), "...");
        assert_eq!(lower_norm("ÉTÉ\u{2019}S"), "été's");
        let mut sh = String::new();
        shape_into("McDonald's", &mut sh);
        assert_eq!(sh, "XxXxx'x");
        sh.clear();
        shape_into("U.S.", &mut sh);
        assert_eq!(sh, "X.X.");
        assert_eq!(&"héllo"[suffix_start("héllo", 4)..], "éllo");
        assert_eq!(&"héllo"[..prefix_end("héllo", 2)], "hé");
        assert_eq!(&"ab"[suffix_start("ab", 3)..], "ab");
    }

    #[test]
    fn model_errors() {
        let e = Tagger::from_model_str("hello\n").err().unwrap();
        assert_eq!(e.line, 1);
        assert!(e.to_string().contains("line 1"), "{e}");
        let good = Tagger::train(&toy(), 2, 1).to_model_string();
        assert!(Tagger::from_model_str(&good).is_ok());
        let bad = [
            good.replacen("postagger-model 1", "postagger-model 9", 1),
            good.replacen("@f w\n", "@f nope\n", 1),
            good.replacen("@dict\n", "@dict\nword\t999\n", 1),
            good.replacen("@f w\n", "@f w\nx\t0:abc\n", 1),
            good.replacen("@f w\n", "@f w\nx\ty\t0:1\n", 1),
            good.replacen("@f w\n", "@f w\nbad\\q\t0:1\n", 1),
            "postagger-model 1\n".to_string(),
            String::new(),
        ];
        for b in &bad {
            let e = Tagger::from_model_str(b).err().expect("should fail");
            let _: &dyn std::error::Error = &e;
            assert!(!e.to_string().is_empty());
        }
    }

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
        check::<TaggerError>();
    }

    /// The shipped model (trained by `train_tagger` on UD English EWT).
    fn ewt() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| {
            Tagger::from_model_str(include_str!("../models/tagger-ewt.model"))
                .expect("model parses")
        })
    }

    #[test]
    fn ewt_model_tags_news_sentences() {
        let t = ewt();
        assert_eq!(
            t.tag(&words("Officials said the plan was dead .")),
            ["NNS", "VBD", "DT", "NN", "VBD", "JJ", "."]
        );
        assert_eq!(
            t.tag(&words(
                "He has been accused of lying to Congress , a spokesman said ."
            )),
            ["PRP", "VBZ", "VBN", "VBN", "IN", "VBG", "IN", "NNP", ",", "DT", "NN", "VBD", "."]
        );
        // The shipped model is trained on XPOS alone (`--xpos-only`).
        assert_eq!(
            t.tag(&words("She will not back down .")),
            ["PRP", "MD", "RB", "VB", "RP", "."]
        );
    }

    #[test]
    fn ewt_model_handles_curly_quotes() {
        let t = ewt();
        let straight = t.tag(&words("Trump 's lawyer said he did n't know ."));
        let curly = t.tag(&words(
            "Trump \u{2019}s lawyer said he did n\u{2019}t know .",
        ));
        assert_eq!(
            straight,
            ["NNP", "POS", "NN", "VBD", "PRP", "VBD", "RB", "VB", "."]
        );
        assert_eq!(curly, straight);
        assert_eq!(
            t.tag(&words("\u{201C} We will win , \u{201D} she said .")),
            ["``", "PRP", "MD", "VB", ",", "''", "PRP", "VBD", "."]
        );
        assert_eq!(
            t.tag(&words("`` We will win , '' she said .")),
            ["``", "PRP", "MD", "VB", ",", "''", "PRP", "VBD", "."]
        );
    }

    #[test]
    fn tag_history_templates_are_the_previous_tags() {
        let t = ewt();
        let k = t.consts();
        let mut ctx = Vec::new();
        sentence_ctx(&words("They said so ."), &mut None, &t.lex, &mut ctx);
        let mut h = Hist::new(&k);
        for i in 2..ctx.len() - 2 {
            let parts = feature_parts(&k, &ctx, i, &h);
            let (c1, c2) = (history_hash(&k, h.c1), history_hash(&k, h.c2));
            assert_eq!(parts[TAG_HISTORY[0]], (c1, 0));
            assert_eq!(parts[TAG_HISTORY[1]], (c2, c1));
            h.push(&k, i, i % t.classes.len());
        }
        assert_eq!(TEMPLATES[TAG_HISTORY[0]].0, "t-1");
        assert_eq!(TEMPLATES[TAG_HISTORY[1]].0, "t-2t-1");
    }

    #[test]
    fn single_token_templates_depend_on_their_token_alone() {
        let t = ewt();
        let k = t.consts();
        let mut ctx = Vec::new();
        let w = words("Officials said the U.S. plan , worth $ 3.5 million , was dead .");
        sentence_ctx(&w, &mut None, &t.lex, &mut ctx);
        let mut h = Hist::new(&k);
        for i in 2..ctx.len() - 2 {
            let got = features(&k, &ctx, i, &h, None);
            for (tpl, off) in SINGLE_TOKEN.iter().enumerate() {
                let Some(off) = *off else { continue };
                let alone = features(
                    &k,
                    &[ctx[i.wrapping_add_signed(off)]; 5],
                    2,
                    &Hist::new(&k),
                    None,
                );
                assert_eq!(got[tpl], alone[tpl], "template {}", TEMPLATES[tpl].0);
            }
            h.push(&k, i, i % t.classes.len());
        }
    }

    #[test]
    fn cached_tagging_matches_uncached() {
        let sentences = [
            "Officials said the plan was dead .",
            "\u{201C} We will win , \u{201D} she said , and the plan was dead .",
            "The Zorblax said the zorblax Zorblaxes would zorblax the ZORBLAX in 1998 .",
            "",
            "said",
            "He has been accused of lying to Congress , a spokesman said .",
        ];
        let toy = Tagger::train(&toy(), 3, 1);
        let mut cache = WordCache::default();
        for round in 0..2 {
            for s in sentences {
                let w: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
                let want = ewt().tag_ids_uncached(&w);
                assert_eq!(ewt().tag_ids_cached(&w, &mut cache), want, "{s}");
                // A sentence tagged by another model in between empties the cache.
                assert_eq!(
                    toy.tag_ids_cached(&w, &mut cache),
                    toy.tag_ids_uncached(&w),
                    "{s} (round {round})"
                );
            }
        }
        // A sentence longer than the cache holds.
        let long: Vec<String> = (0..CACHE_WORDS + 10).map(|i| format!("w{i}")).collect();
        let long: Vec<&str> = long.iter().map(String::as_str).collect();
        assert_eq!(
            ewt().tag_ids_cached(&long, &mut cache),
            ewt().tag_ids_uncached(&long)
        );
    }

    #[test]
    fn ewt_model_round_trips() {
        let t = ewt();
        let r = Tagger::from_model_str(&t.to_model_string()).unwrap();
        let s = words("The company , founded in 1998 , reported a loss of $ 3.5 million .");
        assert_eq!(r.tag_upos(&s), t.tag_upos(&s));
        assert_eq!(r.to_model_string(), t.to_model_string());
    }
}
