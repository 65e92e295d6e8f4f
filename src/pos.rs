//! Part-of-speech tags for tokens: the averaged perceptron of [`crate::tagger`]
//! with the model in `models/tagger-ewt.model`, trained on the UD English Web
//! Treebank (CC BY-SA 4.0; see `models/NOTICE-tagger.md`). The model is part of
//! the binary and parsed once, on first use.

use crate::tagger::Tagger;
use crate::token::Token;
use std::sync::OnceLock;

/// The embedded tagger.
pub fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| {
        Tagger::from_model_str(include_str!("../models/tagger-ewt.model"))
            .expect("the embedded tagger model parses (checked by tests)")
    })
}

/// Tags one sentence's tokens in place.
pub fn tag(text: &str, tokens: &mut [Token]) {
    if tokens.is_empty() {
        return;
    }
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let tags = tagger().tag(&words);
    for (token, tag) in tokens.iter_mut().zip(tags) {
        token.tag = tag;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::token::tokenize;

    #[test]
    fn tags_a_news_sentence() {
        let text = "Officials said the plan’s cost was rising.";
        let mut toks = tokenize(text, Span::new(0, text.len()));
        tag(text, &mut toks);
        let tags: Vec<&str> = toks.iter().map(|t| t.tag).collect();
        assert_eq!(
            tags,
            vec!["NNS", "VBD", "DT", "NN", "POS", "NN", "VBD", "VBG", "."]
        );
        assert!(toks[1].is_verb() && toks[0].is_noun());
    }
}
