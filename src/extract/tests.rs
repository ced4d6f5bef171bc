//! Extraction on small made-up articles, one phenomenon each.

use chrono::NaiveDate;

use super::knowledge::tests::knowledge;
use super::*;
use crate::model::{Article, DateValue, Kind};

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// An article whose paragraphs are its non-empty lines.
pub fn article(text: &str, published: Option<&str>) -> Article {
    let mut paragraphs = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.trim().is_empty() {
            paragraphs.push(start..start + trimmed.len());
        }
        start += line.len();
    }
    Article {
        file: "test.txt".into(),
        published: published.map(day),
        text: text.to_string(),
        paragraphs,
        ..Article::default()
    }
}

#[derive(Debug)]
struct Got {
    text: String,
    speaker: String,
    kind: Kind,
    date: DateValue,
    conflict: Option<String>,
}

fn run(text: &str, published: Option<&str>) -> Vec<Got> {
    let k = knowledge();
    let a = article(text, published);
    let ex = extract(std::slice::from_ref(&a), &k);
    ex.statements
        .iter()
        .map(|s| Got {
            text: a.text[s.span.clone()].to_string(),
            speaker: ex.speakers[s.speaker].name.clone(),
            kind: s.kind,
            date: s.date.value,
            conflict: s.conflict.map(|c| k.taxonomy.conflicts[c].name.clone()),
        })
        .collect()
}

fn on(s: &str) -> DateValue {
    DateValue::Day { date: day(s) }
}

#[test]
fn reported_speech_with_a_that_clause() {
    let got = run(
        "Ruritanian Foreign Minister Anna Kowal said on Monday that the Strelsau offensive had failed.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker, "Anna Kowal");
    assert_eq!(got[0].kind, Kind::Reported);
    assert_eq!(got[0].date, on("2024-05-06"));
    assert_eq!(got[0].conflict.as_deref(), Some("Ruritania–Osterlich war"));
}

#[test]
fn trailing_attribution_names_the_speaker_not_the_subject_of_the_content() {
    let got = run(
        "Anna Kowal supports talks with Osterlich, presidential spokesman Boris Tamm said on Friday.",
        Some("2024-05-10"),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker, "Boris Tamm");
    assert_eq!(got[0].date, on("2024-05-10"));
}

#[test]
fn direct_quotes_with_attribution_before_and_after() {
    let text = "“We will not give up Zenda. Never,” Kowal said.\nTamm replied: “The talks go on.”";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].text, "We will not give up Zenda. Never");
    assert_eq!(got[0].speaker, "Anna Kowal");
    assert_eq!(got[0].kind, Kind::Direct);
    assert_eq!(got[1].text, "The talks go on.");
    assert_eq!(got[1].speaker, "Boris Tamm");
}

#[test]
fn a_quote_paragraph_continues_the_previous_speaker() {
    let text =
        "“We are ready,” said Boris Tamm.\n“So, yes, there is much to do, but we are hopeful.”";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].speaker, "Boris Tamm");
}

#[test]
fn pronouns_descriptors_and_according_to() {
    let text = "Anna Kowal said the border was calm.\nAccording to her, the army left Zenda. “We keep our word,” the Ruritanian diplomat added.\nShe also warned that the truce was fragile.";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 4);
    assert!(
        got.iter().all(|g| g.speaker == "Anna Kowal"),
        "{:?}",
        got.iter().map(|g| &g.speaker).collect::<Vec<_>>()
    );
}

#[test]
fn the_latter_is_the_last_person_named() {
    let text = "Boris Tamm and Anna Kowal met on Monday, with the latter vowing to end the war in Osterlich.";
    let got = run(text, Some("2024-05-08"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker, "Anna Kowal");
    assert_eq!(got[0].date, on("2024-05-06"));
}

#[test]
fn unnamed_sources_countries_and_agencies_are_not_officials() {
    let text = "Sources said the talks had failed.\nAn official said the talks were over.\nRuritania has called for restraint.\nReuters reported that the army moved.\n“We move at dawn.”";
    let got = run(text, Some("2024-05-10"));
    assert!(
        got.is_empty(),
        "{:?}",
        got.iter().map(|g| &g.text).collect::<Vec<_>>()
    );
}

#[test]
fn quotes_inside_a_quote_belong_to_the_quoted_speaker() {
    let text = "“Kowal supported the idea. At the same time, she noted that much must be done,” Tamm said.";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].speaker, "Boris Tamm");
}

#[test]
fn a_report_quoted_before_the_speaker_is_not_his() {
    let text = "Tamm said on Monday that talks went on.\nRegarding a report that “Kowal sent a letter to the emperor,” he refuted it by saying, “There was no letter.”";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].text, "There was no letter.");
    assert_eq!(got[1].speaker, "Boris Tamm");
}

#[test]
fn phrases_and_names_in_quotes_are_not_statements() {
    let text = "Tamm described the situation as “very difficult,” adding that talks went on.\nKowal spoke at the forum “Zenda Readings” held on the same day.";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, Kind::Reported);
    assert!(got[0].text.starts_with("Tamm described"));
}

#[test]
fn the_lead_sets_the_date_in_focus() {
    let text = "On the 9th, Ruritania welcomed the truce.\nBoris Tamm told reporters the truce would hold.\nKowal said the same day that the army would stay.";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].date, on("2024-05-09"));
    assert_eq!(got[1].date, on("2024-05-09"));
}

#[test]
fn dates_in_the_question_or_the_content_are_not_the_statement_date() {
    let text = "When asked whether Kowal had met the envoy the day before, Tamm replied: “No.”\nTamm said the vote would take place on Friday.";
    let got = run(text, Some("2024-05-08"));
    assert_eq!(
        got.len(),
        2,
        "{:?}",
        got.iter().map(|g| &g.text).collect::<Vec<_>>()
    );
    assert_eq!(got[0].text, "No.");
    assert_eq!(got[0].date, on("2024-05-08"));
    assert_eq!(got[1].date, on("2024-05-08"));
    let got = run(
        "Tamm said Kowal would travel to Zenda on Friday.",
        Some("2024-05-08"),
    );
    assert_eq!(got[0].date, on("2024-05-08"));
}

#[test]
fn months_ranges_and_background() {
    let text = "Kowal told state television in late April the treaty would be signed.\nIn January, Tamm stated that peace must last.\nKowal has repeatedly said the war must end.\nPreviously, officials rejected a pause. Boris Tamm ruled out any frozen conflict.";
    let got = run(text, Some("2024-05-10"));
    assert_eq!(got.len(), 4);
    assert_eq!(
        got[0].date,
        DateValue::Range {
            first: day("2024-04-21"),
            last: day("2024-04-30")
        }
    );
    assert_eq!(got[1].date, DateValue::month(2024, 1));
    assert_eq!(got[2].date, DateValue::Unknown);
    assert_eq!(got[3].date, DateValue::Unknown);
}

#[test]
fn unknown_officials_are_found_by_their_title() {
    let text = "Deputy Defence Minister Karl Brandt said on Monday the army was ready.\nBrandt added that reserves were called up.";
    let got = run(text, Some("2024-05-08"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].speaker, "Karl Brandt");
    assert_eq!(got[1].speaker, "Karl Brandt");
}

#[test]
fn institutions_speak_for_themselves() {
    let text = "The Ruritanian Foreign Ministry said on Monday that Zenda was calm.\nThe Turkish Defence Ministry warned that ships must leave.";
    let got = run(text, Some("2024-05-08"));
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].speaker, "Ruritanian Foreign Ministry");
    assert_eq!(got[1].speaker, "Turkish Defence Ministry");
}

#[test]
fn no_conflict_topics_and_topic_carry_over() {
    let text = "Tamm said the war in Osterlich would go on.\n“We will win,” he said.\nTamm added that there were no trade relations with the emperor.";
    let got = run(text, Some("2024-05-08"));
    assert_eq!(got.len(), 3);
    assert_eq!(got[1].conflict.as_deref(), Some("Ruritania–Osterlich war"));
    assert_eq!(got[2].conflict, None);
}

#[test]
fn the_same_statement_in_two_articles_is_one_event() {
    let k = knowledge();
    let a = article(
        "Kowal said on Monday that the army would never leave the harbour of Zenda.",
        Some("2024-05-07"),
    );
    let b = article(
        "“Our army will never leave Zenda harbour,” Foreign Minister Anna Kowal told reporters on Monday.",
        Some("2024-05-06"),
    );
    let c = article(
        "Kowal said on Monday that grain exports were rising fast.",
        Some("2024-05-07"),
    );
    let ex = extract(&[a, b, c], &k);
    assert_eq!(ex.statements.len(), 3);
    assert_eq!(ex.statements[0].event, ex.statements[1].event);
    assert_ne!(ex.statements[0].event, ex.statements[2].event);
}

#[test]
fn undated_articles_keep_their_statements() {
    let got = run(
        "Tamm said on Monday that talks went on.\nKowal said the army was ready.",
        None,
    );
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].date, DateValue::Unknown);
    assert_eq!(got[1].date, DateValue::Unknown);
}

#[test]
fn an_opening_phrase_dates_the_speech() {
    let got = run(
        "Speaking to reporters in Zenda on Monday, Tamm said the talks would resume.",
        Some("2024-05-08"),
    );
    assert_eq!(got[0].date, on("2024-05-06"));
    let got = run(
        "Regarding the vote held on Monday, Tamm said it was fair.",
        Some("2024-05-08"),
    );
    assert_eq!(got[0].date, on("2024-05-08"));
}

#[test]
fn two_speakers_in_one_sentence_get_one_statement_each() {
    let got = run(
        "Tamm said the talks had failed, while Anna Kowal said they would go on.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].speaker, "Boris Tamm");
    assert_eq!(got[0].text, "Tamm said the talks had failed");
    assert_eq!(got[1].speaker, "Anna Kowal");
    assert_eq!(got[1].text, "Anna Kowal said they would go on.");
}

#[test]
fn a_quote_around_its_attribution() {
    let got = run(
        "“We are ready,” Tamm said, “but not at any price.”",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2);
    assert!(
        got.iter()
            .all(|g| g.speaker == "Boris Tamm" && g.kind == Kind::Direct)
    );
    assert_eq!(got[1].text, "but not at any price.");
}

#[test]
fn a_relative_clause_with_its_own_speech_verb_keeps_the_subject() {
    let got = run(
        "Tamm, who has long said that Kowal leads a gang, added that the army would stay.",
        Some("2024-05-08"),
    );
    assert_eq!(
        got.len(),
        1,
        "{:?}",
        got.iter()
            .map(|g| (&g.speaker, &g.text))
            .collect::<Vec<_>>()
    );
    assert_eq!(got[0].speaker, "Boris Tamm");
}

#[test]
fn a_when_clause_takes_the_time_of_its_main_clause() {
    let got = run(
        "Fighting resumed on Monday, when Tamm announced that the truce was over.",
        Some("2024-05-08"),
    );
    assert_eq!(got[0].date, on("2024-05-06"));
}

#[test]
fn long_held_claims_are_background() {
    let got = run(
        "Tamm has long maintained that the border is closed.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].date, DateValue::Unknown);
}

#[test]
fn ranks_and_qualified_titles() {
    let text = "Army spokesperson Col. Karl Brandt said on Monday the lines held.\n“We will not retreat,” the army spokesperson said.";
    let got = run(text, Some("2024-05-08"));
    assert_eq!(
        got.len(),
        2,
        "{:?}",
        got.iter()
            .map(|g| (&g.speaker, &g.text))
            .collect::<Vec<_>>()
    );
    assert!(got.iter().all(|g| g.speaker == "Karl Brandt"));
}

#[test]
fn an_agency_named_after_a_title_is_no_person() {
    let got = run(
        "Ruritania's official Zenda News Agency reported that shelling went on.",
        Some("2024-05-08"),
    );
    assert!(
        got.is_empty(),
        "{:?}",
        got.iter().map(|g| &g.speaker).collect::<Vec<_>>()
    );
}

#[test]
fn a_recycled_word_buffer_keeps_its_memory_for_the_next_article() {
    let article = String::from("first article");
    let mut words: Vec<Option<&str>> = Vec::with_capacity(100);
    words.push(Some(&article[..5]));
    let next: Vec<Option<&str>> = super::recycle(words);
    assert!(next.is_empty());
    assert!(next.capacity() >= 100);
}

#[test]
fn articles_extracted_one_after_another_on_one_thread_are_as_alone() {
    // Each thread reuses its buffers from article to article: nothing may carry over.
    let a = "Foreign Minister Anna Kowal said on Monday that the talks in Zenda had failed.";
    let b = "“We will not give up,” Kowal told reporters.";
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("a one-thread pool");
    let (alone, after) = one_thread.install(|| {
        let alone = format!("{:?}", run(b, Some("2024-05-08")));
        assert!(!run(a, Some("2024-05-08")).is_empty());
        (alone, format!("{:?}", run(b, Some("2024-05-08"))))
    });
    assert!(alone.contains("Kowal"), "{alone}");
    assert_eq!(alone, after);
}

#[test]
fn a_family_name_introduced_earlier_in_the_same_paragraph_names_the_speaker() {
    let got = run(
        "Commission President Omar Touray urged Osterlich to keep talking. \"The door stays open,\" Touray told reporters on Wednesday.",
        Some("2024-05-10"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].speaker, "Omar Touray");
    assert_eq!(got[1].kind, Kind::Direct);
    assert_eq!(got[1].date, on("2024-05-08"));
}

#[test]
fn a_venue_between_commas_dates_the_speech() {
    let got = run(
        "Presidential spokesman Boris Tamm, at his weekly briefing on Monday, described the Strelsau offensive as \"a failure\".",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, "Boris Tamm");
    assert_eq!(got[0].date, on("2024-05-06"));
}

#[test]
fn a_relative_clause_after_an_apposition_keeps_the_named_subject() {
    let got = run(
        "Piotr Nowak, the Osterlich foreign minister, who was visiting Zenda, told reporters on Sunday: \"We want peace with all our neighbours.\"",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, "Piotr Nowak");
    assert_eq!(got[0].date, on("2024-05-05"));
}

#[test]
fn an_honorific_and_a_title_introduce_someone_unknown() {
    let got = run(
        "\"An election under fire cannot be free,\" said Dr Sasa, the opposition's minister of cooperation, in a statement. According to him, 30 civilians were killed in Zenda.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got.iter().all(|g| g.speaker == "Sasa"), "{got:?}");
    // An honorific alone makes nobody an official.
    assert!(
        run(
            "Mr. Smith, a shopkeeper, said prices rose.",
            Some("2024-05-08")
        )
        .is_empty()
    );
}

#[test]
fn a_second_verb_of_the_same_subject_dates_the_speech() {
    let got = run(
        "Boris Tamm rejected the figures as \"propaganda\" and said in a television interview on Sunday night that 23 soldiers had died.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].date, on("2024-05-05"));
}

#[test]
fn an_age_and_a_rank_describe_someone_just_named() {
    let got = run(
        "Colonel Piotr Nowak, the Osterlich army commander, said on Monday that the front held. The 58-year-old officer added that reinforcements had arrived.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].speaker, "Piotr Nowak");
    assert_eq!(got[1].date, on("2024-05-06"));
}

#[test]
fn he_after_a_sentence_about_someone_else_is_that_person() {
    let got = run(
        "Presidential spokesman Boris Tamm accused Osterlich of shelling Zenda.\nIn Beijing, Foreign Minister Li Wen struck a calmer note. \"We will not take sides,\" he said on Monday.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].speaker, "Li Wen");
    // Without the sentence in between, "he" is the last speaker.
    let got = run(
        "Presidential spokesman Boris Tamm accused Osterlich of shelling Zenda.\n\"We will not take sides,\" he said on Monday.",
        Some("2024-05-08"),
    );
    assert_eq!(got[1].speaker, "Boris Tamm");
}

#[test]
fn a_briefing_transcript_gives_each_answer_to_the_respondent() {
    let got = run(
        "Foreign Minister Li Wen held his regular press conference.\n\
         Q: Osterlich shelled Zenda again overnight. What is your response?\n\
         A: We are deeply concerned. The fighting must stop.\n\
         Q: Will the minister travel to Paris?\n\
         A: We will release information in due course.\n",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(
        got.iter()
            .all(|g| g.speaker == "Li Wen" && g.kind == Kind::Direct)
    );
    assert_eq!(
        got[0].text,
        "We are deeply concerned. The fighting must stop."
    );
    // The question says what the answer is about.
    assert_eq!(got[0].conflict.as_deref(), Some("Ruritania–Osterlich war"));
    assert_eq!(got[0].date, on("2024-05-08"));
}

#[test]
fn a_speaker_label_opens_that_speakers_turn() {
    let got = run(
        "BORIS TAMM: The Strelsau offensive has failed.\nPhoto: Troops near Zenda.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, "Boris Tamm");
    assert_eq!(got[0].text, "The Strelsau offensive has failed.");
}

#[test]
fn a_possessive_before_a_speech_word_makes_it_a_noun() {
    let got = run(
        "Tamm's remarks came two days after Foreign Minister Anna Kowal said on Monday that the Zenda talks were postponed.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, "Anna Kowal");
    assert_eq!(got[0].date, on("2024-05-06"));
}

#[test]
fn a_relative_clause_naming_an_institution_keeps_the_person() {
    let got = run(
        "Boris Tamm, who speaks for the Ruritanian Foreign Ministry, said the talks would go on.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, "Boris Tamm");
}

#[test]
fn the_leader_refers_back_to_a_commander() {
    let got = run(
        "The commander of the Osterlich militia, Piotr Nowak, said on Monday that his men had withdrawn. In a video, the militia leader said a committee would investigate.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[1].speaker, "Piotr Nowak");
}

#[test]
fn a_quoted_phrase_inside_reported_speech_stays_in_the_reported_statement() {
    let got = run(
        "Boris Tamm told reporters the army \"will not tolerate attacks on Zenda\" and that \"all options remain open\".",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].kind, Kind::Reported);
    assert!(got[0].text.contains("will not tolerate attacks"), "{got:?}");
    assert_eq!(got[1].text, "all options remain open");
    // Where it was said, with a quoted name in it, is no statement of its own.
    let got = run(
        "Boris Tamm also noted during a speech at the forum \"Zenda Readings\" held on the same day, \"If such an agreement exists, it would be welcome.\"",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].kind, Kind::Direct);
}

#[test]
fn another_speaker_in_a_new_paragraph_speaks_to_the_articles_subject() {
    let got = run(
        "Foreign Minister Anna Kowal said on Monday that the Strelsau offensive would go on.\n\
         Boris Tamm said the Zenda treaty was \"a betrayal\".\n\
         Li Wen told reporters that the talks should resume.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 3, "{got:?}");
    assert_eq!(got[1].conflict.as_deref(), Some("Zenda dispute"));
    // Not the Zenda dispute the paragraph above named: the article is about the war.
    assert_eq!(got[2].conflict.as_deref(), Some("Ruritania–Osterlich war"));
}

#[test]
fn analysts_and_think_tank_directors_are_no_officials() {
    let got = run(
        "\"This is a dangerous moment,\" said Sanam Vakil, director of the Middle East programme at Chatham House.\n\
         \"We are ready,\" said Piotr Nowak, director of the national security bureau.",
        Some("2024-05-08"),
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].speaker, "Piotr Nowak");
}
