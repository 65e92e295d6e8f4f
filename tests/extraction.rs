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

/// Asserts that the first attribution read in `sentence` names `source`.
fn assert_first_source(sentence: &str, source: &str) {
    let found = attributions(sentence);
    assert_eq!(
        found.first().and_then(|f| f.1.as_deref()),
        Some(source),
        "{sentence}"
    );
}

/// Asserts that `sentence` holds exactly one attribution, with cue `cue`,
/// mention `source` and content `content`.
fn assert_only(sentence: &str, cue: &str, source: Option<&str>, content: &str) {
    let found = attributions(sentence);
    assert_eq!(found.len(), 1, "{sentence}: {found:?}");
    let (c, m, t) = &found[0];
    assert_eq!(
        (c.as_str(), m.as_deref(), t.as_str()),
        (cue, source, content),
        "{sentence}"
    );
}

/// Asserts that some attribution read in `sentence` has cue `cue` and
/// mention `source`.
fn assert_cue_with_source(sentence: &str, cue: &str, source: &str) {
    let found = attributions(sentence);
    assert!(
        found
            .iter()
            .any(|f| f.0 == cue && f.1.as_deref() == Some(source)),
        "{sentence}: {found:?}"
    );
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
    assert_first_source("Jolly said he would vote against the bill.", "Jolly");
}

#[test]
fn subjects_after_opening_adverbials_and_around_relative_attributions() {
    let found = attributions(
        "On Monday, Mark Lee, chairman of the Port Board, said the harbor would stay open.",
    );
    assert_eq!(
        found[0].1.as_deref(),
        Some("Mark Lee, chairman of the Port Board")
    );
    assert_eq!(found[0].2, "the harbor would stay open");
    // Two opening adverbials, then a participle sharing the subject.
    assert_cue_with_source(
        "In her reply, during a radio interview, Ann Ross thanked the voters, adding that the levy failed.",
        "adding",
        "Ann Ross",
    );
    let found = attributions("Three dailies in Ohio, including the Beacon, said the levy failed.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Three dailies in Ohio, including the Beacon")
    );
    assert_first_source(
        "The mayor's campaign said the levy would fail.",
        "The mayor's campaign",
    );
    let found = attributions("In all, though, the levy is likely to pass, Professor Dunn said.");
    assert_eq!(found[0].1.as_deref(), Some("Professor Dunn"));
    assert_eq!(found[0].2, "In all, though, the levy is likely to pass");
    // The relative clause's own attribution does not hide the main one.
    let found = attributions("Dunn, who says the levy is fair, said voters should back it.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "said");
    assert_eq!(found[1].2, "voters should back it");
}

#[test]
fn questions_asked_by_nobody_named() {
    let found = attributions("Asked about the levy, Dunn said it would pass.");
    assert_eq!(found[0].0, "Asked about");
    assert_eq!(found[0].1, None);
    assert_eq!(found[0].2, "the levy");
    assert_eq!(found[1].1.as_deref(), Some("Dunn"));
    let found = attributions("The mayor was asked about the budget on Friday.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, None);
    assert!(found[0].2.starts_with("the budget"), "{found:?}");
}

/// Sentences stitched from the pieces the patterns react to, in many orders
/// (a fixed pseudo-random sequence): the pipeline never panics and every span
/// it returns lies on character boundaries inside the text.
#[test]
fn odd_sentences_never_break_the_pipeline() {
    const PIECES: [&str; 28] = [
        "said",
        "and",
        "told",
        "“",
        "”",
        "\"",
        "''",
        ",",
        ".",
        ":",
        "according to",
        "the report",
        "He",
        "Smith",
        "that",
        "who",
        "saying",
        "called",
        "—",
        "(",
        ")",
        "Mr.",
        "U.S.",
        "é",
        "\n",
        "\n\n",
        "?",
        "to",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    // CLAIMDB_STITCH_ITERATIONS runs a longer search by hand.
    let iterations: usize = std::env::var("CLAIMDB_STITCH_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    for _ in 0..iterations {
        let len = (next() % 24) as usize;
        let text: Vec<&str> = (0..len)
            .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
            .collect();
        let text = text.join(if next() % 3 == 0 { "" } else { " " });
        let reading = read_article(&text, &ArticleMeta::default());
        for record in reading.records("t.txt", &text) {
            for [s, e] in record
                .content_spans
                .iter()
                .chain(&record.cue_spans)
                .chain(&record.source_spans)
            {
                assert!(s <= e && *e <= text.len(), "{text:?}: {s}..{e}");
                assert!(
                    text.is_char_boundary(*s) && text.is_char_boundary(*e),
                    "{text:?}: {s}..{e}"
                );
            }
        }
    }
}

#[test]
fn reports_inside_reports_are_read_but_not_beliefs() {
    let found = attributions("Aides said the governor told donors the race was over.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "said");
    assert_eq!(found[0].2, "the governor told donors the race was over");
    assert_eq!(found[1].0, "told");
    assert_eq!(found[1].1.as_deref(), Some("the governor"));
    assert_eq!(found[1].2, "the race was over");
    // "They said they believed …" is one attribution in news annotation.
    let found = attributions("Analysts said they believed the merger would fail.");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn present_tense_cues_the_tagger_reads_as_plural_nouns() {
    let found = attributions("The survey shows that voters remain undecided.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "shows");
    assert_eq!(found[0].1.as_deref(), Some("The survey"));
    // A plural noun after a possessive stays a noun.
    assert!(attributions("The mayor's claims drew a crowd.").is_empty());
}

#[test]
fn first_names_ending_like_participles_open_subjects() {
    // "Ted" ends in "-ed" but is a name, not an opening participle clause.
    assert_first_source(
        "Ted Smith, a senator, said the harbor would stay open.",
        "Ted Smith, a senator",
    );
}

#[test]
fn names_ending_in_modifier_words_are_sources() {
    // "News" and "White" stand before a head in "news agency", "White House",
    // but end a name here.
    assert_first_source("Fox News said the debate would go ahead.", "Fox News");
    assert_first_source("\"We are ready,\" Ms. White said.", "Ms. White");
}

#[test]
fn appositive_subjects_after_a_clause_or_a_common_noun() {
    let found = attributions("The files were sealed, Ann Ross, the court clerk, wrote.");
    assert_eq!(found[0].1.as_deref(), Some("Ann Ross, the court clerk"));
    assert_eq!(found[0].2, "The files were sealed");
    assert_first_source(
        "The chief, Ann Ross, said that the files were sealed.",
        "The chief, Ann Ross",
    );
    let found = attributions("If the fee rises, the files will be sealed, Ross said.");
    assert_eq!(found[0].2, "If the fee rises, the files will be sealed");
}

#[test]
fn adverbs_and_reflexives_between_subject_and_cue() {
    assert_first_source(
        "The mayor has since said the harbor would stay open.",
        "The mayor",
    );
    // The reflexive names the same source and belongs to the mention, as
    // PolNeAR's annotators mark it.
    assert_first_source(
        "The company itself said the plant would stay open.",
        "The company itself",
    );
}

#[test]
fn trailing_cues_hold_whole_attributions_and_close_other_frames() {
    let found = attributions("The campaign said the rally was cancelled, the Tribune reported.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "reported");
    assert_eq!(found[1].2, "The campaign said the rally was cancelled");
    let found = attributions("The plan appears to be working, said Ann Ross, the clerk.");
    let said = found.iter().find(|f| f.0 == "said").expect("said");
    assert_eq!(said.2, "The plan appears to be working");
}

#[test]
fn time_adjuncts_between_subject_and_cue() {
    assert_first_source(
        "The governor on Tuesday said the harbor would stay open.",
        "The governor",
    );
    assert_first_source(
        "Ann Ross last week said the harbor would stay open.",
        "Ann Ross",
    );
    // A measure of time and "ago" opening the sentence, then a comma.
    assert_cue_with_source(
        "Two years ago, she left the party and said, “We never lost.”",
        "said",
        "she",
    );
}

#[test]
fn cues_set_inside_the_content() {
    let found = attributions("If the fee rises, Ross said, the files will be sealed.");
    assert_eq!(found[0].0, "said");
    assert_eq!(found[0].1.as_deref(), Some("Ross"));
    assert!(found[0].2.contains("the files will be sealed"), "{found:?}");
}

#[test]
fn the_dependency_parse_reads_frames_the_patterns_miss() {
    // A subject with a post-modifier and an appositive: the patterns give
    // up, the parse finds the subject and the clausal complement of "told".
    let found = attributions(
        "One voter not on the list, Ann Ross, told reporters she was leaning toward the mayor.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "told");
    assert_eq!(
        found[0].1.as_deref(),
        Some("One voter not on the list, Ann Ross")
    );
    assert_eq!(found[0].2, "she was leaning toward the mayor");
}

#[test]
fn naming_takes_the_object_and_mixed_marks_keep_a_quote_going() {
    let found = attributions("The mayor called the long lines \"unacceptable.\"");
    assert_eq!(found[0].2, "the long lines \"unacceptable.\"");
    // A curly opening and a straight closing mark, as real copy has them.
    let found = attributions("“The roads are crumbling,\" she said. \"The bridges are worse.\"");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].2.contains("The bridges are worse."), "{found:?}");
}

#[test]
fn gerund_subjects_quantities_and_nouns_after_prepositions() {
    let found = attributions("Finding the leak is not simple, the engineer said.");
    assert_eq!(found[0].2, "Finding the leak is not simple");
    let found = attributions("The office said about half of the rise came from tax cuts.");
    assert_eq!(found[0].2, "about half of the rise came from tax cuts");
    let found = attributions("The chair said in her opening remarks that the vote would wait.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "said");
}

#[test]
fn participles_after_a_quoted_speaker_share_the_speaker() {
    let found = attributions("“We are ready,” said Ann Ross, adding that the vote would wait.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].0, "adding");
    assert_eq!(found[1].1.as_deref(), Some("Ann Ross"));
    assert_eq!(found[1].2, "that the vote would wait");
    let found = attributions("“We are ready,” she said, adding, “The vote can wait.”");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].2, "“We are ready,”");
    assert_eq!(found[1].2, "“The vote can wait.”");
}

#[test]
fn opening_connectives_do_not_hide_the_sentence_subject() {
    let found = attributions("However, the mayor praised the plan, calling it a “good start.”");
    let calling = found.iter().find(|f| f.0 == "calling").expect("calling");
    assert_eq!(calling.1.as_deref(), Some("the mayor"));
}

#[test]
fn calls_for_and_on_are_calls_not_names() {
    let found = attributions("Her rivals have called for Ross to resign.");
    assert_eq!(found[0].0, "called for");
    assert_eq!(found[0].2, "Ross to resign");
}

#[test]
fn impersonal_raising_and_passive_frames() {
    let found = attributions("It seems the council will approve the budget.");
    assert_eq!(found[0].0, "seems");
    assert_eq!(found[0].2, "the council will approve the budget");
    let found = attributions("It appears, though, that the vote was close.");
    assert_eq!(found[0].2, "that the vote was close");
    let found = attributions("The mayor seemed most concerned with the budget.");
    assert_eq!(found[0].0, "seemed");
}

#[test]
fn according_to_inside_parentheses_and_before_a_new_clause() {
    let found =
        attributions("Ohio (most voters were undecided, according to the survey) is close.");
    assert_eq!(found[0].1.as_deref(), Some("the survey"));
    assert_eq!(found[0].2, "most voters were undecided");
    let found = attributions(
        "Turnout rose sharply, according to the county clerk, but the rain kept some home.",
    );
    assert_eq!(found[0].2, "Turnout rose sharply");
}

#[test]
fn findings_in_a_named_poll() {
    assert_only(
        "The mayor led by 10 points in a Marist poll released Sunday.",
        "in",
        Some("a Marist poll released Sunday"),
        "The mayor led by 10 points",
    );
    let found = attributions("In a Gallup survey, most voters backed the levy.");
    assert_eq!(found[0].1.as_deref(), Some("a Gallup survey"));
    assert_eq!(found[0].2, "most voters backed the levy");
    // A standing "in the polls" names no source.
    assert!(attributions("The mayor slipped in the polls.").is_empty());
}

#[test]
fn a_phrasal_content_ends_before_a_second_predicate_or_a_participle_clause() {
    // An infinitive or object content ends where the subject's next verb starts.
    let found = attributions("The governor refused to answer questions and left the hall.");
    assert_eq!(found[0].2, "to answer questions");
    let found = attributions("The mayor denied the report, but went on to praise the council.");
    assert_eq!(found[0].2, "the report");
    let found =
        attributions("The senator mentioned the budget, but the committee was divided over it.");
    assert_eq!(found[0].2, "the budget");
    // ", leading to …" is a participle clause of the sentence, not of the object.
    let found = attributions("The rebels declared war on the capital, leading to a long conflict.");
    assert_eq!(found[0].2, "war on the capital");
    // A clause keeps its coordinated verbs, and a participle before its verb.
    let found = attributions("She said the council met and approved the budget.");
    assert_eq!(found[0].2, "the council met and approved the budget");
    let found =
        attributions("Officials say the economy, including jobs and wages, should come first.");
    assert_eq!(
        found[0].2,
        "the economy, including jobs and wages, should come first"
    );
}

#[test]
fn an_object_or_infinitive_ends_before_a_subordinate_clause_or_the_main_verb() {
    // A subordinate clause after the object is no part of it.
    let found = attributions("The senator supported the bill when it came to a vote.");
    assert_eq!(found[0].2, "the bill");
    let found = attributions("The mayor thanked the volunteers after cleaning the park.");
    assert_eq!(found[0].2, "the volunteers");
    // A cue in a relative clause: the main clause's verb ends its content.
    let found = attributions("Voters who want to cut taxes said the plan was too timid.");
    assert_eq!(found[0].2, "to cut taxes");
    let found = attributions("Even senators who praised the bill warned that it would fail.");
    assert_eq!(found[0].2, "the bill");
    // A relative clause inside the infinitive stays.
    let found = attributions("The governor wants to raise taxes on people who earn more.");
    assert_eq!(found[0].2, "to raise taxes on people who earn more");
}

#[test]
fn subjects_widen_over_their_postmodifiers() {
    let cases = [
        (
            "Polls in New Hampshire show that he leads.",
            "Polls in New Hampshire",
        ),
        ("Some of the women said that he lied.", "Some of the women"),
        (
            "A source familiar with the plan said that it failed.",
            "A source familiar with the plan",
        ),
        (
            "Doctors and nurses warned that it was unsafe.",
            "Doctors and nurses",
        ),
        ("Neither side wants a deal.", "Neither side"),
    ];
    for (sentence, source) in cases {
        assert_first_source(sentence, source);
    }
    // "and" also joins clauses: the subject of the second clause stands alone.
    let found = attributions("He lost the race and his aides said that he would run again.");
    let said = found.iter().find(|f| f.0 == "said").expect("said");
    assert_eq!(said.1.as_deref(), Some("his aides"));
}

#[test]
fn inverted_sources_keep_postmodifiers_and_appositive_subjects_reach_participles() {
    let found = attributions("\"We are ready,\" said a spokesman for the county board.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("a spokesman for the county board")
    );
    let found =
        attributions("Ann Ross, the county clerk, rejected the plan, saying it cost too much.");
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("Ann Ross, the county clerk"));
}

#[test]
fn typographic_apostrophes_read_like_plain_ones() {
    let found = attributions("He doesn’t want a deal.");
    assert_eq!(found[0].0, "want");
    assert_eq!(found[0].1.as_deref(), Some("He"));
    let found = attributions("She’s said that it failed.");
    assert_eq!(found[0].1.as_deref(), Some("She"));
    assert_eq!(found[0].2, "that it failed");
    // After a name, "’s" is a possessive, not "has".
    assert!(attributions("Trump’s proposed wall is costly.").is_empty());
}

#[test]
fn object_verbs_take_gerund_clauses() {
    let found = attributions("A 69% majority of voters support deploying more troops.");
    assert_eq!(found[0].1.as_deref(), Some("A 69% majority of voters"));
    assert_eq!(found[0].2, "deploying more troops");
}

#[test]
fn a_finite_content_ends_before_a_contrast_or_concession() {
    let found = attributions("The mayor said the plan works, but critics disagree.");
    assert_eq!(found[0].2, "the plan works");
    let found = attributions("The mayor said the plan works, although critics disagree.");
    assert_eq!(found[0].2, "the plan works");
}

#[test]
fn relative_clauses_around_sources() {
    // A relative clause that reports words is its own attribution.
    let found = attributions("“It is over,” said Ann Lee, who said the vote was rigged.");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Ann Lee"));
    assert_eq!(found[1].2, "the vote was rigged");
    // A relative clause after an inverted source closes the frame, and
    // without a comma before it, it is part of the source.
    let found = attributions("The seat is safe, said two Democrats who know him.");
    assert_eq!(found[0].1.as_deref(), Some("two Democrats who know him"));
    assert_eq!(found[0].2, "The seat is safe");
    // The comma closing a relative clause may stand inside a quotation.
    let found =
        attributions("Mr. Lo, who calls the plan a “disaster,” said he would vote against it.");
    let said = found.iter().find(|f| f.0 == "said").expect("said");
    assert!(said.1.as_deref().unwrap().starts_with("Mr. Lo"), "{said:?}");
    assert_eq!(said.2, "he would vote against it");
    // A long subordinate clause before the subject of a participle cue.
    let found = attributions(
        "Although he thanked the voters who came to the rally in the rain, he sounded a sour note, saying, \"I'm not sure.\"",
    );
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("he"));
}

#[test]
fn a_quotation_carries_on_past_a_participle_clause_after_its_cue() {
    let found = attributions(
        "\"We won ten states,\" Ross said, referring to the primaries. \"Nobody else came close.\"",
    );
    let said = found.iter().find(|f| f.0 == "said").expect("said");
    assert!(said.2.ends_with("\"Nobody else came close.\""), "{said:?}");
}

#[test]
fn said_of_after_a_quotation_keeps_of_out_of_the_cue() {
    let found = attributions("\"We have got to win,\" he said of the race.");
    assert_eq!(found[0].0, "said");
    assert_eq!(found[0].2, "\"We have got to win,\"");
}

#[test]
fn a_dateline_is_no_part_of_a_subject() {
    let found = attributions(
        "CONCORD, N.H. — Ann Ross rallied voters on Monday, saying the race was close.",
    );
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("Ann Ross"));
    assert_first_source(
        "BOSTON - Mayor Ann Ross said the race was close.",
        "Mayor Ann Ross",
    );
    assert_first_source(
        "DENVER, Colo. — Ann Ross, a senator, said the race was close.",
        "Ann Ross, a senator",
    );
}

#[test]
fn an_object_ends_before_an_as_clause() {
    let found = attributions("Ross criticized the mayor as he toured the harbor.");
    assert_eq!(found[0].2, "the mayor");
}

#[test]
fn a_relative_that_is_no_source_of_a_parsed_frame() {
    assert!(attributions("Firms that share profits with their staff grow faster.").is_empty());
}

#[test]
fn the_generic_you_and_an_interviewer_label_are_no_sources() {
    assert!(attributions("You know the race is close.").is_empty());
    assert!(attributions("Q: Will you run for the Senate next year?").is_empty());
    let found = attributions("She said you know the race is close.");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_speech_infinitive_under_a_plain_verb_is_a_cue() {
    let found = attributions("He went on to say that the plan failed.");
    assert_eq!(found[0].0, "say");
    assert_eq!(found[0].1.as_deref(), Some("He"));
    assert_eq!(found[0].2, "that the plan failed");
    assert_first_source(
        "Voters are more likely to say that the economy is weak.",
        "Voters",
    );
    // No one speaks in "it is too soon to say"; an object between them speaks.
    assert!(attributions("It is too soon to say how bad it is.").is_empty());
    assert!(
        attributions("The loss led Republicans to say that the race was over.")
            .iter()
            .all(|f| f.1.as_deref() != Some("The loss"))
    );
}

#[test]
fn a_passive_report_names_its_agent_after_by() {
    let found = attributions("Her move was first reported last week by the Daily Ledger.");
    assert_eq!(found[0].0, "reported");
    assert_eq!(found[0].1.as_deref(), Some("the Daily Ledger"));
    assert_eq!(found[0].2, "Her move");
    // A question put to the subject is not the agent's report of the
    // subject: the agent asks the question.
    let found = attributions("Ross was asked by the host whether she would run.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "whether she would run");
}

#[test]
fn an_absolute_clause_after_with_has_its_own_subject() {
    let found = attributions("The race tightened, with most voters saying the economy was weak.");
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("most voters"));
    assert_eq!(saying.2, "the economy was weak");
}

#[test]
fn subjects_widen_over_several_links_reflexives_and_predeterminers() {
    let cases = [
        (
            "Staff for the House committee on trade said that the bill was dead.",
            "Staff for the House committee on trade",
        ),
        (
            "Both Democrats and Republicans argued that it failed.",
            "Both Democrats and Republicans",
        ),
        (
            "Ford itself said that the plant would close.",
            "Ford itself",
        ),
        (
            "28 percent of voters said that the race was over.",
            "28 percent of voters",
        ),
    ];
    for (sentence, source) in cases {
        assert_first_source(sentence, source);
    }
    let found = attributions("\"We are ready,\" said a source close to the campaign.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("a source close to the campaign")
    );
}

#[test]
fn an_adjunct_between_commas_is_no_part_of_the_subject() {
    let found =
        attributions("Ann Ross, during a town hall in Ohio, said the plant would stay open.");
    assert_eq!(found[0].1.as_deref(), Some("Ann Ross"));
    assert_first_source(
        "Ann Ross, appearing on the radio, said the plant would stay open.",
        "Ann Ross",
    );
    // An appositive, a relative clause or an "including" list is.
    assert_first_source(
        "Ann Ross, the county clerk, said the plant would stay open.",
        "Ann Ross, the county clerk",
    );
    let found = attributions("Several mayors, including Ann Ross, said the plant would stay open.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Several mayors, including Ann Ross")
    );
}

#[test]
fn roles_without_a_determiner_and_parentheses_stay_with_the_name() {
    let found = attributions("\"It is over,\" said Joe Dunn, then ambassador to Chile.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Joe Dunn, then ambassador to Chile")
    );
    let found =
        attributions("Sen. Ann Ross (D-Ore.) rallied voters in Salem, saying the race was close.");
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("Sen. Ann Ross (D-Ore.)"));
}

#[test]
fn a_subject_list_joined_by_commas_and_and_is_one_source() {
    assert_first_source(
        "Ross, Lee and Park said that the vote was rigged.",
        "Ross, Lee and Park",
    );
    assert_first_source(
        "However, five former employees said that the vote was rigged.",
        "five former employees",
    );
}

#[test]
fn a_poll_inside_the_subject_of_a_speech_verb_is_no_source_of_its_own() {
    let found =
        attributions("Half of the voters in a new ABC/Ipsos poll said they distrust both parties.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "said");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Half of the voters in a new ABC/Ipsos poll")
    );
}

#[test]
fn a_verb_coordinated_inside_a_relative_clause_takes_the_relative_pronoun() {
    let found =
        attributions("Tom met Ann Lee, who opened the door and said she would vote for Ross.");
    let said = found.iter().find(|f| f.0 == "said").expect("said");
    assert_eq!(said.1.as_deref(), Some("who"));
    assert_eq!(said.2, "she would vote for Ross");
}

#[test]
fn a_gerund_after_a_preposition_takes_the_main_subject() {
    let found =
        attributions("The mayor angered the council by saying the budget was already spent.");
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("The mayor"));
}

#[test]
fn adverbials_between_auxiliary_and_cue_or_before_the_subject_are_skipped() {
    assert_first_source(
        "Three unions have in fact reported losing members.",
        "Three unions",
    );
    let found =
        attributions("A few minutes later they changed course and said the vote would go on.");
    let said = found.iter().find(|f| f.0 == "said").expect("said");
    assert_eq!(said.1.as_deref(), Some("they"));
}

#[test]
fn a_participle_hangs_from_the_nearest_main_clause() {
    let found = attributions(
        "Protest groups objected to the rules, and the union sued the city, saying the rules were unfair.",
    );
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("the union"));
    // Not from a subordinate clause inside the main one.
    let found = attributions(
        "The governor signed the bill when the session ended, calling it a victory for families.",
    );
    let calling = found.iter().find(|f| f.0 == "calling").expect("calling");
    assert_eq!(calling.1.as_deref(), Some("The governor"));
}

#[test]
fn quantities_and_degrees_stay_in_the_subject() {
    for (sentence, source) in [
        (
            "About four in 10 likely voters say they want an outsider.",
            "About four in 10 likely voters",
        ),
        (
            "Almost half of respondents said the economy was weak.",
            "Almost half of respondents",
        ),
        (
            "Two out of three Americans feel the country is adrift.",
            "Two out of three Americans",
        ),
        (
            "Less than a third agreed with the decision.",
            "Less than a third",
        ),
        (
            "Virtually all analysts say the deal will pass.",
            "Virtually all analysts",
        ),
        (
            "Sixty percent of Democratic registered voters say they trust her.",
            "Sixty percent of Democratic registered voters",
        ),
        (
            "Consulting firms like Acme are asking whether the plan works.",
            "Consulting firms like Acme",
        ),
    ] {
        assert_first_source(sentence, source);
    }
}

#[test]
fn a_relative_clause_with_commas_and_an_opening_subordinator() {
    assert_first_source(
        "Ann Lee, who lost her home in Aurora, Colorado, in 2012, said the fund was slow.",
        "Ann Lee, who lost her home in Aurora, Colorado, in 2012",
    );
    let found = attributions("While Ross admits the plan is costly, he sees no other way.");
    assert!(
        found.iter().all(|f| f.1.as_deref() != Some("While")),
        "{found:?}"
    );
}

#[test]
fn residence_party_state_and_dashed_asides_stay_with_the_source() {
    let found = attributions("\"We will win,\" said Ann Lee, 29, of Meridian, Ind.");
    assert_eq!(found[0].1.as_deref(), Some("Ann Lee, 29, of Meridian, Ind"));
    let found = attributions("\"We will win,\" said Sen. Joe Ross, R-S.C.");
    assert_eq!(found[0].1.as_deref(), Some("Sen. Joe Ross, R-S.C."));
    assert_first_source(
        "Ann Reed - his co-host on the show - told reporters that he was calm.",
        "Ann Reed - his co-host on the show",
    );
    // An aside with an attribution of its own stays apart.
    let found = attributions("Bo Lee - who said he was tired - told reporters that he would stay.");
    let told = found.iter().find(|f| f.0 == "told").expect("told");
    assert_eq!(told.1.as_deref(), Some("Bo Lee"));
}

#[test]
fn a_quotation_running_on_from_the_sentence_takes_its_words_in() {
    let found = attributions("The vote was \"a disgrace,\" Ross said.");
    assert_eq!(found[0].2, "The vote was \"a disgrace,\"");
    // After a colon the quotation stands alone.
    let found = attributions("He had one word for it: \"disgraceful,\" Ross said.");
    assert_eq!(found[0].2, "\"disgraceful,\"");
}

#[test]
fn a_negated_progressive_and_a_participle_after_a_dash_are_cues() {
    let found = attributions("Ross isn't saying what other steps he would support.");
    assert_eq!(found[0].0, "saying");
    assert_eq!(found[0].1.as_deref(), Some("Ross"));
    assert_eq!(found[0].2, "what other steps he would support");
    let found =
        attributions("Lee dismissed the charges — saying the rival campaign chose to attack.");
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(saying.1.as_deref(), Some("Lee"));
}

#[test]
fn an_absolute_subject_after_with_keeps_its_modifiers() {
    let found = attributions(
        "Ross turned on Lee, with the campaign of the former senator from Ohio saying Lee was weak.",
    );
    let saying = found.iter().find(|f| f.0 == "saying").expect("saying");
    assert_eq!(
        saying.1.as_deref(),
        Some("the campaign of the former senator from Ohio")
    );
}

#[test]
fn a_quoted_title_before_the_subject_is_no_content() {
    let found = attributions("On the show \"This Week,\" Ross said that the vote was rigged.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "that the vote was rigged");
    let found = attributions("\"We will win,\" Ross said Tuesday.");
    assert_eq!(found[0].2, "\"We will win,\"");
}

#[test]
fn the_one_who_asks_is_the_source_of_the_question() {
    assert_only(
        "Ross was asked by a caller why the plant had closed.",
        "asked",
        Some("a caller"),
        "why the plant had closed",
    );
}

#[test]
fn an_opening_adverbial_is_no_content_when_the_content_follows_the_cue() {
    let found = attributions("In the debate, Ross joked about the rules of the game.");
    assert!(found.iter().all(|f| f.2 != "In the debate"), "{found:?}");
}

#[test]
fn a_participle_modifying_the_subject_is_not_the_cue() {
    let found =
        attributions("A state poll released Sunday by the Daily Ledger shows the mayor ahead.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "shows");
    assert_eq!(found[0].2, "the mayor ahead");
    let found = attributions("A batch of memos published this week showed that the plan was old.");
    assert_eq!(found[0].0, "showed", "{found:?}");
    // The past tense of a speech verb keeps its bare complement.
    let found = attributions("Officials said Tuesday the plan was dead.");
    assert_eq!(found[0].0, "said", "{found:?}");
}

#[test]
fn the_cue_takes_the_words_annotators_count_in_it() {
    let cue = |s: &str| attributions(s).first().map(|f| f.0.clone());
    assert_eq!(
        cue("The mayor said in a statement that the bridge would reopen.").as_deref(),
        Some("said in a statement")
    );
    assert_eq!(
        cue("Ross wrote back that the figures were wrong.").as_deref(),
        Some("wrote back")
    );
    assert_eq!(
        cue("Lee said repeatedly that the vote was fair.").as_deref(),
        Some("said repeatedly")
    );
    assert_eq!(
        cue("\"The vote was fair,\" Lee said Tuesday.").as_deref(),
        Some("said Tuesday")
    );
    // Not an adverb of the cue: it belongs to the content.
    let found = attributions("Lee said nearly 40 people had left.");
    assert_eq!(found[0].0, "said");
    assert_eq!(found[0].2, "nearly 40 people had left");
    // A day before the content stays out of the cue.
    assert_eq!(
        cue("Lee said Tuesday that the vote was fair.").as_deref(),
        Some("said")
    );
}

#[test]
fn an_inverted_source_keeps_a_role_without_a_determiner() {
    let found =
        attributions("\"Prices will rise,\" said Ken Lowe, managing director at Harbor Capital.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Ken Lowe, managing director at Harbor Capital")
    );
    let found = attributions("\"We will win,\" said Senator Jo Park, Democrat of Ohio.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Senator Jo Park, Democrat of Ohio")
    );
    let found = attributions("\"It sold well,\" said Ann Ross, then Lee's literary agent.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("Ann Ross, then Lee's literary agent")
    );
    // An adjunct or a participle after the name is no role.
    let found = attributions("\"It sold well,\" said Ann Ross, citing sales figures.");
    assert_eq!(found[0].1.as_deref(), Some("Ann Ross"));
    let found = attributions("\"It sold well,\" said Ann Ross, in an interview on Friday.");
    assert_eq!(found[0].1.as_deref(), Some("Ann Ross"));
}

#[test]
fn a_subject_keeps_the_modifier_that_ends_before_its_cue() {
    assert_first_source(
        "Voters who have heard from the campaign say the ads work.",
        "Voters who have heard from the campaign",
    );
    assert_first_source(
        "House members supporting the bill said it would pass.",
        "House members supporting the bill",
    );
    assert_first_source(
        "People familiar with her thinking say she will run.",
        "People familiar with her thinking",
    );
    // The phrase is the subject of its own relative clause, or of a
    // complement clause after a participle.
    let found = attributions("It was a plan that Ross said would fail.");
    assert_eq!(found[0].1.as_deref(), Some("Ross"), "{found:?}");
    let found = attributions("Lee sent a note saying he thinks the plan is dead.");
    let thinks = found.iter().find(|f| f.0 == "thinks").expect("thinks");
    assert_eq!(thinks.1.as_deref(), Some("he"));
}

#[test]
fn a_participle_after_a_content_hangs_from_its_speaker() {
    // Not from the main clause's subject, the one of a subordinate clause.
    let found = attributions(
        "The vote came after the mayor praised the plan, adding that the city would pay.",
    );
    let adding = found.iter().find(|f| f.0 == "adding").expect("adding");
    assert_eq!(adding.1.as_deref(), Some("the mayor"));
    assert_eq!(adding.2, "that the city would pay");
    // Not after an "according to" phrase, which is no participle.
    let found = attributions("Prices rose in May, according to a survey released Friday.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("a survey released Friday"),
        "{found:?}"
    );
}

#[test]
fn an_inverted_source_keeps_a_modifier_without_a_comma() {
    let found = attributions("\"It will pass,\" said one senator involved in the talks.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("one senator involved in the talks")
    );
    let found = attributions("\"It will pass,\" said an aide who was not allowed to speak.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("an aide who was not allowed to speak")
    );
    let found = attributions("\"It will pass,\" said a source familiar with the talks.");
    assert_eq!(
        found[0].1.as_deref(),
        Some("a source familiar with the talks")
    );
}

#[test]
fn quantities_of_pronouns_and_hyphenated_roles_stay_in_the_subject() {
    assert_first_source("Most of them said the plan failed.", "Most of them");
    assert_first_source(
        "GOP front-runner Ann Ross said the plan failed.",
        "GOP front-runner Ann Ross",
    );
}

#[test]
fn a_base_cue_verb_tagged_as_a_noun_after_a_plural_is_a_verb() {
    let found = attributions("About 40 percent support the mayor.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "support");
    assert_eq!(found[0].1.as_deref(), Some("About 40 percent"));
    // A singular before makes a compound noun.
    assert!(attributions("Voter support rose sharply in May.").is_empty());
}

#[test]
fn a_content_inside_a_restrictive_relative_ends_before_the_main_verb() {
    let found = attributions("A lawyer who said the plan would fail is now running for mayor.");
    assert_eq!(found[0].1.as_deref(), Some("who"));
    assert_eq!(found[0].2, "the plan would fail");
    // A second clause joined by a conjunction stays in the content.
    let found = attributions("A lawyer who said the plan would fail and that it was costly left.");
    assert!(found[0].2.contains("and that it was costly"), "{found:?}");
}

#[test]
fn a_subject_list_may_have_a_serial_comma_or_as_well_as() {
    assert_first_source(
        "Ann Ross, Ben Lee, and Carl Park said the deal hurts workers.",
        "Ann Ross, Ben Lee, and Carl Park",
    );
    assert_first_source(
        "Sen. Ann Ross as well as Gov. Ben Lee said the deal hurts workers.",
        "Sen. Ann Ross as well as Gov. Ben Lee",
    );
    // Two clauses, not a list.
    assert_first_source(
        "The poll is a snapshot, and other polls show the deal hurts workers.",
        "other polls",
    );
}

#[test]
fn the_reverend_is_a_title_that_does_not_end_the_sentence() {
    let found = attributions("The Rev. Ann Ross said the church would stay open.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("The Rev. Ann Ross"));
}

#[test]
fn a_determiner_standing_alone_is_the_subject_of_a_finite_cue() {
    let found = attributions("Another said the vote was rigged.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("Another"));
    assert_eq!(found[0].2, "the vote was rigged");
    assert_first_source("But another said, \"The vote was rigged.\"", "another");
    // Before a noun it is still a determiner, and the word a noun.
    assert!(attributions("Another report card arrived on Friday.").is_empty());
}

#[test]
fn a_passive_judgement_by_an_agent_keeps_what_it_was_for() {
    assert_only(
        "The mayor was criticized by his rivals for closing the harbor.",
        "criticized",
        Some("his rivals"),
        "The mayor for closing the harbor",
    );
}

#[test]
fn a_call_after_and_shares_the_subject_of_the_first_verb() {
    let found = attributions("The mayor visited the harbor and called for the pier to be rebuilt.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "called for");
    assert_eq!(found[0].1.as_deref(), Some("The mayor"));
}

#[test]
fn an_appositive_subject_may_follow_a_dash() {
    assert_first_source(
        "It was no accident — Ana Ruiz, a spokeswoman for the port, told reporters that the pier was closed.",
        "Ana Ruiz, a spokeswoman for the port",
    );
}

#[test]
fn a_cue_the_tagger_reads_as_a_noun_is_a_verb_where_its_clause_needs_one() {
    // After a conjunction, an aside or a plural after "of", with a that-clause.
    assert_cue_with_source(
        "She is a port worker but concedes that the pier is unsafe.",
        "concedes",
        "She",
    );
    let found = attributions("The new series of emails shows that the mayor knew.");
    assert!(found.iter().any(|f| f.0 == "shows"), "{found:?}");
    // A participle after a comma, taking a that-clause.
    assert_cue_with_source(
        "The unions mobilized, warning that the merger would cost jobs.",
        "warning",
        "The unions",
    );
    // The only word that can be its clause's verb.
    assert_cue_with_source(
        "A new state poll shows Governor Ana Ruiz with a wide lead.",
        "shows",
        "A new state poll",
    );
    // After an adjective, a plural noun is a noun.
    assert!(attributions("The new plans drew Governor Ruiz to the harbor.").is_empty());
}

#[test]
fn worried_is_a_belief_cue_whatever_its_tag() {
    let found = attributions("Port officials are worried that the pier will collapse.");
    assert_eq!(
        found.first().map(|f| f.0.as_str()),
        Some("worried"),
        "{found:?}"
    );
}

#[test]
fn a_speech_verb_read_as_a_participle_still_cues_before_a_clause() {
    // The tagger reads "said" after a plural as a participle here.
    assert_first_source(
        "Public health experts said money is needed.",
        "Public health experts",
    );
}

#[test]
fn roles_before_a_name_are_titles() {
    assert_first_source(
        "\"It will run in some ad,\" said pollster Ana Ruiz.",
        "pollster Ana Ruiz",
    );
}

#[test]
fn a_subject_keeps_a_relative_clause_with_a_cue_of_its_own() {
    assert_cue_with_source(
        "Ana Ruiz and others who want to close the pier said the vote was unfair.",
        "said",
        "Ana Ruiz and others who want to close the pier",
    );
}

#[test]
fn much_of_opens_a_reported_clause() {
    let found = attributions("Ana Ruiz said much of the money for the port was wasted.");
    assert_eq!(
        found.first().map(|f| f.2.as_str()),
        Some("much of the money for the port was wasted"),
        "{found:?}"
    );
}

#[test]
fn a_named_subject_keeps_its_party_label_before_an_appositive() {
    assert_cue_with_source(
        "Sen. Ana Ruiz (D-Mo.), who has endorsed Clinton, said the plan would fail.",
        "said",
        "Sen. Ana Ruiz (D-Mo.), who has endorsed Clinton",
    );
}

#[test]
fn two_names_may_share_an_appositive() {
    assert_first_source(
        "Ana Ruiz and Tom Lee, who both sit on the port board, said the pier would close.",
        "Ana Ruiz and Tom Lee, who both sit on the port board",
    );
}

#[test]
fn a_poll_opening_the_sentence_is_a_source_even_unnamed() {
    let found = attributions("In exit polls, most voters were unhappy with the port.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("exit polls"));
    // Mid-sentence, "in the polls" is a standing.
    assert!(attributions("The mayor leads in the polls by ten points.").is_empty());
}

#[test]
fn after_a_whole_quotation_and_its_cue_the_writer_speaks() {
    let found = attributions("\"Follow us,\" Ana Ruiz said, and the boys trailed behind her.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, "\"Follow us,\"");
    // Without quotation marks the cue interrupts one content.
    let found = attributions("The plan, Ana Ruiz said, would close the pier.");
    assert_eq!(found[0].2, "The plan would close the pier");
}

#[test]
fn an_ing_cue_after_a_contracted_be() {
    assert_cue_with_source("She’s saying that the plan failed.", "saying", "She");
    assert_cue_with_source("They're arguing that taxes rose.", "arguing", "They");
    assert_cue_with_source("He’s also praising the mayor.", "praising", "He");
    // After a name, "’s" is a possessive: "saying" is a noun here.
    assert!(attributions("The mayor’s saying that taxes rose upset the voters.").is_empty());
}

#[test]
fn a_participle_opening_the_sentence_has_the_next_clause_subject() {
    assert_only(
        "Noting that the plan failed, the mayor left the room.",
        "Noting",
        Some("the mayor"),
        "that the plan failed",
    );
    assert_cue_with_source(
        "After claiming that the vote was rigged, Ann Ross refused to concede.",
        "claiming",
        "Ann Ross",
    );
    assert_cue_with_source(
        "In addition to stating that taxes rose, Ross said the roads were bad.",
        "stating",
        "Ross",
    );
    // A preposition in -ing and a raising verb are no reports.
    assert!(attributions("Regarding the plan, the mayor left the room.").is_empty());
    assert!(attributions("Appearing on television, the mayor left the room.").is_empty());
}

#[test]
fn a_judgement_passed_by_nobody_named_is_sourceless() {
    let text = "Title\n\nThe senator was criticized for missing the vote.";
    let reading = read_article(text, &ArticleMeta::default());
    let records = reading.records("t.txt", text);
    let found: Vec<_> = records.iter().filter(|r| r.cue.is_some()).collect();
    assert_eq!(found.len(), 1, "{records:?}");
    assert_eq!(found[0].cue.as_deref(), Some("criticized"));
    assert_eq!(found[0].mention, None);
    // A pronoun subject is left alone: what it stands for is too unsure.
    assert!(attributions("She was criticized for missing the vote.").is_empty());
}

#[test]
fn a_quotation_before_the_writers_next_clause_is_the_content() {
    let found = attributions("Ross said, “We won the vote,” and walked out of the hall.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "said");
    assert_eq!(found[0].2, "“We won the vote,”");
    assert_cue_with_source(
        "Ross left early, saying, ''We won,'' but the count went on.",
        "saying",
        "Ross",
    );
    let found = attributions("Crowds marched on Monday, chanting “No more,” raising doubts.");
    assert_eq!(found[0].2, "“No more,”");
}

#[test]
fn an_opening_phrase_alone_is_no_content_of_the_cue_after_it() {
    let found = attributions("In a letter to the board, Ross asked the mayor to resign.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "asked");
    assert!(found[0].2.ends_with("to resign"), "{found:?}");
    let found = attributions("At a rally in Ohio, Ross said: “We won.”");
    assert_eq!(found[0].2, "“We won.”");
}

#[test]
fn the_time_of_the_act_is_no_part_of_an_object_content() {
    let found = attributions("Ross endorsed the mayor here on Sunday.");
    assert_eq!(found[0].2, "the mayor");
    let found = attributions("Ross criticized the plans of last year.");
    assert_eq!(found[0].2, "the plans of last year");
}

#[test]
fn an_adverbial_opening_the_reported_clause_stays_in_it() {
    let found = attributions("Aides told reporters that in private, Ross has shown an interest.");
    assert_eq!(found[0].0, "told");
    assert_eq!(found[0].2, "that in private, Ross has shown an interest");
    let found = attributions("The poll finds that, while most voters say taxes rose, few care.");
    assert!(
        found[0].2.starts_with("that, while most voters say"),
        "{found:?}"
    );
}

#[test]
fn words_after_a_split_quotation_and_its_cue_are_the_writers() {
    let found = attributions("“We never lost!” Ross declared, a line she likes to repeat.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "declared");
    assert_eq!(found[0].2, "“We never lost!”");
}

#[test]
fn a_quotation_opened_by_backticks_and_closed_by_apostrophes_is_one() {
    // ``…'' as the Penn Treebank and some outlets write quotations: the
    // period inside does not end the sentence, and the quotation is the content.
    assert_only(
        "``We will win. We always do,'' the senator said. Then she left.",
        "said",
        Some("the senator"),
        "``We will win. We always do,''",
    );
}

#[test]
fn publishing_a_message_with_a_participle_is_one_cue() {
    assert_only(
        "The council issued a statement Monday saying that the bridge would reopen.",
        "issued a statement Monday saying",
        Some("The council"),
        "that the bridge would reopen",
    );
    // Verbs that are no cue alone, and an adjunct before the participle.
    let found = attributions("The mayor sent an email to residents urging them to stay home.");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "sent an email to residents urging");
    assert_eq!(found[0].1.as_deref(), Some("The mayor"));
    assert_cue_with_source(
        "She fired back a response saying, \"We will win.\"",
        "fired back a response saying",
        "She",
    );
    // Inside a report it is a report of speech, read as such.
    assert_cue_with_source(
        "Officials said the firm issued a statement saying the plant would close.",
        "issued a statement saying",
        "the firm",
    );
    // A gerund clause of its own, and a copula, are no such act.
    assert!(
        attributions("He read a statement before leaving the stage.")
            .iter()
            .all(|f| !f.0.contains("leaving"))
    );
    assert!(attributions("It was a letter asking for money.")
        .iter()
        .all(|f| !f.0.contains("letter")));
}

#[test]
fn reportedly_attributes_its_clause_to_unnamed_reports() {
    assert_only(
        "The company is reportedly building a second factory.",
        "reportedly",
        None,
        "The company is reportedly building a second factory",
    );
    // With a cue verb, the verb reads its own frame.
    assert_cue_with_source(
        "The minister reportedly said the talks had failed.",
        "said",
        "The minister",
    );
}

#[test]
fn a_chief_executive_is_a_source_though_tagged_an_adjective() {
    assert_cue_with_source(
        "The plant is under pressure, said the chief executive.",
        "said",
        "the chief executive",
    );
}
