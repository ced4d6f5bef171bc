//! Word lists of the extraction rules: speech verbs, titles of office, words for unnamed
//! sources, countries. They describe English news style, not any particular article.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use super::tokens::with_lowercase;

/// How a speech verb appears: finite ("said", "warns") or as a participle ("adding",
/// "saying"), which only continues a statement whose subject stands elsewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbForm {
    Finite,
    Participle,
}

/// Speech verbs: (lemma, past, present third person, participle).
const SPEECH_VERBS: &[(&str, &str, &str, &str)] = &[
    ("say", "said", "says", "saying"),
    ("tell", "told", "tells", "telling"),
    ("add", "added", "adds", "adding"),
    ("note", "noted", "notes", "noting"),
    ("stress", "stressed", "stresses", "stressing"),
    ("warn", "warned", "warns", "warning"),
    ("deny", "denied", "denies", "denying"),
    ("urge", "urged", "urges", "urging"),
    (
        "acknowledge",
        "acknowledged",
        "acknowledges",
        "acknowledging",
    ),
    ("describe", "described", "describes", "describing"),
    ("state", "stated", "states", "stating"),
    ("explain", "explained", "explains", "explaining"),
    ("emphasize", "emphasized", "emphasizes", "emphasizing"),
    ("emphasise", "emphasised", "emphasises", "emphasising"),
    ("reply", "replied", "replies", "replying"),
    ("remark", "remarked", "remarks", "remarking"),
    ("report", "reported", "reports", "reporting"),
    ("specify", "specified", "specifies", "specifying"),
    ("insist", "insisted", "insists", "insisting"),
    ("argue", "argued", "argues", "arguing"),
    ("claim", "claimed", "claims", "claiming"),
    ("announce", "announced", "announces", "announcing"),
    ("declare", "declared", "declares", "declaring"),
    ("confirm", "confirmed", "confirms", "confirming"),
    ("vow", "vowed", "vows", "vowing"),
    ("pledge", "pledged", "pledges", "pledging"),
    ("promise", "promised", "promises", "promising"),
    ("reiterate", "reiterated", "reiterates", "reiterating"),
    ("recall", "recalled", "recalls", "recalling"),
    ("remind", "reminded", "reminds", "reminding"),
    ("refute", "refuted", "refutes", "refuting"),
    ("dismiss", "dismissed", "dismisses", "dismissing"),
    ("reject", "rejected", "rejects", "rejecting"),
    ("underline", "underlined", "underlines", "underlining"),
    ("underscore", "underscored", "underscores", "underscoring"),
    ("assert", "asserted", "asserts", "asserting"),
    ("admit", "admitted", "admits", "admitting"),
    ("concede", "conceded", "concedes", "conceding"),
    ("accuse", "accused", "accuses", "accusing"),
    ("condemn", "condemned", "condemns", "condemning"),
    ("criticize", "criticized", "criticizes", "criticizing"),
    ("criticise", "criticised", "criticises", "criticising"),
    ("praise", "praised", "praises", "praising"),
    ("welcome", "welcomed", "welcomes", "welcoming"),
    ("express", "expressed", "expresses", "expressing"),
    ("comment", "commented", "comments", "commenting"),
    ("observe", "observed", "observes", "observing"),
    ("predict", "predicted", "predicts", "predicting"),
    ("suggest", "suggested", "suggests", "suggesting"),
    ("assure", "assured", "assures", "assuring"),
    ("threaten", "threatened", "threatens", "threatening"),
    ("demand", "demanded", "demands", "demanding"),
    ("call", "called", "calls", "calling"),
    ("write", "wrote", "writes", "writing"),
    ("post", "posted", "posts", "posting"),
    ("tweet", "tweeted", "tweets", "tweeting"),
    ("answer", "answered", "answers", "answering"),
    ("indicate", "indicated", "indicates", "indicating"),
    ("caution", "cautioned", "cautions", "cautioning"),
    ("appeal", "appealed", "appeals", "appealing"),
    ("clarify", "clarified", "clarifies", "clarifying"),
    ("signal", "signaled", "signals", "signaling"),
    ("signal", "signalled", "signals", "signalling"),
    ("affirm", "affirmed", "affirms", "affirming"),
    ("label", "labelled", "labels", "labelling"),
    ("label", "labeled", "labels", "labeling"),
    ("brand", "branded", "brands", "branding"),
    ("term", "termed", "terms", "terming"),
    ("dub", "dubbed", "dubs", "dubbing"),
    ("designate", "designated", "designates", "designating"),
    ("thank", "thanked", "thanks", "thanking"),
    ("hail", "hailed", "hails", "hailing"),
    ("blame", "blamed", "blames", "blaming"),
    ("slam", "slammed", "slams", "slamming"),
    ("reaffirm", "reaffirmed", "reaffirms", "reaffirming"),
];

/// Two-word speech verbs whose second word is a particle.
const PHRASAL_SPEECH_VERBS: &[(&str, &str)] = &[
    ("ruled", "out"),
    ("rules", "out"),
    ("ruling", "out"),
    ("pointed", "out"),
    ("points", "out"),
    ("pointing", "out"),
    ("spoke", "of"),
    ("spoke", "about"),
];

static VERBS: LazyLock<HashMap<&'static str, VerbForm>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for &(_, past, present, participle) in SPEECH_VERBS {
        map.insert(past, VerbForm::Finite);
        map.insert(present, VerbForm::Finite);
        map.insert(participle, VerbForm::Participle);
    }
    map
});

/// Every one-word speech verb, in all its forms.
pub fn speech_verbs() -> impl Iterator<Item = &'static str> {
    VERBS.keys().copied()
}

/// The form of `word` (lowercase) when it is a one-word speech verb.
pub fn speech_verb(word: &str) -> Option<VerbForm> {
    VERBS.get(word).copied()
}

/// Whether `first second` (lowercase) is a two-word speech verb, and its form.
pub fn phrasal_speech_verb(first: &str, second: &str) -> Option<VerbForm> {
    PHRASAL_SPEECH_VERBS
        .iter()
        .any(|&(a, b)| a == first && b == second)
        .then(|| {
            if first.ends_with("ing") {
                VerbForm::Participle
            } else {
                VerbForm::Finite
            }
        })
}

/// Verbs that introduce a quote on the speaker's behalf without being a speech verb
/// themselves ("he refuted it by saying", "replied:").
pub fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "has" | "have" | "had" | "would" | "will" | "could" | "did" | "does" | "do" | "was" | "is"
    )
}

/// Adverbs that may stand between a speaker and the speech verb ("Peskov also said").
pub fn is_verb_adverb(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "later"
            | "then"
            | "further"
            | "again"
            | "previously"
            | "earlier"
            | "repeatedly"
            | "separately"
            | "reportedly"
            | "publicly"
            | "recently"
            | "once"
            | "already"
            | "firmly"
            | "flatly"
            | "openly"
            | "explicitly"
            | "bluntly"
            | "similarly"
            | "likewise"
            | "subsequently"
            | "additionally"
            | "meanwhile"
            | "however"
            | "has"
            | "have"
            | "had"
            | "long"
            | "strongly"
            | "sharply"
            | "categorically"
            | "personally"
            | "directly"
            | "privately"
            | "not"
    )
}

/// Words that start a sentence with its topic rather than its speaker ("When asked
/// whether …, Peskov said"): nothing before the speaker in such a sentence is the frame.
pub fn is_preamble_start(word: &str) -> bool {
    matches!(
        word,
        "when"
            | "asked"
            | "regarding"
            | "concerning"
            | "as"
            | "speaking"
            | "commenting"
            | "responding"
            | "referring"
            | "addressing"
            | "following"
            | "after"
            | "before"
            | "while"
            | "despite"
            | "although"
            | "though"
            | "with"
            | "about"
            | "in"
            | "on"
            | "for"
            | "given"
            | "turning"
            | "answering"
    )
}

/// Words that mark a paragraph or a statement as background rather than news: what has
/// been said at some time before, not on a day the text fixes.
pub fn is_background_marker(word: &str) -> bool {
    matches!(word, "previously" | "formerly")
}

/// Nouns of unnamed sources: a statement of "sources" or "an official" is no official's.
pub const UNNAMED_SOURCE_NOUNS: &[&str] = &[
    "source",
    "sources",
    "official",
    "officials",
    "diplomats",
    "analysts",
    "analyst",
    "experts",
    "expert",
    "observers",
    "witnesses",
    "witness",
    "residents",
    "resident",
    "people",
    "insiders",
    "aides",
    "critics",
    "media",
    "reports",
    "report",
    "newspaper",
    "outlets",
    "agency",
    "statement",
    "spokespeople",
    "lawmakers",
    "authorities",
    "leaders",
    "ministers",
    "someone",
    "others",
    "many",
    "some",
    "they",
    "we",
    "i",
    "it",
    "you",
    "who",
    "which",
    "this",
    "that",
];

pub fn is_unnamed_source_noun(word: &str) -> bool {
    UNNAMED_SOURCE_NOUNS.contains(&word)
}

/// Titles of office, lowercase, longest first where one contains another. A title
/// before a name makes the name a speaker even when no gazetteer knows it.
pub const TITLES: &[&str] = &[
    "deputy prime minister",
    "prime minister",
    "deputy foreign minister",
    "foreign minister",
    "foreign affairs minister",
    "minister of foreign affairs",
    "defence minister",
    "defense minister",
    "interior minister",
    "finance minister",
    "deputy minister",
    "minister",
    "foreign secretary",
    "defence secretary",
    "defense secretary",
    "secretary of state",
    "secretary of defense",
    "secretary-general",
    "secretary general",
    "under-secretary-general",
    "press secretary",
    "national security adviser",
    "national security advisor",
    "security adviser",
    "security advisor",
    "secretary",
    "vice president",
    "president",
    "president-elect",
    "premier",
    "chancellor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chief spokesperson",
    "ambassador",
    "special envoy",
    "envoy",
    "special representative",
    "representative",
    "high representative",
    "head of state",
    "head of government",
    "head of the government",
    "foreign policy chief",
    "diplomat",
    "top diplomat",
    "negotiator",
    "chief negotiator",
    "commander",
    "commander-in-chief",
    "field marshal",
    "marshal",
    "general",
    "lieutenant general",
    "major general",
    "army chief",
    "chief of staff",
    "chief of general staff",
    "admiral",
    "colonel",
    "captain",
    "officer",
    "king",
    "queen",
    "emir",
    "crown prince",
    "prince",
    "sheikh",
    "supreme leader",
    "ayatollah",
    "senator",
    "sen.",
    "congressman",
    "congresswoman",
    "lawmaker",
    "speaker",
    "governor",
    "mayor",
    "leader",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "adviser",
    "advisor",
    "aide",
    "coordinator",
    "commissioner",
    "director",
    "director-general",
    "director general",
    "deputy",
    "official",
    "mp",
];

static TITLE_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| TITLES.iter().copied().collect());

/// Every word `starts_title` is true of: the first words of titles (and of their
/// plurals), and plural one-word titles.
pub fn title_start_words() -> impl Iterator<Item = String> {
    let first_words = TITLES
        .iter()
        .filter_map(|t| t.split(' ').next())
        .flat_map(|w| [w, w.strip_suffix('s').unwrap_or(w)])
        .map(str::to_string);
    let plurals = TITLES
        .iter()
        .filter(|t| !t.contains(' '))
        .map(|t| format!("{t}s"));
    first_words.chain(plurals)
}

/// Whether a lowercase word can start a title of office (or is a plural title).
pub fn starts_title(word: &str) -> bool {
    static STARTS: LazyLock<HashSet<String>> = LazyLock::new(|| title_start_words().collect());
    STARTS.contains(word)
}

/// Whether a lowercase word or phrase is a title of office.
pub fn is_title(phrase: &str) -> bool {
    TITLE_SET.contains(phrase)
}

/// Honorifics before a name: "Mr. Trump", "Dr Tedros".
pub const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "madam", "sir",
];

/// The class of a role noun, so "the spokesman" finds a "Kremlin spokesperson" and
/// "the diplomat" a foreign minister.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleClass {
    Spokesperson,
    Diplomat,
    Minister,
    HeadOfState,
    HeadOfGovernment,
    Military,
    Leader,
    Envoy,
}

/// The class a descriptor noun refers to ("spokesman" → Spokesperson).
pub fn descriptor_class(noun: &str) -> Option<RoleClass> {
    Some(match noun {
        "spokesman" | "spokeswoman" | "spokesperson" | "press secretary" => RoleClass::Spokesperson,
        "diplomat" | "top diplomat" | "foreign minister" | "ambassador" => RoleClass::Diplomat,
        "minister" => RoleClass::Minister,
        "president" | "king" | "emir" | "monarch" | "head of state" => RoleClass::HeadOfState,
        "head of government" | "head of the government" => RoleClass::HeadOfGovernment,
        "prime minister" | "premier" | "chancellor" => RoleClass::HeadOfGovernment,
        "general" | "commander" | "army chief" | "admiral" | "field marshal" | "marshal"
        | "colonel" | "captain" | "officer" => RoleClass::Military,
        "leader" | "chief" | "head" => RoleClass::Leader,
        "envoy" | "special envoy" | "negotiator" | "mediator" => RoleClass::Envoy,
        _ => return None,
    })
}

/// Whether a role title (any case) belongs to a class.
pub fn role_in_class(title: &str, class: RoleClass) -> bool {
    let t = title.to_lowercase();
    let has = |w: &str| t.contains(w);
    match class {
        RoleClass::Spokesperson => has("spokes") || has("press secretary") || has("press service"),
        RoleClass::Diplomat => {
            has("foreign")
                || has("ambassador")
                || has("diplomat")
                || has("secretary of state")
                || has("envoy")
        }
        RoleClass::Minister => has("minister") || has("secretary of"),
        RoleClass::HeadOfState => {
            (has("president") && !has("vice"))
                || has("king")
                || has("emir")
                || has("supreme leader")
        }
        RoleClass::HeadOfGovernment => has("prime minister") || has("premier") || has("chancellor"),
        RoleClass::Military => {
            has("general") && !has("secretary")
                || has("commander")
                || has("colonel")
                || has("captain")
                || has("officer")
                || has("chief of staff")
                || has("admiral")
        }
        RoleClass::Leader => {
            has("leader")
                || has("chief")
                || has("head")
                || has("president")
                || has("commander")
                || has("chairman")
                || has("prime minister")
        }
        RoleClass::Envoy => has("envoy") || has("negotiator") || has("representative"),
    }
}

/// Countries with their adjective and capital, for "the Russian diplomat" and to keep
/// countries and capitals ("Moscow has called for…") from being taken for speakers.
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Russia", "Russian", "Moscow"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("United States", "American", "Washington"),
    ("US", "U.S.", "Washington"),
    ("China", "Chinese", "Beijing"),
    ("United Kingdom", "British", "London"),
    ("Britain", "British", "London"),
    ("UK", "British", "London"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Italy", "Italian", "Rome"),
    ("Spain", "Spanish", "Madrid"),
    ("Poland", "Polish", "Warsaw"),
    ("Hungary", "Hungarian", "Budapest"),
    ("Belarus", "Belarusian", "Minsk"),
    ("Japan", "Japanese", "Tokyo"),
    ("India", "Indian", "New Delhi"),
    ("Pakistan", "Pakistani", "Islamabad"),
    ("Turkey", "Turkish", "Ankara"),
    ("Türkiye", "Turkish", "Ankara"),
    ("Iran", "Iranian", "Tehran"),
    ("Israel", "Israeli", "Jerusalem"),
    ("Saudi Arabia", "Saudi", "Riyadh"),
    ("Qatar", "Qatari", "Doha"),
    ("Egypt", "Egyptian", "Cairo"),
    ("United Arab Emirates", "Emirati", "Abu Dhabi"),
    ("UAE", "Emirati", "Abu Dhabi"),
    ("Jordan", "Jordanian", "Amman"),
    ("Lebanon", "Lebanese", "Beirut"),
    ("Syria", "Syrian", "Damascus"),
    ("Iraq", "Iraqi", "Baghdad"),
    ("Yemen", "Yemeni", "Sanaa"),
    ("Oman", "Omani", "Muscat"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("South Sudan", "South Sudanese", "Juba"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Eritrea", "Eritrean", "Asmara"),
    ("Somalia", "Somali", "Mogadishu"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Armenia", "Armenian", "Yerevan"),
    ("Azerbaijan", "Azerbaijani", "Baku"),
    ("Georgia", "Georgian", "Tbilisi"),
    ("Congo", "Congolese", "Kinshasa"),
    ("DR Congo", "Congolese", "Kinshasa"),
    ("Rwanda", "Rwandan", "Kigali"),
    ("Uganda", "Ugandan", "Kampala"),
    ("Mali", "Malian", "Bamako"),
    ("Burkina Faso", "Burkinabe", "Ouagadougou"),
    ("Niger", "Nigerien", "Niamey"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Chad", "Chadian", "N'Djamena"),
    ("Myanmar", "Myanmar", "Naypyidaw"),
    ("Taiwan", "Taiwanese", "Taipei"),
    ("North Korea", "North Korean", "Pyongyang"),
    ("South Korea", "South Korean", "Seoul"),
    ("Korea", "Korean", "Seoul"),
    ("Venezuela", "Venezuelan", "Caracas"),
    ("Colombia", "Colombian", "Bogota"),
    ("Brazil", "Brazilian", "Brasilia"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Cuba", "Cuban", "Havana"),
    ("Canada", "Canadian", "Ottawa"),
    ("Thailand", "Thai", "Bangkok"),
    ("Cambodia", "Cambodian", "Phnom Penh"),
    ("Libya", "Libyan", "Tripoli"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Algeria", "Algerian", "Algiers"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Tunisia", "Tunisian", "Tunis"),
    ("Greece", "Greek", "Athens"),
    ("Netherlands", "Dutch", "The Hague"),
    ("Belgium", "Belgian", "Brussels"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Finland", "Finnish", "Helsinki"),
    ("Norway", "Norwegian", "Oslo"),
    ("Denmark", "Danish", "Copenhagen"),
    ("Austria", "Austrian", "Vienna"),
    ("Switzerland", "Swiss", "Bern"),
    ("Romania", "Romanian", "Bucharest"),
    ("Moldova", "Moldovan", "Chisinau"),
    ("Serbia", "Serbian", "Belgrade"),
    ("Kazakhstan", "Kazakh", "Astana"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Philippines", "Philippine", "Manila"),
    ("Vietnam", "Vietnamese", "Hanoi"),
    ("Australia", "Australian", "Canberra"),
    ("South Africa", "South African", "Pretoria"),
    ("Bangladesh", "Bangladeshi", "Dhaka"),
    ("Palestine", "Palestinian", "Ramallah"),
    ("Gaza", "Gazan", "Gaza City"),
    ("Kuwait", "Kuwaiti", "Kuwait City"),
    ("Bahrain", "Bahraini", "Manama"),
    ("Europe", "European", "Brussels"),
    ("West", "Western", "Washington"),
];

static PLACES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set = HashSet::default();
    for &(country, _, capital) in COUNTRIES {
        set.insert(country.to_lowercase());
        set.insert(capital.to_lowercase());
    }
    for extra in [
        "the united states",
        "america",
        "the us",
        "the u.s.",
        "u.s",
        "the kingdom",
        "tehran",
    ] {
        set.insert(extra.to_string());
    }
    set
});

/// The lowercase words `is_country_or_capital` or `country_of_lowercase` know.
pub fn place_words() -> impl Iterator<Item = &'static str> {
    PLACES
        .iter()
        .chain(COUNTRY_BY_NAME.keys())
        .map(String::as_str)
}

/// Whether a name (any case) is a country or a capital: metonyms for governments,
/// which the timeline does not treat as speakers.
pub fn is_country_or_capital(name: &str) -> bool {
    with_lowercase(name, |lower| PLACES.contains(lower))
}

/// The country an adjective or a country name refers to: "Russian" → "Russia",
/// "Russia's" → "Russia".
pub fn country_of(word: &str) -> Option<&'static str> {
    // Countries and their adjectives are capitalised: most words stop here.
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    with_lowercase(super::tokens::strip_possessive(word), country_of_lowercase)
}

static COUNTRY_BY_NAME: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    let mut map = HashMap::default();
    for &(country, adjective, _) in COUNTRIES.iter().rev() {
        map.insert(adjective.to_lowercase(), country);
        map.insert(adjective.trim_end_matches('.').to_lowercase(), country);
        map.insert(country.to_lowercase(), country);
    }
    map
});

/// Every lowercase word `country_of_lowercase` knows.
pub fn country_words() -> impl Iterator<Item = &'static str> {
    COUNTRY_BY_NAME.keys().map(String::as_str)
}

/// The country a lowercase word names or qualifies ("israeli" → "Israel").
pub fn country_of_lowercase(w: &str) -> Option<&'static str> {
    COUNTRY_BY_NAME
        .get(w)
        .copied()
        .map(|country| match country {
            "US" => "United States",
            "UK" | "Britain" => "United Kingdom",
            "Türkiye" => "Turkey",
            "UAE" => "United Arab Emirates",
            "Congo" => "DR Congo",
            other => other,
        })
}

/// News outlets and agencies: they report statements, they do not make them.
pub fn is_news_outlet(name: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| OUTLETS.iter().copied().collect());
    with_lowercase(name, |lower| SET.contains(lower))
}

pub(super) const OUTLETS: &[&str] = &[
    "reuters",
    "ap",
    "associated press",
    "afp",
    "agence france-presse",
    "bloomberg",
    "tass",
    "ria",
    "ria novosti",
    "interfax",
    "xinhua",
    "yonhap",
    "kyodo",
    "cnn",
    "bbc",
    "al jazeera",
    "al arabiya",
    "fox news",
    "nbc",
    "abc",
    "cbs",
    "the new york times",
    "new york times",
    "the washington post",
    "washington post",
    "the guardian",
    "axios",
    "politico",
    "the wall street journal",
    "wall street journal",
    "financial times",
    "the times",
    "sky news",
    "dpa",
    "efe",
    "ansa",
    "anadolu",
    "irna",
    "isna",
    "fars",
    "tasnim",
    "mehr",
    "wafa",
    "sana",
    "kcna",
    "izvestia",
    "kommersant",
    "rbc",
    "ukrinform",
    "unian",
    "pravda",
    "pravda.ru",
    "haaretz",
    "the times of israel",
    "times of israel",
    "ynet",
    "channel 12",
    "kan",
    "press tv",
    "rt",
    "sputnik",
    "cctv",
    "global times",
    "nhk",
    "dawn",
    "the hindu",
    "newsweek",
    "time",
    "euronews",
    "deutsche welle",
    "dw",
    "le monde",
    "der spiegel",
    "bild",
];

/// Weekdays and months: capitalised, but never part of a name.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Function words that carry no content, for comparing what two statements say.
const STOPWORDS: &str = "a an the and or but if then than that this these those there here it its it's is are was were be been being \
     to of in on at by for with from as into onto over under about after before since during while \
     we our us you your he his him she her they their them i me my mine who whom which what when where why how \
     not no nor so such can could would should will shall may might must do does did done have has had having \
     also very only just even still yet already now today said says say saying told tell added adding noted \
     stressed warned according mr ms mrs all any some many much more most other another each every both \
     let's let yes one ones will'll up out off again further once same own too s t just don't isn't wasn't";

pub fn stopwords() -> impl Iterator<Item = &'static str> {
    STOPWORDS.split_whitespace()
}

pub fn is_stopword(word: &str) -> bool {
    static STOP: LazyLock<HashSet<&'static str>> = LazyLock::new(|| stopwords().collect());
    STOP.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_know_their_form() {
        assert_eq!(speech_verb("said"), Some(VerbForm::Finite));
        assert_eq!(speech_verb("warns"), Some(VerbForm::Finite));
        assert_eq!(speech_verb("adding"), Some(VerbForm::Participle));
        assert_eq!(speech_verb("ran"), None);
        assert_eq!(phrasal_speech_verb("ruled", "out"), Some(VerbForm::Finite));
    }

    #[test]
    fn descriptors_find_roles() {
        assert_eq!(descriptor_class("spokesman"), Some(RoleClass::Spokesperson));
        assert!(role_in_class(
            "Kremlin spokesperson",
            RoleClass::Spokesperson
        ));
        assert!(role_in_class("Foreign Minister", RoleClass::Diplomat));
        assert!(!role_in_class("Vice President", RoleClass::HeadOfState));
    }

    #[test]
    fn countries_and_adjectives() {
        assert_eq!(country_of("Russian"), Some("Russia"));
        assert_eq!(country_of("Russia's"), Some("Russia"));
        assert_eq!(country_of("U.S."), Some("United States"));
        assert!(is_country_or_capital("Moscow"));
        assert!(!is_country_or_capital("Kremlin"));
        assert!(is_news_outlet("Reuters"));
    }
}
