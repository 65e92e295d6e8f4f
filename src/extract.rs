//! Finds attributions inside sentences: who (mention), through which words
//! (cue), says what (content).
//!
//! The patterns are the frames of news writing, tried around each cue found
//! outside quotation marks:
//!
//! | rule | shape |
//! |---|---|
//! | `according_to` | "According to X, Y" / "Y, according to X" |
//! | `quote_cue_source` | `"Q," X said` / `"Q," said X, a spokesman` (and `"A," he said, "B"`; and `"Q!" X said.` split by the segmenter) |
//! | `trailing_cue` | `Y, X said.` / `Y, X said, Z` |
//! | `source_cue_quote` | `X said: "Q"` / `X said Wednesday, "Q"` |
//! | `source_cue_colon` | `X said:` closing a sentence; the next sentence is the content |
//! | `source_cue_that` | `X said (on Friday) (that) Y` / `X told Z (that) Y` |
//! | `source_cue_infinitive` | `X vowed to Y` (intention verbs) |
//! | `source_cue_object` | `X expressed Y`, `X called for Y` |
//! | `message_act` | `X issued a statement Monday saying Y`, `X sent an email to supporters urging Y` (the cue runs from the verb to the participle) |
//! | `source_cue_citing` | `Reuters reported, citing officials, that Y` (via) |
//! | `naming_quote` / `naming_object` | `which X called "Q"` / `X called him a liar` |
//! | `as_source_cue` | `As X informed earlier, Y` |
//! | `as_reported_by` | `As reported by X, Y` / `Y, as first reported by X` |
//! | `passive_with_agent` | `Y was first reported by X`, `Y was criticized by X for Z` (the subject, and what it is judged for or as, is the content) |
//! | `colon_layout` | `Bill Clinton: Hillary thinks …` |
//! | `raising_sourceless` | `X seemed to Y` (no source; content is X and Y) |
//! | `passive_sourceless` | `X is expected to Y`, `It was reported that Y`, `X was criticized for Y` |
//! | `hearsay_adverb` | `X is reportedly doing Y` (no source; the content is the clause) |
//! | `asked_sourceless` | `when asked whether Y`, `Asked about Y, …`, `X was asked about Y` |
//! | `asked_by` | `when asked by a reporter whether Y` (the one asking is the source) |
//! | `sourcing` | `X reports on it, referring to A and B` (the article's own sourcing) |
//! | `in_poll` | `Y in a Marist poll released Monday` / `In a CNN survey, Y` / `In exit polls, Y` |
//! | `fronted_participle` | `Noting that Y, X said …` / `After claiming Y, X left` (the subject follows the participle's clause) |
//! | `parsed_frame` | a cue verb whose patterns all fail: its subject and complement in the dependency parse ([`crate::syntax`]) |
//!
//! Subjects are found before the cue (with appositives, parentheses and
//! relative pronouns: "Smith, who said"), after it ("said Smith"), or for
//! participles and coordinated verbs at the start of the sentence ("X did
//! Y, saying Z"). A quotation carries on over the following sentences that
//! are all quotation.
//!
//! Nothing here knows about SQL or about other articles.

use crate::lexicon::{lower, CueVerb, Lexicon, PhraseFrame, VerbClass};
use crate::model::{AttributionKind, Extraction, Sentence, SourcingStatement, Span};
use crate::token::{is_double_quote, tokenize, Token, TokenKind};

/// What the extractor found in one sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceReading {
    /// Attributions, in the order of their cues.
    pub extractions: Vec<Extraction>,
    /// Set when the sentence states the article's own sourcing.
    pub sourcing: Option<SourcingStatement>,
    /// True when the whole sentence is content of an attribution found in a
    /// neighbouring sentence (a quotation running on, or one whose speaker
    /// follows in the next sentence).
    pub continues_previous: bool,
    /// Part of the sentence stated in the article's own voice beside an
    /// attribution ("Both are under sanctions, which X called “illegal.”").
    pub own_voice: Option<Span>,
}

/// Reads every sentence of an article. Sentences are read one by one; the
/// only rules that look across sentences carry a quotation on: a sentence
/// that is all quotation, after a quoted speaker (in the same paragraph, or
/// in the next one when the quotation was left open), belongs to that
/// speaker's content, and so does the sentence after "X said:".
///
/// `tokens` holds each sentence's tokens (see [`crate::token::tokenize`]).
pub fn extract(text: &str, sentences: &[Sentence], tokens: &[Vec<Token>]) -> Vec<SentenceReading> {
    let mut readings: Vec<SentenceReading> = Vec::with_capacity(sentences.len());
    // The attribution a following sentence may carry on: (reading, extraction).
    let mut open: Option<(usize, usize)> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        let toks = &tokens[index];
        let mut reading = read_sentence(text, index, toks, sentence.is_title);
        if reading.extractions.is_empty() && reading.sourcing.is_none() && !sentence.is_title {
            if let Some((r, x)) = open {
                let same_paragraph = sentences[index - 1].paragraph == sentence.paragraph;
                let owner = &mut readings[r].extractions[x];
                let room = owner.content.len() < MAX_FRAGMENTS;
                let carried = room
                    .then(|| running_quote(text, toks, owner, same_paragraph))
                    .flatten();
                if let Some(fragment) = carried {
                    if owner.content.is_empty() && is_quotation(text, fragment) {
                        owner.kind = AttributionKind::DirectQuote;
                    }
                    owner.content.push(fragment);
                    reading.continues_previous = true;
                }
            }
        }
        // `"We won!" Trump said.`: a quotation ending in "!" or "?" closes its
        // sentence, and the next one is just the speaker and the cue (what
        // follows a comma after the cue is the writer's: `"…!" Trump said, a
        // point he likes to make`, read alone as the cue's content).
        let bare_cue_only = reading.extractions.len() == 1
            && reading.extractions[0]
                .content
                .iter()
                .all(|c| !is_quotation(text, *c));
        if (reading.extractions.is_empty() || bare_cue_only)
            && reading.sourcing.is_none()
            && index > 0
        {
            let prev = &readings[index - 1];
            let same_paragraph = sentences[index - 1].paragraph == sentence.paragraph;
            // (Only a sentence opening with a quotation mark can be one
            // whole quotation: no need to read others again.)
            let opens_with_quote = tokens[index - 1]
                .first()
                .is_some_and(|t| t.kind == TokenKind::Quote);
            if same_paragraph
                && opens_with_quote
                && prev.extractions.is_empty()
                && !prev.continues_previous
                && !sentences[index - 1].is_title
            {
                let prev_view = SentenceView::new(text, index - 1, &tokens[index - 1]);
                let quote = prev_view.whole_quotation();
                let found =
                    quote.and_then(|_| SentenceView::new(text, index, toks).bare_frame(index));
                let same_cue =
                    |found: &Extraction| reading.extractions.iter().all(|e| e.cue == found.cue);
                if let (Some(quote), Some(found)) = (quote, found.filter(same_cue)) {
                    let mut found = found;
                    found.content = vec![quote];
                    found.kind = AttributionKind::DirectQuote;
                    reading.extractions = vec![found];
                    readings[index - 1].continues_previous = true;
                }
            }
        }
        // The last quoted attribution may carry on even when a participle
        // clause follows it (`"A," Trump said, referring to Cruz. "B."`).
        // (Into the next paragraph only when the quotation was left open:
        // measured on PolNeAR, carrying a closed one over a paragraph break
        // gains content overlap but loses as many relations as it wins.)
        if !reading.continues_previous {
            open = reading
                .extractions
                .iter()
                .rposition(|e| {
                    e.content.is_empty() || e.content.iter().any(|c| is_quotation(text, *c))
                })
                .map(|x| (index, x));
        }
        readings.push(reading);
    }
    // "X said:" with nothing after it is no attribution.
    for reading in &mut readings {
        reading.extractions.retain(|e| !e.content.is_empty());
    }
    readings
}

/// True when `span` starts and ends with quotation marks.
fn is_quotation(text: &str, span: Span) -> bool {
    let t = span.text(text);
    t.starts_with(|c: char| is_double_quote(c) || c == '\'' || c == '`')
        && t.ends_with(|c: char| is_double_quote(c) || c == '\'')
}

/// The part of the sentence at `span` that carries on `owner`'s content, if
/// it does: the whole sentence after "X said:", or a quotation opening the
/// sentence right after a quoted speaker.
fn running_quote(
    text: &str,
    toks: &[Token],
    owner: &Extraction,
    same_paragraph: bool,
) -> Option<Span> {
    let view = SentenceView::new(text, 0, toks);
    let last = view.last_content_token()?;
    if owner.content.is_empty() {
        return Some(view.cover(0, last));
    }
    let left_open = owner
        .content
        .last()
        .is_some_and(|c| !is_quotation(text, *c));
    if !(same_paragraph || left_open) {
        return None;
    }
    let (open, close) = view.quote_opening_at(0)?;
    Some(view.cover(open, close.max(last).min(view.len() - 1)))
}

/// Reads one sentence (`span` of `text`; `index` is stored in the results).
pub fn extract_sentence(text: &str, index: usize, span: Span) -> SentenceReading {
    read_sentence(text, index, &tokenize(text, span), false)
}

/// Reads one sentence from its tokens.
fn read_sentence(text: &str, index: usize, toks: &[Token], title: bool) -> SentenceReading {
    let mut reading = read_frames(text, index, toks, title, true);
    read_nested(text, index, toks, &mut reading, 0);
    reading
}

/// Tries the frames around every cue of `toks`; `whole` is false for a
/// content read as a sentence of its own, where the layouts that only open a
/// sentence (sourcing statements, "Name: …") do not apply.
fn read_frames(
    text: &str,
    index: usize,
    toks: &[Token],
    title: bool,
    whole: bool,
) -> SentenceReading {
    let mut view = SentenceView::new(text, index, toks);
    view.title = title;
    view.parse_fallback = whole && !title;
    if whole {
        if let Some(sourcing) = view.sourcing() {
            return SentenceReading {
                sourcing: Some(sourcing),
                ..SentenceReading::default()
            };
        }
    }
    let mut reading = SentenceReading::default();
    let mut contents = Contents::default();
    if let Some(found) = view.colon_layout().filter(|_| whole) {
        contents.add(&found.content);
        view.claim(&found);
        reading.extractions.push(found);
    }
    for i in 0..view.toks.len() {
        if reading.extractions.len() >= MAX_ATTRIBUTIONS_PER_SENTENCE {
            break;
        }
        if view.claimed[i] || view.quote_of(i).is_some() {
            continue;
        }
        // The article's own words beside this cue's attribution ("Both are
        // under sanctions, which X called …"); kept only with the attribution.
        let mut own_voice = None;
        let mut verb_cue = false;
        let found = match view.phrase_at(i) {
            Some((len, PhraseFrame::AccordingTo)) => view.according_to(i, len),
            Some((_, PhraseFrame::Hearsay)) => view.hearsay_adverb(i),
            _ if view.word(i) == "in" => view.in_poll(i),
            _ => {
                let framed = match view.message_act(i) {
                    Some(found) => Some(found),
                    None => view.cue_verb_at(i).and_then(|verb| {
                        verb_cue = true;
                        view.verb_frames(i, verb, &mut own_voice)
                            .or_else(|| view.parsed_frame(i, verb.class))
                    }),
                };
                framed.map(|mut e| {
                    e.cue_aux = view.aux_before(i);
                    view.extend_cue_tail(&mut e);
                    e
                })
            }
        };
        // Outside quotations, "you" is the generic reader ("you know, …"),
        // not a source: right a quarter of the time on PolNeAR.
        let found = found.filter(|e| {
            e.mention
                .is_none_or(|m| !m.text(text).eq_ignore_ascii_case("you"))
        });
        if let Some(mut extraction) = found {
            extraction.antecedent = view.relative_antecedent(&extraction);
            view.end_at_relative_clause(&mut extraction);
            // "X said Y, adding Z": a participle right after a content
            // hangs from the one who said it.
            let owner = verb_cue
                .then(|| view.participle_after_content(i, &reading.extractions))
                .flatten();
            if let Some(owner) = owner {
                extraction.mention = owner.mention;
                extraction.antecedent = owner.antecedent;
            }
            // Contents nest or stay apart: one that would cross the edge of a
            // content already read here means the two frames disagree on
            // where a statement ends, and the one read first is kept.
            let own: Vec<Span> = own_voice.into_iter().collect();
            if contents.crosses(&extraction.content)
                || contents.crosses(&own)
                || contents.too_deep(&extraction.content)
                || contents.too_deep(&own)
            {
                continue;
            }
            contents.add(&extraction.content);
            contents.add(&own);
            if own_voice.is_some() {
                reading.own_voice = own_voice;
            }
            view.claim(&extraction);
            reading.extractions.push(extraction);
        }
    }
    // Read last: its subject may be another cue's too ("Warning that …,
    // Bolton said …").
    if whole && reading.extractions.len() < MAX_ATTRIBUTIONS_PER_SENTENCE {
        if let Some(found) = view.fronted_participle() {
            if !contents.crosses(&found.content) && !contents.too_deep(&found.content) {
                view.claim(&found);
                reading.extractions.push(found);
            }
        }
    }
    reading
}

/// First and last token of the subtree under token `root` (projective
/// parses keep it contiguous).
fn subtree(parse: &crate::parser::ParsedSentence, root: usize) -> (usize, usize) {
    // Children lists built once: asking the parse for each node's children
    // scans every head, quadratic on a long sentence.
    let mut children = vec![Vec::new(); parse.len()];
    for (dependent, head) in parse.heads().iter().enumerate() {
        if let Some(h) = *head {
            children[h].push(dependent);
        }
    }
    let (mut lo, mut hi) = (root, root);
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        lo = lo.min(n);
        hi = hi.max(n);
        stack.extend_from_slice(&children[n]);
    }
    (lo, hi)
}

/// True when the attribution's cue is a verb of speech or writing, or an
/// act of publishing a message ("issued a statement saying").
fn reports_speech(text: &str, extraction: &Extraction) -> bool {
    let lex = Lexicon::get();
    extraction.rule == "message_act"
        || extraction.cue.first().is_some_and(|c| {
            let words = c.text(text);
            let first = words.split_whitespace().next().unwrap_or("");
            lex.cue_verb(&lower(first))
                .is_some_and(|v| v.class == VerbClass::Speech)
        })
}

/// How many tokens a dashed aside around a cue may span on either side.
const ASIDE_REACH: usize = 40;

/// How many tokens back a participle's clause subject, or the start of a
/// cue's clause, is looked for.
const CLAUSE_REACH: usize = 60;

/// How many tokens after a cue the frame that ends its content (", X
/// said", ", according to X") is looked for. Without a reach, each cue of a
/// sentence scanned the rest of it, quadratic in a long sentence of cues
/// ("Bob said, - : " run on); the longest PolNeAR sentence has 296 tokens.
const CONTENT_REACH: usize = 320;

/// How deep attributions are looked for inside other attributions' contents
/// ("X said they believed Y" holds two).
const MAX_NESTING: usize = 2;

/// Most contents of one sentence that may hold the same byte: a content
/// held by this many already is not taken. Contents nest or stay apart, so
/// a sentence's stored content text is at most this many times its length;
/// `Bob said "Ann said “Joe said ‘…` (each cue's content running to the end)
/// stored a claim text per cue, quadratic: 256 KB of it made a database of
/// 800 MB. PolNeAR never holds more than 3.
pub const MAX_CONTENT_DEPTH: usize = 6;

/// Most attributions read in one sentence (nested ones included); later
/// cues are not read. PolNeAR has at most 4 in a sentence.
pub const MAX_ATTRIBUTIONS_PER_SENTENCE: usize = 24;

/// Most fragments of one content: a quotation running on over more
/// sentences than this stops carrying on, and the next sentences are read
/// by themselves. PolNeAR's contents have at most 3.
pub const MAX_FRAGMENTS: usize = 16;

/// Reads the contents of the attributions found so far as sentences of their
/// own, so that a report inside a report is found too ("Officials said they
/// believed Russia did it": "they" believed "Russia did it").
fn read_nested(
    text: &str,
    index: usize,
    toks: &[Token],
    reading: &mut SentenceReading,
    depth: usize,
) {
    if depth >= MAX_NESTING {
        return;
    }
    let mut inner: Vec<Extraction> = Vec::new();
    // Contents read so far, so that reports found inside two different
    // contents never disagree on where a statement ends.
    let mut contents = Contents::default();
    for e in &reading.extractions {
        contents.add(&e.content);
    }
    for extraction in &reading.extractions {
        for fragment in &extraction.content {
            if reading.extractions.len() + inner.len() >= MAX_ATTRIBUTIONS_PER_SENTENCE {
                break;
            }
            // A quotation is all quoted tokens, where no cue is looked for.
            if is_quotation(text, *fragment) {
                continue;
            }
            let first = toks.partition_point(|t| t.span.start < fragment.start);
            let end = toks.partition_point(|t| t.span.end <= fragment.end);
            if end <= first + 2 {
                continue;
            }
            let mut nested = read_frames(text, index, &toks[first..end], false, false);
            read_nested(text, index, &toks[first..end], &mut nested, depth + 1);
            // Inside a report, the linguists annotate further reports of
            // speech, and hardly ever beliefs and intentions ("they said
            // they believed …" is one attribution): measured on PolNeAR.
            for e in nested.extractions {
                // A cue read already in the sentence ("X said Y, CNN reported"
                // holds "X said Y") is not read twice.
                let known = reading
                    .extractions
                    .iter()
                    .chain(&inner)
                    .any(|o| o.cue == e.cue);
                let room = reading.extractions.len() + inner.len() < MAX_ATTRIBUTIONS_PER_SENTENCE;
                if room
                    && reports_speech(text, &e)
                    && !known
                    && !contents.crosses(&e.content)
                    && !contents.too_deep(&e.content)
                {
                    contents.add(&e.content);
                    inner.push(e);
                }
            }
        }
    }
    if !inner.is_empty() {
        reading.extractions.extend(inner);
        reading
            .extractions
            .sort_by_key(|e| e.cue.first().map_or(usize::MAX, |c| c.start));
    }
}

/// The content fragments read so far in one sentence, sorted by start and
/// by end, to tell in logarithmic time (plus the fragments inside) whether a
/// new fragment would cross one of them.
#[derive(Default)]
struct Contents {
    by_start: Vec<Span>,
    by_end: Vec<Span>,
}

impl Contents {
    /// True when a fragment of `new` partly overlaps a fragment already
    /// read: one of its ends lies strictly inside the new one and the other
    /// outside (overlapping without either holding the other).
    fn crosses(&self, new: &[Span]) -> bool {
        new.iter().any(|c| {
            let from = self.by_start.partition_point(|o| o.start <= c.start);
            let starts_inside = self.by_start[from..]
                .iter()
                .take_while(|o| o.start < c.end)
                .any(|o| o.end > c.end);
            let from = self.by_end.partition_point(|o| o.end <= c.start);
            let ends_inside = self.by_end[from..]
                .iter()
                .take_while(|o| o.end < c.end)
                .any(|o| o.start < c.start);
            starts_inside || ends_inside
        })
    }

    /// True when taking `new` would leave some byte inside more than
    /// [`MAX_CONTENT_DEPTH`] fragments. (Call it on fragments that cross
    /// none: the fragments then nest, and the deepest point inside a new one
    /// is its start or the start of a fragment it holds. There are at most
    /// a few dozen fragments in a sentence; counting them all is cheap.)
    fn too_deep(&self, new: &[Span]) -> bool {
        let holding = |p: usize| {
            self.by_start
                .iter()
                .take_while(|o| o.start <= p)
                .filter(|o| p < o.end)
                .count()
        };
        new.iter().any(|c| {
            std::iter::once(c.start)
                .chain(
                    self.by_start
                        .iter()
                        .map(|o| o.start)
                        .filter(|&p| c.start < p && p < c.end),
                )
                .any(|p| holding(p) >= MAX_CONTENT_DEPTH)
        })
    }

    /// Records the fragments of an attribution taken.
    fn add(&mut self, fragments: &[Span]) {
        for &f in fragments {
            let at = self.by_start.partition_point(|o| o.start <= f.start);
            self.by_start.insert(at, f);
            let at = self.by_end.partition_point(|o| o.end <= f.end);
            self.by_end.insert(at, f);
        }
    }
}

/// Tokens of one sentence with what the patterns ask of them.
struct SentenceView<'a> {
    text: &'a str,
    index: usize,
    toks: &'a [Token],
    /// The tokens' words in lower case, end to end (one buffer a sentence,
    /// not one a capitalised word), and where each lies in it.
    lowered: String,
    lowered_spans: Vec<(u32, u32)>,
    /// Quotations as (opening mark, closing mark) token indices, inclusive;
    /// they never overlap.
    regions: Vec<(usize, usize)>,
    /// For each token, the index in `regions` of the quotation holding it, so
    /// that the many "is this quoted?" questions cost nothing on long sentences.
    quote_at: Vec<Option<usize>>,
    /// Tokens already part of an attribution.
    claimed: Vec<bool>,
    /// For each attribution taken, its first and last token: a later frame
    /// may hold a whole attribution ("X said Y, CNN reported") but not part
    /// of one.
    taken: Vec<(usize, usize)>,
    /// The dependency parse, made only when a cue's frames all fail.
    parse: std::cell::OnceCell<crate::parser::ParsedSentence<'static>>,
    /// True when a failed cue may fall back on the parse (whole sentences only).
    parse_fallback: bool,
    /// True for a title line, written in title case ("Beck Says Trump Is …").
    title: bool,
}

impl<'a> SentenceView<'a> {
    fn new(text: &'a str, index: usize, toks: &'a [Token]) -> Self {
        // A typographic apostrophe reads as a plain one, so the lexicons'
        // "n't" and "'s" also match "n’t" and "’s".
        let mut lowered = String::with_capacity(
            toks.last().map_or(0, |t| t.span.end) - toks.first().map_or(0, |t| t.span.start),
        );
        let mut lowered_spans = Vec::with_capacity(toks.len());
        for t in toks {
            let w = t.text(text);
            let start = lowered.len();
            if w.is_ascii() {
                lowered.push_str(w);
                lowered[start..].make_ascii_lowercase();
            } else {
                let w = lower(w);
                if w.contains('’') {
                    lowered.push_str(&w.replace('’', "'"));
                } else {
                    lowered.push_str(&w);
                }
            }
            lowered_spans.push((start as u32, lowered.len() as u32));
        }
        let regions = quote_regions(text, toks);
        let mut quote_at = vec![None; toks.len()];
        for (r, &(open, close)) in regions.iter().enumerate() {
            for slot in &mut quote_at[open..=close.min(toks.len().saturating_sub(1))] {
                *slot = Some(r);
            }
        }
        let claimed = vec![false; toks.len()];
        SentenceView {
            text,
            index,
            toks,
            lowered,
            lowered_spans,
            regions,
            quote_at,
            claimed,
            taken: Vec::new(),
            parse: std::cell::OnceCell::new(),
            parse_fallback: false,
            title: false,
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn word(&self, i: usize) -> &str {
        self.lowered_spans.get(i).map_or("", |&(start, end)| {
            &self.lowered[start as usize..end as usize]
        })
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.word(i) == p
    }

    fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Quote)
    }

    fn is_word(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| matches!(t.kind, TokenKind::Word | TokenKind::Clitic))
    }

    /// The quotation containing token `i` (marks included).
    fn quote_of(&self, i: usize) -> Option<(usize, usize)> {
        self.quote_at
            .get(i)
            .copied()
            .flatten()
            .map(|r| self.regions[r])
    }

    /// The quotation opening at token `i`.
    fn quote_opening_at(&self, i: usize) -> Option<(usize, usize)> {
        self.quote_of(i).filter(|&(o, _)| o == i)
    }

    /// The quotation whose closing mark is token `i`.
    fn quote_closing_at(&self, i: usize) -> Option<(usize, usize)> {
        self.quote_of(i).filter(|&(_, c)| c == i)
    }

    /// Byte span from the start of token `a` to the end of token `b`.
    fn cover(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b].span.end)
    }

    /// Index of the last token that is not sentence-final punctuation.
    fn last_content_token(&self) -> Option<usize> {
        let mut end = self.len().checked_sub(1)?;
        while end > 0
            && self.toks[end].kind == TokenKind::Punct
            && matches!(self.word(end), "." | "!" | "?" | "..." | "…" | ";" | ":")
        {
            end -= 1;
        }
        Some(end)
    }

    /// The multi-word cue phrase starting at token `i`, with its length.
    fn phrase_at(&self, i: usize) -> Option<(usize, PhraseFrame)> {
        let lex = Lexicon::get();
        if !lex.starts_phrase(self.word(i)) {
            return None;
        }
        lex.cue_phrases
            .iter()
            .find(|(words, _)| {
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.word(i + k) == w && self.quote_of(i + k).is_none())
            })
            .map(|(words, frame)| (words.len(), *frame))
    }

    /// The cue verb at token `i`, unless it is an infinitive after "to" or an
    /// adjectival participle.
    fn cue_verb_at(&self, i: usize) -> Option<&'static CueVerb> {
        if !self.is_word(i) {
            return None;
        }
        let word = self.text_of(i);
        // Verbs are lower case inside a sentence; a capital marks a name
        // ("Claims Court"), except in a title-case headline.
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if capital && i > 0 && !self.title {
            return None;
        }
        let verb = Lexicon::get().cue_verb(self.word(i))?;
        // After "to" it is an infinitive, a cue only when the verb governing it
        // is none ("He went on to say", "voters are more likely to say");
        // after a determiner or possessive it is a noun ("her views").
        if i > 0
            && (self.word(i - 1) == "to" && self.infinitive_governor(i, verb).is_none()
                || is_determiner(self.word(i - 1)) && !self.after_lone_determiner(i))
        {
            return None;
        }
        // The tagger tells "plans to"/"the plans" and "support Trump"/"his support".
        let tag = self.toks[i].tag;
        // Title case misleads the tagger: a headline's capitalised cue is trusted.
        if !(tag.is_empty()
            || self.toks[i].is_verb()
            || self.title && capital
            || Lexicon::get().verb_only_cues.contains(self.word(i))
            || self.present_verb_tagged_plural(i, verb)
            || self.participle_tagged_noun(i)
            || self.base_verb_tagged_noun(i))
        {
            return None;
        }
        if self.reduced_relative(i, verb) {
            return None;
        }
        // An -ing form needs "be", a comma or a conjunction before it: "a
        // gunman claiming allegiance" is a modifier, not an attribution.
        if tag == "VBG" && i > 0 {
            let mut p = i - 1;
            // ("is not saying", "was also saying")
            while p > 0 && (self.is_adverb(p) || self.toks[p].tag == "RB") {
                p -= 1;
            }
            // A progressive ("is saying", "They're arguing"; "'s" only
            // where it can be "is") or a participle clause.
            let w = self.word(p);
            let progressive = BE_FORMS.contains(&w)
                || matches!(w, "am" | "'re" | "'m")
                || w == "'s" && self.is_clause_word(p);
            let licensed = progressive
                || matches!(
                    w,
                    "," | "and" | "but" | "while" | "after" | "before" | "by" | "when"
                )
                || self.is_long_dash(p)
                || self.toks[p].kind == TokenKind::Quote
                || self.absolute_subject_before(p);
            if !licensed {
                return None;
            }
        }
        Some(verb)
    }

    /// True when the participle at `i` modifies the noun before it and the
    /// clause's verb comes after: "A poll released Sunday by ABC News shows
    /// …", "emails published this week showed …". The later verb is the
    /// cue; read as a verb itself, the participle would take that verb's
    /// content as its object. (A speech or belief verb in the past tense is
    /// left alone: "Officials said Tuesday the plan was dead".)
    fn reduced_relative(&self, i: usize, verb: &CueVerb) -> bool {
        let tag = self.toks[i].tag;
        let past_tense_ok = !matches!(verb.class, VerbClass::Speech | VerbClass::Belief);
        if i == 0 || !(tag == "VBN" || tag == "VBD" && past_tense_ok) {
            return false;
        }
        if !self.toks[i - 1].is_noun() {
            return false;
        }
        // The tagger reads "experts said money is needed" as a participle
        // too: a speech or belief participle modifies only with a phrase
        // after it ("the words said at the rally were").
        if !past_tense_ok && self.toks.get(i + 1).is_none_or(|t| t.tag != "IN") {
            return false;
        }
        // What may stand between: time phrases and prepositional phrases
        // ("Sunday by The Washington Post and ABC News", "this week").
        let end = (i + 1 + RELATIVE_REACH).min(self.len());
        for j in i + 1..end {
            let between = self.toks[j].is_noun()
                || matches!(
                    self.toks[j].tag,
                    "IN" | "DT" | "JJ" | "CD" | "CC" | "POS" | "PRP$" | "RB"
                );
            if self.toks[j].is_finite_verb() {
                return j > i + 1 || tag == "VBN";
            }
            if !between {
                return false;
            }
            if matches!(self.word(j), "that" | "and" | "or" | "but") {
                return false;
            }
        }
        false
    }

    /// True when a base-form cue verb the tagger read as a noun after a
    /// name or a plural ("Polls in New Hampshire show that …") opens a
    /// that-clause: a plural subject and "that" make it the verb.
    fn base_verb_tagged_noun(&self, i: usize) -> bool {
        if i == 0 || self.toks[i].tag != "NN" {
            return false;
        }
        if self.word(i + 1) == "that" {
            return matches!(self.toks[i - 1].tag, "NNS" | "NNPS" | "NNP");
        }
        // "Millennials support background checks", "40 percent support
        // Trump": a plural or a poll's share before, a noun phrase after
        // (not "for": "voters' support for"). A singular before makes a
        // compound ("voter support").
        let base = Lexicon::get()
            .cue_verb(self.word(i))
            .is_some_and(|v| v.lemma == self.word(i));
        let plural_before =
            matches!(self.toks[i - 1].tag, "NNS" | "NNPS") || self.word(i - 1) == "percent";
        let phrase_after = self.toks.get(i + 1).is_some_and(|t| {
            matches!(
                t.tag,
                "NNP" | "NNPS" | "NN" | "NNS" | "DT" | "PRP$" | "PRP" | "JJ" | "CD" | "VBG"
            )
        });
        base && plural_before && phrase_after
    }

    /// True for a cue in "-s" that the tagger read as a plural noun but that
    /// stands between a singular subject and what it reports: "the poll
    /// shows that …", "Sanders praises Obama" (news headlines and leads
    /// are full of these; the tagger, trained on web text, misses them).
    fn present_verb_tagged_plural(&self, i: usize, verb: &CueVerb) -> bool {
        if self.toks[i].tag != "NNS" || !self.word(i).ends_with('s') || i == 0 {
            return false;
        }
        let mut p = i - 1;
        while p > 0 && self.is_adverb(p) {
            p -= 1;
        }
        let singular_subject = matches!(self.toks[p].tag, "NN" | "NNP" | "PRP")
            && !matches!(
                self.word(p),
                "'s" | "’s" | "it's" | "i" | "you" | "we" | "they"
            );
        // "said in her opening remarks that": the phrase ending in the
        // plural is the object of a preposition or verb, not a subject.
        let mut q = p;
        while q > 0
            && matches!(
                self.toks[q].tag,
                "NN" | "NNP" | "JJ" | "DT" | "PRP$" | "POS"
            )
        {
            q -= 1;
        }
        let governed = q < p && (self.toks[q].tag == "IN" || self.toks[q].is_verb());
        let next = i + 1;
        let reports = self.that_or_quote_at(next)
            || self.particle_after(i, verb)
            || matches!(
                self.toks.get(next).map_or("", |t| t.tag),
                "DT" | "NNP" | "NNPS" | "PRP" | "PRP$" | "CD"
            );
        // After a conjunction or a comma closing an aside, the subject is
        // further left ("… but concedes that", "The ad, which is airing,
        // argues that").
        // So is a plural after "of", whose head is further left too ("The
        // series of emails shows that").
        let plural_of = self.toks[p].tag == "NNS" && p > 0 && self.word(p - 1) == "of";
        let shared_subject = (matches!(self.word(p), "but" | "and" | ",") || plural_of)
            && self.that_or_quote_at(next);
        (singular_subject && !governed || shared_subject) && reports || self.only_verb_of_clause(i)
    }

    /// True when the cue at `i` is the verb of a determiner standing alone as
    /// its subject ("Another said …", "Each argues that").
    fn after_lone_determiner(&self, i: usize) -> bool {
        matches!(self.word(i - 1), "another" | "each" | "either" | "neither")
            && (self.toks[i].is_finite_verb()
                // (The tagger reads "Another said, “…”" as a participle.)
                || self.toks[i].tag == "VBN"
                    && (self.is_punct(i + 1, ",") || self.is_punct(i + 1, ":")))
    }

    /// True when a that-clause or a quotation opens at `k`: what a cue in a
    /// doubtful reading needs after it to be read as a verb.
    fn that_or_quote_at(&self, k: usize) -> bool {
        self.word(k) == "that" || self.is_quote(k)
    }

    /// True when token `i` is the only word that can be the verb of its
    /// clause: no finite verb from the last comma (or the sentence start) up
    /// to it, a noun right before it, and a phrase, a that-clause or the
    /// sentence's end after it: "A new national poll shows Republican
    /// candidate Donald Trump with his largest lead", "…, a USA TODAY
    /// analysis shows."
    fn only_verb_of_clause(&self, i: usize) -> bool {
        // (An adjective before makes a noun phrase: "the new plans".)
        if i == 0 || !matches!(self.toks[i - 1].tag, "NN" | "NNP" | "NNPS" | "CD") {
            return false;
        }
        // (A bounded look: a clause longer than this is too uncertain anyway,
        // and a long sentence stays linear.)
        let floor = i.saturating_sub(CLAUSE_REACH);
        let mut start = i;
        while start > 0
            && !matches!(self.word(start - 1), "," | ";" | ":")
            && !self.is_quote(start - 1)
        {
            if start == floor {
                return false;
            }
            start -= 1;
            if self.toks[start].is_verb() || self.toks[start].is_finite_verb() {
                return false;
            }
        }
        // A clause opening with a preposition has its verb elsewhere ("In a
        // series of Twitter posts Sunday, …").
        if self.toks[start].tag == "IN" {
            return false;
        }
        let next = self.toks.get(i + 1).map_or("", |t| t.tag);
        matches!(next, "DT" | "NNP" | "NNPS" | "PRP" | "PRP$" | "CD" | "JJ")
            || self.that_or_quote_at(i + 1)
            || start > 0 && i + 2 == self.len() && self.is_punct(i + 1, ".")
    }

    /// True when the -ing form at `i`, tagged as a noun, opens a participle
    /// clause after a comma or conjunction and takes a that-clause or a
    /// quotation: "The families mobilized, warning that the deal …".
    fn participle_tagged_noun(&self, i: usize) -> bool {
        self.toks[i].tag == "NN"
            && self.word(i).ends_with("ing")
            && i > 0
            && (matches!(self.word(i - 1), "," | "and" | "but") || self.is_long_dash(i - 1))
            && self.that_or_quote_at(i + 1)
    }

    fn text_of(&self, i: usize) -> &'a str {
        self.toks[i].text(self.text)
    }

    /// Marks the tokens of an extraction as used.
    fn claim(&mut self, extraction: &Extraction) {
        let spans = extraction
            .content
            .iter()
            .chain(&extraction.cue)
            .chain(extraction.cue_aux.iter())
            .chain(extraction.mention.iter())
            .chain(extraction.via.iter());
        let (mut lo, mut hi) = (usize::MAX, 0);
        for span in spans {
            // Tokens are in order and disjoint: start at the first one that
            // may lie inside, stop at the first that starts past the end, so
            // that many attributions in one long sentence stay cheap.
            // (Tokens are never empty, so an empty span holds none.)
            let first = self.toks.partition_point(|t| t.span.start < span.start);
            for k in first..self.toks.len() {
                if self.toks[k].span.start >= span.end {
                    break;
                }
                if span.contains(self.toks[k].span) {
                    self.claimed[k] = true;
                    lo = lo.min(k);
                    hi = hi.max(k);
                }
            }
        }
        if lo <= hi {
            self.taken.push((lo, hi));
        }
    }

    /// Index of the token that starts at byte `start` (binary search).
    fn token_starting_at(&self, start: usize) -> Option<usize> {
        let k = self.toks.partition_point(|t| t.span.start < start);
        (self.toks.get(k)?.span.start == start).then_some(k)
    }

    /// Index of the token that ends at byte `end` (binary search).
    fn token_ending_at(&self, end: usize) -> Option<usize> {
        let k = self.toks.partition_point(|t| t.span.end < end);
        (self.toks.get(k)?.span.end == end).then_some(k)
    }

    fn extraction(
        &self,
        content: Vec<Span>,
        cue: Span,
        mention: Option<Span>,
        rule: &'static str,
        default_kind: AttributionKind,
        confidence: f64,
    ) -> Extraction {
        let quoted = !content.is_empty() && content.iter().all(|c| self.all_quoted(*c));
        let kind = if quoted && default_kind == AttributionKind::Indirect {
            AttributionKind::DirectQuote
        } else {
            default_kind
        };
        Extraction {
            sentence: self.index,
            content,
            cue: vec![cue],
            cue_aux: None,
            mention,
            via: None,
            antecedent: None,
            kind,
            rule,
            confidence,
        }
    }

    /// True when the span starts and ends with the marks of one quotation.
    fn all_quoted(&self, span: Span) -> bool {
        // Quotations never overlap: only the one opening at the span's first
        // token can match (looked up, not searched, for long sentences).
        self.token_starting_at(span.start)
            .and_then(|k| self.quote_opening_at(k))
            .is_some_and(|(_, c)| self.toks[c].span.end == span.end)
    }

    // ---- noun phrases -------------------------------------------------

    /// True when token `i` may stand inside a source noun phrase.
    fn np_token(&self, i: usize, lex: &Lexicon) -> bool {
        let tok = &self.toks[i];
        let w = self.word(i);
        if self.quote_of(i).is_some() {
            return false;
        }
        match tok.kind {
            TokenKind::Clitic => w == "'s" || w == "’s",
            TokenKind::Word => {
                if tok.is_capitalized(self.text) {
                    // A capitalised function word opening the sentence is not a
                    // name, but a determiner still opens the phrase ("The mayor").
                    if i == 0 && matches!(tok.tag, "RB" | "IN" | "CC" | "UH" | "WRB") {
                        return false;
                    }
                    return !(i == 0 && lex.function_words.contains(w))
                        || is_determiner(w)
                        || lex.np_words.contains(w);
                }
                lex.np_words.contains(w)
                    || lex.source_noun_kind(w).is_some()
                    || lex.anonymous_heads.contains(w)
                    || lex.is_title(w)
                    || w.chars().all(|c| c.is_ascii_digit())
                    || is_np_tag(tok.tag)
            }
            // A hyphen with spaces around it is a dash ("NEW YORK - Trump said").
            _ => matches!(w, "&" | "%") || w == "-" && !self.spaced(i),
        }
    }

    /// True for a word that may stand between a subject and its cue
    /// (`clause_words.txt`: "has", "also", "n't"). "'s" counts only after a
    /// pronoun ("she's said"): after a name it is a possessive ("Trump's
    /// proposed wall").
    fn is_clause_word(&self, k: usize) -> bool {
        let lex = Lexicon::get();
        let w = self.word(k);
        lex.clause_words.contains(w)
            && (w != "'s"
                || k > 0 && (lex.pronoun(self.word(k - 1)).is_some() || self.word(k - 1) == "who"))
    }

    /// The first token after a dateline opening the sentence ("WASHINGTON —",
    /// "CONCORD, N.H. -", "MEXICO CITY, Feb. 8 (UPI) —"): a capitalised
    /// place, an optional date and agency, then a dash.
    fn after_dateline(&self) -> Option<usize> {
        let first = self.text_of(0);
        if first.chars().filter(|c| c.is_alphabetic()).count() < 2
            || first.chars().any(char::is_lowercase)
        {
            return None;
        }
        let dash = (1..self.len().min(12)).find(|&j| self.is_dash(j))?;
        let dateline = (1..dash).all(|j| {
            let t = self.text_of(j);
            !self.is_word(j) || t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
        (dateline && dash + 1 < self.len()).then_some(dash + 1)
    }

    /// True when token `i` is an em or en dash or a double hyphen.
    fn is_long_dash(&self, i: usize) -> bool {
        matches!(self.word(i), "—" | "–" | "--")
    }

    /// True when token `i` is a dash: a long one, or a hyphen with white
    /// space on both sides ("Lee - his co-host - said").
    fn is_dash(&self, i: usize) -> bool {
        self.is_long_dash(i) || self.word(i) == "-" && self.spaced(i)
    }

    /// True when token `i` has white space on both sides.
    fn spaced(&self, i: usize) -> bool {
        let span = self.toks[i].span;
        let before = self.text[..span.start].chars().next_back();
        let after = self.text[span.end..].chars().next();
        before.is_some_and(char::is_whitespace) && after.is_some_and(char::is_whitespace)
    }

    /// The finite verb governing a speech infinitive at `i` ("went" in "He
    /// went on to say", "are" in "voters are more likely to say"), when it is
    /// close, in the same clause and not a cue itself (then "wants to say" is
    /// that cue's content).
    fn infinitive_governor(&self, i: usize, verb: &CueVerb) -> Option<usize> {
        if verb.class != VerbClass::Speech || i < 3 || self.word(i - 1) != "to" {
            return None;
        }
        let lex = Lexicon::get();
        for j in (i.saturating_sub(8)..i - 1).rev() {
            if !self.is_word(j) || self.claimed[j] || self.quote_of(j).is_some() {
                return None;
            }
            // "led Republicans to say": an object between them speaks, not the subject.
            if lex.cue_verb(self.word(j)).is_some()
                || matches!(self.toks[j].tag, "NNP" | "NNPS" | "NNS" | "PRP")
            {
                return None;
            }
            if self.toks[j].is_finite_verb() {
                // "It is too soon to say": no one speaks.
                let expletive = j > 0 && matches!(self.word(j - 1), "it" | "there");
                return (!expletive).then_some(j);
            }
        }
        None
    }

    /// [`Self::infinitive_governor`] of the cue verb at `i`, if it is one.
    fn governor_of(&self, i: usize) -> Option<usize> {
        let verb = Lexicon::get().cue_verb(self.word(i))?;
        self.infinitive_governor(i, verb)
    }

    /// True when the noun phrase ending at `end` opens with "with": the
    /// subject of an absolute clause ("with 30 percent of voters saying …",
    /// "with Cruz calling Trump his friend").
    fn absolute_subject_before(&self, end: usize) -> bool {
        let lex = Lexicon::get();
        if !(self.toks[end].is_noun() || self.toks[end].tag == "CD") {
            return false;
        }
        (end.saturating_sub(12)..end)
            .rev()
            .take_while(|&j| {
                self.np_token(j, lex)
                    || matches!(self.word(j), "with" | "of" | "from" | "for" | "at" | "in")
            })
            .any(|j| self.word(j) == "with")
    }

    /// True when token `i` can head a source noun phrase.
    fn np_head(&self, i: usize, lex: &Lexicon) -> bool {
        let w = self.word(i);
        // Quantifiers stand for a group of people ("many said", "others argue").
        if matches!(
            w,
            "many"
                | "some"
                | "most"
                | "others"
                | "several"
                | "few"
                | "both"
                | "all"
                | "half"
                | "majority"
                | "another"
                | "neither"
                | "none"
        ) {
            return true;
        }
        // A modifier word heads the phrase when it names a source ("Trump's
        // campaign") or a name ends with it ("Fox News", "Ms. White").
        let capitalized = self.toks[i].is_capitalized(self.text);
        self.is_word(i)
            && (!lex.np_words.contains(w)
                || lex.source_noun_kind(w).is_some()
                || capitalized && (i > 0 || self.is_proper_noun(i)))
            && !lex.time_words.contains(w)
            // "While Will acknowledges": an opening subordinator is no name.
            && !self.subordinator(i)
            && (capitalized
                || self.toks[i].is_noun()
                || lex.source_noun_kind(w).is_some()
                || lex.anonymous_heads.contains(w)
                || lex.is_title(w))
    }

    /// The first token of a time adjunct ending at `end` ("on Tuesday",
    /// "last week", "earlier this month", "Tuesday night"), which may stand
    /// between a subject and its cue ("Clinton on Tuesday said").
    fn time_adjunct_ending_at(&self, end: usize) -> Option<usize> {
        let lex = Lexicon::get();
        if !lex.time_words.contains(self.word(end)) || !self.is_word(end) {
            return None;
        }
        let mut start = end;
        while start > 0
            && self.is_word(start - 1)
            && (lex.time_words.contains(self.word(start - 1))
                || matches!(
                    self.word(start - 1),
                    "on" | "last" | "this" | "next" | "earlier" | "later" | "late" | "early"
                ))
        {
            start -= 1;
        }
        // A bare month or "night" may be a name or a noun ("May", "the night");
        // a weekday or an anchored phrase ("last week") is a time.
        let weekday = self.word(end).ends_with("day") && self.word(end) != "today";
        (start < end || weekday).then_some(start)
    }

    /// The preposition opening a short phrase that ends at `end` and stands
    /// between an auxiliary and its verb ("have in fact reported", "has in
    /// the past described"): no noun in it is the subject.
    fn adverbial_after_auxiliary(&self, end: usize) -> Option<usize> {
        if !self.toks[end].is_noun() {
            return None;
        }
        let preposition = (end.saturating_sub(3)..end)
            .rev()
            .find(|&k| self.toks[k].tag == "IN" && !matches!(self.word(k), "of" | "that"))?;
        let inside = (preposition + 1..end)
            .all(|k| is_determiner(self.word(k)) || matches!(self.toks[k].tag, "JJ" | "NN"));
        let auxiliary = preposition > 0
            && self.toks[preposition - 1].is_finite_verb()
            && self.is_clause_word(preposition - 1);
        (inside && auxiliary).then_some(preposition)
    }

    /// The source noun phrase ending right before token `cue`, skipping
    /// auxiliaries and adverbs ("He also expressed", "Lukashenko has said").
    /// Returns inclusive token indices.
    fn np_before(&self, cue: usize) -> Option<(usize, usize)> {
        let lex = Lexicon::get();
        let mut end = cue.checked_sub(1)?;
        // Position 0 is never skipped: a cue needs a subject before it ("Jolly said").
        loop {
            while end > 0 && self.is_word(end) && (self.is_clause_word(end) || self.is_adverb(end))
            {
                end -= 1;
            }
            match self
                .time_adjunct_ending_at(end)
                .or_else(|| self.adverbial_after_auxiliary(end))
            {
                Some(start) if start > 0 => end = start - 1,
                _ => break,
            }
        }
        if let Some((open, close)) = self.quote_closing_at(end) {
            // `Humphrey, who calls Trump a “sociopath,” said`: the comma closing
            // a relative clause stands inside its quotation.
            if open > 0 && close > open + 1 && self.is_punct(close - 1, ",") {
                return self.appositive_subject(close - 1);
            }
        }
        if self.claimed[end] || self.quote_of(end).is_some() {
            return None;
        }
        let w = self.word(end);
        if lex.pronoun(w).is_some() {
            // "Most of them": an object pronoun after a quantity's "of".
            let start = if matches!(w, "them" | "us") {
                self.widen_subject_left(end, end)
            } else {
                end
            };
            return Some((start, end));
        }
        if w == "who" {
            // "Smith, who said …": the relative pronoun is the mention; see `antecedent_of`.
            return Some((end, end));
        }
        if self.is_punct(end, ",") {
            // "Stranch, in her dissent, said": skip a comma-bounded adjunct.
            if let Some(open) = (end.saturating_sub(8)..end)
                .rev()
                .find(|&j| self.is_punct(j, ","))
            {
                if open + 1 < end && lex.adjunct_openers.contains(self.word(open + 1)) {
                    // Unless it ends a relative clause: "Ann Lee, who lost her
                    // home in Aurora, Colorado, in 2012, said".
                    let with_relative = self.appositive_subject(end).filter(|&(s, e)| {
                        (s..=e).any(|j| matches!(self.word(j), "who" | "whom" | "whose"))
                    });
                    return with_relative.or_else(|| self.np_before(open));
                }
            }
            return self.appositive_subject(end);
        }
        if matches!(self.word(end), "-" | "—" | "–" | "--") {
            // "Donald Trump - who previously said X - said": skip the aside.
            let open = (end.saturating_sub(30)..end)
                .rev()
                .find(|&j| self.word(j) == self.word(end))?;
            let (start, name_end) = self.np_before(open)?;
            // An aside that names or describes the subject is part of it
            // ("Ann Lee - his co-host - told", "Officials — including X —
            // argued"); one holding an attribution of its own is not.
            let describes =
                (open + 1..end).all(|j| !self.claimed[j] && self.cue_verb_at(j).is_none());
            return Some((start, if describes { end - 1 } else { name_end }));
        }
        if self.is_punct(end, ")") {
            // "Sen. Rand Paul (R-Ky.) said": the parenthesis belongs to the name.
            let open = (end.saturating_sub(8)..end)
                .rev()
                .find(|&j| self.is_punct(j, "("))?;
            let (start, _) = self.np_before(open)?;
            return Some((start, end));
        }
        if let Some(start) = self.quantity_before(end) {
            return Some((start, end));
        }
        if self.np_head(end, lex) {
            let start = self.widen_subject_left(self.np_start(end), end);
            return Some((start, end));
        }
        // A lower-case head anchored by a determiner close to its left: "the woman said".
        if self.is_word(end) && !lex.clause_words.contains(w) && !is_stop(w) {
            let floor = end.saturating_sub(4);
            for start in (floor..end).rev() {
                let sw = self.word(start);
                if !self.is_word(start) || is_stop(sw) || self.claimed[start] {
                    break;
                }
                if is_determiner(sw) {
                    return Some((self.widen_subject_left(start, end), end));
                }
            }
        }
        None
    }

    /// The first token of the noun phrase headed by token `end`: its modifiers,
    /// a capitalised "of"/"and" part ("Service of Ukraine") and a determiner
    /// anchoring unknown modifiers ("The latest Rasmussen poll").
    fn np_start(&self, end: usize) -> usize {
        let lex = Lexicon::get();
        let mut start = end;
        while start > 0 {
            let prev = start - 1;
            let pw = self.word(prev);
            let extends = if matches!(pw, "of" | "and" | "from" | "for" | "at" | "by" | "/") {
                // "Service of Ukraine", "Lukashenko and Pezeshkian", "the senator
                // from Vermont", "CNN/ORC" join two parts of one phrase.
                prev > 0
                    && self.np_token(prev - 1, lex)
                    && self.toks[start].is_capitalized(self.text)
            } else {
                // A subordinator is never a modifier: "… that Trump said".
                !is_stop(pw) && self.np_token(prev, lex)
                    // "Democratic registered voters": a participle inside the phrase.
                    || self.toks[prev].tag == "VBN"
                        && self.toks[start].is_noun()
                        && prev > 0
                        && matches!(self.toks[prev - 1].tag, "JJ" | "NNP" | "CD" | "DT" | "PRP$")
            };
            if !extends || self.claimed[prev] {
                break;
            }
            start = prev;
            if is_determiner(self.word(start)) {
                break;
            }
        }
        // Unknown modifiers anchored by a determiner: "The latest Rasmussen poll".
        if !is_determiner(self.word(start)) {
            let floor = start.saturating_sub(3);
            for d in (floor..start).rev() {
                let dw = self.word(d);
                if !self.is_word(d)
                    || is_stop(dw)
                    || self.claimed[d]
                    || lex.clause_words.contains(dw)
                {
                    break;
                }
                if is_determiner(dw) {
                    start = d;
                    break;
                }
            }
        }
        start
    }

    /// Widens a subject noun phrase (`start` to `end`) leftwards over the
    /// link it hangs from: a preposition ("Polls in Iowa", "Some of the women",
    /// "a source familiar with the talks"), a coordination ("doctors and
    /// nurses") or a possessive apostrophe ("Sanders’ aides"). The widened
    /// phrase must begin where a subject can begin, so "He lost the race and
    /// his aides said" keeps "his aides".
    fn widen_subject_left(&self, start: usize, end: usize) -> usize {
        let lex = Lexicon::get();
        // Each link widens a candidate; the subject takes the widest candidate
        // that begins where a subject can ("Staff for the committee on X").
        let mut widest = start;
        let mut candidate = start;
        let mut listed = (start..end).any(|j| self.word(j) == "and");
        while candidate >= 2 {
            let link = candidate - 1;
            let lw = self.word(link);
            let possessive = matches!(lw, "’" | "'") && self.word(link - 1).ends_with('s');
            // "Trump, Ryan and Priebus": a comma joins the items of a list
            // that ends in "and".
            // "A as well as B"
            let as_well_as = lw == "as"
                && link >= 3
                && self.word(link - 1) == "well"
                && self.word(link - 2) == "as";
            let coordination =
                matches!(lw, "and" | "&") || as_well_as || listed && self.is_punct(link, ",");
            listed |= coordination;
            let preposition = matches!(
                lw,
                "of" | "in"
                    | "at"
                    | "on"
                    | "for"
                    | "from"
                    | "to"
                    | "with"
                    | "by"
                    | "among"
                    | "like"
            );
            if !(possessive || coordination || preposition) || self.claimed[link] {
                break;
            }
            let mut head = link - 1;
            if as_well_as {
                head = link - 3;
            }
            // "A, B, and C": the serial comma before "and" (a list, so a
            // comma before B too; "X won, and aides said" is two clauses).
            let serial = lw == "and" && head > 0 && self.is_punct(head, ",");
            if serial {
                head -= 1;
            }
            // "a source familiar with", "a survey conducted by"
            if preposition && head > 0 && matches!(self.toks[head].tag, "JJ" | "VBN") {
                head -= 1;
            }
            // "Two out of three Americans"
            if lw == "of" && head > 0 && self.word(head) == "out" {
                head -= 1;
            }
            let is_share = |j: usize| {
                self.toks[j].tag == "CD"
                    || matches!(self.word(j), "%" | "percent" | "half" | "third")
            };
            // "28 percent of voters", "four in 10 voters"
            let share =
                is_share(head) && (lw == "of" || lw == "in" && self.toks[candidate].tag == "CD");
            if self.claimed[head]
                || self.quote_of(head).is_some()
                || !(share || self.np_head(head, lex))
                // "However, five employees": an opening adverb is no list item.
                || self.toks[head].tag.starts_with("RB")
            {
                break;
            }
            candidate = self.np_start(head);
            if serial && !(candidate > 0 && self.is_punct(candidate - 1, ",")) {
                break;
            }
            if let Some(opening) = self.subject_opening(candidate, coordination) {
                widest = opening;
            } else if coordination {
                // "He lost the race and his aides said": two clauses, not one phrase.
                break;
            }
        }
        if widest == start {
            widest = self.subject_opening(start, true).unwrap_or(start);
        }
        widest
    }

    /// Where a subject phrase starting at `k` opens (see
    /// [`Self::opens_subject`]), taking in a predeterminer or a degree before
    /// it: "Both Democrats and Republicans", "Almost half of them", "Less
    /// than a third", "Virtually all analysts".
    fn subject_opening(&self, k: usize, coordination: bool) -> Option<usize> {
        // (`np_start` may have taken "least" or "than" as a modifier.)
        let k = if matches!(self.word(k), "least" | "than") && k > 0 {
            k + 1
        } else {
            k
        };
        if self.opens_subject(k, coordination) {
            return Some(k);
        }
        let pre = k.checked_sub(1)?;
        let degree = matches!(
            self.word(pre),
            "both" | "all" | "almost" | "nearly" | "about" | "only" | "roughly" | "virtually"
        ) || pre > 0
            && matches!(
                (self.word(pre - 1), self.word(pre)),
                ("less" | "more" | "fewer", "than") | ("at", "least")
            );
        if !degree || self.claimed[pre] {
            return None;
        }
        let first = if self.word(pre) == "than" || self.word(pre) == "least" {
            pre - 1
        } else {
            pre
        };
        self.opens_subject(first, true).then_some(first)
    }

    /// True when a subject noun phrase can begin at token `k`: at the sentence
    /// start, after punctuation or a subordinator, or (unless the phrase was
    /// widened over "and", which also joins clauses) after a verb whose
    /// complement clause it opens ("said polls in Iowa show").
    fn opens_subject(&self, k: usize, coordination: bool) -> bool {
        let Some(prev) = k.checked_sub(1) else {
            return true;
        };
        if !self.is_word(prev) || self.is_quote(prev) {
            return true;
        }
        self.subordinator(prev)
            || matches!(
                self.word(prev),
                "that" | "but" | "where" | "so" | "yet" | "whether" | "with"
            )
            || !coordination && self.toks[prev].is_verb()
    }

    /// A share of people ending at `end` ("Six in 10", "26%", "about one in
    /// five", "49 percent of voters" is a noun phrase already): its first token.
    fn quantity_before(&self, end: usize) -> Option<usize> {
        let is_number = |j: usize| {
            self.toks[j].tag == "CD"
                || matches!(self.word(j), "one" | "two" | "three" | "half" | "%")
        };
        if !is_number(end) {
            return None;
        }
        let mut start = end;
        while start > 0 {
            let prev = start - 1;
            let joins = is_number(prev)
                || matches!(
                    self.word(prev),
                    "in" | "out"
                        | "of"
                        | "about"
                        | "nearly"
                        | "almost"
                        | "roughly"
                        | "some"
                        | "just"
                        | "over"
                        | "under"
                        | "fewer"
                        | "than"
                        | "more"
                        | "less"
                );
            if !joins || self.claimed[prev] {
                break;
            }
            start = prev;
        }
        // The phrase starts with a number or a word like "about", never "in".
        while start < end && matches!(self.word(start), "in" | "of" | "than") {
            start += 1;
        }
        let counted = (start..=end).filter(|&j| is_number(j)).count();
        (counted >= 2 || self.word(end) == "%").then_some(start)
    }

    /// Widens a verb cue over the words right after it that news
    /// annotators count as part of it: a particle of any cue verb ("shot
    /// back", "lashed out"), a manner adverb ("said repeatedly"), a phrase
    /// of `cue_tails.txt` ("in a statement"), and a day closing the
    /// sentence ("said Tuesday."). Measured on PolNeAR, each is inside the
    /// annotated cue at least twice as often as outside it.
    fn extend_cue_tail(&self, e: &mut Extraction) {
        let Some(cue_end) = e.cue.last().and_then(|c| self.token_ending_at(c.end)) else {
            return;
        };
        let lex = Lexicon::get();
        let mut k = cue_end + 1;
        while k < self.len() && self.is_word(k) {
            let word = self.word(k);
            let next_tag = self.toks.get(k + 1).map_or("", |t| t.tag);
            // (One-word tails are particles, taken with the verb: see `particle_after`.)
            let phrase = lex.cue_tails.iter().find(|tail| {
                tail.len() > 1 && tail.iter().enumerate().all(|(j, w)| self.word(k + j) == w)
            });
            // A manner adverb, not one of degree ("said nearly 40 …").
            let manner = self.toks[k].tag == "RB"
                && word.len() > 4
                && word.ends_with("ly")
                && self.text_of(k).starts_with(|c: char| c.is_lowercase())
                && !matches!(next_tag, "CD" | "JJ" | "JJR" | "JJS" | "RB" | "RBR");
            let closing_day = lex.weekdays.contains(word) && next_tag == ".";
            let len = match phrase {
                Some(tail) => tail.len(),
                None if manner || closing_day => 1,
                None => break,
            };
            let words = self.cover(k, k + len - 1);
            let overlaps = |c: &Span| c.start < words.end && words.start < c.end;
            if k + len > self.len() || e.mention.as_ref().is_some_and(overlaps) {
                break;
            }
            // A content may start with these words ("said repeatedly that
            // …" read with the adverb inside): they move to the cue.
            let starts_content = |c: &Span| c.start == words.start && c.end > words.end;
            if !e.content.iter().filter(|c| overlaps(c)).all(starts_content) {
                break;
            }
            for c in e.content.iter_mut().filter(|c| overlaps(c)) {
                c.start = self.toks[k + len].span.start;
            }
            k += len;
        }
        if k > cue_end + 1 {
            if let Some(last) = e.cue.last_mut() {
                last.end = self.toks[k - 1].span.end;
            }
        }
    }

    /// True when the token after the cue verb at `i` is its particle ("called for").
    fn particle_after(&self, i: usize, verb: &CueVerb) -> bool {
        let lex = Lexicon::get();
        let word = self.word(i + 1);
        self.is_word(i + 1)
            && (lex
                .cue_particles
                .contains(&(verb.lemma.clone(), word.to_string()))
                // A particle any cue verb takes ("wrote back", "called out").
                || matches!(self.toks[i + 1].tag, "RP" | "RB")
                    && lex.cue_tails.iter().any(|t| t.len() == 1 && t[0] == word))
    }

    /// Auxiliaries and adverbs right before the cue at `i` ("has also said").
    fn aux_before(&self, i: usize) -> Option<Span> {
        // "went on to say": the governing verb and what follows it belong to the cue.
        let cue = i;
        let i = self.governor_of(i).unwrap_or(i);
        let mut start = i;
        while start > 0 {
            let skippable = self.is_word(start - 1)
                && !self.claimed[start - 1]
                && self.quote_of(start - 1).is_none()
                && (self.is_clause_word(start - 1) || self.is_adverb(start - 1));
            if !skippable {
                break;
            }
            start -= 1;
        }
        (start < cue).then(|| self.cover(start, cue - 1))
    }

    /// The subject of the cue at `i`: the phrase right before it, or for a
    /// participle after a comma ("…, saying that") and a verb after "and"
    /// ("Obama met survivors and said …") the subject of the sentence.
    fn subject_of(&self, i: usize) -> Option<(usize, usize)> {
        if let Some(governor) = self.governor_of(i) {
            return self
                .np_before(governor)
                .map(|np| self.with_reflexive(np, governor));
        }
        match self.distant_subject_boundary(i) {
            Some(before) => self
                .relative_pronoun_coordinated_at(before)
                .map(|who| (who, who))
                .or_else(|| {
                    self.word(i)
                        .ends_with("ing")
                        .then(|| self.nearest_clause_subject(before))
                        .flatten()
                })
                .or_else(|| self.sentence_subject(before)),
            None => self
                .np_before(i)
                .map(|np| self.with_post_modifier(np))
                .or_else(|| self.subject_around_relative_cue(i))
                .map(|np| self.with_reflexive(np, i)),
        }
    }

    /// The subject of the cue at `i` when the relative clause modifying it
    /// holds a cue of its own, read before: "Hawkins and others who want to
    /// ban abortion said …". The subject runs from the antecedent to the
    /// end of the relative clause.
    fn subject_around_relative_cue(&self, i: usize) -> Option<(usize, usize)> {
        let end = i.checked_sub(1)?;
        if !self.claimed[end] {
            return None;
        }
        let who = (end.saturating_sub(MODIFIER_REACH)..end)
            .rev()
            .take_while(|&k| self.is_word(k) && !self.is_punct(k, ","))
            .find(|&k| matches!(self.word(k), "who" | "that"))?;
        let (s, e) = self.np_before(who)?;
        (e + 1 == who && !self.claimed[s]).then_some((s, end))
    }

    /// The subject whose modifier ends in the phrase `(s, e)` found before a
    /// cue: "Supporters who have heard from the campaign say", "House
    /// Republicans supporting the bill said", "people familiar with her
    /// thinking say", "A poll conducted by Gallup found". Without this the
    /// modifier's object ("the campaign", "the bill") would be the source.
    fn with_post_modifier(&self, (s, e): (usize, usize)) -> (usize, usize) {
        // A subject pronoun is the subject of its own clause ("a response
        // saying he …").
        // (A relative pronoun finds its antecedent elsewhere.)
        if s == e
            && matches!(
                self.word(s),
                "he" | "she" | "they" | "i" | "we" | "who" | "which" | "that"
            )
        {
            return (s, e);
        }
        let floor = s.saturating_sub(MODIFIER_REACH);
        let mut finite = 0;
        let mut k = s;
        while k > floor {
            k -= 1;
            if self.claimed[k] || !self.is_word(k) {
                break;
            }
            let tag = self.toks[k].tag;
            let opener = match self.modifier_opener(k) {
                // A relative clause whose own subject the phrase is ("a
                // proposal that Manchin pushed") has no verb before the phrase.
                Some(Modifier::Relative) => (k + 1..s).any(|j| self.toks[j].is_verb()),
                // (A participle after an auxiliary is inside a relative clause.)
                Some(Modifier::Participle) => {
                    finite == 0
                        && k > 0
                        && self.toks[k - 1].tag.starts_with("NN")
                        && self.toks.get(k + 1).is_some_and(|t| !t.is_verb())
                }
                Some(Modifier::Adjective) => finite == 0,
                None => false,
            };
            if opener {
                // The modified noun ends right before the modifier.
                let head = k
                    .checked_sub(1)
                    .filter(|&h| self.toks[h].is_noun())
                    .and_then(|h| self.np_before(h + 1));
                return match head {
                    Some((hs, he)) if he + 1 == k => (hs, e),
                    _ => (s, e),
                };
            }
            if self.subordinator(k) || matches!(self.word(k), "that" | "who" | "which") {
                break;
            }
            // A relative clause holds one finite verb ("who have heard");
            // a participle or adjective modifier none.
            if self.toks[k].is_finite_verb() {
                finite += 1;
                if finite > 1 {
                    break;
                }
            }
            let inside = self.toks[k].is_verb()
                || matches!(
                    tag,
                    "IN" | "RB" | "TO" | "MD" | "DT" | "PRP$" | "JJ" | "CD" | "POS"
                )
                || tag.starts_with("NN");
            if !inside {
                break;
            }
        }
        (s, e)
    }

    /// The subject of the finite clause closest before token `limit` that
    /// no attribution has taken yet: a participle hangs from it ("Protest
    /// groups objected, and the union sued the city, saying …").
    fn nearest_clause_subject(&self, limit: usize) -> Option<(usize, usize)> {
        let floor = limit.saturating_sub(CLAUSE_REACH).max(1);
        let mut k = limit;
        while k > floor {
            k -= 1;
            if let Some((open, _)) = self.quote_of(k) {
                k = open;
                continue;
            }
            if self.claimed[k] || !self.toks[k].is_finite_verb() {
                continue;
            }
            let mut verb = k;
            while verb > 0 && self.is_clause_word(verb - 1) {
                verb -= 1;
            }
            // A relative or subordinate clause is no clause the participle
            // hangs from ("Trump said X when he spoke, adding …").
            let Some((s, e)) = self.np_before(verb) else {
                continue;
            };
            let relative = s == e && matches!(self.word(s), "who" | "which" | "that");
            let subordinate = s > 0
                && (self.subordinator(s - 1)
                    || matches!(
                        self.word(s - 1),
                        "that" | "which" | "who" | "whom" | "where" | "until" | "what" | "those"
                    ));
            if !(relative || subordinate) {
                return Some((s, e));
            }
        }
        None
    }

    /// "X met Ann Lee, who answered the door and said …": when the
    /// conjunction at `and` joins two verbs of a relative clause, the
    /// relative pronoun opening it (no comma or other clause break between).
    fn relative_pronoun_coordinated_at(&self, and: usize) -> Option<usize> {
        if !matches!(self.word(and), "and" | "but") {
            return None;
        }
        let who = (0..and)
            .rev()
            .take_while(|&k| {
                self.toks[k].kind != TokenKind::Punct
                    || ["-", "%", "$"].iter().any(|p| self.is_punct(k, p))
            })
            .find(|&k| self.word(k) == "who")?;
        // The relative clause holds a verb of its own before the conjunction.
        (who + 1..and)
            .any(|k| self.toks[k].is_verb() && !self.claimed[k])
            .then_some(who)
    }

    /// A subject extended over the reflexive after it ("Ford itself said",
    /// "Mr. Rubio himself"), which names the same source.
    fn with_reflexive(&self, (start, end): (usize, usize), cue: usize) -> (usize, usize) {
        let next = end + 1;
        let reflexive = matches!(
            self.word(next),
            "himself" | "herself" | "itself" | "themselves" | "myself" | "ourselves"
        );
        (start, if reflexive && next < cue { next } else { end })
    }

    /// True when the cue at `i` takes the sentence's subject rather than the
    /// phrase right before it (see [`Self::subject_of`]).
    fn subject_is_distant(&self, i: usize) -> bool {
        self.distant_subject_boundary(i).is_some()
    }

    /// For a participle after a comma or a speech verb after "and"/"but",
    /// the index of that comma or conjunction.
    fn distant_subject_boundary(&self, i: usize) -> Option<usize> {
        let lex = Lexicon::get();
        let mut before = i.checked_sub(1)?;
        while before > 0 && self.is_clause_word(before) {
            before -= 1;
        }
        // (`on "Morning Joe," adding`: the comma may stand inside the quotation.)
        let after_comma = self.is_punct(before, ",")
            || self.is_long_dash(before)
            || self.quote_closing_at(before).is_some()
                && before.checked_sub(1).is_some_and(|b| self.is_punct(b, ","));
        // "X reignited the feud after writing Y": a gerund under a
        // subordinating preposition shares the main clause's subject.
        let gerund = self.word(i).ends_with("ing");
        let participle = gerund && (after_comma || self.opens_gerund_adverbial(before));
        // Only speech verbs: "Tehran is interested in A and plans to B" states
        // an intention the article reports, not one Tehran voices.
        // After "and": speech verbs always share the sentence's subject; other
        // cues only when the first verb was a cue of that subject ("X praised
        // A and urged B"), not in "Tehran is interested in A and plans to B".
        let coordinated = matches!(self.word(before), "and" | "but")
            && (lex
                .cue_verb(self.word(i))
                .is_some_and(|v| matches!(v.class, VerbClass::Speech | VerbClass::Naming))
                || self
                    .sentence_subject(before)
                    .is_some_and(|(s, _)| self.claimed[s]));
        (participle || coordinated).then_some(before)
    }

    /// The attribution read before whose content the participle cue verb at
    /// `i` follows right after a comma ("Ross said the plan had failed,
    /// adding …"): the participle's subject is that attribution's source,
    /// not the subject of the clause it reports.
    fn participle_after_content<'e>(
        &self,
        i: usize,
        read: &'e [Extraction],
    ) -> Option<&'e Extraction> {
        // (Not a cue phrase in -ing: "citing", "referring to".)
        if !(self.word(i).ends_with("ing") && i >= 2 && self.is_punct(i - 1, ","))
            || self.phrase_at(i).is_some()
        {
            return None;
        }
        let before = self.toks[i - 2].span;
        read.iter().rev().find(|e| {
            e.mention.is_some()
                && e.content
                    .last()
                    .is_some_and(|c| c.start < before.end && before.end <= c.end)
        })
    }

    /// True when token `k` is a preposition that opens an adverbial gerund
    /// clause ("after writing", "while saying", "by dismissing").
    fn opens_gerund_adverbial(&self, k: usize) -> bool {
        self.subordinator(k) && self.word(k) != "as"
            || matches!(self.word(k), "by" | "without" | "upon")
    }

    /// The noun phrase that opens the sentence's main clause, before token
    /// `limit`: after an opening quotation, conjunction or short adverbial.
    fn sentence_subject(&self, limit: usize) -> Option<(usize, usize)> {
        let lex = Lexicon::get();
        let mut start = self.after_dateline().filter(|&s| s < limit).unwrap_or(0);
        if let Some(&(0, close)) = self.regions.first() {
            start = close + 1;
            while start < limit && self.is_punct(start, ",") {
                start += 1;
            }
        }
        if matches!(
            self.word(start),
            "but"
                | "and"
                | "so"
                | "yet"
                | "still"
                | "however"
                | "then"
                | "meanwhile"
                | "instead"
                | "later"
                | "now"
                | "finally"
        ) {
            start += 1;
            while start < limit && self.is_punct(start, ",") {
                start += 1;
            }
        }
        // An opening adverbial, participle or subordinate clause ends at its
        // comma; two may follow one another ("In his first reaction, during
        // an interview, Trump …").
        for _ in 0..2 {
            if self.opens_adverbial(start, limit) {
                start = self.after_opening_adverbial(start, limit)?;
            }
        }
        // "A few minutes later they said": a measure of time before
        // "later" or "ago" opens the sentence without a comma.
        if let Some(after) = (start + 1..limit.min(start + 5))
            .find(|&k| matches!(self.word(k), "later" | "earlier" | "ago"))
            .filter(|&k| {
                lex.time_words.contains(self.word(k - 1))
                    && (start..k).all(|j| self.is_word(j) && !self.toks[j].is_verb())
            })
        {
            start = after + 1;
            // ("Eight years ago, he …")
            while start < limit && self.is_punct(start, ",") {
                start += 1;
            }
        }
        if start >= limit {
            return None;
        }
        // `"Q," said Scott, adding …`: the subject follows the first cue.
        if start > 0 && self.quote_of(start - 1).is_some() {
            if let Some(verb) = self.cue_verb_at(start) {
                start += 1 + usize::from(self.particle_after(start, verb));
            }
        }
        if lex.pronoun(self.word(start)).is_some() {
            return Some((start, start));
        }
        // The subject may already be the source of the main verb's attribution
        // ("Clinton acknowledged X, saying Y"): both attributions share it.
        let (s, e) = self.np_after_unclaimed(start, 8, true)?;
        if e >= limit {
            return None;
        }
        // "Tracy Martin, Trayvon's father, said …, saying": the appositive is
        // part of the subject when a verb follows it.
        let e = self.with_parenthesis(e, limit - 1);
        let with = self.with_appositive(e, limit - 1);
        let e = if with > e && with + 2 < limit && self.is_punct(with + 1, ",") {
            with
        } else {
            e
        };
        Some((s, e))
    }

    /// True when token `start` opens an adverbial, participle or subordinate
    /// clause before the main clause ("On Tuesday,", "Speaking to reporters,",
    /// "Although …,").
    fn opens_adverbial(&self, start: usize, limit: usize) -> bool {
        let w = self.word(start);
        Lexicon::get().adjunct_openers.contains(w)
            || self.is_adverb(start)
            || ((w.ends_with("ing") || w.ends_with("ed"))
                && start + 1 < limit
                && !self.is_proper_noun(start))
            || self.subordinator(start)
            || matches!(w, "reached" | "asked" | "here")
    }

    /// True when token `k` opens a subordinate clause ("although", "when").
    fn subordinator(&self, k: usize) -> bool {
        matches!(
            self.word(k),
            "although"
                | "though"
                | "because"
                | "since"
                | "if"
                | "while"
                | "when"
                | "as"
                | "after"
                | "before"
                | "once"
                | "whereas"
        )
    }

    /// The token after the comma that closes an opening adverbial at `start`
    /// (within 9 tokens, before `limit`), if one opens there.
    fn after_opening_adverbial(&self, start: usize, limit: usize) -> Option<usize> {
        if !self.opens_adverbial(start, limit) {
            return None;
        }
        // A subordinate clause ("Although he thanked the voters who came, …")
        // runs longer than a phrase ("On Tuesday, …").
        let reach = if self.subordinator(start) { 25 } else { 9 };
        let comma = (start..limit.min(start + reach)).find(|&j| self.is_punct(j, ","))?;
        // "Still, though, …": a second short adverb after the first.
        let mut next = comma + 1;
        if next < limit && self.is_adverb(next) && self.is_punct(next + 1, ",") {
            next += 2;
        }
        (next < limit).then_some(next)
    }

    /// True when a reported clause starts at token `k`, right after a cue:
    /// "that", "if" or "whether", or a subject pronoun or name before a
    /// finite verb ("said he would", "said Trump was").
    fn opens_reported_clause(&self, k: usize) -> bool {
        if matches!(self.word(k), "that" | "if" | "whether") {
            return true;
        }
        let finite = |j: usize| self.toks.get(j).is_some_and(Token::is_finite_verb);
        let subject_end = if self.toks[k].tag == "PRP" {
            Some(k)
        } else {
            (k..self.len().min(k + 3))
                .take_while(|&j| self.toks[j].tag.starts_with("NNP"))
                .last()
        };
        subject_end.is_some_and(|e| finite(e + 1))
    }

    /// The dash closing an aside that holds the cue at `i` ("Bo Lee - who
    /// said he was tired - told …"), if the cue stands in one.
    fn aside_end(&self, i: usize) -> Option<usize> {
        // Asides are short: a bounded look keeps long sentences linear.
        let floor = self
            .after_dateline()
            .unwrap_or(0)
            .max(i.saturating_sub(ASIDE_REACH));
        let open = (floor..i).rev().find(|&j| self.is_dash(j))?;
        if open == 0 || !self.is_word(open - 1) {
            return None;
        }
        let close = (i + 1..self.len().min(i + ASIDE_REACH)).find(|&j| self.is_dash(j))?;
        (self.word(close) == self.word(open)).then_some(close)
    }

    /// Where the content of a cue at `i` ends: before a later trailing frame
    /// of another attribution (", X said", ", according to X"), else at `last`.
    fn clause_end(&self, i: usize, last: usize) -> usize {
        let last = self.aside_end(i).map_or(last, |close| last.min(close - 1));
        // (A frame further than `CONTENT_REACH` is not looked for: the
        // content then runs to `last`, as when there is none.)
        for j in i + 2..=last.min(i + CONTENT_REACH) {
            // "… and called his standing unheard of": a second finite cue verb
            // coordinated with this one starts an attribution of its own.
            if j < last && matches!(self.word(j), "and" | "but") && self.quote_of(j).is_none() {
                let mut v = j + 1;
                while v < last && (self.is_clause_word(v) || self.is_adverb(v)) {
                    v += 1;
                }
                let finite = matches!(self.toks[v].tag, "VBD" | "VBZ" | "VBP" | "VBN");
                if finite && self.cue_verb_at(v).is_some() {
                    let end = if self.is_punct(j - 1, ",") {
                        j - 2
                    } else {
                        j - 1
                    };
                    return end.max(i + 1);
                }
            }
            // "… while 61 percent say …": a contrasting clause with a source
            // and cue of its own is another attribution.
            // (Not right after "that": "finds that, while A say B, C".)
            let opens_that_clause = self.that_before(i, j, 2).is_some();
            if j < last
                && matches!(self.word(j), "while" | "whereas")
                && self.quote_of(j).is_none()
                && !opens_that_clause
            {
                let own = (j + 2..(j + 9).min(last + 1))
                    .find(|&c| self.cue_verb_at(c).is_some())
                    .is_some_and(|c| self.np_before(c).is_some_and(|(s, _)| s == j + 1));
                if own {
                    let end = if self.is_punct(j - 1, ",") {
                        j - 2
                    } else {
                        j - 1
                    };
                    return end.max(i + 1);
                }
            }
            if self.quote_of(j).is_some()
                || !self.is_punct(j - 1, ",") && self.phrase_at(j).is_none()
            {
                continue;
            }
            if matches!(self.phrase_at(j), Some((_, PhraseFrame::AccordingTo))) {
                return j - 2;
            }
            // "told X that in private, Trump has …": the comma closes an
            // adverbial opening the reported clause, whose subject follows.
            let opener_of_that = self.that_before(i, j - 1, 6).is_some_and(|t| {
                t + 1 < j - 1 && self.after_opening_adverbial(t + 1, last + 1) == Some(j)
            });
            if opener_of_that {
                continue;
            }
            // ", saying …": a participle opens another attribution by the same subject.
            if self.word(j).ends_with("ing") && self.cue_verb_at(j).is_some() {
                return j - 2;
            }
            // ", said X": an inverted speech cue closes the content.
            if self
                .cue_verb_at(j)
                .is_some_and(|v| v.class == VerbClass::Speech)
                && self.np_after(j + 1, 10).is_some()
            {
                return j - 2;
            }
            // ", X said" (or ", but X said") with X a short phrase.
            let subject_start = if matches!(self.word(j), "but" | "and") {
                j + 1
            } else {
                j
            };
            for c in j..(j + 6).min(last + 1) {
                if self.cue_verb_at(c).is_some() {
                    if self.np_before(c).is_some_and(|(s, _)| s == subject_start) {
                        return j - 2;
                    }
                    break;
                }
            }
        }
        last
    }

    /// The first "that" after the cue at `i` among the `reach` tokens before
    /// `j`: the opening of the clause the cue reports.
    fn that_before(&self, i: usize, j: usize, reach: usize) -> Option<usize> {
        (j.saturating_sub(reach)..j).find(|&t| t > i && self.word(t) == "that")
    }

    /// The frame the dependency parse gives a cue verb whose patterns all
    /// failed: its nominal subject and its clausal complement (or object,
    /// for verbs whose object is the content).
    fn parsed_frame(&self, i: usize, class: VerbClass) -> Option<Extraction> {
        // A raising verb takes no frame from the parse: no need to parse for it.
        if !self.parse_fallback
            || class == VerbClass::Raising
            || !self.may_have_own_subject(i)
            || !self.may_have_complement(i, class)
        {
            return None;
        }
        let parse = self
            .parse
            .get_or_init(|| crate::syntax::parse(self.text, self.toks));
        let subject_of = |v: usize| parse.children(v).find(|&c| parse.label(c) == "nsubj");
        let mut subject = subject_of(i);
        // "X praised A and urged B": a coordinated verb shares the subject.
        if subject.is_none() && parse.label(i) == "conj" {
            subject = parse.head(i).and_then(subject_of);
        }
        let subject = subject?;
        let wanted: &[&str] = match class {
            VerbClass::Speech | VerbClass::Belief => &["ccomp"],
            VerbClass::Intention => &["xcomp", "ccomp"],
            VerbClass::Object | VerbClass::Naming => &["obj", "ccomp"],
            VerbClass::Raising => return None,
        };
        let complement = parse
            .children(i)
            .find(|&c| wanted.contains(&parse.label(c)))?;
        let (ss, mut se) = subtree(parse, subject);
        while se > ss && self.toks[se].kind == TokenKind::Punct {
            se -= 1;
        }
        let (cs, mut ce) = subtree(parse, complement);
        while ce > cs && self.toks[ce].kind == TokenKind::Punct {
            ce -= 1;
        }
        let free = |a: usize, b: usize| (a..=b).all(|k| !self.claimed[k]);
        if !(free(ss, se) && free(cs, ce)) || (ss..=se).contains(&i) || (cs..=ce).contains(&i) {
            return None;
        }
        // A relative "that" mostly stands for a thing ("businesses that share
        // profits"): right under 3 times in 10 on PolNeAR.
        if ss == se && self.word(ss) == "that" {
            return None;
        }
        Some(self.extraction(
            vec![self.cover(cs, ce)],
            self.cover(i, i),
            Some(self.cover(ss, se)),
            "parsed_frame",
            AttributionKind::Indirect,
            0.5,
        ))
    }

    /// Where the content of a trailing cue ending at `end` starts: at the
    /// sentence's start when the attributions read before it lie wholly
    /// inside ("The campaign said Y, CNN reported"), else after the last of
    /// them.
    fn trailing_content_start(&self, end: usize) -> usize {
        let after_claimed = (0..end)
            .rev()
            .find(|&k| self.claimed[k])
            .map_or(0, |k| k + 1);
        let holds_whole = self.taken.iter().all(|&(_, b)| b <= end);
        if holds_whole {
            0
        } else {
            after_claimed
        }
    }

    /// "Mark Holden, chairman of the board, said": a name and its appositive
    /// opening the sentence, ending at the comma `comma` before the cue.
    fn appositive_subject(&self, comma: usize) -> Option<(usize, usize)> {
        // After an opening quotation (`"Q," Rizzo, the county chair, said`) the subject follows it.
        let mut start = match self.regions.first() {
            Some(&(0, close)) if close + 1 < comma && self.is_punct(close + 1, ",") => close + 2,
            Some(&(0, close))
                if close >= 1 && close + 1 < comma && self.is_punct(close - 1, ",") =>
            {
                close + 1
            }
            _ => self.after_dateline().filter(|&s| s < comma).unwrap_or(0),
        };
        // A clause ended by a dash or semicolon comes before the subject ("It
        // was no accident — Brendan Buck, a spokesman for Ryan, told …").
        if let Some(boundary) = (start..comma).rev().find(|&j| {
            (self.is_dash(j) || self.is_punct(j, ";"))
                && (j + 1..comma).any(|k| self.is_punct(k, ","))
        }) {
            start = boundary + 1;
        }
        // An opening conjunction or adverb is not part of the subject ("But",
        // "Even", "Still,").
        while start < comma
            && (matches!(
                self.word(start),
                "but" | "and" | "even" | "still" | "yet" | "so" | "however" | "meanwhile"
            ) || self.is_punct(start, ","))
        {
            start += 1;
        }
        // Nor is an opening adverbial up to its comma ("On Tuesday, Kevin
        // Brady, chairman of …, said"; "As part of his plea, Lazar, 44, said").
        if let Some(after) = self.after_opening_adverbial(start, comma) {
            start = after;
        }
        let first_comma = (start..comma).find(|&j| self.is_punct(j, ","))?;
        self.name_and_appositive(start, first_comma, comma)
            .or_else(|| {
                // After a clause: "Y, Patrick Kennedy, the undersecretary, wrote."
                let opening = (start..comma).rev().find(|&j| self.is_punct(j, ","))?;
                let before = (start..opening).rev().find(|&j| self.is_punct(j, ","))?;
                self.name_and_appositive(before + 1, opening, comma)
            })
    }

    /// The subject `start..=comma-1` when `start..name_end` is a name and
    /// `name_end+1..comma` its appositive (`name_end` and `comma` are commas).
    fn name_and_appositive(
        &self,
        start: usize,
        first_comma: usize,
        comma: usize,
    ) -> Option<(usize, usize)> {
        let lex = Lexicon::get();
        if first_comma >= comma {
            return None;
        }
        // A place joins the name ("newspapers in New Jersey").
        let joins_place = |j: usize| {
            matches!(self.word(j), "in" | "from" | "at" | "for")
                && j + 1 < first_comma
                && self.toks[j + 1].is_capitalized(self.text)
        };
        // A short parenthesis belongs to the name ("Sen. Rand Paul (R-Ky.)").
        let parenthesis = (start + 1..first_comma)
            .find(|&j| self.is_punct(j, "("))
            .map(|open| (open, self.with_parenthesis(open - 1, first_comma - 1)))
            .filter(|&(open, close)| close >= open);
        let in_parenthesis =
            |j: usize| parenthesis.is_some_and(|(open, close)| (open..=close).contains(&j));
        let name_ok = first_comma > start
            && first_comma - start <= 10
            && (start..first_comma).all(|j| {
                self.np_token(j, lex)
                    || matches!(self.word(j), "of" | "and")
                    || joins_place(j)
                    || in_parenthesis(j)
            })
            && ((start..first_comma).any(|j| self.np_head(j, lex))
                || self.toks[first_comma - 1].is_noun());
        // Verbs may stand in the appositive inside a relative clause or a
        // participle ("a former adviser who supported …", "writing for the majority").
        let relative = (first_comma + 1..comma)
            .find(|&j| matches!(self.word(j), "who" | "whom" | "which" | "whose"))
            .unwrap_or(comma);
        let appositive_ok = comma - first_comma <= 24
            && self.quote_of(first_comma + 1).is_none()
            && (first_comma + 1..comma).all(|j| {
                // A relative clause may hold an attribution of its own
                // ("Cruz, who says X, said Y").
                (j >= relative || !self.claimed[j])
                    && (j > relative
                        || self.cue_verb_at(j).is_none()
                        || self.word(j).ends_with("ing"))
            });
        if !(name_ok && appositive_ok) {
            return None;
        }
        // An adjunct or participle between commas ("Clinton, during a town
        // hall, said", "Rubio, appearing on Fox News, said") is no part of
        // the name; an appositive or relative clause is.
        let opener = first_comma + 1;
        let participle = self.toks[opener].tag == "VBG"
            && !self.toks.get(opener + 1).is_some_and(|t| t.is_noun());
        let adjunct = (matches!(self.toks[opener].tag, "IN" | "RB") || participle)
            && !matches!(
                self.word(opener),
                "who" | "whose" | "whom" | "which" | "including" | "like" | "now" | "formerly"
            );
        Some((start, if adjunct { first_comma - 1 } else { comma - 1 }))
    }

    /// The token index of an extraction's mention when it is the relative pronoun "who".
    fn relative_pronoun(&self, e: &Extraction) -> Option<usize> {
        let mention = e.mention?;
        let who = self.token_starting_at(mention.start)?;
        if self.toks[who].span != mention {
            return None;
        }
        (self.word(who) == "who").then_some(who)
    }

    /// The antecedent of an extraction whose mention is "who".
    fn relative_antecedent(&self, e: &Extraction) -> Option<Span> {
        let who = self.relative_pronoun(e)?;
        self.antecedent_of(who).map(|(s, e)| self.cover(s, e))
    }

    /// "Barkley, who said he votes Democratic, said …": the content of a
    /// non-restrictive relative clause ends at the comma that closes it.
    fn end_at_relative_clause(&self, e: &mut Extraction) {
        let Some(who) = self.relative_pronoun(e) else {
            return;
        };
        let restrictive = who == 0 || !self.is_punct(who - 1, ",");
        let Some(last) = e.content.last_mut() else {
            return;
        };
        let (Some(a), Some(b)) = (
            self.token_starting_at(last.start),
            self.token_ending_at(last.end),
        ) else {
            return;
        };
        if self.quote_opening_at(a).is_some() {
            return;
        }
        let end = if restrictive {
            match self.main_verb_after_relative(a, b) {
                Some(verb) => verb - 1,
                None => return,
            }
        } else {
            self.phrase_end(a, b)
        };
        *last = self.cover(a, end);
    }

    /// In the content `a..=b` of a cue inside a relative clause with no
    /// comma ("A lawyer who said the plan would fail is now running"), the
    /// finite verb of the main clause: the second finite verb, standing
    /// right after the first one's clause with no subject or conjunction
    /// of its own.
    fn main_verb_after_relative(&self, a: usize, b: usize) -> Option<usize> {
        let finite = |j: usize| self.toks[j].is_finite_verb();
        let first = (a..=b).find(|&j| finite(j))?;
        let mut j = first + 1;
        // The first verb's group ("would fail", "has been").
        while j <= b && !finite(j) && (self.toks[j].is_verb() || self.is_adverb(j)) {
            j += 1;
        }
        let verb = (j..=b).find(|&k| finite(k))?;
        let joined = (j..verb).any(|k| {
            !self.is_word(k)
                || self.subordinator(k)
                || matches!(
                    self.word(k),
                    "and" | "or" | "but" | "that" | "which" | "who"
                )
                || matches!(self.toks[k].tag, "PRP" | "WDT" | "WP")
        });
        (!joined && verb > a && self.toks[verb - 1].tag != "DT").then_some(verb)
    }

    /// What a relative pronoun at `who` refers to: the phrase before it
    /// ("Smith" in "Smith, who said").
    fn antecedent_of(&self, who: usize) -> Option<(usize, usize)> {
        let before = if who >= 1 && self.is_punct(who - 1, ",") {
            who - 1
        } else {
            who
        };
        let (s, e) = self.np_before(before)?;
        (self.word(e) != "who").then_some((s, e))
    }

    /// An appositive after an inverted source ("said Mark Dubowitz, executive
    /// director of the foundation, …"): the end of the phrase, extended over
    /// ", APPOSITIVE" when it opens with a determiner or a title.
    fn with_appositive(&self, end: usize, last: usize) -> usize {
        let end = self.with_parenthesis(end, last);
        let mut end = self.restrictive_modifier_after(end, last).unwrap_or(end);
        // Appositives may follow one another: "Sylke Tempel, the editor of X,
        // the magazine of Y".
        for _ in 0..3 {
            match self.appositive_after(end, last) {
                Some(next) => end = next,
                None => break,
            }
        }
        end
    }

    /// The last token of a modifier with no comma before it that follows
    /// the noun at `end`: a relative clause ("a Mexican official who was not
    /// authorized to speak"), a participle ("one Republican involved in the
    /// planning") or "familiar with" ("a source familiar with the talks").
    /// It runs to the next comma, quotation or `last`.
    fn restrictive_modifier_after(&self, end: usize, last: usize) -> Option<usize> {
        let k = end + 1;
        if k > last || !self.toks[end].tag.starts_with("NN") {
            return None;
        }
        self.modifier_opener(k)?;
        let stop = (k + 1..=last.min(k + 20))
            .find(|&j| self.is_punct(j, ",") || self.is_quote(j) || self.claimed[j])
            .unwrap_or(last + 1);
        (stop > k + 1).then_some(stop - 1)
    }

    /// The kind of noun modifier token `k` opens, if any: a relative
    /// pronoun, a lower-case participle, or an adjective of
    /// `modifier_adjectives.txt` before "with" or "to".
    fn modifier_opener(&self, k: usize) -> Option<Modifier> {
        let tag = self.toks[k].tag;
        if matches!(self.word(k), "who" | "that") && matches!(tag, "WP" | "WDT") {
            Some(Modifier::Relative)
        } else if matches!(tag, "VBN" | "VBG") && !self.toks[k].is_capitalized(self.text) {
            Some(Modifier::Participle)
        } else if Lexicon::get().modifier_adjectives.contains(self.word(k))
            && matches!(self.word(k + 1), "with" | "to")
        {
            Some(Modifier::Adjective)
        } else {
            None
        }
    }

    /// "Sen. Rand Paul (R-Ky.)": a parenthesis right after the name at `end`
    /// belongs to it; the name's new last token.
    fn with_parenthesis(&self, end: usize, last: usize) -> usize {
        if !self.is_punct(end + 1, "(") {
            return end;
        }
        (end + 2..=last.min(end + 10))
            .find(|&j| self.is_punct(j, ")"))
            .unwrap_or(end)
    }

    /// The last token of one comma-led appositive or relative clause right
    /// after token `end` (", a senator", ", 56", ", who …"), if one follows.
    fn appositive_after(&self, end: usize, last: usize) -> Option<usize> {
        let lex = Lexicon::get();
        let opener = end + 2;
        if !(self.is_punct(end + 1, ",") && opener <= last) {
            return None;
        }
        let w = self.word(opener);
        let tok = &self.toks[opener];
        let opens = is_determiner(w)
            || lex.is_title(w)
            || lex.np_words.contains(w)
            || lex.source_noun_kind(w).is_some()
            || matches!(w, "who" | "whose")
            || (!tok.is_capitalized(self.text) && is_np_tag(tok.tag))
            || tok.tag == "CD"
            // "Smith, Politifact's editor"
            || matches!(self.word(opener + 1), "'s" | "’s") && opener + 2 <= last;
        let stop = (opener..=last.min(opener + 15))
            .find(|&j| self.is_punct(j, ",") || self.is_quote(j))
            .unwrap_or(last + 1);
        // "James Cunningham, then ambassador to Israel", "Joe Donnelly,
        // Democrat of Indiana", "Ann Lee, CrowdTangle chief executive": a
        // role without a determiner.
        let role = (opener..stop)
            .any(|j| lex.is_title(self.word(j)) || lex.source_noun_kind(self.word(j)).is_some());
        // "Ken Sena, managing director at Evercore", "then Maples's
        // literary agent": a lower-case role led by a modifier, with no verb.
        let common_noun = |j: usize| {
            matches!(self.toks[j].tag, "NN" | "NNS") && !self.toks[j].is_capitalized(self.text)
        };
        let bare_role = (opener..stop).any(common_noun)
            && (opener..stop).all(|j| {
                !self.toks[j].is_verb()
                    || j == opener && self.toks.get(j + 1).is_some_and(|t| t.tag == "NN")
            });
        if !(opens
            || !tok.is_capitalized(self.text)
                && matches!(tok.tag, "JJ" | "NN" | "NNS" | "VBG" | "VBN")
                && bare_role
            || matches!(w, "then" | "now" | "formerly") && bare_role
            || matches!(w, "then" | "now" | "formerly") && role
            || tok.is_capitalized(self.text) && role
            || self.residence_state_or_party(opener, stop))
        {
            return None;
        }
        // "said Beck, who said there were …": a relative clause that reports
        // words is an attribution of its own, not part of the source.
        if matches!(w, "who" | "whose")
            && (opener + 1..stop).any(|j| {
                self.cue_verb_at(j)
                    .is_some_and(|v| matches!(v.class, VerbClass::Speech | VerbClass::Belief))
            })
        {
            return None;
        }
        Some(stop - 1)
    }

    /// True when tokens `opener..stop` after a name's comma say where the
    /// person lives or which party and state they stand for: "Ann Lee, 29,
    /// of Meridian", "Derry, N.H.", "Sen. Ann Ross, R-S.C.".
    fn residence_state_or_party(&self, opener: usize, stop: usize) -> bool {
        let tok = &self.toks[opener];
        if self.word(opener) == "of" {
            return self
                .toks
                .get(opener + 1)
                .is_some_and(|t| t.is_capitalized(self.text))
                && !matches!(self.word(opener + 2), "'s" | "’s");
        }
        let text = tok.text(self.text);
        let short = stop - opener == 1 || stop - opener == 2 && self.is_punct(opener + 1, ".");
        let party = text.len() >= 3
            && matches!(&text.as_bytes()[..2], b"R-" | b"D-" | b"I-")
            && text.as_bytes()[2].is_ascii_uppercase();
        let state = text.len() <= 5
            && tok.is_capitalized(self.text)
            && (text.contains('.') || self.is_punct(opener + 1, "."));
        short && (party || state && opener >= 2 && self.toks[opener - 2].is_capitalized(self.text))
    }

    /// Index of the first token after an adjunct ("on Friday", "in a
    /// statement", "Wednesday") standing between a cue and its content: the
    /// adjunct must end at "that", a comma, a colon or a quotation mark.
    fn skip_adjunct(&self, k: usize, last: usize) -> usize {
        let lex = Lexicon::get();
        if !lex.adjunct_openers.contains(self.word(k)) {
            return k;
        }
        for j in k + 1..=last.min(k + 12) {
            let w = self.word(j);
            // A quoted title inside the adjunct ("on ABC's “This Week”") is skipped whole.
            if self.is_quote(j) {
                if let Some((_, close)) = self.quote_opening_at(j) {
                    if self.word(close + 1) == "that" {
                        return close + 1;
                    }
                }
                return j;
            }
            if w == "that" || self.is_punct(j, ",") || self.is_punct(j, ":") {
                return j;
            }
            if self.cue_verb_at(j).is_some()
                || matches!(w, "and" | "but" | "which" | "who" | "because")
            {
                return k;
            }
        }
        k
    }

    /// True when tokens from `k` to `last` are one adjunct ("on Tuesday
    /// during a rally in Iowa") with no clause of their own.
    fn adjunct_to_end(&self, k: usize, last: usize) -> bool {
        Lexicon::get().adjunct_openers.contains(self.word(k))
            && last < k + 12
            && (k..=last).all(|j| self.cue_verb_at(j).is_none() && !self.is_quote(j))
    }

    /// The noun phrase starting at token `start`, up to a comma, quotation,
    /// clause word or the sentence end (at most `max` tokens).
    fn np_after(&self, start: usize, max: usize) -> Option<(usize, usize)> {
        self.np_after_unclaimed(start, max, false)
    }

    /// [`Self::np_after`], optionally over tokens another attribution already uses.
    fn np_after_unclaimed(
        &self,
        start: usize,
        max: usize,
        allow_claimed: bool,
    ) -> Option<(usize, usize)> {
        let lex = Lexicon::get();
        let mut end = None;
        let mut k = start;
        while k < self.len() && k < start + max {
            let w = self.word(k);
            let inside = self.np_token(k, lex)
                // "retired Army Lt. Gen. Mick Bednarek"
                || (k == start
                    && self.toks[k].tag == "VBN"
                    && self.toks.get(k + 1).is_some_and(|t| t.is_capitalized(self.text)))
                || (w == "of" && end.is_some())
                // "a spokesman for the campaign", "aides to Mr. Sanders",
                // "one Democrat familiar with the talks"
                || (matches!(w, "for" | "to" | "at" | "with" | "in")
                    && end.is_some_and(|e: usize| {
                        !self.toks[e].is_capitalized(self.text)
                            && (self.toks[e].is_noun() || matches!(self.word(e), "familiar" | "close"))
                    })
                    && k + 1 < self.len()
                    && (self.np_token(k + 1, lex) && !is_stop(self.word(k + 1))))
                || (self.is_word(k) && end.is_some_and(|e: usize| is_determiner(self.word(e))));
            if !inside || (self.claimed[k] && !allow_claimed) {
                break;
            }
            end = Some(k);
            k += 1;
        }
        let mut end = end?;
        while end > start
            && matches!(
                self.word(end),
                "of" | "and" | "-" | "for" | "to" | "at" | "with" | "in"
            )
        {
            end -= 1;
        }
        let has_head =
            (start..=end).any(|k| self.np_head(k, lex) || lex.pronoun(self.word(k)).is_some());
        has_head.then_some((start, end))
    }

    /// Tokens from `start` up to (not including) the first comma or the end, as a mention.
    fn phrase_until_comma(&self, start: usize, stop: usize) -> Option<(usize, usize)> {
        let mut end = start;
        while end < stop && !self.is_punct(end, ",") && !self.is_quote(end) {
            end += 1;
        }
        (end > start).then(|| (start, end - 1))
    }

    // ---- frames -------------------------------------------------------

    /// "According to X, Y" and "Y, according to X(, Z)".
    fn according_to(&self, i: usize, len: usize) -> Option<Extraction> {
        let last = self.last_content_token()?;
        let after = i + len;
        // Inside a parenthesis, the attribution stays inside it:
        // "Iowa (93 percent were white, according to exit polls) is close".
        let open_paren = (0..i)
            .rev()
            .take_while(|&k| !self.is_punct(k, ")"))
            .find(|&k| self.is_punct(k, "("));
        let close_paren = open_paren
            .and_then(|_| (after..=last).find(|&k| self.is_punct(k, ")")))
            .filter(|&c| c > after);
        let (last, first) = match (open_paren, close_paren) {
            (Some(o), Some(c)) => (c - 1, o + 1),
            _ => (last, 0),
        };
        let (m_start, m_end) = self.phrase_until_comma(after, last + 1)?;
        // "according to Andrew McCarthy, who prosecuted …": the relative
        // clause describes the source.
        let m_end = if self.is_punct(m_end + 1, ",")
            && matches!(self.word(m_end + 2), "who" | "whose")
            && m_end + 2 <= last
        {
            self.with_appositive(m_end, last)
        } else {
            m_end
        };
        let mut content = Vec::new();
        if i > first {
            // Content before the phrase, without the comma that joins them.
            let mut end = i - 1;
            while end > 0 && self.toks[end].kind == TokenKind::Punct && !self.is_quote(end) {
                end -= 1;
            }
            if self.is_word(end) || self.is_quote(end) {
                // Punctuation that ends an attribution already read in this
                // sentence stays with it, so that it nests in this content
                // instead of crossing its edge ("He said it was lost (again),
                // according to aides").
                while end + 1 < i && self.claimed[end + 1] {
                    end += 1;
                }
                if end >= first {
                    content.push(self.cover(first, end));
                }
            }
        }
        if m_end < last {
            let mut start = m_end + 1;
            while start < last && self.is_punct(start, ",") {
                start += 1;
            }
            // "Y, according to X, but Z": a new clause is no part of Y's content.
            let new_clause = !content.is_empty()
                && matches!(
                    self.word(start),
                    "but" | "and" | "while" | "though" | "although" | "as" | "which" | "who" | "so"
                );
            if !new_clause {
                content.push(self.cover(start, last));
            }
        }
        if content.is_empty() {
            return None;
        }
        Some(self.extraction(
            content,
            self.cover(i, i + len - 1),
            Some(self.cover(m_start, m_end)),
            "according_to",
            AttributionKind::AccordingTo,
            0.9,
        ))
    }

    /// "Y in a Marist poll released Monday" / "In a CNN survey, Y": the
    /// poll is the source of the finding, "in" the cue.
    fn in_poll(&self, i: usize) -> Option<Extraction> {
        let lex = Lexicon::get();
        let last = self.last_content_token()?;
        // The poll's noun phrase: modifiers and names up to its head.
        let head = (i + 1..=last.min(i + 14))
            .take_while(|&k| {
                !self.is_punct(k, ",") && !self.claimed[k] && self.quote_of(k).is_none()
            })
            .find(|&k| lex.poll_nouns.contains(self.word(k)))?;
        if !(i + 1..head).all(|k| {
            let t = self.toks[k].tag;
            is_np_tag(t)
                || matches!(t, "HYPH" | "RBS")
                || self.is_punct(k, "/")
                || self.is_punct(k, "-")
        }) {
            return None;
        }
        // A named or dated poll: "in the polls" alone is a standing, not a
        // source, unless it opens the sentence ("In exit polls, voters …").
        let named = i == 0
            || (i + 2..head).any(|k| self.toks[k].is_capitalized(self.text))
            || self
                .toks
                .get(head + 1)
                .is_some_and(|t| matches!(t.tag, "VBN" | "VBD"));
        if !named {
            return None;
        }
        // "… released Monday", "… conducted by Gallup": the participle joins
        // the source. A speech or belief verb there is the sentence's own cue
        // ("people in a recent poll said they …"): the poll is no source.
        let mut source_end = head;
        if self.toks.get(head + 1).is_some_and(|t| t.tag == "VBD")
            && self
                .cue_verb_at(head + 1)
                .is_some_and(|v| matches!(v.class, VerbClass::Speech | VerbClass::Belief))
        {
            return None;
        }
        if self
            .toks
            .get(head + 1)
            .is_some_and(|t| matches!(t.tag, "VBN" | "VBD"))
        {
            source_end = (head + 1..=last)
                .take_while(|&k| !self.is_punct(k, ",") && self.quote_of(k).is_none())
                .last()
                .unwrap_or(head);
        }
        let content = if i == 0 || (i == 1 && self.toks[0].kind == TokenKind::Punct) {
            let comma = (head..=last).find(|&k| self.is_punct(k, ","))?;
            source_end = source_end.min(comma - 1);
            (comma < last).then(|| self.cover(comma + 1, last))?
        } else {
            let mut end = i - 1;
            while end > 0 && self.is_punct(end, ",") {
                end -= 1;
            }
            let start = self.trailing_content_start(end);
            if start > end || !(source_end == last || self.is_punct(source_end + 1, ",")) {
                return None;
            }
            self.cover(start, end)
        };
        Some(self.extraction(
            vec![content],
            self.cover(i, i),
            Some(self.cover(i + 1, source_end)),
            "in_poll",
            AttributionKind::AccordingTo,
            0.7,
        ))
    }

    /// "News of the move was first reported by the Herald": a passive speech
    /// verb whose agent follows "by" (past time words: "last week by X"); the
    /// subject is what was reported.
    fn passive_with_agent(
        &self,
        i: usize,
        verb: &CueVerb,
        cue: Span,
        last: usize,
    ) -> Option<Extraction> {
        let lex = Lexicon::get();
        // "Sanders was asked by the host whether …" is a question put to the
        // subject, and "explained by" gives a cause.
        if !matches!(verb.class, VerbClass::Speech | VerbClass::Object)
            || lex.takes_addressee(verb)
            || verb.lemma == "explain"
        {
            return None;
        }
        let by = (i + 1..=last.min(i + 4)).find(|&j| self.word(j) == "by")?;
        if !(i + 1..by).all(|j| {
            lex.time_words.contains(self.word(j))
                || matches!(self.word(j), "last" | "this" | "earlier")
                || self.is_adverb(j)
        }) {
            return None;
        }
        let (ss, mut se) = self.np_after(by + 1, 10)?;
        let first_aux = self.aux_run(i).last()?;
        let (cs, ce) = self.np_before(first_aux)?;
        // A relative pronoun or a pronoun stands for what was reported elsewhere.
        if cs == ce
            && (lex.pronoun(self.word(cs)).is_some()
                || matches!(self.word(cs), "which" | "that" | "who"))
        {
            return None;
        }
        let mut content = vec![self.cover(cs, ce)];
        // What the subject is judged for or as belongs to the content:
        // "Trump was criticized by his rivals for skipping the state".
        if verb.class == VerbClass::Object {
            if let Some(k) = (ss + 1..=se + 1).find(|&k| matches!(self.word(k), "for" | "as")) {
                if k < last {
                    se = se.min(k - 1);
                    content.push(self.cover(k, self.phrasal_end(k, last, false)));
                }
            }
        }
        Some(self.extraction(
            content,
            cue,
            Some(self.cover(ss, se)),
            "passive_with_agent",
            AttributionKind::Indirect,
            0.7,
        ))
    }

    /// "As reported by X, Y" / "Y, as first reported by X": the agent after
    /// "by" is the source; the clause on the other side of the comma is the content.
    fn as_reported_by(&self, i: usize, cue: Span, last: usize) -> Option<Extraction> {
        if self.word(i + 1) != "by" || !self.word(i).ends_with("ed") {
            return None;
        }
        let mut a = i.checked_sub(1)?;
        while a > 0 && (self.is_adverb(a) || self.is_clause_word(a)) {
            a -= 1;
        }
        if self.word(a) != "as" {
            return None;
        }
        let (ms, me) = self.phrase_until_comma(i + 2, last + 1)?;
        let content = if a == 0 && me + 2 <= last && self.is_punct(me + 1, ",") {
            self.cover(me + 2, last)
        } else if a >= 2 && self.is_punct(a - 1, ",") && me == last {
            self.cover(0, a - 2)
        } else {
            return None;
        };
        Some(self.extraction(
            vec![content],
            cue,
            Some(self.cover(ms, me)),
            "as_reported_by",
            AttributionKind::Indirect,
            0.8,
        ))
    }

    /// Auxiliaries and adverbs right before token `i`, nearest first.
    fn aux_run(&self, i: usize) -> impl Iterator<Item = usize> + Clone + '_ {
        (i.saturating_sub(3)..i)
            .rev()
            .take_while(move |&j| self.is_clause_word(j) || self.is_adverb(j))
    }

    /// "Warning that the plan would fail, the mayor left": a participle
    /// opening the sentence (after "after", "by", "while" …) has the subject
    /// of the clause after its comma; its content runs to that comma.
    fn fronted_participle(&self) -> Option<Extraction> {
        let last = self.last_content_token()?;
        let lex = Lexicon::get();
        let i = (0..=last.min(3)).find(|&k| !lex.participle_openers.contains(self.word(k)))?;
        if self.claimed[i] || !self.word(i).ends_with("ing") {
            return None;
        }
        // (Not `cue_verb_at`: "to" before is a preposition here, and a
        // capitalised -ing form before a that-clause is no noun.)
        let verb = lex.cue_verb(self.word(i))?;
        let cue_end = i + usize::from(self.particle_after(i, verb));
        let clause_follows = self.that_or_quote_at(cue_end + 1);
        if !(self.toks[i].tag == "VBG" || clause_follows) {
            return None;
        }
        // A report or a belief says or holds a that-clause or a quotation
        // ("Regarding the plan, …" is a preposition's phrase); "Appearing on
        // TV, …" raises nothing.
        let clausal = matches!(verb.class, VerbClass::Speech | VerbClass::Belief);
        if verb.class == VerbClass::Raising || clausal && !clause_follows {
            return None;
        }
        let comma = (cue_end + 1..=last.min(cue_end + ASIDE_REACH))
            .find(|&k| self.is_punct(k, ",") && self.quote_of(k).is_none())?;
        if comma <= cue_end + 1 || (cue_end + 1..comma).any(|k| self.claimed[k]) {
            return None;
        }
        let (s, e) = self.np_after_unclaimed(comma + 1, 8, true)?;
        let e = self.with_appositive(e, last);
        let verb_follows = (e + 1..=last)
            .find(|&k| !(self.is_punct(k, ",") || self.is_adverb(k)))
            .is_some_and(|k| self.toks[k].is_verb() || self.is_clause_word(k));
        if s != comma + 1 || !verb_follows {
            return None;
        }
        Some(self.extraction(
            vec![self.cover(cue_end + 1, comma - 1)],
            self.cover(i, cue_end),
            Some(self.cover(s, e)),
            "fronted_participle",
            AttributionKind::Indirect,
            0.6,
        ))
    }

    /// True when the verb at `i` may have a nominal subject of its own, which
    /// a frame from the parse needs: a finite verb, a perfect ("has argued"),
    /// a progressive ("is arguing"), a base form after a modal, "do" or
    /// "and". Not a passive, a participle or gerund modifying something, an
    /// infinitive, an imperative or a base form after a comma: on PolNeAR,
    /// the parse gave 1 frame in 40 for those, and the parse is the costliest
    /// step of extraction.
    fn may_have_own_subject(&self, i: usize) -> bool {
        let aux_among = |forms: &[&str]| self.aux_run(i).any(|j| forms.contains(&self.word(j)));
        match self.toks[i].tag {
            "VBD" | "VBZ" | "VBP" => true,
            "VBN" => aux_among(&["has", "have", "had", "'ve", "'d"]) && !aux_among(BE_FORMS),
            "VBG" => aux_among(BE_FORMS),
            "VB" => {
                let before = (0..i).rev().find(|&k| !self.is_adverb(k));
                before.is_some_and(|k| !matches!(self.word(k), "to" | ","))
            }
            _ => false,
        }
    }

    /// Whether the sentence can hold the clause (`ccomp`, `xcomp`) the parse
    /// frame takes for a verb of `class` at `i`: a verb other than `i` (before
    /// it too: "“…,” X said"). An object (verbs of the object and naming
    /// classes) may be any word.
    fn may_have_complement(&self, i: usize, class: VerbClass) -> bool {
        matches!(class, VerbClass::Object | VerbClass::Naming)
            || self
                .toks
                .iter()
                .enumerate()
                .any(|(k, t)| k != i && (t.is_verb() || t.is_finite_verb()))
    }

    /// True for a passive participle: "be" among the auxiliaries before the
    /// cue at `i` ("was informed", "is expected").
    fn is_passive(&self, i: usize) -> bool {
        // "Officials are worried that …": an adjective in -ed names a state
        // of the subject, who holds the belief.
        self.word(i).ends_with("ed")
            && self.toks[i].tag != "JJ"
            && self.aux_run(i).any(|j| BE_FORMS.contains(&self.word(j)))
    }

    /// "(When) asked by a reporter whether Y", "X was asked by the host
    /// about Y": the one who asks is the source of the question.
    fn asked_by(&self, i: usize, verb: &CueVerb, cue: Span, last: usize) -> Option<Extraction> {
        if verb.lemma != "ask" || self.word(i + 1) != "by" {
            return None;
        }
        let (s, e) = self.np_after(i + 2, 8)?;
        let e = self.with_appositive(e, last);
        let mut k = e + 1;
        while k <= last && self.is_punct(k, ",") {
            k += 1;
        }
        let question = matches!(
            self.word(k),
            "if" | "whether" | "about" | "why" | "what" | "how" | "when" | "where" | "who" | "to"
        ) || self.is_quote(k);
        if k > last || !question {
            return None;
        }
        let end = if self.is_quote(k) {
            self.quote_opening_at(k)
                .map_or(last, |(_, close)| close.min(last))
        } else {
            self.phrase_end(k, last)
        };
        Some(self.extraction(
            vec![self.cover(k, end)],
            cue,
            Some(self.cover(s, e)),
            "asked_by",
            AttributionKind::Indirect,
            0.6,
        ))
    }

    /// Attributions with no source: raising verbs ("X seemed to Y"), passives
    /// ("X is expected to Y", "it was reported that Y") and "when asked
    /// whether Y". The content is the subject (when there is one) and the complement.
    fn sourceless(&self, i: usize, verb: &CueVerb, cue: Span, last: usize) -> Option<Extraction> {
        let lex = Lexicon::get();
        let aux = self.aux_run(i);
        let passive = self.is_passive(i);
        // "When asked whether Y", "Asked about Y, X said", "X was asked about
        // Y": the question is reported; who asked goes unnamed.
        let asked = verb.lemma == "ask"
            && (i == 0
                || passive
                || matches!(
                    self.word(i - 1),
                    "when" | "after" | "if" | "as" | "before" | "once"
                ))
            && !matches!(self.word(i + 1), "by" | "to" | "for");
        if asked {
            let k = i + 1 + usize::from(self.particle_after(i, verb));
            return (k <= last).then(|| {
                let end = self.phrase_end(k, last);
                self.extraction(
                    vec![self.cover(k, end)],
                    cue,
                    None,
                    "asked_sourceless",
                    AttributionKind::Indirect,
                    0.6,
                )
            });
        }
        if !(passive || verb.class == VerbClass::Raising)
            || self.is_word(i + 1) && self.word(i + 1) == "by"
        {
            return None;
        }
        let mut k = i + 1;
        // "It appears, though, that …"
        if self.is_punct(k, ",")
            && matches!(self.word(k + 1), "though" | "however" | "too")
            && self.is_punct(k + 2, ",")
        {
            k += 3;
        }
        let last = self.clause_end(i, last);
        if k > last {
            return None;
        }
        let first_aux = aux.last().unwrap_or(i);
        let complement = self.cover(k, self.phrase_end(k, last));
        // "it was reported that …", "it seems (like) …": the dummy subject is
        // no content; "it is expected to …" refers back, and is.
        let rule = if passive {
            "passive_sourceless"
        } else {
            "raising_sourceless"
        };
        let sourceless = |content: Vec<Span>, confidence: f64| {
            let mut found = self.extraction(
                content,
                cue,
                None,
                rule,
                AttributionKind::Indirect,
                confidence,
            );
            found.cue_aux = None;
            found
        };
        if first_aux > 0 && self.word(first_aux - 1) == "it" {
            if self.word(k) == "to" {
                let it = self.cover(first_aux - 1, first_aux - 1);
                return Some(sourceless(vec![it, complement], 0.6));
            }
            let clause = self.word(k) == "that"
                || verb.class == VerbClass::Raising && starts_clause(self, k)
                || verb.class == VerbClass::Raising && self.word(k) == "like";
            return clause.then(|| sourceless(vec![complement], 0.7));
        }
        // "This seems like …": a demonstrative stands alone as the subject.
        let demonstrative = first_aux
            .checked_sub(1)
            .filter(|&d| matches!(self.word(d), "this" | "that" | "these" | "those"))
            .filter(|&d| d == 0 || !self.is_word(d - 1) || self.is_punct(d - 1, ","));
        let (s, e) = match demonstrative {
            Some(d) => (d, d),
            None => self.np_before(first_aux)?,
        };
        // "X seemed unfazed", "X appears to": a raising verb needs a
        // complement; "X appeared at a rally" is no attribution.
        let tag = self.toks[k].tag;
        let has_complement = self.word(k) == "to"
            || matches!(self.word(k), "that" | "like" | "as")
            || tag.is_empty()
            || tag.starts_with("JJ")
            || (matches!(tag, "RB" | "RBS" | "RBR")
                && self
                    .toks
                    .get(k + 1)
                    .is_some_and(|t| t.tag.starts_with("JJ") || t.tag == "VBN"));
        // "Smith was criticized for …", "Roof is accused of …": a judgement
        // passed on the subject by someone unnamed.
        let judged = passive
            && verb.class == VerbClass::Object
            && matches!(self.word(k), "for" | "of" | "as" | "with");
        if judged && lex.pronoun(self.word(s)).is_none() {
            return Some(sourceless(vec![self.cover(s, e), complement], 0.5));
        }
        if !(self.word(k) == "to" || verb.class == VerbClass::Raising)
            || !has_complement
            || lex.pronoun(self.word(s)).is_some() && s != e
        {
            return None;
        }
        Some(sourceless(vec![self.cover(s, e), complement], 0.6))
    }

    /// The sentence as one quotation (opening at its first token and closing
    /// at its end), if it is one.
    fn whole_quotation(&self) -> Option<Span> {
        let (open, close) = self.quote_opening_at(0)?;
        let last_word = (0..self.len())
            .rev()
            .find(|&j| self.toks[j].kind != TokenKind::Punct)?;
        (close >= last_word && close > open).then(|| self.cover(open, close))
    }

    /// "Trump said on Twitter." / "he asked." / "said Smith, an aide.": a
    /// sentence that is only a speaker and a speech cue, whose content is the
    /// quotation before it. The content is left empty for the caller.
    fn bare_frame(&self, index: usize) -> Option<Extraction> {
        let last = self.last_content_token()?;
        let i = (0..=last.min(8)).find(|&j| self.cue_verb_at(j).is_some())?;
        let verb = self.cue_verb_at(i)?;
        if !matches!(verb.class, VerbClass::Speech | VerbClass::Belief) {
            return None;
        }
        let ends_here =
            |k: usize| k > last || self.adjunct_to_end(k, last) || self.is_punct(k, ",");
        let mention = match self.np_before(i) {
            Some((0, e)) if ends_here(i + 1) => (0, e),
            None if i == 0 => {
                let (s, e) = self.np_after(1, 10)?;
                let e = self.with_appositive(e, last);
                if !ends_here(e + 1) {
                    return None;
                }
                (s, e)
            }
            _ => return None,
        };
        let mut found = self.extraction(
            Vec::new(),
            self.cover(i, i),
            Some(self.cover(mention.0, mention.1)),
            "quote_cue_source",
            AttributionKind::DirectQuote,
            0.85,
        );
        found.sentence = index;
        found.cue_aux = self.aux_before(i);
        Some(found)
    }

    /// True for an adverb: tagged RB, or untagged and ending in -ly. Never a
    /// capitalised word inside the sentence ("Kelly said").
    /// True when the tagger reads token `k` as a proper noun ("Ted", "Sterling").
    fn is_proper_noun(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.tag.starts_with("NNP"))
    }

    fn is_adverb(&self, k: usize) -> bool {
        let tok = &self.toks[k];
        if k > 0 && tok.is_capitalized(self.text) {
            return false;
        }
        if tok.is_untagged() {
            is_ly_adverb(self.word(k))
        } else {
            tok.tag == "RB" && is_ly_adverb(self.word(k))
        }
    }

    /// True when token `k` can open a noun phrase (an object): a determiner,
    /// pronoun, noun, adjective or number. Always true for untagged tokens.
    fn opens_noun_phrase(&self, k: usize) -> bool {
        let tag = self.toks[k].tag;
        tag.is_empty()
            || is_np_tag(tag)
            || matches!(tag, "PRP" | "WP" | "WDT" | "WRB" | "EX" | "IN")
    }

    /// The end of an object phrase starting at `k`: before the first comma,
    /// semicolon or dash outside quotation marks ("backed the deal, while …").
    fn phrase_end(&self, k: usize, last: usize) -> usize {
        (k + 1..=last)
            .find(|&j| {
                self.quote_of(j).is_none()
                    && ((self.toks[j].kind == TokenKind::Punct
                        && matches!(self.word(j), "," | ";" | "—" | "–" | "--" | "("))
                        // A subordinate clause is no part of the object ("support him because …").
                        || matches!(self.word(j), "because" | "although" | "though" | "while" | "whereas" | "unless"))
            })
            .map_or(last, |j| j - 1)
    }

    /// True when token `k` opens a clause or ends a phrase: punctuation, a
    /// pronoun, a conjunction or subordinator.
    fn opens_clause(&self, k: usize) -> bool {
        !self.is_word(k)
            || matches!(
                self.toks[k].tag,
                "PRP" | "WP" | "WP$" | "WDT" | "WRB" | "EX"
            )
            || matches!(
                self.word(k),
                "that"
                    | "and"
                    | "or"
                    | "but"
                    | "as"
                    | "if"
                    | "because"
                    | "since"
                    | "after"
                    | "before"
                    | "until"
                    | "while"
                    | "although"
                    | "though"
                    | "so"
                    | "than"
                    | "whether"
                    | "once"
                    | "unless"
            )
    }

    /// True when the cue whose content starts at `k` has a relative pronoun
    /// for subject ("voters who want to …"): the words before `k` back to
    /// the pronoun are the cue and its auxiliaries.
    fn relative_cue(&self, k: usize) -> bool {
        (k.saturating_sub(5)..k)
            .rev()
            .take_while(|&j| {
                self.toks[j].is_verb()
                    || self.toks[j].tag == "RP"
                    || matches!(
                        self.word(j),
                        "who" | "that" | "which" | "not" | "also" | "to"
                    )
                    || self.is_adverb(j)
            })
            .any(|j| matches!(self.word(j), "who" | "that" | "which"))
    }

    /// Where a content that already has its finite verb (from token `from`)
    /// ends: before a concessive clause (", although …") or a contrast
    /// (", but …"), which are mostly the writer's, not the source's. (A
    /// trailing participle clause, ", throwing the race open", is cut after
    /// an object but not here: measured on PolNeAR, the annotators keep it
    /// in a finite content as often as not, and so they do a subordinate
    /// clause: "… as he faces a test".)
    fn finite_content_end(&self, from: usize, last: usize) -> usize {
        (from.max(2)..=last)
            .find(|&j| {
                self.is_punct(j - 1, ",")
                    && self.quote_of(j).is_none()
                    && matches!(
                        self.word(j),
                        "although" | "though" | "while" | "whereas" | "but"
                    )
            })
            .map_or(last, |j| j - 2)
    }

    /// The end of an object running from `k` to `end` without the time or
    /// place of the act after it: "endorsed Trump (here on Sunday)",
    /// "criticized the plan (Tuesday)". A time governed by a preposition
    /// belongs to the object ("the plans of last year").
    fn before_trailing_time(&self, k: usize, end: usize) -> usize {
        let mut e = end;
        while e > k && self.quote_of(e).is_none() {
            if self.word(e) == "here" {
                e -= 1;
                continue;
            }
            match self.time_adjunct_ending_at(e) {
                Some(s) if s > k && !matches!(self.toks[s - 1].tag, "IN" | "TO") => e = s - 1,
                _ => break,
            }
        }
        e
    }

    /// Where a content without a finite verb of its own (an object, an
    /// infinitive, "that" before its clause) starting at `k` ends, at most at
    /// `last`: before a second predicate of the cue's subject ("refused to
    /// comment and left", "denied the charges, but went on"), and before a
    /// participle clause after a comma ("declared war, leading to …"). Once
    /// the content has a finite verb it is a clause, and runs to `last`.
    fn phrasal_end(&self, k: usize, last: usize, object: bool) -> usize {
        // "that" opens a clause whose verb is still to come.
        if self.word(k) == "that" {
            return last;
        }
        let finite = |j: usize| self.toks[j].is_finite_verb();
        let before = |j: usize| {
            if self.is_punct(j - 1, ",") {
                j - 2
            } else {
                j - 1
            }
        };
        // A cue in a relative clause ("those who want to ban it said …"): a
        // finite verb after its object or infinitive, before any clause opens
        // in them, is the main clause's.
        let relative = object && self.relative_cue(k);
        let mut opened = false;
        for j in k..=last {
            if j == k {
                opened = self.opens_clause(k);
                continue;
            }
            if finite(j - 1) {
                return self.finite_content_end(j, last);
            }
            // Not after a name or pronoun, the subject of a clause of the
            // object's own ("a talk Clinton had").
            if relative
                && !opened
                && finite(j)
                && !matches!(self.toks[j - 1].tag, "NNP" | "NNPS" | "PRP")
                && self.quote_of(j).is_none()
            {
                return j - 1;
            }
            let w = self.word(j);
            opened = opened || self.opens_clause(j);
            if j < k + 2 || self.quote_of(j).is_some() {
                continue;
            }
            // "… when it came to a vote", "after cutting ties": a subordinate
            // clause is no part of an object or an infinitive.
            if object && matches!(w, "after" | "before" | "since" | "when" | "until" | "as") {
                let clause = self.toks.get(j + 1).is_some_and(|t| t.tag == "VBG")
                    || (j + 1..=last.min(j + 5))
                        .take_while(|&v| !self.is_punct(v, ","))
                        .any(finite);
                if clause {
                    return before(j).max(k);
                }
            }
            // "… and left", ", but went on": the cue's subject has a second predicate.
            if matches!(w, "and" | "but") {
                let mut v = j + 1;
                while v < last
                    && (self.is_adverb(v)
                        || matches!(
                            self.word(v),
                            "also" | "later" | "then" | "still" | "now" | "never" | "even" | "not"
                        ))
                {
                    v += 1;
                }
                if v <= last && finite(v) {
                    return before(j).max(k);
                }
            }
            if !self.is_punct(j - 1, ",") {
                continue;
            }
            // ", but …": a contrast is no part of the object.
            if w == "but" {
                return before(j).max(k);
            }
            // ", leading to …": a participle clause, unless it interrupts a
            // clause whose verb follows it ("the economy, including jobs, is …").
            if self.toks[j].tag == "VBG"
                && !matches!(
                    w,
                    "including" | "according" | "depending" | "ranging" | "regarding" | "following"
                )
            {
                let close = (j + 1..=last).find(|&c| self.is_punct(c, ","));
                if !close.is_some_and(|c| c < last && finite(c + 1)) {
                    return before(j).max(k);
                }
            }
        }
        last
    }

    /// "Bill Clinton: Hillary thinks …", "- HuffPollster: “…”": a name, a
    /// colon, and the words it said (headlines, transcripts, roundups).
    fn colon_layout(&self) -> Option<Extraction> {
        let lex = Lexicon::get();
        let colon = (1..self.len().min(9))
            .find(|&j| self.is_punct(j, ":") && self.quote_of(j).is_none())?;
        let start = (0..colon)
            .rev()
            .find(|&j| matches!(self.word(j), "-" | "—" | "–"))
            .map_or(0, |j| j + 1);
        if start >= colon || colon - start > 6 {
            return None;
        }
        let name_like = (start..colon).all(|j| self.np_token(j, lex) || self.is_punct(j, "."))
            && (start..colon).any(|j| self.np_head(j, lex))
            && (start..colon).all(|j| self.cue_verb_at(j).is_none())
            && !(colon - start == 1 && lex.colon_labels.contains(self.word(start)))
            // Inside an article, only a person's full name or a transcript
            // speaker ("TAPPER:") heads a line of speech; headlines take any name.
            && (self.title
                || (start..colon).filter(|&j| self.toks[j].is_capitalized(self.text)).count() >= 2
                || (colon - start == 1 && self.text_of(start).chars().all(|c| !c.is_lowercase())));
        let last = self.last_content_token()?;
        // What follows must read as words said, not a figure or a handle.
        let said_words = (colon + 1..=last)
            .filter(|&j| self.is_word(j) && self.word(j).chars().all(char::is_alphabetic))
            .count();
        if !name_like || colon >= last || said_words < 3 {
            return None;
        }
        Some(self.extraction(
            vec![self.cover(colon + 1, last)],
            self.cover(colon, colon),
            Some(self.cover(start, colon - 1)),
            "colon_layout",
            AttributionKind::Indirect,
            0.7,
        ))
    }

    /// Tries the frames of a verb cue at token `i`.
    fn verb_frames(
        &self,
        i: usize,
        verb: &CueVerb,
        own_voice: &mut Option<Span>,
    ) -> Option<Extraction> {
        let particle = self.particle_after(i, verb);
        let cue = self.cover(i, i + usize::from(particle));
        let last = self.last_content_token()?;
        if let Some(found) = self.asked_by(i, verb, cue, last) {
            return Some(found);
        }
        if let Some(found) = self.sourceless(i, verb, cue, last) {
            return Some(found);
        }
        if let Some(found) = self.as_reported_by(i, cue, last) {
            return Some(found);
        }
        // The subject of a passive is not the one who speaks ("the company is
        // informed"); the agent after "by" is.
        if self.is_passive(i) {
            return self.passive_with_agent(i, verb, cue, last);
        }
        let subject = self.subject_of(i);

        // "As X informed earlier, Y".
        if let Some((s, e)) = subject {
            if s == 1 && self.word(0) == "as" {
                let comma = (i + 1..=last).find(|&k| self.is_punct(k, ","))?;
                if comma < last && comma <= i + 3 {
                    return Some(self.extraction(
                        vec![self.cover(comma + 1, last)],
                        cue,
                        Some(self.cover(s, e)),
                        "as_source_cue",
                        AttributionKind::Indirect,
                        0.85,
                    ));
                }
            }
        }

        // Quotation or clause before the cue: `"Q," X said` / `Y, said X`.
        // Only with the subject right before the cue: a participle's subject
        // opens the sentence, and what stands between is not its content.
        let before_frame = match subject {
            _ if self.subject_is_distant(i) => None,
            Some((s, _)) => s.checked_sub(1),
            None => i.checked_sub(1),
        };
        if let Some(b) = before_frame {
            // `"Q," he said of the plan`: with the content before it, "of"
            // only names the topic and is no part of the cue.
            let cue = if particle && self.word(i + 1) == "of" {
                self.cover(i, i)
            } else {
                cue
            };
            if let Some(found) = self.cue_after_content(i, b, subject, last, cue, verb) {
                return Some(found);
            }
        }

        let (s, e) = subject?;
        let mention = Some(self.cover(s, e));
        if let Some(rel) = s.checked_sub(1) {
            if matches!(self.word(rel), "which" | "whom" | "that")
                && rel >= 2
                && self.is_punct(rel - 1, ",")
            {
                *own_voice = Some(self.cover(0, rel - 2));
            }
        }

        // "Reuters reported, citing two officials, that …": the outlet relays the cited source.
        if self.is_punct(i + 1, ",") && matches!(self.word(i + 2), "citing" | "quoting") {
            let (ms, me) = self.phrase_until_comma(i + 3, last + 1)?;
            let mut k = me + 1;
            while k <= last && self.is_punct(k, ",") {
                k += 1;
            }
            if k > last {
                return None;
            }
            let mut found = self.extraction(
                vec![self.cover(k, last)],
                cue,
                Some(self.cover(ms, me)),
                "source_cue_citing",
                AttributionKind::Indirect,
                0.8,
            );
            found.via = mention;
            return Some(found);
        }

        self.frame_after_cue(i, particle, verb, cue, (s, e), last)
    }

    /// The content after the cue verb at `i` (its particle with it) and
    /// the frame it makes with the subject `(s, e)`, up to a later ", X
    /// said" frame: a that-clause, a quotation, a colon, a clause, an
    /// infinitive, an object or a name.
    fn frame_after_cue(
        &self,
        i: usize,
        particle: bool,
        verb: &CueVerb,
        cue: Span,
        (s, e): (usize, usize),
        last: usize,
    ) -> Option<Extraction> {
        let lex = Lexicon::get();
        let mention = Some(self.cover(s, e));
        let last = self.clause_end(i, last);
        let mut k = i + 1 + usize::from(particle);
        if lex.takes_addressee(verb)
            && !matches!(self.word(k), "that" | ":" | ",")
            && !self.is_quote(k)
        {
            match (k..(k + 8).min(last + 1)).find(|&j| self.word(j) == "that") {
                Some(that) => k = that,
                None => k += 1,
            }
        }
        // A nominal phrase ("in a statement") or another adjunct between cue and content.
        if let Some((len, PhraseFrame::Nominal)) = self.phrase_at(k) {
            k += len;
        }
        k = self.skip_adjunct(k, last);
        // "X said:" closing the sentence: the content is the next sentence (see `extract`).
        if self.is_punct(self.len() - 1, ":") && (k > last || self.adjunct_to_end(k, last)) {
            return Some(self.extraction(
                Vec::new(),
                cue,
                mention,
                "source_cue_colon",
                AttributionKind::Indirect,
                0.8,
            ));
        }
        while k <= last && self.is_punct(k, ",") {
            k += 1;
        }
        // Nothing but a short adjunct after the cue ("Smith said last week."): no content here.
        if k > last
            || (last < k + 4
                && self.word(k) != "to"
                && self.adjunct_to_end(k, last)
                && (k..=last).all(|j| !self.toks[j].is_verb()))
        {
            return None;
        }
        if self.word(k) == ":" && k < last {
            return Some(self.extraction(
                vec![self.cover(k + 1, last)],
                cue,
                mention,
                "source_cue_quote",
                AttributionKind::Indirect,
                0.9,
            ));
        }
        if let Some((open, close)) = self.quote_opening_at(k) {
            // `X said, "Q," and walked out`: a conjunction after the
            // quotation opens the writer's next clause.
            let mut after = close + 1;
            while after <= last && self.is_punct(after, ",") {
                after += 1;
            }
            // (Not `"A" and "B"`, one content of two quotations.) A
            // participle after a comma opens one too (`"Q," raising doubts`).
            let comma_before = self.is_punct(close - 1, ",") || self.is_punct(close + 1, ",");
            let clause_follows = after < last
                && (matches!(
                    self.word(after),
                    "and" | "but" | "or" | "while" | "before" | "then" | "so" | "because"
                ) && !self.is_quote(after + 1)
                    || comma_before && self.toks[after].tag == "VBG");
            if verb.class == VerbClass::Naming || close >= last || clause_follows {
                return Some(self.extraction(
                    vec![self.cover(open, close)],
                    cue,
                    mention,
                    if verb.class == VerbClass::Naming {
                        "naming_quote"
                    } else {
                        "source_cue_quote"
                    },
                    AttributionKind::DirectQuote,
                    0.85,
                ));
            }
        }
        match verb.class {
            // "called for X to resign", "called on Sanders to …": a call, not a name.
            VerbClass::Naming if particle && self.is_word(k) => Some(self.extraction(
                vec![self.cover(k, self.phrase_end(k, last))],
                cue,
                mention,
                "source_cue_object",
                AttributionKind::Indirect,
                0.6,
            )),
            VerbClass::Naming => {
                // "called the sanctions “illegal”": the quotation follows a short object.
                if let Some((_, close)) =
                    (k..(k + 5).min(last + 1)).find_map(|j| self.quote_opening_at(j))
                {
                    // The object named belongs to the content: "called the lines “unacceptable”".
                    return Some(self.extraction(
                        vec![self.cover(k, close)],
                        cue,
                        mention,
                        "naming_quote",
                        AttributionKind::DirectQuote,
                        0.75,
                    ));
                }
                // "called him an opportunist": the object and its label. Not "a
                // group called Foo", where "called" names rather than attributes.
                let naming_a_thing =
                    matches!(self.word(s), "a" | "an") || self.toks[k].is_capitalized(self.text);
                (!naming_a_thing && self.is_word(k)).then(|| {
                    self.extraction(
                        vec![self.cover(k, self.phrasal_end(k, self.phrase_end(k, last), false))],
                        cue,
                        mention,
                        "naming_object",
                        AttributionKind::Indirect,
                        0.55,
                    )
                })
            }
            _ if self.word(k) == "that" && k < last => Some(self.extraction(
                vec![self.cover(k, self.phrasal_end(k, last, false))],
                cue,
                mention,
                "source_cue_that",
                AttributionKind::Indirect,
                0.85,
            )),
            VerbClass::Intention if self.word(k) == "to" && k < last => Some(self.extraction(
                vec![self.cover(k, self.phrasal_end(k, last, true))],
                cue,
                mention,
                "source_cue_infinitive",
                AttributionKind::Indirect,
                0.7,
            )),
            VerbClass::Speech | VerbClass::Belief if starts_clause(self, k) => {
                Some(self.extraction(
                    vec![self.cover(k, self.phrasal_end(k, last, false))],
                    cue,
                    mention,
                    "source_cue_that",
                    AttributionKind::Indirect,
                    0.7,
                ))
            }
            VerbClass::Object | VerbClass::Intention
                if self.is_quote(k)
                    || self.is_word(k) && !is_stop(self.word(k)) && self.opens_noun_phrase(k)
                    // A gerund clause is an object too: "support deploying troops".
                    || verb.class == VerbClass::Object && self.toks[k].tag == "VBG" =>
            {
                let end = self.phrasal_end(k, self.phrase_end(k, last), true);
                Some(self.extraction(
                    vec![self.cover(k, self.before_trailing_time(k, end))],
                    cue,
                    mention,
                    "source_cue_object",
                    AttributionKind::Indirect,
                    0.6,
                ))
            }
            _ => None,
        }
    }

    /// "The group is reportedly spending $1.5 million": an adverb at `i`
    /// that attributes its clause to unnamed reports. The adverb is the cue,
    /// there is no source, and the content is the clause, adverb and all.
    fn hearsay_adverb(&self, i: usize) -> Option<Extraction> {
        let last = self.last_content_token()?;
        // "X reportedly said …": the cue verb reads its own frame, with the
        // adverb in its cue.
        let mut k = i + 1;
        while k <= last && self.is_clause_word(k) {
            k += 1;
        }
        if k > last || !self.toks[k].is_verb() || self.cue_verb_at(k).is_some() {
            return None;
        }
        // Only in the main clause, whose subject stands right before it
        // (auxiliaries aside): in a relative or subordinate clause, where
        // the hedged clause starts is not known here.
        let mut b = i;
        while b > 0 && self.is_clause_word(b - 1) {
            b -= 1;
        }
        let (s, e) = self.sentence_subject(b)?;
        if e + 1 != b {
            return None;
        }
        Some(self.extraction(
            vec![self.cover(s, self.clause_end(i, last))],
            self.cover(i, i),
            None,
            "hearsay_adverb",
            AttributionKind::Indirect,
            0.6,
        ))
    }

    /// "She issued a statement Tuesday saying …", "Trump fired back a
    /// response saying …", "sent an email to supporters urging …": an act of
    /// publishing a message, whose participle reports what the message says.
    /// News counts the whole act, from the verb at `i` to the participle, as
    /// the cue. Read one verb at a time, the first would take the message as
    /// its object, and the participle, a modifier of the noun, would have no
    /// subject.
    fn message_act(&self, i: usize) -> Option<Extraction> {
        let tag = self.toks[i].tag;
        if !self.toks[i].is_verb() || tag == "VBG" || i == 0 || BE_FORMS.contains(&self.word(i)) {
            return None;
        }
        let lex = Lexicon::get();
        let last = self.last_content_token()?;
        let mut k = i + 1;
        if matches!(self.word(k), "out" | "back" | "off") {
            k += 1;
        }
        if k >= last || !is_determiner(self.word(k)) {
            return None;
        }
        // The participle is the first verb after the message (tags first:
        // most verbs are followed by no participle, and cost no lookup).
        let participle = (k + 1..(k + 11).min(last))
            .take_while(|&j| self.is_word(j) || self.is_punct(j, ","))
            .find(|&j| self.toks[j].is_verb())
            .filter(|&j| self.toks[j].tag == "VBG")?;
        // The message's head after at most three modifiers ("a new radio
        // ad"), then at most a short adjunct before the participle:
        // "Wednesday evening,", "to supporters", "on the subject,".
        let noun = (k + 1..(k + 5).min(participle))
            .take_while(|&j| self.is_word(j))
            .find(|&j| lex.message_nouns.contains(self.word(j)))
            .filter(|&noun| participle < noun + 7)?;
        // Not "documents of …", nor a gerund clause of its own ("before explaining").
        if (noun + 1..participle)
            .any(|j| matches!(self.word(j), "of" | "and") || self.opens_gerund_adverbial(j))
        {
            return None;
        }
        let verb = lex.cue_verb(self.word(participle))?;
        if verb.class == VerbClass::Raising || self.is_passive(i) {
            return None;
        }
        let subject = self.subject_of(i)?;
        let particle = self.particle_after(participle, verb);
        let cue = self.cover(i, participle + usize::from(particle));
        let mut found = self.frame_after_cue(participle, particle, verb, cue, subject, last)?;
        found.rule = "message_act";
        Some(found)
    }

    /// `"Q," X said` / `"Q," said X` / `Y, X said.` with the frame's first token
    /// at `b + 1`; `b` must be the comma or closing quotation mark before it.
    fn cue_after_content(
        &self,
        i: usize,
        b: usize,
        subject: Option<(usize, usize)>,
        last: usize,
        cue: Span,
        verb: &CueVerb,
    ) -> Option<Extraction> {
        let is_comma = self.is_punct(b, ",");
        let closes_quote = self.quote_closing_at(b).is_some();
        if !(is_comma || closes_quote) || b == 0 {
            return None;
        }
        // Inverted order: "said Smith", "said the report".
        let (mention, frame_end) = match subject {
            Some((s, e)) => (Some((s, e)), i),
            None => {
                let (s, e) = self.np_after(i + 1, 10)?;
                let e = self.with_appositive(e, last);
                (Some((s, e)), e)
            }
        };
        // Content before: a quotation ending at b (or at b-1 before a comma), or a clause.
        let quote = self.quote_closing_at(b).or_else(|| {
            if is_comma {
                self.quote_closing_at(b - 1)
            } else {
                None
            }
        });
        let (mut content, rule) = match quote {
            Some((open, close)) => {
                // `The failure was "heartbreaking," he said`: a quotation
                // running on from the sentence's own words takes them in.
                let start = match open.checked_sub(1) {
                    Some(lead_end) if self.is_word(lead_end) => {
                        self.trailing_content_start(lead_end).min(open)
                    }
                    _ => open,
                };
                (vec![self.cover(start, close)], "quote_cue_source")
            }
            None => {
                if !matches!(verb.class, VerbClass::Speech | VerbClass::Belief) {
                    return None;
                }
                let end = b.checked_sub(1)?;
                if !self.is_word(end) && !self.is_quote(end) {
                    return None;
                }
                let start = self.trailing_content_start(end);
                // "As reported by X, investigators found …": an opening adverbial
                // clause alone is no content of the cue after it.
                // A prepositional opener ("In all, …", "On Tuesday, …") belongs to the content.
                let adverbial = matches!(
                    self.word(start),
                    "as" | "while"
                        | "when"
                        | "if"
                        | "although"
                        | "though"
                        | "because"
                        | "since"
                        | "until"
                        | "even"
                        | "once"
                        | "asked"
                ) || matches!(self.toks[start].tag, "VBG" | "VBN")
                    // A gerund subject runs to a frame closing the sentence
                    // ("Finding it is hard, he said.").
                    && (frame_end < last
                        || (start + 1..end).any(|k| self.is_punct(k, ",") || self.is_quote(k)));
                // It is content when a main clause follows it: "If A, B, Jolly said".
                let main_clause_follows = (start + 1..end).any(|k| self.is_punct(k, ","))
                    // "If A, Rubio said, B" / "But, Carson added, B".
                    || subject.is_some()
                        && self.is_punct(frame_end + 1, ",")
                        && frame_end + 2 < last
                        && self.is_word(frame_end + 2);
                // "In a letter to Zucker, Trump asked …": a prepositional
                // phrase alone says nothing.
                let lone_phrase = matches!(self.toks[start].tag, "IN" | "TO")
                    && (start..=end).all(|k| !self.toks[k].is_verb() && !self.is_quote(k));
                if start > end || (start == end || adverbial || lone_phrase) && !main_clause_follows
                {
                    return None;
                }
                (vec![self.cover(start, end)], "trailing_cue")
            }
        };
        // The frame must close the sentence, or open a second quotation: `"A," he said, "B."`.
        let mut k = frame_end + 1;
        if let Some((len, PhraseFrame::Nominal)) = self.phrase_at(k) {
            k += len;
        }
        if Lexicon::get().takes_addressee(verb) && k <= last && !self.is_punct(k, ",") {
            if let Some((_, e)) = self.np_after(k, 4).or(Some((k, k))) {
                k = e + 1;
            }
        }
        if k <= last {
            // A full stop inside one segmented sentence: the segmenter kept
            // `"A," she said. "B."` together (mixed quotation marks).
            let after_comma =
                self.is_punct(k, ",") || self.is_punct(k, ":") || self.is_punct(k, ".");
            match self.quote_opening_at(k + 1).filter(|_| after_comma) {
                // `"A," he said, "B."`
                Some((open, close)) => content.push(self.cover(open, close.min(self.len() - 1))),
                // `Y, he said, Z.`: the cue interrupts the content (after a
                // whole quotation, what follows is the writer's: `"Q," Gil
                // said, and the boys followed`).
                None if after_comma
                    && rule == "trailing_cue"
                    && subject.is_some()
                    && k < last
                    && self.is_word(k + 1)
                    && !(self.word(k + 1).ends_with("ing")
                        && self.cue_verb_at(k + 1).is_some()) =>
                {
                    content.push(self.cover(k + 1, last));
                }
                // `On ABC's "This Week," Rubio said that …`: the quotation is
                // a title, and `In the debate, X asked Y about Z` opens with an
                // adverbial: the content follows the cue.
                None if subject.is_some()
                    && (self.opens_reported_clause(k)
                        || rule == "trailing_cue"
                            && matches!(
                                self.word(k),
                                "about" | "whether" | "why" | "how" | "what"
                            )) =>
                {
                    return None;
                }
                // After a quotation, anything may follow the source: adjuncts,
                // appositives, a participial clause.
                None if rule == "quote_cue_source" => {}
                // `Y, said X, but Z.`: another clause follows the frame.
                None if after_comma
                    && matches!(
                        self.word(k + 1),
                        "but" | "and" | "while" | "although" | "though" | "adding"
                    ) => {}
                None if self.adjunct_to_end(k, last) => {}
                // `Y, said Democrats who know him.`: a relative clause on the
                // source closes the frame.
                None if matches!(self.word(k), "who" | "whose") && subject.is_none() => {}
                None => return None,
            }
        }
        let (s, e) = mention?;
        Some(self.extraction(
            content,
            cue,
            Some(self.cover(s, e)),
            rule,
            if rule == "quote_cue_source" {
                AttributionKind::DirectQuote
            } else {
                AttributionKind::Indirect
            },
            if rule == "quote_cue_source" {
                0.9
            } else {
                0.75
            },
        ))
    }

    /// "X reports on it, referring to A and B": the article names its sources.
    fn sourcing(&self) -> Option<SourcingStatement> {
        let lex = Lexicon::get();
        let (r, len) = (0..self.len()).find_map(|i| match self.phrase_at(i) {
            Some((len, PhraseFrame::Referring)) => Some((i, len)),
            _ => None,
        })?;
        // The reporting verb and its subject come first; between the verb and
        // the referring phrase only "on it"/"about this" may stand.
        // The frame is specific enough to trust the verb list over the tagger
        // ("The Gaze reports" reads as a noun phrase to it).
        let v = (0..r).find(|&k| {
            self.is_word(k)
                && !self.toks[k].is_capitalized(self.text)
                && Lexicon::get().cue_verb(self.word(k)).is_some()
        })?;
        let filler_only = (v + 1..r).all(|k| {
            matches!(
                self.word(k),
                "on" | "about" | "it" | "this" | "that" | "the" | "news" | ","
            )
        });
        // Only an outlet reporting, writing or informing, as the sentence's
        // subject, with no quotation: "Mr. Hedge said, referring to the
        // resort" is an attribution, not the article's sourcing.
        let outlet_verb = lex.cue_verb(self.word(v)).is_some_and(|verb| {
            matches!(
                verb.lemma.as_str(),
                "report" | "write" | "inform" | "publish"
            )
        });
        if !filler_only || !outlet_verb || !self.regions.is_empty() {
            return None;
        }
        let (ps, pe) = self.np_before(v)?;
        if ps != 0
            || lex.pronoun(self.word(ps)).is_some()
            || !self.toks[pe].is_capitalized(self.text)
        {
            return None;
        }
        let last = self.last_content_token()?;
        // A clause after the list makes it a relayed claim, not the article's sourcing.
        if (r + len..=last).any(|k| self.word(k) == "that" || self.cue_verb_at(k).is_some()) {
            return None;
        }
        let mut cited = Vec::new();
        let mut start = r + len;
        for k in r + len..=last + 1 {
            let boundary = k > last || self.is_punct(k, ",") || self.word(k) == "and";
            if boundary {
                let mut s = start;
                while s < k && is_determiner(self.word(s)) {
                    s += 1;
                }
                // A cited source is a name ("Reuters", "the Interior Ministry").
                if s < k && self.toks[s].is_capitalized(self.text) {
                    cited.push(self.cover(s, k - 1));
                } else if s < k {
                    return None;
                }
                start = k + 1;
            }
        }
        if cited.is_empty() {
            return None;
        }
        Some(SourcingStatement {
            sentence: self.index,
            publisher: Some(self.cover(ps, pe)),
            cited,
        })
    }
}

/// True when token `k` can open a complement clause without "that" ("said
/// each year counts"): any word but a preposition, conjunction or object pronoun.
fn starts_clause(view: &SentenceView, k: usize) -> bool {
    // "said about half of them …": a quantity, not a topic.
    let quantity = matches!(view.word(k), "about" | "more" | "less")
        && view.toks.get(k + 1).is_some_and(|t| {
            t.tag == "CD" || matches!(view.word(k + 1), "half" | "a" | "one" | "than")
        })
        // "said much of the money was wasted"
        || view.word(k) == "much" && view.word(k + 1) == "of";
    quantity
        || view.is_word(k)
            && !matches!(
                view.word(k),
                "to" | "for"
                    | "about"
                    | "with"
                    | "of"
                    | "by"
                    | "as"
                    | "so"
                    | "and"
                    | "or"
                    | "but"
                    | "in"
                    | "on"
                    | "at"
                    | "from"
                    | "than"
                    | "before"
                    | "after"
                    | "while"
                    | "because"
                    | "until"
                    | "despite"
                    | "during"
                    | "him"
                    | "them"
                    | "me"
                    | "us"
                    | "goodbye"
                    | "hello"
                    | "thanks"
                    | "sorry"
                    | "little"
                    | "much"
                    | "more"
                    | "less"
            )
}

/// The forms of "be" that make a passive or a progressive.
const BE_FORMS: &[&str] = &["is", "are", "was", "were", "be", "been", "being"];

/// Tags of words that stand inside a noun phrase: nouns, adjectives,
/// numbers, determiners, possessives.
fn is_np_tag(tag: &str) -> bool {
    matches!(
        tag,
        "NN" | "NNS"
            | "NNP"
            | "NNPS"
            | "JJ"
            | "JJR"
            | "JJS"
            | "CD"
            | "DT"
            | "PDT"
            | "PRP$"
            | "POS"
            | "HYPH"
            // The treebank's tag for a split word's part, which the tagger
            // gives some hyphenated words ("front-runner").
            | "GW"
    )
}

/// What opens a modifier after a noun (see [`SentenceView::modifier_opener`]).
enum Modifier {
    /// "officials who know him"
    Relative,
    /// "one Republican involved in the planning"
    Participle,
    /// "a source familiar with the talks"
    Adjective,
}

/// How far before the phrase found for a subject the opener of a modifier
/// ending in it is looked for (see [`SentenceView::with_post_modifier`]).
const MODIFIER_REACH: usize = 10;

/// How far after a participle the verb of its clause is looked for (see
/// [`SentenceView::reduced_relative`]).
const RELATIVE_REACH: usize = 12;

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "neither"
            | "either"
            | "each"
            | "every"
            | "another"
    )
}

/// Function words that never belong to a source noun phrase.
fn is_stop(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "and"
            | "or"
            | "but"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "than"
            | "if"
            | "when"
            | "while"
            | "because"
            | "it"
            | "there"
            | "not"
    )
}

fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !matches!(w, "only" | "family" | "ally" | "italy" | "july")
}

/// Quotations of a sentence as inclusive token index pairs. A mark left open
/// runs to the sentence end; a closing mark with no opener starts the region
/// at the sentence start (the quotation began in an earlier sentence).
fn quote_regions(text: &str, toks: &[Token]) -> Vec<(usize, usize)> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    for (k, tok) in toks.iter().enumerate() {
        if tok.kind != TokenKind::Quote {
            continue;
        }
        let mark = tok.text(text);
        let opening = match mark {
            "“" | "„" | "«" | "``" => true,
            "”" | "»" => false,
            // A straight mark opens unless one is already open.
            _ => open.is_none(),
        };
        match (opening, open) {
            (true, None) => open = Some(k),
            (true, Some(_)) => {}
            (false, Some(o)) => {
                regions.push((o, k));
                open = None;
            }
            (false, None) => {
                if regions.is_empty() {
                    regions.push((0, k));
                }
            }
        }
    }
    if let Some(o) = open {
        regions.push((o, toks.len().saturating_sub(1)));
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (rule, kind, mention, cue, content fragments) of an extraction.
    type Found = (String, String, Option<String>, String, Vec<String>);

    fn read(text: &str) -> Vec<Found> {
        extract_sentence(text, 0, Span::new(0, text.len()))
            .extractions
            .iter()
            .map(|e| {
                (
                    e.rule.to_string(),
                    e.kind.to_string(),
                    e.mention.map(|m| m.text(text).to_string()),
                    e.cue
                        .iter()
                        .map(|c| c.text(text))
                        .collect::<Vec<_>>()
                        .join(" "),
                    e.content.iter().map(|c| c.text(text).to_string()).collect(),
                )
            })
            .collect()
    }

    /// Runs `check` on the view of `text` and the index of its word `verb`.
    fn check_verb(text: &str, verb: &str, check: impl Fn(&SentenceView, usize) -> bool) -> bool {
        let mut toks = tokenize(text, Span::new(0, text.len()));
        crate::pos::tag(text, &mut toks);
        let view = SentenceView::new(text, 0, &toks);
        let i = (0..toks.len()).find(|&k| view.word(k) == verb).unwrap();
        check(&view, i)
    }

    /// Whether the parse may give the verb `verb` of `text` a frame.
    fn may_have_own_subject(text: &str, verb: &str) -> bool {
        check_verb(text, verb, |view, i| view.may_have_own_subject(i))
    }

    #[test]
    fn a_clause_complement_needs_another_verb_in_the_sentence() {
        let clause = |text: &str, verb: &str| {
            check_verb(text, verb, |view, i| {
                view.may_have_complement(i, VerbClass::Speech)
            })
        };
        assert!(clause("The mayor said taxes are high.", "said"));
        assert!(clause("“Taxes are high,” the mayor said.", "said"));
        assert!(!clause("The mayor said so on Monday.", "said"));
        // An object may be any word.
        assert!(check_verb(
            "The mayor praised him.",
            "praised",
            |view, i| { view.may_have_complement(i, VerbClass::Object) }
        ));
    }

    #[test]
    fn only_verbs_with_a_subject_of_their_own_are_parsed() {
        assert!(may_have_own_subject(
            "The mayor has long argued that taxes are high.",
            "argued"
        ));
        assert!(may_have_own_subject(
            "The mayor is arguing that taxes are high.",
            "arguing"
        ));
        assert!(may_have_own_subject(
            "The mayor will argue that taxes are high.",
            "argue"
        ));
        assert!(may_have_own_subject(
            "The mayor argued that taxes are high.",
            "argued"
        ));
        // A passive, a modifying participle or gerund, an infinitive.
        assert!(!may_have_own_subject(
            "The mayor was told that taxes are high.",
            "told"
        ));
        assert!(!may_have_own_subject(
            "The plan, argued by the mayor, failed.",
            "argued"
        ));
        assert!(!may_have_own_subject(
            "The mayor spoke, arguing that taxes are high.",
            "arguing"
        ));
        assert!(!may_have_own_subject(
            "The mayor came to argue that taxes are high.",
            "argue"
        ));
    }

    fn one(text: &str) -> Found {
        let mut found = read(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        found.remove(0)
    }

    #[test]
    fn quote_then_source_then_cue() {
        let (rule, kind, mention, cue, content) = one("\"Prices will fall,\" the minister said.");
        assert_eq!(rule, "quote_cue_source");
        assert_eq!(kind, "direct_quote");
        assert_eq!(mention.as_deref(), Some("the minister"));
        assert_eq!(cue, "said");
        assert_eq!(content, vec!["\"Prices will fall,\""]);
    }

    #[test]
    fn inverted_cue_then_source() {
        let (_, _, mention, _, content) = one("“We are ready,” said Maria Lopez.");
        assert_eq!(mention.as_deref(), Some("Maria Lopez"));
        assert_eq!(content, vec!["“We are ready,”"]);
    }

    #[test]
    fn split_quote_has_two_fragments() {
        let (_, _, mention, _, content) = one("\"We tried,\" she said, \"and we failed.\"");
        assert_eq!(mention.as_deref(), Some("she"));
        assert_eq!(content, vec!["\"We tried,\"", "\"and we failed.\""]);
    }

    #[test]
    fn according_to_before_and_after() {
        let (rule, kind, mention, cue, content) =
            one("According to the city council, the bridge will close.");
        assert_eq!(
            (rule.as_str(), kind.as_str()),
            ("according_to", "according_to")
        );
        assert_eq!(mention.as_deref(), Some("the city council"));
        assert_eq!(cue, "According to");
        assert_eq!(content, vec!["the bridge will close"]);

        let (_, _, mention, _, content) =
            one("The bridge will close, according to city engineers.");
        assert_eq!(mention.as_deref(), Some("city engineers"));
        assert_eq!(content, vec!["The bridge will close"]);
    }

    #[test]
    fn reported_speech_with_and_without_that() {
        let (rule, kind, mention, _, content) = one("The mayor said that the bridge was unsafe.");
        assert_eq!(
            (rule.as_str(), kind.as_str()),
            ("source_cue_that", "indirect")
        );
        assert_eq!(mention.as_deref(), Some("The mayor"));
        assert_eq!(content, vec!["that the bridge was unsafe"]);

        let (_, _, mention, _, content) = one("Senator Ann Ross believes the vote is lost.");
        assert_eq!(mention.as_deref(), Some("Senator Ann Ross"));
        assert_eq!(content, vec!["the vote is lost"]);
    }

    #[test]
    fn told_skips_the_addressee() {
        let (_, _, mention, cue, content) = one("Smith told reporters that the talks had failed.");
        assert_eq!(mention.as_deref(), Some("Smith"));
        assert_eq!(cue, "told");
        assert_eq!(content, vec!["that the talks had failed"]);
    }

    #[test]
    fn trailing_cue_after_clause() {
        let (rule, _, mention, _, content) = one("The talks had failed, a senior official said.");
        assert_eq!(rule, "trailing_cue");
        assert_eq!(mention.as_deref(), Some("a senior official"));
        assert_eq!(content, vec!["The talks had failed"]);
    }

    #[test]
    fn colon_and_quote_after_cue() {
        let (rule, kind, mention, _, content) =
            one("The ministry stated: \"No troops will cross.\"");
        assert_eq!(
            (rule.as_str(), kind.as_str()),
            ("source_cue_quote", "direct_quote")
        );
        assert_eq!(mention.as_deref(), Some("The ministry"));
        assert_eq!(content, vec!["\"No troops will cross.\""]);
    }

    #[test]
    fn partial_quote_in_relative_clause_leaves_own_voice() {
        let text = "Both towns face new taxes, which Ortega called “unfair.”";
        let reading = extract_sentence(text, 0, Span::new(0, text.len()));
        let e = &reading.extractions[0];
        assert_eq!(e.rule, "naming_quote");
        assert_eq!(e.mention.unwrap().text(text), "Ortega");
        assert_eq!(e.content[0].text(text), "“unfair.”");
        assert_eq!(
            reading.own_voice.unwrap().text(text),
            "Both towns face new taxes"
        );
    }

    #[test]
    fn pronoun_subject_with_adverb_and_object_content() {
        let (rule, _, mention, cue, content) = one("He also expressed his hope for a quick deal.");
        assert_eq!(rule, "source_cue_object");
        assert_eq!(mention.as_deref(), Some("He"));
        assert_eq!(cue, "expressed");
        assert_eq!(content, vec!["his hope for a quick deal"]);
    }

    #[test]
    fn as_source_informed_earlier() {
        let (rule, _, mention, cue, content) =
            one("As the Daily Post reported earlier, the plant closed in May.");
        assert_eq!(rule, "as_source_cue");
        assert_eq!(mention.as_deref(), Some("the Daily Post"));
        assert_eq!(cue, "reported");
        assert_eq!(content, vec!["the plant closed in May"]);
    }

    #[test]
    fn as_reported_by_an_agent() {
        let (rule, _, mention, cue, content) =
            one("As reported by the Daily Post, the plant closed in May.");
        assert_eq!(
            (rule.as_str(), cue.as_str()),
            ("as_reported_by", "reported")
        );
        assert_eq!(mention.as_deref(), Some("the Daily Post"));
        assert_eq!(content, vec!["the plant closed in May"]);
        let (_, _, mention, _, content) =
            one("The plant closed in May, as first reported by the Daily Post.");
        assert_eq!(mention.as_deref(), Some("the Daily Post"));
        assert_eq!(content, vec!["The plant closed in May"]);
    }

    #[test]
    fn intention_needs_an_infinitive() {
        let (rule, _, mention, _, content) = one("The union vowed to strike in June.");
        assert_eq!(rule, "source_cue_infinitive");
        assert_eq!(mention.as_deref(), Some("The union"));
        assert_eq!(content, vec!["to strike in June"]);
    }

    #[test]
    fn no_attribution_without_frame() {
        assert!(read("The leaders met to announce a new partnership.").is_empty());
        assert!(read("Rain fell on the city all day.").is_empty());
        assert!(read("They agreed on a plan.").is_empty());
    }

    #[test]
    fn sourcing_sentence() {
        let text = "The Daily Post reports on it, referring to Reuters and the Interior Ministry.";
        let reading = extract_sentence(text, 0, Span::new(0, text.len()));
        let sourcing = reading.sourcing.expect("sourcing");
        assert!(reading.extractions.is_empty());
        assert_eq!(sourcing.publisher.unwrap().text(text), "The Daily Post");
        let cited: Vec<_> = sourcing.cited.iter().map(|s| s.text(text)).collect();
        assert_eq!(cited, vec!["Reuters", "Interior Ministry"]);
    }

    #[test]
    fn adjuncts_between_cue_and_content_are_skipped() {
        let (_, _, mention, _, content) =
            one("The company said on Friday that it had closed the plant.");
        assert_eq!(mention.as_deref(), Some("The company"));
        assert_eq!(content, vec!["that it had closed the plant"]);
        let (_, kind, _, _, content) = one("Jones said Wednesday, \"We will appeal.\"");
        assert_eq!(kind, "direct_quote");
        assert_eq!(content, vec!["\"We will appeal.\""]);
    }

    #[test]
    fn inverted_source_keeps_its_appositives_and_trailing_adjuncts() {
        let (_, _, mention, _, _) =
            one("\"Prices are rising,\" said Ana Ruiz, director of the Harbor Institute, a research group.");
        assert_eq!(
            mention.as_deref(),
            Some("Ana Ruiz, director of the Harbor Institute, a research group")
        );
        let (_, _, mention, _, _) = one("\"No,\" said Sen. Jo Park (D-Ore.), who chairs it.");
        assert_eq!(
            mention.as_deref(),
            Some("Sen. Jo Park (D-Ore.), who chairs it")
        );
        let (_, _, mention, _, content) =
            one("\"We will win,\" Ruiz said on Thursday during a rally in Ohio.");
        assert_eq!(mention.as_deref(), Some("Ruiz"));
        assert_eq!(content, vec!["\"We will win,\""]);
    }

    #[test]
    fn cue_inside_the_content_splits_it() {
        let (_, _, mention, _, content) = one("The golf industry, she said, is doing much better.");
        assert_eq!(mention.as_deref(), Some("she"));
        assert_eq!(content, vec!["The golf industry", "is doing much better"]);
    }

    #[test]
    fn appositive_subject_and_relative_pronoun() {
        let (_, _, mention, _, content) =
            one("Mark Lee, chairman of the Port Board, said the harbor would stay open.");
        assert_eq!(
            mention.as_deref(),
            Some("Mark Lee, chairman of the Port Board")
        );
        assert_eq!(content, vec!["the harbor would stay open"]);

        let text = "The plan was drafted by Ana Ruiz, who said it would save money.";
        let e = &extract_sentence(text, 0, Span::new(0, text.len())).extractions[0];
        assert_eq!(e.mention.unwrap().text(text), "who");
        assert_eq!(e.antecedent.unwrap().text(text), "Ana Ruiz");
        assert_eq!(e.content[0].text(text), "it would save money");

        let text = "Ana Ruiz, who said it would save money, voted for the plan.";
        let e = &extract_sentence(text, 0, Span::new(0, text.len())).extractions[0];
        assert_eq!(e.content[0].text(text), "it would save money");
    }

    #[test]
    fn participles_and_coordinated_verbs_take_the_sentence_subject() {
        let found = read("The governor vetoed the bill, saying it would raise taxes.");
        assert_eq!(found[0].2.as_deref(), Some("The governor"));
        assert_eq!(found[0].4, vec!["it would raise taxes"]);
        let found = read("President Ana Ruiz met the families and said the state must act.");
        assert_eq!(found[0].2.as_deref(), Some("President Ana Ruiz"));
        assert_eq!(found[0].4, vec!["the state must act"]);
    }

    #[test]
    fn subject_with_parenthesis_or_interrupting_adjunct() {
        let (_, _, mention, _, _) = one("Sen. Ann Ross (D-Ore.) said the vote was lost.");
        assert_eq!(mention.as_deref(), Some("Sen. Ann Ross (D-Ore.)"));
        let (_, _, mention, _, _) = one("Judge Ada Lane, in her dissent, said the law was void.");
        assert_eq!(mention.as_deref(), Some("Judge Ada Lane"));
        let (_, _, mention, _, _) = one("The senator from Vermont said the system was rigged.");
        assert_eq!(mention.as_deref(), Some("The senator from Vermont"));
    }

    #[test]
    fn content_stops_before_another_trailing_attribution() {
        let found = read("Unions praised the plan, but they said it came too late.");
        let said = found.iter().find(|f| f.3 == "said").expect("said");
        assert_eq!(said.2.as_deref(), Some("they"));
        assert_eq!(said.4, vec!["it came too late"]);
        let praised = found.iter().find(|f| f.3 == "praised").expect("praised");
        assert_eq!(praised.4, vec!["the plan"]);
    }

    #[test]
    fn colon_layout_names_the_speaker() {
        let (rule, _, mention, cue, content) = one("Mayor Ruiz: The bridge will reopen in May.");
        assert_eq!((rule.as_str(), cue.as_str()), ("colon_layout", ":"));
        assert_eq!(mention.as_deref(), Some("Mayor Ruiz"));
        assert_eq!(content, vec!["The bridge will reopen in May"]);
        assert!(read("Update: The bridge will reopen in May.").is_empty());
        assert!(read("Ruiz: 547.").is_empty());
    }

    #[test]
    fn naming_verbs_without_quotation() {
        let (rule, _, mention, _, content) = one("The editors called him a reckless opportunist.");
        assert_eq!(rule, "naming_object");
        assert_eq!(mention.as_deref(), Some("The editors"));
        assert_eq!(content, vec!["him a reckless opportunist"]);
        assert!(read("They founded a group called Open Harbor.").is_empty());
    }

    #[test]
    fn sourceless_raising_passive_and_asked() {
        let (rule, _, mention, cue, content) = one("The mayor seemed to regret the decision.");
        assert_eq!(
            (rule.as_str(), cue.as_str()),
            ("raising_sourceless", "seemed")
        );
        assert_eq!(mention, None);
        assert_eq!(content, vec!["The mayor", "to regret the decision"]);

        let (rule, _, mention, _, content) = one("The union is expected to strike on Monday.");
        assert_eq!(rule, "passive_sourceless");
        assert_eq!(mention, None);
        assert_eq!(content, vec!["The union", "to strike on Monday"]);

        let (rule, _, _, _, content) = one("It was reported that the plant had closed.");
        assert_eq!(rule, "passive_sourceless");
        assert_eq!(content, vec!["that the plant had closed"]);

        let found = read("She smiled when asked whether she would run, and left.");
        assert_eq!(found[0].0, "asked_sourceless");
        assert_eq!(found[0].4, vec!["whether she would run"]);
    }

    #[test]
    fn outlet_citing_a_source_is_kept_as_via() {
        let text = "Reuters reported, citing two officials, that the deal was off.";
        let reading = extract_sentence(text, 0, Span::new(0, text.len()));
        assert!(reading.sourcing.is_none());
        let e = &reading.extractions[0];
        assert_eq!(e.rule, "source_cue_citing");
        assert_eq!(e.mention.unwrap().text(text), "two officials");
        assert_eq!(e.via.unwrap().text(text), "Reuters");
        assert_eq!(e.content[0].text(text), "that the deal was off");
    }

    #[test]
    fn quotation_running_over_sentences_and_paragraphs() {
        let text = "T\n\n\"We won,\" he said. \"Now we rest. Then we build.\"\n\"More to come.\" Rain fell.";
        let sentences = crate::segment::segment(text);
        let tokens: Vec<_> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
        let readings = extract(text, &sentences, &tokens);
        let e = &readings[1].extractions[0];
        let fragments: Vec<_> = e.content.iter().map(|c| c.text(text)).collect();
        assert_eq!(
            fragments,
            vec!["\"We won,\"", "\"Now we rest. Then we build.\""]
        );
        assert!(readings[2].continues_previous);
        // A closed quotation does not run into the next paragraph.
        assert!(!readings[3].continues_previous);
        assert!(!readings[4].continues_previous);
    }

    #[test]
    fn speaker_sentence_after_an_exclaimed_quotation() {
        let text = "T\n\n\"We need it NOW!\" Trump said on Twitter. Rain fell.";
        let sentences = crate::segment::segment(text);
        let tokens: Vec<_> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
        let readings = extract(text, &sentences, &tokens);
        assert!(readings[1].continues_previous);
        let e = &readings[2].extractions[0];
        assert_eq!(e.mention.unwrap().text(text), "Trump");
        assert_eq!(e.content[0].text(text), "\"We need it NOW!\"");
        assert!(readings[3].extractions.is_empty());
    }

    #[test]
    fn colon_cue_takes_the_next_sentence() {
        let text = "T\n\nThe mayor said on Monday:\n\"The bridge stays closed.\"";
        let sentences = crate::segment::segment(text);
        let tokens: Vec<_> = sentences.iter().map(|s| tokenize(text, s.span)).collect();
        let readings = extract(text, &sentences, &tokens);
        let e = &readings[1].extractions[0];
        assert_eq!(e.rule, "source_cue_colon");
        assert_eq!(e.kind, AttributionKind::DirectQuote);
        assert_eq!(e.content[0].text(text), "\"The bridge stays closed.\"");
        assert!(readings[2].continues_previous);
    }

    #[test]
    fn words_inside_quotes_are_not_cues() {
        let found = read("\"They said no,\" Smith told the panel.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2.as_deref(), Some("Smith"));
    }
}
