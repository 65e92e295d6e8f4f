//! Ties each mention to a canonical source within one article: pronouns and
//! "the report" to their antecedents, aliases and misspellings to one name,
//! surnames to the full name the article gives.
//!
//! Works on one article's text only; merging with sources already in a
//! database is the store's job (by alias lookup).

use crate::lexicon::{lower, Gender, Lexicon, PronounKind};
use crate::model::{Resolution, SourceKind, Span};
use crate::token::{tokenize, Token, TokenKind};
use std::borrow::Cow;
// Keys are the article's own words: a fast hash, not a DoS-resistant one.
use rustc_hash::FxHashMap as HashMap;

/// A source as the article knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEntity {
    /// Canonical name ("Masoud Pezeshkian").
    pub name: String,
    /// What it is.
    pub kind: SourceKind,
    /// Every name form the article uses for it ("Pesezhkian", "Pezeshkian"),
    /// the canonical name included; pronouns and "the report" are not names.
    pub aliases: Vec<String>,
}

/// A mention's resolution: the source (index into [`Resolver::sources`]) and how.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The source, or `None` when nothing fits.
    pub source: Option<usize>,
    /// How the mention was tied to it.
    pub how: Resolution,
}

/// A person named in the article, with where it was named.
#[derive(Debug, Clone)]
struct PersonName {
    /// The name without titles ("Alexander Lukashenko", "Raisi").
    name: String,
    /// Its last word in lower case, which mentions are compared with.
    surname: String,
    /// Byte offset of the name.
    at: usize,
    /// The gender its honorific or first name suggests, if any.
    gender: Option<Gender>,
    /// Named after a title ("Sen.", "Mr.", "President").
    titled: bool,
}

/// A description the article gives a person in an appositive ("Ben Carson,
/// the retired neurosurgeon,"): "the retired neurosurgeon" later is them.
#[derive(Debug, Clone)]
struct Description {
    /// The person's name as written ("Ben Carson").
    name: String,
    /// The description's words in lower case, determiner dropped.
    words: Vec<String>,
    /// Byte offset of the description.
    at: usize,
}

/// Resolves the mentions of one article, in reading order.
#[derive(Debug)]
pub struct Resolver<'a> {
    text: &'a str,
    /// The sources found so far.
    pub sources: Vec<SourceEntity>,
    /// The words of each source's name (see [`name_words`]), in step with
    /// `sources`: every mention is compared with them.
    source_words: Vec<Vec<String>>,
    by_alias: HashMap<String, usize>,
    /// Persons named anywhere in the article (for surnames, fuzzy matches and pronouns).
    persons: Vec<PersonName>,
    /// What the article calls them in appositives, in reading order.
    descriptions: Vec<Description>,
    /// The different full names of `persons` (two words or more), by
    /// surname in lower case.
    full_names_by_surname: HashMap<String, Vec<String>>,
    /// The article's tagged tokens, by sentence: a mention is tokenized
    /// again, without tags, and looks its words' tags up here.
    tokens: &'a [Vec<Token>],
    /// Sources of in-text attributions with the offset of their mention, newest last.
    history: Vec<(usize, usize)>,
    /// Acronyms looked up so far and the name the article spells out for
    /// each: every acronym costs one pass over the article, however often
    /// it is mentioned.
    acronyms: HashMap<String, Option<String>>,
    /// The issuer of the last poll or survey named by its issuer ("a
    /// Reuters/Ipsos poll"): what "the poll" refers back to.
    last_pollster: Option<usize>,
}

impl<'a> Resolver<'a> {
    /// A resolver for `text`, pre-scanning its sentences' tokens for person names.
    pub fn new(text: &'a str, tokens: &'a [Vec<Token>]) -> Self {
        let persons = person_names(text, tokens);
        let mut full_names_by_surname: HashMap<String, Vec<String>> = HashMap::default();
        for p in persons.iter().filter(|p| p.name.contains(' ')) {
            let names = full_names_by_surname.entry(p.surname.clone()).or_default();
            if !names.contains(&p.name) {
                names.push(p.name.clone());
            }
        }
        Resolver {
            text,
            sources: Vec::new(),
            source_words: Vec::new(),
            by_alias: HashMap::default(),
            full_names_by_surname,
            persons,
            descriptions: descriptions(text, tokens),
            tokens,
            history: Vec::new(),
            last_pollster: None,
            acronyms: HashMap::default(),
        }
    }

    /// Adds (or finds) the source an outlet name stands for: the publisher given in metadata.
    pub fn outlet(&mut self, name: &str) -> usize {
        let lex = Lexicon::get();
        match lex.outlet(name) {
            Some(outlet) => self.intern(&outlet.canonical, outlet.kind, name),
            None => self.intern(name, SourceKind::NewsOutlet, name),
        }
    }

    /// The known outlet whose web domain `address` is on, as a source.
    pub fn outlet_of_address(&mut self, address: &str) -> Option<usize> {
        let outlet = Lexicon::get().outlet_of_address(address)?;
        Some(self.intern(&outlet.canonical, outlet.kind, &outlet.canonical))
    }

    /// Resolves the publisher named in the article's sourcing sentence.
    pub fn publisher_mention(&mut self, span: Span) -> Resolved {
        let written = span.text(self.text).trim();
        let name = strip_lower_the(written);
        let lex = Lexicon::get();
        let (source, how) = match lex.outlet(name) {
            Some(o) => (
                self.intern(&o.canonical, o.kind, name),
                Resolution::KnownOutlet,
            ),
            None => match self.by_alias.get(&name.to_lowercase()) {
                Some(&i) => (i, Resolution::Named),
                None => (
                    self.intern(name, SourceKind::NewsOutlet, name),
                    Resolution::Named,
                ),
            },
        };
        Resolved {
            source: Some(source),
            how,
        }
    }

    /// Resolves a mention written at `span`. `attributed` is true for sources of
    /// in-text attributions (they become antecedents for later pronouns).
    pub fn mention(&mut self, span: Span, attributed: bool) -> Resolved {
        let resolved = self.resolve(span);
        if attributed {
            if let Some(s) = resolved.source {
                self.history.push((s, span.start));
            }
        }
        resolved
    }

    fn resolve(&mut self, span: Span) -> Resolved {
        let lex = Lexicon::get();
        let written = span.text(self.text).trim();
        let toks = tokenize(self.text, span);
        let words: Vec<&str> = toks.iter().map(|t| t.text(self.text)).collect();
        let lower: Vec<Cow<str>> = words.iter().map(|w| lower(w)).collect();

        if toks.len() == 1 {
            if let Some(kind) = lex.pronoun(&lower[0]) {
                return self.pronoun(kind, lex.pronoun_gender(&lower[0]), span.start);
            }
            // A relative pronoun whose antecedent the extractor could not
            // find: "who" takes the nearest person named before it in its
            // sentence ("…, said Chris Harvey, who …"); else unresolved.
            if matches!(lower[0].as_ref(), "who" | "which" | "that" | "whom") {
                if matches!(lower[0].as_ref(), "who" | "whom") {
                    if let Some(found) = self.person_before_in_sentence(span.start) {
                        return found;
                    }
                }
                return Resolved {
                    source: None,
                    how: Resolution::Unresolved,
                };
            }
        }
        if let Some(outlet) = lex.outlet(strip_lower_the(written)) {
            let i = self.intern(&outlet.canonical, outlet.kind, strip_lower_the(written));
            return named(i, Resolution::KnownOutlet);
        }
        // "A person familiar with the talks", "officials who spoke on
        // condition of anonymity": deliberately unnamed, whatever names the
        // description holds ("close to the mayor" is not the mayor).
        if lex.marks_anonymity(&lower) && !self.names_a_person_first(&toks) {
            let name = strip_article(written.trim_end_matches([',', ' '])).to_string();
            let name = match name.split_once(' ') {
                Some(("A" | "An" | "The", rest)) => rest.to_string(),
                _ => name,
            };
            let i = self.intern(&name, SourceKind::Anonymous, &name);
            return named(i, Resolution::Named);
        }
        if let Some(found) = self.issuer(&toks, &lower, written) {
            return found;
        }
        let capitalized: Vec<usize> = (0..toks.len())
            .filter(|&k| {
                let w = lower[k].as_ref();
                toks[k].is_capitalized(self.text)
                    && !(lex.function_words.contains(w)
                        || lex.anonymous_heads.contains(w)
                        || lex.np_words.contains(w)
                        || lex.source_noun_kind(w).is_some())
            })
            .collect();
        let head = lower.last().map_or("", |w| w.as_ref());
        let head_kind = lex.source_noun_kind(head);

        // "the report", "the ministry", "this statement": refers back.
        if capitalized.is_empty()
            && toks.len() <= 3
            && matches!(lower[0].as_ref(), "the" | "this" | "that")
            && head_kind.is_some()
        {
            return self.anaphor(head, head_kind.unwrap_or(SourceKind::Document));
        }
        // "officials", "a senior source": vague, unnamed.
        if capitalized.is_empty() && lex.anonymous_heads.contains(head) {
            let name = strip_article(&lower.join(" ")).to_string();
            let i = self.intern(&name, SourceKind::Anonymous, &name);
            return named(i, Resolution::Named);
        }

        let mut name = self.name_part(&toks, &lower);
        // "Former Secretary of State and Democratic frontrunner Hillary
        // Clinton": a description ending in a person's full name is that person.
        // (Only full names with the mention's last word can end it: looked
        // up by surname, not by a pass over every name the article gives.)
        if let Some(person) = self
            .full_names_by_surname
            .get(&surname(&name).to_lowercase())
            .into_iter()
            .flatten()
            .filter(|full| {
                full.len() < name.len()
                    && name
                        .strip_suffix(full.as_str())
                        .is_some_and(|before| before.ends_with(' '))
            })
            .max_by_key(|full| full.len())
        {
            name = person.clone();
        }
        if name.is_empty() {
            return Resolved {
                source: None,
                how: Resolution::Unresolved,
            };
        }
        // From here on the kind comes from the name, not from an appositive.
        let head_kind = lex.source_noun_kind(surname(&name));
        let titled = toks
            .iter()
            .zip(&lower)
            .any(|(t, w)| lex.is_title(w) && t.span.end <= span.end)
            && head_kind.is_none();
        if let Some(&i) = self.by_alias.get(&name.to_lowercase()) {
            return named(i, Resolution::Named);
        }
        if let Some(found) = self.alias_match(&name) {
            return found;
        }
        let is_person = head_kind.is_none()
            && (titled
                || self
                    .persons
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(&name) || surname(&p.name) == name));
        // "the retired neurosurgeon" after "Ben Carson, the retired
        // neurosurgeon,": the person the article described so.
        if capitalized.is_empty() && matches!(lower[0].as_ref(), "the" | "this" | "that") {
            if let Some(found) = self.described(&lower[1..], span.start) {
                return found;
            }
        }
        // "the Florida senator", "the Republican candidate": a title with no
        // name stands for the person last named, as "he" would.
        if titled {
            // "Steven Cheung, a campaign spokesman" names its person: the
            // name part ends in a capitalised word, where "the Florida
            // senator" ends in its title.
            let names_someone = surname(&name)
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            let by_title = !names_someone
                && lex.is_title(head)
                && toks.last().is_some_and(|t| !t.is_capitalized(self.text));
            if by_title {
                if let Resolved {
                    source: Some(i), ..
                } = self.pronoun(PronounKind::Person, None, span.start)
                {
                    return Resolved {
                        source: Some(i),
                        how: Resolution::Anaphor {
                            antecedent: self.sources[i].name.clone(),
                        },
                    };
                }
            }
        }
        if head_kind.is_none() || is_person {
            if let Some(found) = self.person_match(&name, span.start) {
                return found;
            }
        }
        let kind = if is_person {
            SourceKind::Person
        } else if let Some(kind) = head_kind.or_else(|| {
            name.split_whitespace()
                .find_map(|w| lex.source_noun_kind(w))
        }) {
            kind
        } else if looks_like_person(&name) {
            SourceKind::Person
        } else {
            SourceKind::Unknown
        };
        let i = self.intern(&name, kind, &name);
        named(i, Resolution::Named)
    }

    /// The name inside a mention: after a possessive ("Iran’s Masoud
    /// Pezeshkian"), after titles and demonyms before a name ("Belarusian
    /// President Lukashenko"), without a lower-case leading article.
    fn name_part(&self, toks: &[Token], lower: &[Cow<str>]) -> String {
        let lex = Lexicon::get();
        // "Jeb Bush, the former governor" / "Sen. Rand Paul (R-Ky.)": the name
        // stands before the appositive or the parenthesis.
        let (toks, lower) = match toks.iter().position(|t| {
            t.kind == TokenKind::Punct && matches!(t.text(self.text), "," | "(" | "-" | "—")
        }) {
            Some(cut) if cut > 0 => match self.appositive_name(toks, cut) {
                // "A Twitter spokesman, Christopher Abboud,": a role, then
                // the name of the one who holds it: the name wins.
                Some(end) => (&toks[cut + 1..end], &lower[cut + 1..end]),
                None => (&toks[..cut], &lower[..cut]),
            },
            _ => (toks, lower),
        };
        let mut start = toks
            .iter()
            .rposition(|t| t.kind == TokenKind::Clitic)
            .map_or(0, |p| p + 1);
        // Skip modifiers up to the last title that is followed by a capitalised name.
        if let Some(t) = (start..toks.len()).rev().find(|&k| {
            lex.is_title(&lower[k]) && k + 1 < toks.len() && toks[k + 1].is_capitalized(self.text)
        }) {
            start = t + 1;
        }
        while start < toks.len()
            && (matches!(lower[start].as_ref(), "the" | "a" | "an")
                && (!toks[start].is_capitalized(self.text) || toks.len() - start > 2))
        {
            start += 1;
        }
        // "Maybe Donald Trump", "Fascist Trump", "On Trump": a word the
        // tagger reads as no proper noun, capitalised only by the sentence or
        // a headline, is no part of the name that follows it.
        // "a confident-seeming Manafort": lower-case modifiers before a name
        // are not part of it (but "the program and Trump" is two things).
        if let Some(first_capital) =
            (start..toks.len()).find(|&k| toks[k].is_capitalized(self.text))
        {
            let modifiers = &lower[start..first_capital];
            let plain = modifiers.iter().all(|w| {
                !matches!(w.as_ref(), "and" | "or" | "of" | "with" | "nor" | "but")
                    && !lex.is_function_word(w)
                    && !lex.name_particles.contains(w.as_ref())
            });
            // Only before a person's name the article gives.
            let rest_is_name = toks[first_capital..]
                .iter()
                .all(|t| t.is_capitalized(self.text));
            let person = rest_is_name && {
                let rest = Span::new(
                    toks[first_capital].span.start,
                    toks[toks.len() - 1].span.end,
                )
                .text(self.text);
                let last = surname(rest).to_lowercase();
                self.persons
                    .iter()
                    .any(|p| p.name == rest || (p.surname == last && p.name.contains(' ')))
            };
            if first_capital > start
                && plain
                && person
                && toks[start..first_capital]
                    .iter()
                    .all(|t| t.kind == TokenKind::Word)
            {
                start = first_capital;
            }
        }
        // ("The" is left to the rule above: "The Gaze" is a name.)
        while start + 1 < toks.len()
            && toks[start + 1].is_capitalized(self.text)
            && lower[start] != "the"
            && self
                .tag_at(toks[start].span.start)
                .is_some_and(|t| !t.starts_with("NNP"))
        {
            start += 1;
        }
        if start >= toks.len() {
            return String::new();
        }
        // "Holger Schmieding of Berenberg", "Mujtaba Rahman of the Eurasia
        // Group": a person's name, then where they work. ("Bank of America",
        // "Secretary of State" have one word before "of": no person's name.)
        let end = (start + 2..toks.len())
            .find(|&k| {
                lower[k] == "of"
                    && toks
                        .get(k + 1)
                        .is_some_and(|t| t.is_capitalized(self.text) || lower[k + 1] == "the")
                    && toks[start..k].iter().all(|t| t.is_capitalized(self.text))
                    && {
                        // A person for sure: "Illinois Board of Elections",
                        // "Communications Workers of America" are bodies.
                        let before =
                            Span::new(toks[start].span.start, toks[k - 1].span.end).text(self.text);
                        looks_like_person(before)
                            && (lex.name_gender(before).is_some()
                                || self
                                    .persons
                                    .iter()
                                    .any(|p| p.name == before && (p.titled || p.gender.is_some())))
                    }
            })
            .unwrap_or(toks.len());
        Span::new(toks[start].span.start, toks[end - 1].span.end)
            .text(self.text)
            .to_string()
    }

    /// The issuer of a document, study or poll named by it: "a Huffington
    /// Post review of …", "the YouGov/Economist survey", "Trump's tweet",
    /// "new Crowdpac research". The issuer is the run of capitalised words
    /// (with `-` and `/` inside, a possessive after) right before the
    /// document noun; a demonym or title there ("the Russian report") is not
    /// an issuer.
    fn issuer(&mut self, toks: &[Token], lower: &[Cow<str>], written: &str) -> Option<Resolved> {
        let lex = Lexicon::get();
        // The document noun heads the mention's first phrase: the search
        // stops at a comma, a preposition or a relative pronoun ("a person
        // familiar with Johnson's views" is a person, not Johnson's views).
        let first_phrase = toks
            .iter()
            .zip(lower)
            .position(|(t, w)| {
                (t.kind == TokenKind::Punct && t.text(self.text) != "-" && t.text(self.text) != "/")
                    || matches!(
                        w.as_ref(),
                        "of" | "with"
                            | "in"
                            | "by"
                            | "for"
                            | "from"
                            | "at"
                            | "on"
                            | "who"
                            | "which"
                            | "that"
                            | "about"
                            | "to"
                    )
            })
            .unwrap_or(toks.len());
        // The noun must head its phrase: "a GOP data expert" is an expert,
        // "data" only describes him (a noun after it, by the tagger, says so).
        let heads_phrase = |k: usize| {
            toks[..first_phrase].get(k + 1).is_none_or(|next| {
                next.kind != TokenKind::Word
                    || self
                        .tag_at(next.span.start)
                        .is_none_or(|t| !t.starts_with("NN"))
            })
        };
        let head = toks[..first_phrase]
            .iter()
            .zip(lower)
            .enumerate()
            .position(|(k, (t, w))| {
                t.kind == TokenKind::Word
                    && !t.is_capitalized(self.text)
                    && (lex.is_issued_document(w) || lex.poll_nouns.contains(w.as_ref()))
                    && heads_phrase(k)
            })?;
        // "New Hampshire polls", "Exit polls": polls in general, of a place
        // or a kind, not one pollster's poll.
        if lex.poll_nouns.contains(lower[head].as_ref()) && lower[head].ends_with('s') {
            return None;
        }
        let mut end = head;
        if end > 0 && toks[end - 1].kind == TokenKind::Clitic {
            end -= 1;
        }
        let joins =
            |t: &Token| t.kind == TokenKind::Punct && matches!(t.text(self.text), "-" | "/");
        // "University of Texas", "Freedom of Information": "of" between
        // capitalised words belongs to the name.
        let inner_of = |k: usize| {
            lower[k] == "of" && k > 0 && k + 1 < end && toks[k + 1].is_capitalized(self.text)
        };
        let mut start = end;
        while start > 0
            && (toks[start - 1].is_capitalized(self.text)
                || (joins(&toks[start - 1]) && start > 1 && start < end)
                || (start < end && inner_of(start - 1)))
        {
            start -= 1;
        }
        // "a September Washington Post-ABC News poll": the month is when.
        while start < end && lex.time_words.contains(lower[start].as_ref()) {
            start += 1;
        }
        while start < end && joins(&toks[start]) {
            start += 1;
        }
        // An article opening the run ("The IG report", "A CNN/ORC poll") is
        // not part of the issuer's name.
        if start < end && matches!(lower[start].as_ref(), "the" | "a" | "an") {
            start += 1;
        }
        if start >= end {
            return None;
        }
        // The issuer comes early: "the latest CNN/ORC poll", not "a federal
        // judge handling a Freedom of Information Act request".
        const ISSUER_REACH: usize = 3;
        if start > ISSUER_REACH {
            return None;
        }
        let words: Vec<&str> = toks[start..end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| t.text(self.text))
            .collect();
        if words.iter().all(|w| {
            lex.place_of(w).is_some()
                || lex.is_title(w)
                || lex.is_function_word(w)
                || lex.source_noun_kind(w).is_some()
        }) {
            return None;
        }
        let name = Span::new(toks[start].span.start, toks[end - 1].span.end)
            .text(self.text)
            .to_string();
        // A single capitalised word opening the mention may be capitalised
        // only because it opens the sentence ("One tweet", "Early analysis"):
        // it is an issuer only when the article knows it as a name.
        let opens_mention = toks[..start]
            .iter()
            .zip(lower)
            .all(|(t, w)| t.kind == TokenKind::Punct || matches!(w.as_ref(), "the" | "a" | "an"));
        let known = lex.outlet(strip_lower_the(&name)).is_some()
            || self.by_alias.contains_key(&name.to_lowercase())
            || self
                .persons
                .iter()
                .any(|p| p.surname == name.to_lowercase() || p.name == name);
        let acronym =
            name.len() >= 2 && name.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        if words.len() == 1 && opens_mention && !known && !acronym && !name.contains(['/', '-']) {
            return None;
        }
        // An acronym nobody spelled out is an issuer only right after the
        // article: "the FBI data", not "a campaign TV ad".
        if words.len() == 1
            && acronym
            && !known
            && !opens_mention
            && self.expand_acronym(&name).is_none()
        {
            return None;
        }
        let how = Resolution::Issuer {
            document: written.to_string(),
        };
        let source = if let Some(outlet) = lex.outlet(strip_lower_the(&name)) {
            self.intern(&outlet.canonical, outlet.kind, &name)
        } else if let Some(&i) = self.by_alias.get(&name.to_lowercase()) {
            i
        } else if let Some(Resolved {
            source: Some(i), ..
        }) = self.person_match(&name, toks[0].span.start)
        {
            i
        } else {
            // An issuer not otherwise known may be a person ("the Rove
            // ad") or a body ("Crowdpac research"): its kind is not guessed.
            let kind = if looks_like_person(&name) {
                SourceKind::Person
            } else {
                SourceKind::Unknown
            };
            self.intern(&name, kind, &name)
        };
        if lex.poll_nouns.contains(lower[head].as_ref()) {
            self.last_pollster = Some(source);
        }
        Some(Resolved {
            source: Some(source),
            how,
        })
    }

    /// True when the mention opens with a person's name ("Ann Lee, a
    /// lawyer close to the family"): the name, not the description, is the source.
    fn names_a_person_first(&self, toks: &[Token]) -> bool {
        let run = toks
            .iter()
            .take_while(|t| t.is_capitalized(self.text))
            .count();
        run >= 2
            && looks_like_person(
                Span::new(toks[0].span.start, toks[run - 1].span.end).text(self.text),
            )
    }

    /// [`Self::expand_acronym`], remembered per acronym.
    fn cached_acronym(&mut self, acronym: &str) -> Option<String> {
        if let Some(known) = self.acronyms.get(acronym) {
            return known.clone();
        }
        let found = self.expand_acronym(acronym);
        self.acronyms.insert(acronym.to_string(), found.clone());
        found
    }

    /// The name an acronym ("FEC", "NATO") stands for when the article spells
    /// it out: a run of capitalised words (with "of", "for", "and", "the"
    /// inside) whose initials are the acronym's letters, the first such run.
    fn expand_acronym(&self, acronym: &str) -> Option<String> {
        let letters: Vec<char> = acronym.chars().collect();
        if !(2..=6).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
            return None;
        }
        let joins = |w: &str| matches!(w, "of" | "for" | "and" | "the" | "on");
        for toks in self.tokens {
            'start: for start in 0..toks.len() {
                let mut n = 0;
                let mut k = start;
                while k < toks.len() && n < letters.len() {
                    let w = toks[k].text(self.text);
                    if toks[k].is_capitalized(self.text) && n < letters.len() {
                        if !w.starts_with(letters[n]) {
                            continue 'start;
                        }
                        n += 1;
                    } else if !(n > 0 && joins(w)) {
                        continue 'start;
                    }
                    k += 1;
                }
                let ends = k == toks.len() || !toks[k].is_capitalized(self.text);
                if n == letters.len() && ends && k > start + 1 {
                    return Some(
                        Span::new(toks[start].span.start, toks[k - 1].span.end)
                            .text(self.text)
                            .to_string(),
                    );
                }
            }
        }
        None
    }

    /// The person named last before `at` in the same sentence, as a source.
    fn person_before_in_sentence(&mut self, at: usize) -> Option<Resolved> {
        let start = self.sentence_at(at)?.first()?.span.start;
        let p = self
            .persons
            .iter()
            .rev()
            .find(|p| p.at >= start && p.at < at && p.name.contains(' '))?
            .clone();
        let full = without_middle_initials(&p.name).into_owned();
        let i = self.person_source(&full, &p.name);
        Some(Resolved {
            source: Some(i),
            how: Resolution::Anaphor {
                antecedent: self.sources[i].name.clone(),
            },
        })
    }

    /// The source already named `full`, else a new person source of that
    /// name (with `written` as an alias).
    fn person_source(&mut self, full: &str, written: &str) -> usize {
        match self.by_alias.get(&full.to_lowercase()) {
            Some(&i) => i,
            None => self.intern(full, SourceKind::Person, written),
        }
    }

    /// The tokens of the sentence that holds `offset` (a binary search).
    fn sentence_at(&self, offset: usize) -> Option<&'a [Token]> {
        let sentence = self
            .tokens
            .partition_point(|toks| toks.first().is_some_and(|t| t.span.start <= offset));
        Some(&self.tokens[sentence.checked_sub(1)?])
    }

    /// The part-of-speech tag of the article's word starting at `offset`,
    /// when it was tagged (binary searches: its sentence, then the word).
    fn tag_at(&self, offset: usize) -> Option<&'static str> {
        let toks = self.sentence_at(offset)?;
        let k = toks.binary_search_by_key(&offset, |t| t.span.start).ok()?;
        Some(toks[k].tag).filter(|t| !t.is_empty())
    }

    /// Where the name ends when a description ending in a lower-case noun
    /// is followed, after the comma at `comma`, by a person's name of two to
    /// four capitalised words ("another Twitter user, Johanna Bayer,").
    fn appositive_name(&self, toks: &[Token], comma: usize) -> Option<usize> {
        let role_head = &toks[comma - 1];
        if role_head.kind != TokenKind::Word || role_head.is_capitalized(self.text) {
            return None;
        }
        let start = comma + 1;
        let end = (start..toks.len())
            .find(|&k| !toks[k].is_capitalized(self.text))
            .unwrap_or(toks.len());
        let words = end - start;
        let ends_well = end == toks.len() || toks[end].kind == TokenKind::Punct;
        if !(2..=4).contains(&words) || !ends_well {
            return None;
        }
        let name = Span::new(toks[start].span.start, toks[end - 1].span.end);
        looks_like_person(name.text(self.text)).then_some(end)
    }

    /// A source seen before whose name words hold this name's words, with
    /// demonyms read as places ("Ukrainian foreign intelligence" ⊆ "Foreign
    /// Intelligence Service of Ukraine").
    fn alias_match(&mut self, name: &str) -> Option<Resolved> {
        let words = name_words(name);
        if words.len() < 2 {
            return None;
        }
        let i = (0..self.sources.len()).find(|&i| {
            self.sources[i].kind != SourceKind::Person
                && words.iter().all(|w| self.source_words[i].contains(w))
        })?;
        let matched = self.sources[i].name.clone();
        self.add_alias(i, name);
        Some(Resolved {
            source: Some(i),
            how: Resolution::Alias { matched },
        })
    }

    /// A surname or a misspelling of a person named in the article.
    fn person_match(&mut self, name: &str, at: usize) -> Option<Resolved> {
        let last = surname(name).to_lowercase();
        if name.split_whitespace().count() == 1 {
            let full = self.full_name_for_surname(&last, at);
            if let Some(full) = full {
                // A surname two people share names neither of them.
                let alias = if self.surname_is_shared(&last) {
                    full.clone()
                } else {
                    name.to_string()
                };
                let i = self.intern(&full, SourceKind::Person, &alias);
                return Some(Resolved {
                    source: Some(i),
                    how: Resolution::Surname { full_name: full },
                });
            }
        }
        // Misspellings: compare surnames with the persons named in the article.
        let mut best: Option<(usize, String)> = None;
        for p in &self.persons {
            if p.surname == last {
                continue;
            }
            if let Some(d) = close_spelling(&last, &p.surname) {
                if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                    best = Some((d, p.name.clone()));
                }
            }
        }
        let (distance, matched) = best?;
        let full = self
            .persons
            .iter()
            .filter(|p| surname(&p.name).eq_ignore_ascii_case(surname(&matched)))
            .map(|p| p.name.clone())
            .max_by_key(|n| n.len())
            .unwrap_or(matched.clone());
        let similarity =
            strsim::normalized_damerau_levenshtein(&last, &surname(&matched).to_lowercase());
        let i = self.intern(&full, SourceKind::Person, name);
        Some(Resolved {
            source: Some(i),
            how: Resolution::Fuzzy {
                matched: surname(&matched).to_string(),
                distance,
                similarity,
            },
        })
    }

    /// The full name a bare surname at `at` stands for. One person of that
    /// surname: theirs (the longest form the article gives). Two or more
    /// ("Mike Johnson" and "Boris Johnson"): the one the article names most,
    /// and of those the one named last before `at` — never a merge of them.
    fn full_name_for_surname(&self, surname_lower: &str, at: usize) -> Option<String> {
        self.people_with_surname(surname_lower, at)
            .into_iter()
            .max_by_key(|(_, count, last_before)| (*count, *last_before))
            .map(|(name, _, _)| name)
    }

    /// True when the article names two or more people with this surname.
    fn surname_is_shared(&self, surname_lower: &str) -> bool {
        self.people_with_surname(surname_lower, usize::MAX).len() > 1
    }

    /// The different people the article names in full with this surname:
    /// (longest name, times named, offset of the last naming before `at`).
    fn people_with_surname(
        &self,
        surname_lower: &str,
        at: usize,
    ) -> Vec<(String, usize, Option<usize>)> {
        let mut people: Vec<(String, usize, Option<usize>)> = Vec::new();
        for p in self
            .persons
            .iter()
            .filter(|p| p.name.contains(' ') && p.surname == surname_lower)
        {
            let name = without_middle_initials(&p.name).into_owned();
            // "Paul Ryan" and "Paul D. Ryan" are one person; a longer form
            // that holds a shorter one ("Charles Elliott III") is too.
            let same = people.iter_mut().find(|(n, _, _)| {
                n == &name
                    || n.starts_with(&format!("{name} "))
                    || name.starts_with(&format!("{n} "))
            });
            let before = (p.at < at).then_some(p.at);
            match same {
                Some((n, count, last_before)) => {
                    *count += 1;
                    *last_before = before.max(*last_before);
                    if name.len() > n.len() {
                        *n = name;
                    }
                }
                None => people.push((name, 1, before)),
            }
        }
        people
    }

    /// The person the article last described with these words before `at`
    /// (the mention's words after its determiner, all found in the
    /// description and ending in its head noun).
    fn described(&mut self, words: &[Cow<str>], at: usize) -> Option<Resolved> {
        let head = words.last()?;
        let d = self.descriptions.iter().rev().find(|d| {
            d.at < at
                && d.words.last() == Some(&head.to_string())
                && words.iter().all(|w| d.words.iter().any(|x| x == w))
        })?;
        let name = d.name.clone();
        let full = if name.contains(' ') {
            name.clone()
        } else {
            self.full_name_for_surname(&name.to_lowercase(), at)
                .unwrap_or(name.clone())
        };
        let i = self.person_source(&full, &name);
        Some(Resolved {
            source: Some(i),
            how: Resolution::Anaphor {
                antecedent: self.sources[i].name.clone(),
            },
        })
    }

    /// The gender a person source's name suggests, or that of the person
    /// named so in the article ("Mr. Rubin" makes Rubin male).
    fn gender_of(&self, name: &str) -> Option<Gender> {
        Lexicon::get().name_gender(name).or_else(|| {
            self.persons
                .iter()
                .filter(|p| p.name == name || (p.surname == surname(name).to_lowercase()))
                .find_map(|p| p.gender)
        })
    }

    /// The antecedent of a pronoun: the last source (or, for he/she, the
    /// last person named since) that the pronoun can stand for. "She" never
    /// takes a man's name nor "he" a woman's; a name that says nothing of
    /// gender fits either.
    fn pronoun(&mut self, kind: PronounKind, gender: Option<Gender>, at: usize) -> Resolved {
        let compatible = |g: Option<Gender>| gender.is_none() || g.is_none() || g == gender;
        let fits = |s: &SourceEntity| match kind {
            PronounKind::Person => {
                s.kind == SourceKind::Person && compatible(self.gender_of(&s.name))
            }
            PronounKind::Group => true,
            PronounKind::Institution => s.kind.is_institutional(),
            PronounKind::Speaker => false,
        };
        let from_history = self
            .history
            .iter()
            .rev()
            .take(PRONOUN_REACH)
            .find(|(s, _)| fits(&self.sources[*s]))
            .copied();
        // A person named after the last person source is the nearer antecedent.
        let named_later = (kind == PronounKind::Person)
            .then(|| {
                // Capitalised runs are not all people ("Silicon Valley"):
                // only a name with a title, a known first name or
                // honorific, or one already a person source, is taken.
                // (Persons are in reading order: those named before `at`
                // and after the last fitting source, nearest first.)
                let before = self.persons.partition_point(|p| p.at < at);
                self.persons[..before]
                    .iter()
                    .rev()
                    .take_while(|p| from_history.is_none_or(|(_, h)| p.at > h))
                    .take(PRONOUN_REACH)
                    .find(|p| {
                        compatible(p.gender)
                            && (p.titled
                                || p.gender.is_some()
                                || self
                                    .by_alias
                                    .get(&p.name.to_lowercase())
                                    .is_some_and(|&i| self.sources[i].kind == SourceKind::Person))
                    })
            })
            .flatten()
            .cloned();
        if let Some(p) = named_later {
            // The person becomes a source: the pronoun's claim is theirs.
            // A single name after a title ("President Raisi") takes the
            // article's full name for it when there is one.
            let full = if p.name.contains(' ') {
                p.name.clone()
            } else {
                self.persons
                    .iter()
                    .filter(|q| q.name.contains(' ') && q.surname == p.surname)
                    .map(|q| q.name.clone())
                    .max_by_key(|n| n.len())
                    .unwrap_or_else(|| p.name.clone())
            };
            let i = self.person_source(&full, &p.name);
            return pronoun_to(i, &self.sources[i].name);
        }
        match from_history {
            Some((i, _)) => pronoun_to(i, &self.sources[i].name),
            None => Resolved {
                source: None,
                how: Resolution::Unresolved,
            },
        }
    }

    fn anaphor(&self, head: &str, kind: SourceKind) -> Resolved {
        // "the poll", "the survey": whoever conducted the last one named.
        if Lexicon::get().poll_nouns.contains(head) {
            if let Some(i) = self.last_pollster {
                return Resolved {
                    source: Some(i),
                    how: Resolution::Issuer {
                        document: format!("the {head} by {}", self.sources[i].name),
                    },
                };
            }
        }
        let head_singular = head.trim_end_matches('s');
        let candidate = self.history.iter().rev().map(|(s, _)| *s).find(|&s| {
            let source = &self.sources[s];
            source.kind.is_institutional()
                && (kind == SourceKind::Document
                    || source.kind == kind
                    || source.name.to_lowercase().contains(head_singular))
        });
        match candidate {
            Some(i) => Resolved {
                source: Some(i),
                how: Resolution::Anaphor {
                    antecedent: self.sources[i].name.clone(),
                },
            },
            None => Resolved {
                source: None,
                how: Resolution::Unresolved,
            },
        }
    }

    /// The index of the source named `name`, created with `kind` if new;
    /// `alias` is recorded as one of its names.
    fn intern(&mut self, name: &str, kind: SourceKind, alias: &str) -> usize {
        let written = name;
        let canonical = if kind == SourceKind::Person {
            without_middle_initials(name)
        } else if let Some(full) = self.cached_acronym(name) {
            // "FEC" where the article spells out "Federal Election Commission".
            Cow::Owned(full)
        } else {
            Cow::Borrowed(name)
        };
        let name = canonical.as_ref();
        let i = match self.by_alias.get(&name.to_lowercase()) {
            Some(&i) => i,
            None => {
                self.sources.push(SourceEntity {
                    name: name.to_string(),
                    kind,
                    aliases: Vec::new(),
                });
                self.source_words.push(name_words(name));
                self.sources.len() - 1
            }
        };
        self.add_alias(i, name);
        self.add_alias(i, written);
        self.add_alias(i, alias);
        // A person is also named by surname alone ("Pezeshkian said" elsewhere),
        // when the name is made of capitalised words.
        let capitalised = name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
        // Not when the article names two people of that surname: each bare
        // mention is then decided apart (see `full_name_for_surname`).
        if kind == SourceKind::Person
            && name.contains(' ')
            && capitalised
            && !self.surname_is_shared(&surname(name).to_lowercase())
        {
            self.add_alias(i, surname(name));
        }
        i
    }

    fn add_alias(&mut self, i: usize, alias: &str) {
        let alias = alias.trim();
        if alias.is_empty() {
            return;
        }
        self.by_alias.entry(alias.to_lowercase()).or_insert(i);
        let aliases = &mut self.sources[i].aliases;
        if !aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
            aliases.push(alias.to_string());
        }
    }
}

fn named(i: usize, how: Resolution) -> Resolved {
    Resolved {
        source: Some(i),
        how,
    }
}

fn pronoun_to(i: usize, name: &str) -> Resolved {
    Resolved {
        source: Some(i),
        how: Resolution::Pronoun {
            antecedent: name.to_string(),
        },
    }
}

/// How many sources a pronoun looks back over, and how many named persons:
/// an antecedent lies within a few paragraphs, and the bound keeps an article
/// of thousands of incompatible names ("Ann Lee said … He said …") linear.
const PRONOUN_REACH: usize = 64;

/// A middle initial ("J." in "Donald J. Trump"): one capital letter, with
/// or without its period.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), None | Some('.'), None) if c.is_uppercase()
    )
}

/// A person's name as stored: without middle initials ("Donald J. Trump" is
/// Donald Trump), the first and last word kept whatever they are.
fn without_middle_initials(name: &str) -> Cow<'_, str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 3 || !words[1..words.len() - 1].iter().any(|w| is_initial(w)) {
        return Cow::Borrowed(name);
    }
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(n, w)| n == 0 || n + 1 == words.len() || !is_initial(w))
        .map(|(_, w)| *w)
        .collect();
    Cow::Owned(kept.join(" "))
}

/// The last word of a name.
fn surname(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// Drops a lower-case leading "the " (a capitalised "The" may belong to the name).
fn strip_lower_the(name: &str) -> &str {
    name.strip_prefix("the ").unwrap_or(name)
}

fn strip_article(name: &str) -> &str {
    ["the ", "a ", "an "]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(name)
}

/// Lower-case content words of a name with demonyms read as their places.
fn name_words(name: &str) -> Vec<String> {
    let lex = Lexicon::get();
    name.split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.to_lowercase().as_str(),
                    "the" | "of" | "and" | "for" | "a"
                )
        })
        .map(|w| lex.place_of(w).unwrap_or(w).to_lowercase())
        .collect()
}

/// Edit distance between two surnames when close enough to be one name misspelt:
/// same first letter, and at most 1 edit (5–7 letters) or 2 edits (8 or more).
fn close_spelling(a: &str, b: &str) -> Option<usize> {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shortest = la.min(lb);
    if shortest < 5 || a.chars().next() != b.chars().next() {
        return None;
    }
    let allowed = if shortest >= 8 { 2 } else { 1 };
    // The distance is at least the difference in length.
    if la.abs_diff(lb) > allowed {
        return None;
    }
    let d = strsim::damerau_levenshtein(a, b);
    (d <= allowed).then_some(d)
}

/// Two or three capitalised words with no organisation noun read as a person's name.
fn looks_like_person(name: &str) -> bool {
    let lex = Lexicon::get();
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words
            .iter()
            .all(|w| lex.source_noun_kind(w).is_none() && lex.place_of(w).is_none())
        && lex.outlet(name).is_none()
}

/// The longest description an appositive may give, in words.
const MAX_DESCRIPTION_WORDS: usize = 6;

/// Appositive descriptions of named people: "NAME, the/a DESCRIPTION," where
/// NAME is two to four capitalised words and the description's last word, its
/// head, is a lower-case noun ("Donald Trump, the New York businessman,").
fn descriptions(text: &str, tokenized: &[Vec<Token>]) -> Vec<Description> {
    let mut out = Vec::new();
    for toks in tokenized {
        for comma in 2..toks.len() {
            if toks[comma].text(text) != "," {
                continue;
            }
            let name_start = (0..comma)
                .rev()
                .take_while(|&k| toks[k].is_capitalized(text))
                .last();
            let Some(name_start) = name_start else {
                continue;
            };
            let name_words = comma - name_start;
            if !(2..=4).contains(&name_words) {
                continue;
            }
            let name = Span::new(toks[name_start].span.start, toks[comma - 1].span.end)
                .text(text)
                .to_string();
            if !looks_like_person(&name) {
                continue;
            }
            let Some(det) = toks.get(comma + 1) else {
                continue;
            };
            if !matches!(det.text(text), "the" | "a" | "an") {
                continue;
            }
            let body: Vec<&Token> = toks[comma + 2..]
                .iter()
                .take_while(|t| t.kind == TokenKind::Word)
                .take(MAX_DESCRIPTION_WORDS + 1)
                .collect();
            let ends = toks
                .get(comma + 2 + body.len())
                .is_some_and(|t| matches!(t.text(text), "," | "." | ";"));
            let head_ok = body.last().is_some_and(|t| {
                !t.is_capitalized(text) && (t.tag.is_empty() || t.tag.starts_with("NN"))
            });
            if body.is_empty() || body.len() > MAX_DESCRIPTION_WORDS || !ends || !head_ok {
                continue;
            }
            out.push(Description {
                name: without_middle_initials(&name).into_owned(),
                words: body
                    .iter()
                    .map(|t| lower(t.text(text)).into_owned())
                    .collect(),
                at: toks[comma + 1].span.start,
            });
        }
    }
    out
}

/// Persons named in the article: runs of capitalised words of two to four
/// words, or single names right after a title ("President Raisi").
fn person_names(text: &str, tokenized: &[Vec<Token>]) -> Vec<PersonName> {
    let lex = Lexicon::get();
    // Words the article also writes in lower case are ordinary words when
    // they open a sentence ("Later Smith said").
    // (Only sentence openers are asked about: they are collected first, and
    // one pass over the article marks those it also writes in lower case.)
    let mut openers: HashMap<String, bool> = tokenized
        .iter()
        .filter_map(|toks| toks.first())
        .filter(|t| t.is_capitalized(text))
        .map(|t| (lower(t.text(text)).into_owned(), false))
        .collect();
    for t in tokenized.iter().flatten() {
        let w = t.text(text);
        if w.chars().next().is_some_and(char::is_lowercase) {
            if let Some(seen) = openers.get_mut(w) {
                *seen = true;
            }
        }
    }
    let mut out = Vec::new();
    for toks in tokenized {
        let mut k = 0;
        while k < toks.len() {
            if !toks[k].is_capitalized(text) {
                k += 1;
                continue;
            }
            let start = k;
            while k < toks.len() && toks[k].is_capitalized(text) {
                k += 1;
            }
            // Titles, demonyms and sentence-initial function words open the run.
            let mut s = start;
            let mut titled = false;
            while s < k {
                let w = toks[s].text(text);
                if lex.is_title(w) {
                    titled = true;
                } else if !(lex.place_of(w).is_some()
                    || (s == 0 && {
                        let lw = lower(w);
                        lex.function_words.contains(lw.as_ref())
                            || lex.clause_words.contains(lw.as_ref())
                            || openers.get(lw.as_ref()) == Some(&true)
                    })
                    // The run's first word read as no proper noun
                    // ("Maybe Donald Trump"), when more capitals follow.
                    || (s == start
                        && s + 1 < k
                        && !toks[s].tag.is_empty()
                        && !toks[s].tag.starts_with("NNP")))
                {
                    break;
                }
                s += 1;
            }
            // "House Speaker Paul Ryan", "Witness Mr. Trump": the name starts
            // after the last title that a capitalised word follows.
            if let Some(t) = (s..k.saturating_sub(1))
                .rev()
                .find(|&t| lex.is_title(toks[t].text(text)))
            {
                s = t + 1;
                titled = true;
            }
            let titled = titled || (s > 0 && lex.is_title(toks[s - 1].text(text)));
            let honorific = (s > 0)
                .then(|| lex.honorific_gender(toks[s - 1].text(text)))
                .flatten();
            let words: Vec<&str> = toks[s..k]
                .iter()
                .map(|t| t.text(text))
                .enumerate()
                .filter(|&(n, w)| n == 0 || n + 1 == k - s || !is_initial(w))
                .map(|(_, w)| w)
                .collect();
            if words.is_empty() || words.len() > 4 || !(titled || words.len() >= 2) {
                continue;
            }
            let plausible = words.iter().all(|w| {
                lex.source_noun_kind(w).is_none()
                    && lex.outlet(w).is_none()
                    && lex.place_of(w).is_none()
                    && !lex.is_function_word(w)
                    && !w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
            });
            let name = words.join(" ");
            if plausible && lex.outlet(&name).is_none() {
                out.push(PersonName {
                    surname: surname(&name).to_lowercase(),
                    gender: honorific.or_else(|| lex.name_gender(&name)),
                    titled,
                    name,
                    at: toks[s].span.start,
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn resolver(text: &str) -> Resolver<'_> {
        let tokens: Vec<_> = segment(text)
            .iter()
            .map(|s| tokenize(text, s.span))
            .collect();
        // The resolver borrows the tokens; a test's few are simply kept.
        Resolver::new(text, Vec::leak(tokens))
    }

    fn span_of(text: &str, needle: &str, nth: usize) -> Span {
        let start = text.match_indices(needle).nth(nth).expect("needle").0;
        Span::new(start, start + needle.len())
    }

    #[test]
    fn surname_takes_the_full_name_and_pronoun_follows() {
        let text =
            "Talks\n\nPresident Anna Kovac met Ivo Petrov. Kovac said it went well. She left.";
        let mut r = resolver(text);
        let a = r.mention(span_of(text, "Kovac", 1), true);
        let i = a.source.unwrap();
        assert_eq!(r.sources[i].name, "Anna Kovac");
        assert_eq!(r.sources[i].kind, SourceKind::Person);
        let she = r.mention(span_of(text, "She", 0), true);
        assert_eq!(she.source, Some(i));
        assert!(matches!(she.how, Resolution::Pronoun { .. }));
    }

    #[test]
    fn a_pronoun_takes_a_compatible_person_and_names_them_as_a_source() {
        // "she" skips the man named last; "he" skips the woman; both
        // antecedents were only named, never sources, before the pronoun.
        let text = "Talks\n\nThe mayor, Linda Marsh, met Robert Hale on Monday. \
                    She said the port stays open. He said nothing. Mr. Rubin left. He said no.";
        let mut r = resolver(text);
        let she = r.mention(span_of(text, "She", 0), true);
        assert_eq!(r.sources[she.source.unwrap()].name, "Linda Marsh");
        assert!(matches!(she.how, Resolution::Pronoun { .. }));
        let he = r.mention(span_of(text, "He", 0), true);
        assert_eq!(r.sources[he.source.unwrap()].name, "Robert Hale");
        // An honorific says the gender a surname alone does not.
        let rubin = r.mention(span_of(text, "He", 1), true);
        assert_eq!(r.sources[rubin.source.unwrap()].name, "Rubin");
    }

    #[test]
    fn a_pronoun_does_not_take_a_place_or_a_woman_for_he() {
        let text = "T\n\nHillary Clinton spoke in Silicon Valley. He said it was late.";
        let mut r = resolver(text);
        let he = r.mention(span_of(text, "He", 0), true);
        assert_eq!(he.source, None);
        assert_eq!(he.how, Resolution::Unresolved);
    }

    #[test]
    fn names_drop_titles_before_them_and_middle_initials() {
        let text = "T\n\nHouse Speaker Paul Ryan met Donald J. Trump. Ryan said yes. \
                    Donald Trump said no.";
        let mut r = resolver(text);
        let ryan = r.mention(span_of(text, "Ryan", 1), true);
        assert_eq!(r.sources[ryan.source.unwrap()].name, "Paul Ryan");
        let trump = r.mention(span_of(text, "Donald J. Trump", 0), true);
        let i = trump.source.unwrap();
        assert_eq!(r.sources[i].name, "Donald Trump");
        let again = r.mention(span_of(text, "Donald Trump", 0), true);
        assert_eq!(again.source, Some(i));
        assert!(r.sources[i].aliases.iter().any(|a| a == "Donald J. Trump"));
    }

    #[test]
    fn a_title_after_a_name_does_not_send_the_name_to_someone_else() {
        let text = "T\n\nDonald Trump spoke. Steven Cheung, a campaign spokesman, said more.";
        let mut r = resolver(text);
        r.mention(span_of(text, "Donald Trump", 0), true);
        let cheung = r.mention(
            span_of(text, "Steven Cheung, a campaign spokesman", 0),
            true,
        );
        assert_eq!(r.sources[cheung.source.unwrap()].name, "Steven Cheung");
    }

    #[test]
    fn an_appositive_name_wins_over_the_role() {
        let text =
            "T\n\nA harbor spokesman, Tomas Holm, said no. The board chair, Anna Berg, agreed.";
        let mut r = resolver(text);
        let holm = r.mention(span_of(text, "A harbor spokesman, Tomas Holm", 0), true);
        assert_eq!(r.sources[holm.source.unwrap()].name, "Tomas Holm");
        assert_eq!(r.sources[holm.source.unwrap()].kind, SourceKind::Person);
        let berg = r.mention(span_of(text, "The board chair, Anna Berg,", 0), true);
        assert_eq!(r.sources[berg.source.unwrap()].name, "Anna Berg");
    }

    #[test]
    fn a_document_or_poll_stands_for_its_issuer() {
        let text = "T\n\nMayor Lena Ortiz spoke. A new Harbor Institute survey found gains. \
                    The latest Reuters/Ipsos poll agreed. Ortiz's tweet said more. \
                    A Washington Post analysis of port records disagreed. \
                    Harbor polls showed a tie. One report said so. \
                    A person familiar with Ortiz's views said no.";
        let mut r = resolver(text);
        let mut issuer = |needle: &str| {
            let res = r.mention(span_of(text, needle, 0), true);
            let name = res.source.map(|i| r.sources[i].name.clone());
            (name, res.how.key())
        };
        assert_eq!(
            issuer("A new Harbor Institute survey"),
            (Some("Harbor Institute".into()), "issuer")
        );
        assert_eq!(
            issuer("The latest Reuters/Ipsos poll"),
            (Some("Reuters/Ipsos".into()), "issuer")
        );
        assert_eq!(
            issuer("Ortiz's tweet"),
            (Some("Lena Ortiz".into()), "issuer")
        );
        assert_eq!(
            issuer("A Washington Post analysis of port records"),
            (Some("The Washington Post".into()), "issuer")
        );
        // Polls in general, a capital that only opens the sentence, and a
        // document inside a description of someone else have no issuer.
        assert_ne!(issuer("Harbor polls").1, "issuer");
        assert_ne!(issuer("One report").1, "issuer");
        assert_ne!(issuer("A person familiar with Ortiz's views").1, "issuer");
        // Records, research and searches have issuers too; a document noun
        // that only describes someone ("a Harbor data expert") does not.
        let text = "T\n\nThe Harbor Safety Board met. HSB records showed gains. \
                    Then new Crowdpac research agreed. A campaign TV ad said so.";
        let mut r = resolver(text);
        let records = r.mention(span_of(text, "HSB records", 0), true);
        assert_eq!(
            r.sources[records.source.unwrap()].name,
            "Harbor Safety Board"
        );
        let research = r.mention(span_of(text, "new Crowdpac research", 0), true);
        assert_eq!(r.sources[research.source.unwrap()].name, "Crowdpac");
        let ad = r.mention(span_of(text, "A campaign TV ad", 0), true);
        assert_ne!(ad.how.key(), "issuer");
        // "the poll" refers back to the last pollster named.
        let text = "T\n\nA Harbor Institute poll found gains. The poll said more.";
        let mut r = resolver(text);
        let first = r.mention(span_of(text, "A Harbor Institute poll", 0), true);
        let again = r.mention(span_of(text, "The poll", 0), true);
        assert_eq!(again.source, first.source);
        assert_eq!(again.how.key(), "issuer");
    }

    #[test]
    fn anonymity_phrasings_are_anonymous_sources() {
        let text = "T\n\nA person familiar with Holm's views said no. Two officials who spoke on \
                    condition of anonymity said yes. A source close to the mayor said maybe. \
                    Ann Lee, a lawyer close to the family, said later.";
        let mut r = resolver(text);
        for mention in [
            "A person familiar with Holm's views",
            "Two officials who spoke on condition of anonymity",
            "A source close to the mayor",
        ] {
            let res = r.mention(span_of(text, mention, 0), true);
            let source = &r.sources[res.source.unwrap()];
            assert_eq!(source.kind, SourceKind::Anonymous, "{mention}: {source:?}");
        }
        // A named person described as close to someone is that person.
        let lee = r.mention(
            span_of(text, "Ann Lee, a lawyer close to the family", 0),
            true,
        );
        assert_eq!(r.sources[lee.source.unwrap()].name, "Ann Lee");
    }

    #[test]
    fn two_people_of_one_surname_in_an_article_stay_two() {
        let text = "T\n\nHouse Speaker Mike Johnson met Boris Johnson. Mike Johnson said yes. \
                    Boris Johnson said no. Boris Johnson left. Johnson said later.";
        let mut r = resolver(text);
        let mike = r
            .mention(span_of(text, "Mike Johnson", 1), true)
            .source
            .unwrap();
        let boris = r
            .mention(span_of(text, "Boris Johnson", 1), true)
            .source
            .unwrap();
        assert_ne!(mike, boris);
        assert_eq!(r.sources[mike].name, "Mike Johnson");
        assert_eq!(r.sources[boris].name, "Boris Johnson");
        // The bare surname goes to the one the article names most, and is
        // no alias of either.
        let later = span_of(text, "Johnson said later", 0);
        let bare = r.mention(Span::new(later.start, later.start + "Johnson".len()), true);
        assert_eq!(bare.source, Some(boris));
        assert!(r
            .sources
            .iter()
            .all(|s| !s.aliases.iter().any(|a| a == "Johnson")));
    }

    #[test]
    fn a_description_given_in_an_appositive_names_its_person_later() {
        let text = "T\n\nTomas Holm, the retired harbor pilot, met Anna Berg. \
                    The retired pilot said the channel was silting up. The pilot left.";
        let mut r = resolver(text);
        for mention in ["The retired pilot", "The pilot"] {
            let res = r.mention(span_of(text, mention, 0), true);
            assert_eq!(
                r.sources[res.source.unwrap()].name,
                "Tomas Holm",
                "{mention}"
            );
        }
    }

    #[test]
    fn an_acronym_takes_the_name_the_article_spells_out() {
        let text = "T\n\nThe Federal Election Commission met on Monday. FEC filings showed gains. \
                    NRC said more.";
        let mut r = resolver(text);
        let fec = r.mention(span_of(text, "FEC filings", 0), true);
        assert_eq!(
            r.sources[fec.source.unwrap()].name,
            "Federal Election Commission"
        );
        assert!(r.sources[fec.source.unwrap()]
            .aliases
            .iter()
            .any(|a| a == "FEC"));
        // No spelled-out name: the acronym stays as written.
        let nrc = r.mention(span_of(text, "NRC", 0), true);
        assert_eq!(r.sources[nrc.source.unwrap()].name, "NRC");
    }

    #[test]
    fn lower_case_modifiers_before_a_name_are_not_part_of_it() {
        let text = "T\n\nPaul Manafort spoke. A confident-seeming Manafort said yes. \
                    Luiz dos Santos spoke. The program and Manafort said no.";
        let mut r = resolver(text);
        let m = r.mention(span_of(text, "A confident-seeming Manafort", 0), true);
        assert_eq!(r.sources[m.source.unwrap()].name, "Paul Manafort");
        // A particle is part of the name; a coordination is two things.
        let s = r.mention(span_of(text, "Luiz dos Santos", 0), true);
        assert_eq!(r.sources[s.source.unwrap()].name, "Luiz dos Santos");
        let both = r.mention(span_of(text, "The program and Manafort", 0), true);
        assert_ne!(both.source, m.source);
    }

    #[test]
    fn a_relative_who_takes_the_person_named_before_it_in_its_sentence() {
        let text = "T\n\nAnna Berg spoke. The vote was close, said Chris Harvey, who said more.";
        let mut r = resolver(text);
        let who = r.mention(span_of(text, "who", 0), true);
        assert_eq!(r.sources[who.source.unwrap()].name, "Chris Harvey");
        // Nobody named in its sentence: unresolved, never a person from another.
        let text = "T\n\nAnna Berg spoke. Those who said more left.";
        let mut r = resolver(text);
        assert_eq!(r.mention(span_of(text, "who", 0), true).source, None);
    }

    #[test]
    fn a_person_of_an_organisation_is_the_person() {
        let text = "T\n\nAnna Berg of the Harbor Institute said yes. The Bank of Harbor said no.";
        let mut r = resolver(text);
        let berg = r.mention(span_of(text, "Anna Berg of the Harbor Institute", 0), true);
        assert_eq!(r.sources[berg.source.unwrap()].name, "Anna Berg");
        let bank = r.mention(span_of(text, "The Bank of Harbor", 0), true);
        assert_eq!(r.sources[bank.source.unwrap()].name, "Bank of Harbor");
    }

    #[test]
    fn a_long_description_ending_in_a_name_is_that_person() {
        let text = "T\n\nFormer governor and Democratic frontrunner Ann Lee spoke. Ann Lee left.";
        let mut r = resolver(text);
        let res = r.mention(
            span_of(
                text,
                "Former governor and Democratic frontrunner Ann Lee",
                0,
            ),
            true,
        );
        assert_eq!(r.sources[res.source.unwrap()].name, "Ann Lee");
    }

    #[test]
    fn a_title_without_a_name_stands_for_the_person_last_named() {
        let text = "T\n\nSen. Ann Lee spoke. The Florida senator said no.";
        let mut r = resolver(text);
        let lee = r.mention(span_of(text, "Sen. Ann Lee", 0), true);
        let senator = r.mention(span_of(text, "The Florida senator", 0), true);
        assert_eq!(senator.source, lee.source);
        assert!(matches!(senator.how, Resolution::Anaphor { .. }));
    }

    #[test]
    fn names_stop_before_appositives_and_descriptions_get_no_surname_alias() {
        let text =
            "T\n\nJeb Bush, the former Florida governor, spoke. An outsider candidate spoke.";
        let mut r = resolver(text);
        let bush = r.mention(
            span_of(text, "Jeb Bush, the former Florida governor", 0),
            true,
        );
        assert_eq!(r.sources[bush.source.unwrap()].name, "Jeb Bush");
        assert!(r.sources[bush.source.unwrap()]
            .aliases
            .iter()
            .any(|a| a == "Bush"));
        let outsider = r.mention(span_of(text, "An outsider candidate", 0), true);
        let aliases = &r.sources[outsider.source.unwrap()].aliases;
        assert!(!aliases.iter().any(|a| a == "candidate"), "{aliases:?}");
    }

    #[test]
    fn misspelling_merges_with_edit_distance() {
        let text = "T\n\nMinister Jaroslav Wisniewski arrived. Later Wisnieswki said no.";
        let mut r = resolver(text);
        let res = r.mention(span_of(text, "Wisnieswki", 0), true);
        assert_eq!(r.sources[res.source.unwrap()].name, "Jaroslav Wisniewski");
        assert!(matches!(res.how, Resolution::Fuzzy { distance: 1, .. }));
    }

    #[test]
    fn demonym_alias_and_report_anaphor() {
        let text = "T\n\nWe cite the National Police of Chile. Chilean national police said so. The report said more.";
        let mut r = resolver(text);
        let cited = r.mention(span_of(text, "National Police of Chile", 0), false);
        let alias = r.mention(span_of(text, "Chilean national police", 0), true);
        assert_eq!(alias.source, cited.source);
        assert!(matches!(alias.how, Resolution::Alias { .. }));
        let report = r.mention(span_of(text, "The report", 0), true);
        assert_eq!(report.source, cited.source);
        assert_eq!(
            r.sources[cited.source.unwrap()].kind,
            SourceKind::GovernmentAgency
        );
    }

    #[test]
    fn outlets_anonymous_and_unresolved() {
        let text = "T\n\nAP reported it. Officials said it. He said it.";
        let mut r = resolver(text);
        let ap = r.mention(span_of(text, "AP", 0), true);
        assert_eq!(r.sources[ap.source.unwrap()].name, "Associated Press");
        assert_eq!(r.sources[ap.source.unwrap()].kind, SourceKind::NewsAgency);
        let off = r.mention(span_of(text, "Officials", 0), true);
        assert_eq!(r.sources[off.source.unwrap()].kind, SourceKind::Anonymous);
        let he = r.mention(span_of(text, "He", 0), true);
        assert_eq!(he.source, None);
        assert_eq!(he.how, Resolution::Unresolved);
    }
}
