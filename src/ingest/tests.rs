//! Tests across modules: the bundled sample corpus, and any bytes at all.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use proptest::prelude::*;

use crate::model::Article;

use super::{LoadOptions, Manifest, load_dir, read_article_file};

fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus")
}

fn paragraphs(a: &Article) -> Vec<&str> {
    (0..a.paragraphs.len())
        .map(|i| a.paragraph_text(i))
        .collect()
}

#[test]
fn sample_corpus_loads_six_clean_articles() {
    let corpus = load_dir(&sample_corpus(), &LoadOptions::default(), &mut |_, _| true)
        .expect("sample corpus loads");
    assert!(corpus.problems.is_empty(), "{:?}", corpus.problems);
    assert_eq!(corpus.articles.len(), 6);

    let files: Vec<&str> = corpus.articles.iter().map(|a| a.file.as_str()).collect();
    let mut sorted = files.clone();
    sorted.sort_unstable();
    assert_eq!(files, sorted);

    let two: Vec<&Article> = corpus
        .articles
        .iter()
        .filter(|a| a.file.starts_with("004_"))
        .collect();
    assert_eq!(two.len(), 2);
    assert_eq!(
        two[0].title.as_deref(),
        Some("Kremlin Says No Date Yet for Iranian President’s Visit to Russia")
    );
    assert_eq!(
        two[1].title.as_deref(),
        Some(
            "Kremlin Says Putin Sent Trump a Message on Ukraine Ceasefire Idea, Talks of 'Cautious Optimism'"
        )
    );
    assert_eq!(two[0].published, NaiveDate::from_ymd_opt(2024, 12, 3));
    assert_eq!(two[1].published, NaiveDate::from_ymd_opt(2025, 3, 14));
    assert!(paragraphs(two[0])[0].starts_with("A visit to Russia by Iranian President"));
    assert!(paragraphs(two[1])[0].starts_with("The Kremlin said on Friday"));

    for a in &corpus.articles {
        assert!(a.published.is_some(), "{} is dated by the manifest", a.file);
        assert!(!a.paragraphs.is_empty(), "{} has paragraphs", a.file);
        let headlines: Vec<&str> = two.iter().filter_map(|t| t.title.as_deref()).collect();
        for p in paragraphs(a) {
            for credit in ["Courtesy of", "via Reuters", "AP Photo", "Subscribe to"] {
                assert!(!p.contains(credit), "{}: {p}", a.file);
            }
            assert!(p != "TT" && p != "20", "{}: junk line kept", a.file);
            assert!(!headlines.contains(&p), "{}: headline kept: {p}", a.file);
            assert!(
                a.title.as_deref() != Some(p),
                "{}: own headline kept",
                a.file
            );
        }
        let file_bytes = std::fs::read(sample_corpus().join(&a.file)).expect("read sample");
        for r in &a.paragraphs {
            assert_eq!(
                &file_bytes[a.offsets.range_to_file(r)],
                a.text[r.clone()].as_bytes()
            );
        }
    }

    let first = corpus
        .articles
        .iter()
        .find(|a| a.file.starts_with("001_"))
        .expect("article 001");
    assert!(paragraphs(first)[0].starts_with("On the 24th"));
    let last = corpus
        .articles
        .iter()
        .find(|a| a.file.starts_with("003_"))
        .expect("article 003");
    assert_eq!(last.outlet.as_deref(), Some("Pravda.Ru"));
}

#[test]
fn sample_file_with_two_articles_splits_without_the_manifest() {
    let name = "004_93d3a7aa106f1c6c.txt";
    let bytes = std::fs::read(sample_corpus().join(name)).expect("read sample");
    let (articles, _) =
        read_article_file(&sample_corpus(), &sample_corpus().join(name), &bytes, None);
    assert_eq!(articles.len(), 2);
    assert_eq!(
        articles[0].title.as_deref(),
        Some("Kremlin Says No Date Yet for Iranian President’s Visit to Russia")
    );
    assert!(paragraphs(&articles[1])[0].starts_with("The Kremlin said on Friday"));
}

const EXTENSIONS: [&str; 6] = ["txt", "md", "html", "htm", "json", "jsonl"];

/// What must hold for any input: ranges inside the text on char boundaries, offsets
/// inside the file, the hash of the text.
fn check_invariants(bytes: &[u8], ext: &str, manifest: Option<&Manifest>) {
    let root = Path::new("/corpus");
    let path = root.join(format!("sub/file.{ext}"));
    let (articles, problems) = read_article_file(root, &path, bytes, manifest);
    for a in &articles {
        assert_eq!(a.file, format!("sub/file.{ext}"));
        assert_eq!(a.offsets.text_len(), a.text.len());
        assert_eq!(
            a.content_hash,
            xxhash_rust::xxh3::xxh3_64(a.text.as_bytes())
        );
        let whole = a.offsets.range_to_file(&(0..a.text.len()));
        assert!(whole.start <= whole.end && whole.end <= bytes.len());
        for r in &a.paragraphs {
            assert!(r.start < r.end && r.end <= a.text.len());
            assert!(a.text.is_char_boundary(r.start) && a.text.is_char_boundary(r.end));
            let f = a.offsets.range_to_file(r);
            assert!(
                f.start <= f.end && f.end <= bytes.len(),
                "{f:?} outside {}",
                bytes.len()
            );
        }
    }
    for p in &problems {
        assert!(!p.message.is_empty());
        assert!(p.file == "sub/file.".to_string() + ext || p.file == "manifest.json");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), ext in 0..EXTENSIONS.len()) {
        check_invariants(&bytes, EXTENSIONS[ext], None);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,400}", ext in 0..EXTENSIONS.len()) {
        check_invariants(s.as_bytes(), EXTENSIONS[ext], None);
    }

    #[test]
    fn markup_like_strings_never_panic(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("<p>".to_string()), Just("</p>".to_string()), Just("<script>".to_string()),
                Just("&amp;".to_string()), Just("&#x1F600;".to_string()), Just("&#55296;".to_string()),
                Just("\n".to_string()), Just("\n\n".to_string()), Just("---\n".to_string()), Just("# ".to_string()),
                Just("{\"text\": \"".to_string()), Just("\\u00e9\\n\\ud83d".to_string()), Just("\"}".to_string()),
                Just("[".to_string()), Just("]".to_string()), Just(",".to_string()),
                Just("Headline Of The Day\n".to_string()), Just("Photo: X via Reuters\n".to_string()),
                Just("MOSCOW, March 14, 2025 (Reuters) - He said.\n".to_string()), Just("TT\n".to_string()),
                "\\PC{0,20}",
            ],
            0..40,
        ),
        ext in 0..EXTENSIONS.len(),
        with_manifest in any::<bool>(),
    ) {
        let (manifest, _) = Manifest::parse(
            r#"{"articles": [{"file": "sub/file.txt", "title": "Headline Of The Day"}, {"file": "sub/file.txt", "title": "He said."}]}"#,
        );
        check_invariants(parts.concat().as_bytes(), EXTENSIONS[ext], with_manifest.then_some(&manifest));
    }
}
