//! Extraction through the whole tagged pipeline (`read_article`), on
//! sentences written for these tests: behaviour that needs part-of-speech tags.

use claimdb::reading::{read_article, ArticleMeta};

/// (cue, mention, content) of each explicit attribution in `body`.
fn attributions(body: &str) -> Vec<(String, Option<String>, String)> {
    let text = format!("Title\n\n{body}");
    let reading = read_article(&text, &ArticleMeta::default());
    reading
        .records("t.txt", &text)
        .into_iter()
        .filter(|r| r.cue.is_some())
        .map(|r| (r.cue.unwrap(), r.mention, r.claim))
        .collect()
}

#[test]
fn coordinated_cues_split_the_content() {
    let found = attributions("The senator praised the plan and urged voters to back it.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "praised");
    assert_eq!(found[0].2, "the plan");
    assert_eq!(found[1].0, "urged");
    assert_eq!(found[1].1.as_deref(), Some("The senator"));
}

#[test]
fn nouns_that_look_like_cue_verbs_are_not_cues() {
    assert!(attributions("Her views on trade shaped the debate.").is_empty());
    assert!(attributions("The email server was kept in the basement.").is_empty());
}

#[test]
fn lower_case_noun_phrases_can_be_sources() {
    let found = attributions("Two campaign strategists said the race was tightening.");
    assert_eq!(found[0].1.as_deref(), Some("Two campaign strategists"));
    assert_eq!(found[0].2, "the race was tightening");
}

#[test]
fn a_name_like_an_adverb_is_still_a_subject() {
    let found = attributions("Jolly said he would vote against the bill.");
    assert_eq!(found[0].1.as_deref(), Some("Jolly"));
}
