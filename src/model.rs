//! The vocabulary shared by every stage: spans, sentences, attributions, sources.
//!
//! Every offset is a byte offset into the article text, end-exclusive, so that a
//! span read back from the database slices the stored body exactly.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// A half-open byte range `[start, end)` into an article's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The text this span covers.
    pub fn text<'a>(&self, source: &'a str) -> &'a str {
        &source[self.start..self.end]
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// One sentence (or title line) found by the segmenter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where it lies in the article.
    pub span: Span,
    /// Index of the paragraph (blank-line or line-break separated block) it belongs to.
    pub paragraph: usize,
    /// True for the article's title line.
    pub is_title: bool,
}

/// How a claim is tied to its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The source's words in quote marks.
    DirectQuote,
    /// Reported speech, belief or intention: "X said that …".
    Indirect,
    /// "According to X, …".
    AccordingTo,
    /// A sentence that carries on the previous sentence's attribution without a cue of its own.
    Continuation,
    /// No source in the sentence: the article itself (its publisher and cited sources) backs it.
    Article,
}

impl AttributionKind {
    /// The name stored in the database and printed in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            AttributionKind::DirectQuote => "direct_quote",
            AttributionKind::Indirect => "indirect",
            AttributionKind::AccordingTo => "according_to",
            AttributionKind::Continuation => "continuation",
            AttributionKind::Article => "article",
        }
    }
}

impl fmt::Display for AttributionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of thing a source is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A named or described human being.
    Person,
    /// A newspaper, broadcaster or news site.
    NewsOutlet,
    /// A wire service such as Reuters.
    NewsAgency,
    /// A ministry, intelligence service, army, court…
    GovernmentAgency,
    /// A company, party, campaign, NGO…
    Organization,
    /// A report, statement, study or letter.
    Document,
    /// A vague or unnamed source: "officials", "a source familiar with the matter".
    Anonymous,
    /// Not enough evidence to say.
    Unknown,
}

impl SourceKind {
    /// Every kind, in the order the schema lists them.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::Person,
        SourceKind::NewsOutlet,
        SourceKind::NewsAgency,
        SourceKind::GovernmentAgency,
        SourceKind::Organization,
        SourceKind::Document,
        SourceKind::Anonymous,
        SourceKind::Unknown,
    ];

    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Person => "person",
            SourceKind::NewsOutlet => "news_outlet",
            SourceKind::NewsAgency => "news_agency",
            SourceKind::GovernmentAgency => "government_agency",
            SourceKind::Organization => "organization",
            SourceKind::Document => "document",
            SourceKind::Anonymous => "anonymous",
            SourceKind::Unknown => "unknown",
        }
    }

    /// True for kinds that are not a human being (what "the report", "it" can stand for).
    pub fn is_institutional(self) -> bool {
        matches!(
            self,
            SourceKind::NewsOutlet
                | SourceKind::NewsAgency
                | SourceKind::GovernmentAgency
                | SourceKind::Organization
                | SourceKind::Document
        )
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Error for a kind name that is not one of [`SourceKind::ALL`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown source kind '{0}' (expected one of: person, news_outlet, news_agency, government_agency, organization, document, anonymous, unknown)")]
pub struct UnknownSourceKind(pub String);

impl FromStr for SourceKind {
    type Err = UnknownSourceKind;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SourceKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| UnknownSourceKind(s.to_string()))
    }
}

/// An attribution as the extractor finds it inside one sentence, before the
/// mention is resolved to a source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// Index of the sentence it was found in.
    pub sentence: usize,
    /// The attributed content; several fragments when a cue splits it (`"A," he said, "B"`).
    pub content: Vec<Span>,
    /// The cue words ("said", "called for", "According to"); empty for continuations.
    pub cue: Vec<Span>,
    /// Auxiliaries and adverbs standing between the source and the cue ("has
    /// also" in "has also said"): part of the verbal group, not of the cue word.
    pub cue_aux: Option<Span>,
    /// The source as written ("He", "the report", "Belarusian President Lukashenko").
    pub mention: Option<Span>,
    /// An intermediary the source is reached through ("Reuters, citing officials").
    pub via: Option<Span>,
    /// What a relative-pronoun mention stands for ("Smith" in "Smith, who said").
    pub antecedent: Option<Span>,
    /// How the content is tied to the source.
    pub kind: AttributionKind,
    /// Name of the rule that fired, kept for audits and per-rule evaluation.
    pub rule: &'static str,
    /// The rule's confidence, 0 to 1.
    pub confidence: f64,
}

/// The article's own statement of where its information comes from
/// ("The Gaze reports on it, referring to Reuters and …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourcingStatement {
    /// Index of the sentence.
    pub sentence: usize,
    /// The reporting outlet, as written.
    pub publisher: Option<Span>,
    /// The sources it says it relies on, as written.
    pub cited: Vec<Span>,
}

/// How a mention was tied to its source; kept with each attribution so that an
/// auditor can see why "He" became "Masoud Pezeshkian".
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "method", rename_all = "snake_case")]
pub enum Resolution {
    /// The mention names the source as written.
    Named,
    /// A known outlet or agency from the lexicon.
    KnownOutlet,
    /// Same name words as a source seen earlier (demonyms folded: "Ukrainian" = "Ukraine").
    Alias {
        /// The source's name it matched.
        matched: String,
    },
    /// A surname completed from the full name seen in the article.
    Surname {
        /// The full name.
        full_name: String,
    },
    /// A near-identical spelling of a name seen in the article.
    Fuzzy {
        /// The name it was taken for.
        matched: String,
        /// Damerau-Levenshtein distance between the two spellings.
        distance: usize,
        /// Normalised similarity, 0 to 1.
        similarity: f64,
    },
    /// A pronoun tied to the last compatible source.
    Pronoun {
        /// The mention it refers back to.
        antecedent: String,
    },
    /// "the report", "the ministry" tied to the last matching source.
    Anaphor {
        /// The mention it refers back to.
        antecedent: String,
    },
    /// A document, study or poll named by who issued it ("a Gallup poll",
    /// "Trump's tweet"): the issuer is the source.
    Issuer {
        /// The document as written.
        document: String,
    },
    /// Carried over from the previous sentence's attribution.
    Carried,
    /// The article itself (publisher and cited sources) backs the claim.
    ArticleLevel,
    /// The sentence attributes without naming anyone ("it was reported", "X seems").
    Sourceless,
    /// No antecedent could be found.
    Unresolved,
}

impl Resolution {
    /// The method as a key (the `resolution_kind` column): "pronoun", "fuzzy", "unresolved"…
    pub fn key(&self) -> &'static str {
        match self {
            Resolution::Named => "named",
            Resolution::KnownOutlet => "known_outlet",
            Resolution::Alias { .. } => "alias",
            Resolution::Surname { .. } => "surname",
            Resolution::Fuzzy { .. } => "fuzzy",
            Resolution::Pronoun { .. } => "pronoun",
            Resolution::Anaphor { .. } => "anaphor",
            Resolution::Issuer { .. } => "issuer",
            Resolution::Carried => "carried",
            Resolution::ArticleLevel => "article_level",
            Resolution::Sourceless => "sourceless",
            Resolution::Unresolved => "unresolved",
        }
    }
}

impl fmt::Display for Resolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Resolution::Named => f.write_str("named as written"),
            Resolution::KnownOutlet => f.write_str("known outlet (lexicon)"),
            Resolution::Alias { matched } => write!(f, "alias of '{matched}' (same name words)"),
            Resolution::Surname { full_name } => {
                write!(f, "surname of '{full_name}' seen in the article")
            }
            Resolution::Fuzzy {
                matched,
                distance,
                similarity,
            } => write!(
                f,
                "fuzzy match of '{matched}' (edit distance {distance}, similarity {similarity:.2})"
            ),
            Resolution::Pronoun { antecedent } => write!(f, "pronoun for '{antecedent}'"),
            Resolution::Anaphor { antecedent } => write!(f, "reference back to '{antecedent}'"),
            Resolution::Issuer { document } => write!(f, "issuer of '{document}'"),
            Resolution::Carried => f.write_str("carried from the previous sentence"),
            Resolution::Sourceless => f.write_str("no source named in the sentence"),
            Resolution::ArticleLevel => {
                f.write_str("article-level backing (publisher and cited sources)")
            }
            Resolution::Unresolved => f.write_str("unresolved: no antecedent found"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_keys_match_their_serialised_method() {
        let all = [
            Resolution::Named,
            Resolution::KnownOutlet,
            Resolution::Alias {
                matched: "x".into(),
            },
            Resolution::Surname {
                full_name: "x".into(),
            },
            Resolution::Fuzzy {
                matched: "x".into(),
                distance: 1,
                similarity: 0.9,
            },
            Resolution::Pronoun {
                antecedent: "x".into(),
            },
            Resolution::Anaphor {
                antecedent: "x".into(),
            },
            Resolution::Carried,
            Resolution::ArticleLevel,
            Resolution::Sourceless,
            Resolution::Unresolved,
        ];
        for r in all {
            let json = serde_json::to_value(&r).unwrap();
            assert_eq!(json["method"], r.key());
        }
    }
}
