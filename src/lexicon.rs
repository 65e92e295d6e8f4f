//! Word lists the pipeline relies on, kept as data files under `lexicons/` and
//! compiled into the binary, so that one fact lives in one place and a
//! reviewer can read or extend a list without touching code.

use crate::model::SourceKind;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// How a multi-word cue phrase behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseFrame {
    /// "according to X": the source follows the phrase.
    AccordingTo,
    /// "in a statement": qualifies a nearby verb cue.
    Nominal,
    /// "referring to A and B": names the sources an outlet relies on.
    Referring,
    /// "reportedly": hedges its clause with unnamed reports; no source.
    Hearsay,
}

/// Which complement frames a cue verb accepts (see `lexicons/cue_verbs.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Speech and writing: that-clauses, bare clauses, quotations, trailing cues.
    Speech,
    /// Belief and knowledge: that-clauses, bare clauses, trailing cues.
    Belief,
    /// Intention: infinitives and that-clauses.
    Intention,
    /// Naming ("called it \"illegal\""): needs a quotation.
    Naming,
    /// The object is the content ("expressed his willingness").
    Object,
    /// "X seems to Y": no source; the content is the subject and the complement.
    Raising,
}

/// A cue verb form's lemma and class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueVerb {
    /// Dictionary form ("say" for "said").
    pub lemma: String,
    /// The frames it accepts.
    pub class: VerbClass,
}

/// A known news outlet or agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The name stored as the canonical source name.
    pub canonical: String,
    /// `news_outlet` or `news_agency`.
    pub kind: SourceKind,
}

/// Every word list, parsed once.
#[derive(Debug)]
pub struct Lexicon {
    /// Inflected cue verb form (lower case) → the verb.
    pub cue_verbs: HashMap<String, CueVerb>,
    /// Lemmas of cue verbs that take an addressee before the content ("told Z that").
    pub addressee_verbs: HashSet<String>,
    /// Multi-word cue phrases, as lower-case word sequences, with their frame.
    pub cue_phrases: Vec<(Vec<String>, PhraseFrame)>,
    /// Titles written before names, as lower-case word sequences ("prime minister").
    pub titles: Vec<Vec<String>>,
    /// One-word titles, lower case, with and without a final period.
    single_titles: HashSet<String>,
    /// First words of the cue phrases, for a quick miss.
    phrase_starts: HashSet<String>,
    /// Demonym (lower case) → place name.
    pub demonyms: HashMap<String, String>,
    /// Any outlet name or alias (lower case) → outlet.
    pub outlets: HashMap<String, Outlet>,
    /// An outlet's web domain (lower case, no `www.`) → outlet.
    outlet_domains: HashMap<String, Outlet>,
    /// Abbreviations that do not end a sentence (lower case, no final period).
    pub abbreviations: HashSet<String>,
    /// Common noun (lower case, singular) → the source kind it gives a mention it heads.
    pub source_nouns: HashMap<String, SourceKind>,
    /// Heads of vague source mentions (lower case).
    pub anonymous_heads: HashSet<String>,
    /// Nouns of documents and findings that stand for their issuer (see
    /// `lexicons/document_nouns.txt`), read only by resolution.
    pub document_nouns: HashSet<String>,
    /// Lower-case particles of personal names ("dos", "von", "al").
    pub name_particles: HashSet<String>,
    /// Phrases that make a mention a deliberately unnamed source, as
    /// lower-case words ("familiar with", "on condition of anonymity").
    anonymity_markers: Vec<Vec<String>>,
    /// Words that are capitalised only at a sentence start (lower case).
    pub function_words: HashSet<String>,
    /// Lower-case modifiers allowed inside a source noun phrase.
    pub np_words: HashSet<String>,
    /// Auxiliaries and adverbs skipped between a subject and its cue.
    pub clause_words: HashSet<String>,
    /// Words of time that never head a source ("said Sunday").
    pub time_words: HashSet<String>,
    /// Nouns heading a source a finding is "in" ("in a Marist poll").
    pub poll_nouns: HashSet<String>,
    /// Nouns naming a published message ("issued a statement saying …").
    pub message_nouns: HashSet<String>,
    /// Words heading a "LABEL: text" line that is not attributed ("Update:").
    pub colon_labels: HashSet<String>,
    /// Adjectives that open a modifier after a source's head with "with" or
    /// "to" ("people familiar with her thinking").
    pub modifier_adjectives: HashSet<String>,
    /// Days of the week (lower case); also in `time_words`.
    pub weekdays: HashSet<String>,
    /// Words and phrases that join a verb cue right after it ("in a
    /// statement", "out"), each as lower-case words.
    pub cue_tails: Vec<Vec<String>>,
    /// (lemma, particle) pairs that form one cue ("call for", "point out").
    pub cue_particles: HashSet<(String, String)>,
    /// Words opening an adjunct between a cue and its content ("on Friday").
    pub adjunct_openers: HashSet<String>,
    /// Words that may open a sentence before a participle whose subject
    /// follows its clause ("After saying …, Smith left").
    pub participle_openers: HashSet<String>,
    /// Cue forms that are verbs whatever their part-of-speech tag ("say", "told").
    pub verb_only_cues: HashSet<String>,
    /// Pronoun (lower case) → what it may refer to.
    pub pronouns: HashMap<String, PronounKind>,
    /// Person pronoun (lower case) → the gender it asks of its antecedent.
    pronoun_genders: HashMap<String, Gender>,
    /// First name (as written, capitalised) → the gender it mostly stands for.
    first_names: HashMap<String, Gender>,
    /// Honorifics (lower case, with and without the period) → gender ("mr." → male).
    honorifics: HashMap<String, Gender>,
}

/// The grammatical gender a person pronoun asks for, or a name suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// he, him; Mr.; a first name mostly given to boys.
    Male,
    /// she, her; Mrs., Ms.; a first name mostly given to girls.
    Female,
}

impl Gender {
    fn parse(code: &str) -> Option<Gender> {
        match code.trim() {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// What a pronoun can stand for when it is the source of a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he, she: the last person source.
    Person,
    /// they: the last source of any kind.
    Group,
    /// it: the last non-person source.
    Institution,
    /// I, we, you: the writer or a quoted speaker; left unresolved.
    Speaker,
}

/// The word in lower case, allocating only when it has upper-case letters.
pub fn lower(word: &str) -> Cow<'_, str> {
    // Nearly every word is ASCII: checked byte by byte.
    let upper = if word.is_ascii() {
        word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        word.chars().any(char::is_uppercase)
    };
    if upper {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Calls `f` with `word` in lower case, as [`lower`] gives it; a short ASCII
/// word is lowered on the stack, since the lexicon is asked about many
/// capitalised words (names) and would otherwise copy each.
fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(lowered) if word.is_ascii() => {
            lowered.copy_from_slice(word.as_bytes());
            lowered.make_ascii_lowercase();
            f(std::str::from_utf8(lowered).expect("ASCII lowered is ASCII"))
        }
        _ => f(&lower(word)),
    }
}

/// An outlet name as compared with others: lower case, hyphens and
/// underscores read as spaces, spaces collapsed. (A leading "the" stays:
/// "the Post" is an alias where "Post" alone is not.)
fn outlet_key(name: &str) -> String {
    let spaced = name.to_lowercase().replace(['-', '_'], " ");
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines of a data file that carry data: trimmed, without blanks and `#` comments.
fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn words_of(text: &str) -> HashSet<String> {
    data_lines(text)
        .flat_map(str::split_whitespace)
        .map(str::to_lowercase)
        .collect()
}

impl Lexicon {
    /// The lexicon compiled into this build.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load_embedded)
    }

    fn load_embedded() -> Lexicon {
        let weekdays = words_of(include_str!("../lexicons/weekdays.txt"));
        let mut cue_verbs = HashMap::default();
        let mut addressee_verbs = HashSet::default();
        let mut class = None;
        for line in data_lines(include_str!("../lexicons/cue_verbs.txt")) {
            if let Some(header) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                class = Some(header);
                continue;
            }
            let mut forms = line.split_whitespace();
            let Some(first) = forms.next() else { continue };
            // "!plan plans planning": the lemma itself is not a cue form.
            let (lemma, lemma_is_form) = match first.strip_prefix('!') {
                Some(lemma) => (lemma, false),
                None => (first, true),
            };
            let verb_class = match class {
                Some("addressee") => {
                    addressee_verbs.insert(lemma.to_string());
                    continue;
                }
                Some("speech") => VerbClass::Speech,
                Some("belief") => VerbClass::Belief,
                Some("intention") => VerbClass::Intention,
                Some("naming") => VerbClass::Naming,
                Some("object") => VerbClass::Object,
                Some("raising") => VerbClass::Raising,
                other => panic!("lexicons/cue_verbs.txt: unknown class {other:?}"),
            };
            let cue = CueVerb {
                lemma: lemma.to_string(),
                class: verb_class,
            };
            for form in std::iter::once(lemma)
                .filter(|_| lemma_is_form)
                .chain(forms)
            {
                cue_verbs.insert(form.to_string(), cue.clone());
            }
        }

        let cue_phrases: Vec<(Vec<String>, PhraseFrame)> =
            data_lines(include_str!("../lexicons/cue_phrases.txt"))
                .filter_map(|line| {
                    let (phrase, frame) = line.split_once('\t')?;
                    let frame = match frame.trim() {
                        "according_to" => PhraseFrame::AccordingTo,
                        "nominal" => PhraseFrame::Nominal,
                        "referring" => PhraseFrame::Referring,
                        "hearsay" => PhraseFrame::Hearsay,
                        other => panic!("lexicons/cue_phrases.txt: unknown frame {other}"),
                    };
                    Some((
                        phrase.split_whitespace().map(str::to_lowercase).collect(),
                        frame,
                    ))
                })
                .collect();

        let titles: Vec<Vec<String>> = data_lines(include_str!("../lexicons/titles.txt"))
            .map(|line| line.split_whitespace().map(str::to_lowercase).collect())
            .collect();

        let demonyms = data_lines(include_str!("../lexicons/demonyms.tsv"))
            .filter_map(|line| {
                let (demonym, place) = line.split_once('\t')?;
                Some((demonym.trim().to_lowercase(), place.trim().to_string()))
            })
            .collect();

        let mut outlets = HashMap::default();
        let mut outlet_domains = HashMap::default();
        for line in data_lines(include_str!("../lexicons/outlets.tsv")) {
            let mut cols = line.split('\t');
            let (Some(name), Some(kind)) = (cols.next(), cols.next()) else {
                continue;
            };
            let kind: SourceKind = kind.trim().parse().expect("lexicons/outlets.tsv: bad kind");
            let outlet = Outlet {
                canonical: name.trim().to_string(),
                kind,
            };
            let aliases = cols.next().unwrap_or("");
            for alias in std::iter::once(name).chain(aliases.split('|')) {
                let alias = alias.trim();
                if !alias.is_empty() {
                    outlets.insert(alias.to_lowercase(), outlet.clone());
                    outlets.insert(outlet_key(alias), outlet.clone());
                }
            }
            for domain in cols.next().unwrap_or("").split('|') {
                let domain = domain.trim();
                if !domain.is_empty() {
                    outlet_domains.insert(domain.to_lowercase(), outlet.clone());
                }
            }
        }

        let source_nouns = data_lines(include_str!("../lexicons/source_nouns.tsv"))
            .filter_map(|line| {
                let (noun, kind) = line.split_once('\t')?;
                let kind = kind
                    .trim()
                    .parse()
                    .expect("lexicons/source_nouns.tsv: bad kind");
                Some((noun.trim().to_lowercase(), kind))
            })
            .collect();

        let mut pronoun_genders = HashMap::default();
        let pronouns = data_lines(include_str!("../lexicons/pronouns.tsv"))
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let (word, kind) = (cols.next()?, cols.next()?);
                if let Some(gender) = cols.next().and_then(Gender::parse) {
                    pronoun_genders.insert(word.trim().to_string(), gender);
                }
                let kind = match kind.trim() {
                    "person" => PronounKind::Person,
                    "group" => PronounKind::Group,
                    "institution" => PronounKind::Institution,
                    "speaker" => PronounKind::Speaker,
                    other => panic!("lexicons/pronouns.tsv: unknown kind {other}"),
                };
                Some((word.trim().to_string(), kind))
            })
            .collect();

        let single_titles = titles
            .iter()
            .filter(|t| t.len() == 1)
            .flat_map(|t| [t[0].clone(), t[0].trim_end_matches('.').to_string()])
            .collect();
        let phrase_starts = cue_phrases
            .iter()
            .map(|(words, _)| words[0].clone())
            .collect();

        Lexicon {
            single_titles,
            phrase_starts,
            cue_verbs,
            addressee_verbs,
            cue_phrases,
            titles,
            demonyms,
            outlets,
            outlet_domains,
            pronoun_genders,
            first_names: data_lines(include_str!("../lexicons/first_names.tsv"))
                .filter_map(|line| {
                    let (name, gender) = line.split_once('\t')?;
                    Some((name.trim().to_string(), Gender::parse(gender)?))
                })
                .collect(),
            honorifics: data_lines(include_str!("../lexicons/honorifics.tsv"))
                .filter_map(|line| {
                    let (word, gender) = line.split_once('\t')?;
                    Some((word.trim().to_lowercase(), Gender::parse(gender)?))
                })
                .flat_map(|(h, g)| [(format!("{h}."), g), (h, g)])
                .collect(),
            abbreviations: words_of(include_str!("../lexicons/abbreviations.txt")),
            source_nouns,
            anonymous_heads: words_of(include_str!("../lexicons/anonymous.txt")),
            name_particles: words_of(include_str!("../lexicons/name_particles.txt")),
            document_nouns: words_of(include_str!("../lexicons/document_nouns.txt")),
            anonymity_markers: data_lines(include_str!("../lexicons/anonymity_markers.txt"))
                .map(|line| line.split_whitespace().map(str::to_lowercase).collect())
                .collect(),
            function_words: words_of(include_str!("../lexicons/function_words.txt")),
            np_words: words_of(include_str!("../lexicons/np_words.txt")),
            clause_words: words_of(include_str!("../lexicons/clause_words.txt")),
            adjunct_openers: words_of(include_str!("../lexicons/adjunct_openers.txt")),
            verb_only_cues: words_of(include_str!("../lexicons/verb_only_cues.txt")),
            colon_labels: words_of(include_str!("../lexicons/colon_labels.txt")),
            time_words: words_of(include_str!("../lexicons/time_words.txt"))
                .union(&weekdays)
                .cloned()
                .collect(),
            weekdays,
            modifier_adjectives: words_of(include_str!("../lexicons/modifier_adjectives.txt")),
            cue_tails: data_lines(include_str!("../lexicons/cue_tails.txt"))
                .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
                .collect(),
            poll_nouns: words_of(include_str!("../lexicons/poll_nouns.txt")),
            message_nouns: words_of(include_str!("../lexicons/message_nouns.txt")),
            participle_openers: words_of(include_str!("../lexicons/participle_openers.txt")),
            cue_particles: data_lines(include_str!("../lexicons/cue_particles.txt"))
                .filter_map(|l| {
                    let (verb, particle) = l.trim().split_once(' ')?;
                    Some((verb.to_lowercase(), particle.trim().to_lowercase()))
                })
                .collect(),
            pronouns,
        }
    }

    /// The cue verb `word` (lower case) is a form of, if any.
    pub fn cue_verb(&self, word: &str) -> Option<&CueVerb> {
        self.cue_verbs.get(word)
    }

    /// True when the verb takes an addressee before its content ("told Z that").
    pub fn takes_addressee(&self, verb: &CueVerb) -> bool {
        self.addressee_verbs.contains(&verb.lemma)
    }

    /// True when `word` (any case, with or without a final period) is a title.
    pub fn is_title(&self, word: &str) -> bool {
        with_lower(word, |w| self.single_titles.contains(w))
    }

    /// True when `word` (any case) is a function word.
    pub fn is_function_word(&self, word: &str) -> bool {
        with_lower(word, |w| self.function_words.contains(w))
    }

    /// True when `stem` (any case, without its final period) is a listed
    /// abbreviation ("Aug", "Gov").
    pub fn is_abbreviation(&self, stem: &str) -> bool {
        with_lower(stem, |w| self.abbreviations.contains(w))
    }

    /// True when a cue phrase may start with `word` (lower case).
    pub fn starts_phrase(&self, word: &str) -> bool {
        self.phrase_starts.contains(word)
    }

    /// The source kind a common noun gives, trying its singular too.
    pub fn source_noun_kind(&self, word: &str) -> Option<SourceKind> {
        with_lower(word, |lower| {
            self.source_nouns
                .get(lower)
                .or_else(|| {
                    lower
                        .strip_suffix('s')
                        .and_then(|s| self.source_nouns.get(s))
                })
                .copied()
        })
    }

    /// What a pronoun (any case) may refer to, if `word` is one.
    pub fn pronoun(&self, word: &str) -> Option<PronounKind> {
        with_lower(word, |w| self.pronouns.get(w).copied())
    }

    /// True when `word` (lower case) names a document, record or finding that
    /// stands for its issuer: a `document` source noun or one of
    /// `lexicons/document_nouns.txt`, singular or plural.
    pub fn is_issued_document(&self, word: &str) -> bool {
        self.source_noun_kind(word) == Some(SourceKind::Document)
            || self.document_nouns.contains(word)
            || word
                .strip_suffix('s')
                .is_some_and(|w| self.document_nouns.contains(w))
    }

    /// True when `words` (lower case) hold an anonymity marker ("a person
    /// familiar with the talks", "officials who spoke on condition of anonymity").
    pub fn marks_anonymity<S: AsRef<str>>(&self, words: &[S]) -> bool {
        self.anonymity_markers.iter().any(|marker| {
            words
                .windows(marker.len())
                .any(|w| w.iter().zip(marker).all(|(a, b)| a.as_ref() == b))
        })
    }

    /// The gender a person pronoun (any case) asks of its antecedent.
    pub fn pronoun_gender(&self, word: &str) -> Option<Gender> {
        with_lower(word, |w| self.pronoun_genders.get(w).copied())
    }

    /// The gender a person's name suggests: its honorific ("Mr. Rubin") or,
    /// failing that, its first name ("Hillary Clinton"); `None` when neither
    /// says (a surname alone, a name given to both).
    pub fn name_gender(&self, name: &str) -> Option<Gender> {
        let first = name.split_whitespace().next()?;
        if let Some(&g) = with_lower(first, |w| self.honorifics.get(w)) {
            return Some(g);
        }
        let mut chars = first.chars();
        let capitalised: String = chars
            .next()?
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect();
        self.first_names.get(&capitalised).copied()
    }

    /// The gender an honorific ("Mr.", "Ms") stands for.
    pub fn honorific_gender(&self, word: &str) -> Option<Gender> {
        with_lower(word, |w| self.honorifics.get(w).copied())
    }

    /// The place a demonym names ("Ukrainian" → "Ukraine").
    pub fn place_of(&self, demonym: &str) -> Option<&str> {
        with_lower(demonym, |w| self.demonyms.get(w).map(String::as_str))
    }

    /// The outlet a name or alias stands for, whatever its case, hyphens or
    /// underscores for spaces (the slugs of file names and
    /// metadata: `wash-post`, `usa_today`), or a web address or domain of it
    /// (`https://www.washingtonpost.com/…`, `edition.cnn.com`).
    pub fn outlet(&self, name: &str) -> Option<&Outlet> {
        if let Some(o) = with_lower(name, |w| self.outlets.get(w)) {
            return Some(o);
        }
        // Only names with such marks pay for the slower look-ups below.
        if !name.contains(['-', '_', '.', '/', ' ']) {
            return None;
        }
        self.outlets
            .get(&outlet_key(name))
            .or_else(|| self.outlet_of_address(name))
    }

    /// The outlet whose web domain an address or bare domain names; a
    /// subdomain counts as its domain (`edition.cnn.com` → CNN).
    pub fn outlet_of_address(&self, address: &str) -> Option<&Outlet> {
        let address = address.trim();
        if address.contains(char::is_whitespace) {
            return None;
        }
        let rest = address.split_once("://").map_or(address, |(_, rest)| rest);
        let host = rest.split(['/', '?', '#']).next()?;
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = host.split(':').next()?.trim_end_matches('.').to_lowercase();
        if !host.contains('.') {
            return None;
        }
        let mut domain = host.as_str();
        loop {
            if let Some(o) = self.outlet_domains.get(domain) {
                return Some(o);
            }
            match domain.split_once('.') {
                Some((_, parent)) if parent.contains('.') => domain = parent,
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        let lex = Lexicon::get();
        assert_eq!(lex.cue_verb("said").unwrap().lemma, "say");
        assert_eq!(lex.cue_verb("said").unwrap().class, VerbClass::Speech);
        assert_eq!(lex.cue_verb("expressed").unwrap().class, VerbClass::Object);
        assert!(lex.takes_addressee(lex.cue_verb("told").unwrap()));
        assert!(lex.is_title("President"));
        assert!(lex.is_title("Sen."));
        assert_eq!(lex.place_of("Ukrainian"), Some("Ukraine"));
        assert_eq!(lex.outlet("reuters").unwrap().kind, SourceKind::NewsAgency);
        assert_eq!(lex.outlet("AP").unwrap().canonical, "Associated Press");
        assert!(lex.abbreviations.contains("aug"));
        assert_eq!(lex.source_noun_kind("reports"), Some(SourceKind::Document));
        assert!(lex.anonymous_heads.contains("officials"));
        assert!(lex
            .cue_phrases
            .iter()
            .any(|(p, f)| p == &["according", "to"] && *f == PhraseFrame::AccordingTo));
        assert!(lex
            .titles
            .iter()
            .any(|t| t == &["prime".to_string(), "minister".to_string()]));
    }

    #[test]
    fn outlets_are_found_by_slug_and_by_web_address() {
        let lex = Lexicon::get();
        let canonical = |name: &str| lex.outlet(name).map(|o| o.canonical.as_str());
        assert_eq!(canonical("wash-post"), Some("The Washington Post"));
        assert_eq!(canonical("usa-today"), Some("USA Today"));
        assert_eq!(canonical("USA_TODAY"), Some("USA Today"));
        assert_eq!(canonical("west-journal"), Some("The Western Journal"));
        assert_eq!(canonical("huff-post"), Some("The Huffington Post"));
        assert_eq!(canonical("washingtonpost.com"), Some("The Washington Post"));
        assert_eq!(
            canonical("https://www.washingtonpost.com/politics/2016/a-story/"),
            Some("The Washington Post")
        );
        assert_eq!(canonical("http://edition.cnn.com:80/x?y#z"), Some("CNN"));
        assert_eq!(canonical("WWW.BBC.CO.UK"), Some("BBC"));
        // Not an outlet: an unknown domain, a word that ends a domain, a
        // name one word short of an alias, a sentence with an address in it.
        assert_eq!(canonical("example.com"), None);
        assert_eq!(canonical("com"), None);
        assert_eq!(canonical("Post"), None);
        assert_eq!(canonical("notcnn.com"), None);
        assert_eq!(canonical("see cnn.com for more"), None);
    }
}
