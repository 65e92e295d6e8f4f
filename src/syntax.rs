//! Dependency trees for sentences: the transition-based parser of
//! [`crate::parser`] with the model in `models/parser-ewt.model`, trained on
//! the UD English Web Treebank with tags predicted by [`crate::pos`] (CC BY-SA
//! 4.0; see `models/NOTICE-parser.md`). The model is part of the binary and
//! parsed once, on first use.

use crate::parser::{ParsedSentence, Parser};
use crate::token::Token;
use std::sync::OnceLock;

/// The embedded parser.
pub fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(|| {
        Parser::from_model_str(include_str!("../models/parser-ewt.model"))
            .expect("the embedded parser model parses (checked by tests)")
    })
}

/// Tags `words` with the embedded tagger and parses them with the embedded
/// parser.
pub fn parse_words(words: &[&str]) -> ParsedSentence<'static> {
    let tags = crate::pos::tagger().tag(words);
    parser().parse(words, &tags)
}

/// Parses one sentence's tokens, using their tags (tokens not tagged yet,
/// see [`crate::pos::tag`], are tagged first).
pub fn parse(text: &str, tokens: &[Token]) -> ParsedSentence<'static> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    if tokens.iter().any(Token::is_untagged) {
        return parse_words(&words);
    }
    let tags: Vec<&str> = tokens.iter().map(|t| t.tag).collect();
    parser().parse(&words, &tags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::token::tokenize;

    fn words(s: &str) -> Vec<&str> {
        s.split(' ').collect()
    }

    /// (head word, relation) of `word` (the first with that text).
    fn attach<'a>(
        ws: &[&'a str],
        p: &ParsedSentence<'static>,
        word: &str,
    ) -> (&'a str, &'static str) {
        let i = ws
            .iter()
            .position(|w| *w == word)
            .expect("word in sentence");
        (p.head(i).map_or("ROOT", |h| ws[h]), p.label(i))
    }

    #[test]
    fn the_model_predicts_the_relations_extraction_reads() {
        // The model is trained with the other relations collapsed to `dep`
        // (see models/NOTICE-parser.md); these must not be among them.
        for label in ["nsubj", "conj", "ccomp", "xcomp", "obj"] {
            assert!(parser().labels().iter().any(|l| l == label), "{label}");
        }
    }

    #[test]
    fn parses_reported_speech() {
        let ws = words("The senator said the bill would fail .");
        let p = parse_words(&ws);
        assert_eq!(attach(&ws, &p, "said"), ("ROOT", "root"));
        assert_eq!(attach(&ws, &p, "senator"), ("said", "nsubj"));
        assert_eq!(attach(&ws, &p, "fail"), ("said", "ccomp"));
        assert_eq!(attach(&ws, &p, "bill"), ("fail", "nsubj"));
        assert_eq!(attach(&ws, &p, "would"), ("fail", "aux"));

        let ws = words("Officials told reporters that the talks had stalled .");
        let p = parse_words(&ws);
        assert_eq!(attach(&ws, &p, "Officials"), ("told", "nsubj"));
        let (h, l) = attach(&ws, &p, "reporters");
        assert_eq!(h, "told");
        assert!(l == "iobj" || l == "obj", "{l}");
        assert_eq!(attach(&ws, &p, "stalled"), ("told", "ccomp"));
        assert_eq!(attach(&ws, &p, "that"), ("stalled", "mark"));
        assert_eq!(attach(&ws, &p, "talks"), ("stalled", "nsubj"));
    }

    #[test]
    fn parses_tokens_of_a_text() {
        let text = "“We will not back down,” the minister said on Tuesday.";
        let mut toks = tokenize(text, Span::new(0, text.len()));
        let untagged = parse(text, &toks);
        crate::pos::tag(text, &mut toks);
        let p = parse(text, &toks);
        assert_eq!(p, untagged);
        let ws: Vec<&str> = toks.iter().map(|t| t.text(text)).collect();
        // A quote before its speech verb: UD makes the quote the root and the
        // reporting clause its parataxis, but the quote as the verb's ccomp is
        // as good for attribution; either way the two are linked directly.
        let (back, said) = (attach(&ws, &p, "back"), attach(&ws, &p, "said"));
        assert!(
            (back, said) == (("ROOT", "root"), ("back", "parataxis"))
                || (back, said) == (("said", "ccomp"), ("ROOT", "root")),
            "{back:?} {said:?}"
        );
        assert_eq!(attach(&ws, &p, "minister"), ("said", "nsubj"));
        // `obl`, like the other relations the model does not tell apart, is `dep`.
        assert_eq!(attach(&ws, &p, "Tuesday"), ("said", "dep"));
        assert_eq!(attach(&ws, &p, "We"), ("back", "nsubj"));
        assert_eq!(attach(&ws, &p, "will"), ("back", "aux"));
        assert_eq!(
            p.children(ws.iter().position(|w| *w == "minister").unwrap())
                .count(),
            1
        );
        assert_eq!(p.len(), ws.len());
    }
}
