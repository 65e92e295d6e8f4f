//! Runs the text stages over one article (segment → extract → resolve) and
//! assembles what the store writes: claims, their attributions and sources.

use crate::extract::extract;
use crate::model::{AttributionKind, Resolution, Sentence, Span};
use crate::resolve::{Resolver, SourceEntity};
use crate::segment::segment;
use crate::token::{tokenize, Token, TokenKind};

/// What the caller knows about an article besides its text.
#[derive(Debug, Clone, Default)]
pub struct ArticleMeta {
    /// The outlet that published it, when known from metadata; otherwise the
    /// article's sourcing sentence names it.
    pub publisher: Option<String>,
    /// The article's web address, when known: a known outlet's domain there
    /// names the publisher when metadata does not.
    pub url: Option<String>,
}

/// One attribution of a claim, resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Index into [`ArticleReading::sources`]; `None` for "it was reported".
    pub source: Option<usize>,
    /// How the claim is tied to the source.
    pub kind: AttributionKind,
    /// The cue words.
    pub cue: Vec<Span>,
    /// Auxiliaries and adverbs before the cue ("has also").
    pub cue_aux: Option<Span>,
    /// The source as written.
    pub mention: Option<Span>,
    /// An intermediary source, as an index into [`ArticleReading::sources`].
    pub via: Option<usize>,
    /// The rule's confidence, 0 to 1.
    pub confidence: f64,
    /// Name of the rule that produced it.
    pub rule: &'static str,
    /// How the mention was resolved.
    pub resolution: Resolution,
}

impl Attribution {
    /// The stretch from the first cue word to the last; `None` without a cue.
    pub fn cue_cover(&self) -> Option<Span> {
        self.cue.iter().copied().reduce(|x, y| x.cover(y))
    }
}

/// A statement of the article with what backs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// The sentence it comes from.
    pub sentence: Span,
    /// Its content: one fragment, or several when a cue splits a quotation.
    pub content: Vec<Span>,
    /// Who backs it; at least one entry.
    pub attributions: Vec<Attribution>,
}

impl Claim {
    /// The content's text; fragments joined by a space.
    pub fn text(&self, body: &str) -> String {
        self.content
            .iter()
            .map(|s| s.text(body))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The smallest span covering every fragment of the content.
    pub fn content_cover(&self) -> Span {
        self.content
            .iter()
            .copied()
            .reduce(|a, b| a.cover(b))
            .unwrap_or(self.sentence)
    }
}

/// Everything the pipeline reads in one article.
#[derive(Debug, Clone)]
pub struct ArticleReading {
    /// The title line, if the text has one.
    pub title: Option<String>,
    /// Sentences in reading order (the title first, flagged).
    pub sentences: Vec<Sentence>,
    /// Sources named in the article, canonical.
    pub sources: Vec<SourceEntity>,
    /// The publishing outlet, as an index into `sources`.
    pub publisher: Option<usize>,
    /// Sources the article says it relies on.
    pub cited: Vec<usize>,
    /// Claims in reading order.
    pub claims: Vec<Claim>,
}

/// Most sources an article may cite for itself ("X reports on it, referring
/// to A and B"); later ones are not read. Every claim stated in the article's
/// own voice is backed by each cited source, so without a cap an article of
/// sourcing sentences and plain sentences made a row per pair: 64 KB gave
/// 1.9 million claim-attributions (6.7 GB of JSON Lines, 88 s). A sourcing
/// statement names one to three sources.
pub const MAX_CITED_SOURCES: usize = 4;

/// Reads an article: every statement becomes a claim tied to its sources.
pub fn read_article(text: &str, meta: &ArticleMeta) -> ArticleReading {
    let sentences = segment(text);
    let tokens: Vec<Vec<Token>> = sentences
        .iter()
        .map(|s| {
            let mut toks = tokenize(text, s.span);
            crate::pos::tag(text, &mut toks);
            toks
        })
        .collect();
    let readings = extract(text, &sentences, &tokens);
    let mut resolver = Resolver::new(text, &tokens);

    let mut publisher = match (&meta.publisher, &meta.url) {
        (Some(p), _) => Some(resolver.outlet(p)),
        (None, Some(url)) => resolver.outlet_of_address(url),
        (None, None) => None,
    };
    let mut cited = Vec::new();
    let mut claims = Vec::new();
    for (sentence, reading) in sentences.iter().zip(&readings) {
        if let Some(sourcing) = &reading.sourcing {
            if let Some(span) = sourcing.publisher {
                let found = resolver.publisher_mention(span).source;
                publisher = publisher.or(found);
            }
            for span in &sourcing.cited {
                if cited.len() >= MAX_CITED_SOURCES {
                    break;
                }
                if let Some(s) = resolver.mention(*span, false).source {
                    if !cited.contains(&s) && Some(s) != publisher {
                        cited.push(s);
                    }
                }
            }
            continue;
        }
        if let Some(own) = reading.own_voice {
            claims.push(article_claim(sentence.span, own));
        }
        for e in &reading.extractions {
            // A relative pronoun ("who said") stands for its antecedent.
            let resolved = match e.antecedent.or(e.mention) {
                Some(span) => resolver.mention(span, true),
                None => crate::resolve::Resolved {
                    source: None,
                    how: Resolution::Sourceless,
                },
            };
            let via = e.via.and_then(|span| resolver.mention(span, false).source);
            claims.push(Claim {
                sentence: sentence.span,
                content: e.content.clone(),
                attributions: vec![Attribution {
                    source: resolved.source,
                    kind: e.kind,
                    cue: e.cue.clone(),
                    cue_aux: e.cue_aux,
                    mention: e.mention,
                    via,
                    confidence: e.confidence,
                    rule: e.rule,
                    resolution: resolved.how,
                }],
            });
        }
        if reading.extractions.is_empty() && !sentence.is_title && !reading.continues_previous {
            let claim = topic_continuation(text, sentence.span, &claims)
                .unwrap_or_else(|| article_claim(sentence.span, sentence.span));
            claims.push(claim);
        }
    }

    // The sourcing sentence may come after claims it backs: fill the
    // article-level backing once the whole article is read.
    for claim in claims.iter_mut().filter(|c| c.attributions.is_empty()) {
        claim.attributions = article_backing(publisher, &cited);
    }

    let title = sentences
        .first()
        .filter(|s| s.is_title)
        .map(|s| s.span.text(text).to_string());
    ArticleReading {
        title,
        sentences,
        sources: resolver.sources,
        publisher,
        cited,
        claims,
    }
}

/// A claim the article states in its own voice; its backing is filled in
/// by [`article_backing`] once the article's sourcing is known.
fn article_claim(sentence: Span, content: Span) -> Claim {
    Claim {
        sentence,
        content: vec![content],
        attributions: Vec::new(),
    }
}

/// Attributions of an article-level claim: the publisher and the cited
/// sources, or nobody named when the article names none.
fn article_backing(publisher: Option<usize>, cited: &[usize]) -> Vec<Attribution> {
    let backers: Vec<Option<usize>> = publisher.iter().chain(cited).map(|&s| Some(s)).collect();
    let backers = if backers.is_empty() {
        vec![None]
    } else {
        backers
    };
    backers
        .into_iter()
        .map(|source| Attribution {
            source,
            kind: AttributionKind::Article,
            cue: Vec::new(),
            cue_aux: None,
            mention: None,
            via: None,
            confidence: 1.0,
            rule: "article_level",
            resolution: Resolution::ArticleLevel,
        })
        .collect()
}

/// A sentence with no cue that goes on with the topic of the source quoted
/// just before: it follows an attributed sentence, says "also" early, and its
/// subject was the subject of an earlier claim by that same source
/// ("Tehran is seeking …, the report said. … Tehran is also interested …").
fn topic_continuation(text: &str, sentence: Span, claims: &[Claim]) -> Option<Claim> {
    let last = claims.last()?.attributions.first()?;
    if last.kind == AttributionKind::Article || last.kind == AttributionKind::Continuation {
        return None;
    }
    let source = last.source?;
    let toks = tokenize(text, sentence);
    let also = toks.iter().take(6).position(|t| t.text(text) == "also")?;
    let subject: Vec<&str> = toks[..also]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    if subject.is_empty() || !toks[0].is_capitalized(text) {
        return None;
    }
    let subject = subject.join(" ");
    let said_before = claims.iter().any(|c| {
        c.attributions
            .iter()
            .any(|a| a.source == Some(source) && a.kind != AttributionKind::Article)
            && c.text(text).starts_with(&subject)
    });
    said_before.then(|| Claim {
        sentence,
        content: vec![sentence],
        attributions: vec![Attribution {
            source: Some(source),
            kind: AttributionKind::Continuation,
            cue: Vec::new(),
            cue_aux: None,
            mention: None,
            via: None,
            confidence: 0.5,
            rule: "topic_continuation",
            resolution: Resolution::Carried,
        }],
    })
}

/// One claim-attribution as `claimdb extract` prints it: the record format
/// the PolNeAR scorer reads (spans are byte offsets into the file's text).
#[derive(Debug, Clone, serde::Serialize)]
pub struct ExtractRecord {
    /// The file the text came from.
    pub file: String,
    /// The claim's text.
    pub claim: String,
    /// Content fragments as `[start, end]` byte offsets.
    pub content_spans: Vec<[usize; 2]>,
    /// The cue words, if any.
    pub cue: Option<String>,
    /// Cue spans, with the auxiliaries and adverbs of the verbal group
    /// ("has also said"), as PolNeAR marks cues.
    pub cue_spans: Vec<[usize; 2]>,
    /// The source's canonical name, if any.
    pub source: Option<String>,
    /// The source as written, if written in the sentence.
    pub mention: Option<String>,
    /// The mention's span (empty when the source is not written there).
    pub source_spans: Vec<[usize; 2]>,
    /// The source's kind.
    pub source_kind: Option<String>,
    /// An intermediary source's name.
    pub via: Option<String>,
    /// How the claim is tied to the source.
    pub kind: &'static str,
    /// The rule that produced it.
    pub rule: &'static str,
    /// The rule's confidence.
    pub confidence: f64,
    /// How the mention was resolved.
    pub resolution: String,
    /// The sentence the claim comes from.
    pub sentence_span: [usize; 2],
}

impl ArticleReading {
    /// One record per claim and attribution, in reading order.
    pub fn records(&self, file: &str, body: &str) -> Vec<ExtractRecord> {
        let pair = |s: &Span| [s.start, s.end];
        let mut out = Vec::new();
        for claim in &self.claims {
            for a in &claim.attributions {
                let source = a.source.map(|s| &self.sources[s]);
                out.push(ExtractRecord {
                    file: file.to_string(),
                    claim: claim.text(body),
                    content_spans: claim.content.iter().map(pair).collect(),
                    cue: (!a.cue.is_empty()).then(|| {
                        a.cue
                            .iter()
                            .map(|c| c.text(body))
                            .collect::<Vec<_>>()
                            .join(" ")
                    }),
                    cue_spans: a.cue_aux.iter().chain(&a.cue).map(pair).collect(),
                    source: source.map(|s| s.name.clone()),
                    mention: a.mention.map(|m| m.text(body).to_string()),
                    source_spans: a.mention.iter().map(pair).collect(),
                    source_kind: source.map(|s| s.kind.to_string()),
                    via: a.via.map(|v| self.sources[v].name.clone()),
                    kind: a.kind.as_str(),
                    rule: a.rule,
                    confidence: a.confidence,
                    resolution: a.resolution.to_string(),
                    sentence_span: pair(&claim.sentence),
                });
            }
        }
        out
    }
}
