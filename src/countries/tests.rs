//! Table-driven tests of `countries::mentions`: every hard case of the issue, both readings;
//! and of the search: the trie, and its occurrences against the overlapping search it replaced.

use super::*;

/// The codes found in `text`, in order, one per mention.
fn codes(text: &str) -> Vec<&'static str> {
    mentions(text).into_iter().map(|m| m.code).collect()
}

fn check(cases: &[(&str, &[&str])]) {
    let mut bad = Vec::new();
    for &(text, want) in cases {
        let got = codes(text);
        if got != want {
            bad.push(format!("{text:?}: want {want:?}, got {got:?}"));
        }
    }
    assert!(
        bad.is_empty(),
        "{} of {} cases wrong:\n{}",
        bad.len(),
        cases.len(),
        bad.join("\n")
    );
}

#[test]
fn names_and_alternatives() {
    check(&[
        (
            "The U.S. and the United States of America are the USA.",
            &["US", "US", "US"],
        ),
        ("The US said America would act.", &["US", "US"]),
        (
            "Officials in the U.K., the UK, Britain and Great Britain agreed.",
            &["GB", "GB", "GB", "GB"],
        ),
        (
            "England, Wales and Scotland played Northern Ireland.",
            &["GB", "GB", "GB", "GB"],
        ),
        ("Holland is the Netherlands.", &["NL", "NL"]),
        (
            "Ivory Coast, or Côte d'Ivoire, or Côte d’Ivoire, or Cote d'Ivoire.",
            &["CI", "CI", "CI", "CI"],
        ),
        ("Burma, now Myanmar.", &["MM", "MM"]),
        ("Czechia, the Czech Republic.", &["CZ", "CZ"]),
        ("Türkiye, formerly Turkey.", &["TR", "TR"]),
        ("S.Korea, South Korea and the ROK.", &["KR", "KR", "KR"]),
        ("North Korea, the DPRK.", &["KP", "KP"]),
        (
            "The UAE, the United Arab Emirates, the Emirates.",
            &["AE", "AE", "AE"],
        ),
        ("Congo-Brazzaville and Congo-Kinshasa.", &["CG", "CD"]),
        (
            "The Democratic Republic of Congo, the DRC, the Republic of Congo.",
            &["CD", "CD", "CG"],
        ),
        ("Russia's foreign policy", &["RU"]),
        ("the U.S.-led coalition", &["US"]),
        ("the Sino-Japanese war", &["CN", "JP"]),
        ("a Franco-German plan", &["FR", "DE"]),
        ("the Indo-Pacific region", &[]),
        ("US-China trade", &["US", "CN"]),
        (
            "Papua New Guinea and Guinea-Bissau and Equatorial Guinea and Guinea",
            &["PG", "GW", "GQ", "GN"],
        ),
        ("Niger and Nigeria", &["NE", "NG"]),
        ("Dominica and the Dominican Republic", &["DM", "DO"]),
        ("Sudan and South Sudan", &["SD", "SS"]),
    ]);
}

#[test]
fn demonyms() {
    check(&[
        ("French, Dutch and Swiss officials", &["FR", "NL", "CH"]),
        ("Filipino and Congolese workers", &["PH", "CD"]),
        ("a Nigerien soldier and a Nigerian one", &["NE", "NG"]),
        (
            "Emirati, Kiwi, Argentine and Afghan fans",
            &["AE", "NZ", "AR", "AF"],
        ),
        ("Iranians and Americans", &["IR", "US"]),
        ("German Chancellor Angela Merkel", &["DE"]),
        ("a Greek Cypriot", &["CY"]),
        (
            "Soviet leaders and East German ones met West Germans",
            &["SU", "DD", "DE"],
        ),
        (
            "Britons and Brits, Scots and Welsh",
            &["GB", "GB", "GB", "GB"],
        ),
    ]);
}

#[test]
fn capitals_and_seats() {
    check(&[
        ("Moscow and the Kremlin", &["RU", "RU"]),
        ("Washington said", &["US"]),
        (
            "The White House, Downing Street and Whitehall",
            &["US", "GB", "GB"],
        ),
        ("the Elysee and the Élysée", &["FR", "FR"]),
        ("Beijing, Peking and Zhongnanhai", &["CN", "CN", "CN"]),
        ("Kyiv, also Kiev", &["UA", "UA"]),
        ("New Delhi and Mexico City", &["IN", "MX"]),
        ("the Minsk agreements", &["BY"]),
        ("Belgrade's monetary control", &["RS"]),
    ]);
}

#[test]
fn washington() {
    check(&[
        ("Washington and Moscow agreed", &["US", "RU"]),
        ("George Washington crossed the Delaware.", &[]),
        ("President Washington", &[]),
        ("Booker T. Washington", &[]),
        ("Denzel Washington starred.", &[]),
        ("Washington state voters", &[]),
        ("in eastern Washington", &[]),
        ("The Washington Post reported.", &[]),
        ("Washington, D.C., is the capital.", &["US"]),
        (
            "Officials in Seattle and Washington disagreed on the tax.",
            &[],
        ),
    ]);
}

#[test]
fn georgia() {
    check(&[
        ("Russian troops entered Georgia.", &["RU", "GE"]),
        (
            "Georgia's president met NATO envoys in Tbilisi.",
            &["GE", "GE"],
        ),
        ("Tbilisi, Georgia", &["GE", "GE"]),
        ("He was born in Atlanta, Georgia.", &[]),
        ("Georgia Republicans voted.", &[]),
        ("The Georgia Senate runoff drew voters.", &[]),
        ("Georgia Tech won.", &[]),
        ("Polls in Georgia closed as the governor spoke.", &[]),
        ("Georgia O'Keeffe painted flowers.", &[]),
        ("Georgian soldiers", &["GE"]),
    ]);
}

#[test]
fn jordan() {
    check(&[
        ("Jordan's King Abdullah", &["JO"]),
        ("Jordan and Syria", &["JO", "SY"]),
        ("Syrian refugees in Jordan", &["SY", "JO"]),
        ("Michael Jordan scored 40.", &[]),
        ("Rep. Jim Jordan of Ohio said", &[]),
        ("Jordan Peterson spoke.", &[]),
        ("the Jordan River", &[]),
        ("Basketball star Jordan said the Bulls would win.", &[]),
    ]);
}

#[test]
fn turkey() {
    check(&[
        ("Turkey and Greece", &["TR", "GR"]),
        ("Turkey's parliament", &["TR"]),
        ("the Thanksgiving turkey", &[]),
        ("Turkey sandwiches were served.", &[]),
        ("Turkey Day", &[]),
        ("Wild Turkey bourbon", &[]),
        ("TURKEY RAISES INTEREST RATES", &["TR"]),
    ]);
}

#[test]
fn chad() {
    check(&[
        ("Chad and Niger", &["TD", "NE"]),
        ("troops in Chad", &["TD"]),
        ("Chad Hurley founded YouTube.", &[]),
        ("Mr. Chad said", &[]),
        ("Lake Chad", &[]),
    ]);
}

#[test]
fn guinea_niger_dominica_sudan() {
    check(&[
        ("Guinea", &["GN"]),
        ("a guinea pig", &[]),
        ("Papua New Guinea", &["PG"]),
        ("Equatorial Guinea", &["GQ"]),
        ("Guinea-Bissau", &["GW"]),
        ("the island of New Guinea", &[]),
        ("the Gulf of Guinea", &[]),
        ("Niger", &["NE"]),
        ("the Niger Delta", &[]),
        ("Nigeria's Niger Delta", &["NG"]),
        ("Dominica", &["DM"]),
        ("the Dominican Republic", &["DO"]),
        ("a Dominican friar", &[]),
        ("South Sudan", &["SS"]),
        ("Sudan", &["SD"]),
        ("South Sudanese and Sudanese", &["SS", "SD"]),
    ]);
}

#[test]
fn indian() {
    check(&[
        ("Indian Prime Minister Narendra Modi", &["IN"]),
        ("Indians and Pakistanis", &["IN", "PK"]),
        ("the Indian Ocean", &[]),
        ("American Indian tribes", &[]),
        ("a Native American and an American Indian", &[]),
        ("an Indian reservation", &[]),
        ("the Cleveland Indians", &[]),
        ("the West Indian cricket team", &[]),
    ]);
}

#[test]
fn names_containing_a_country_word() {
    check(&[
        ("New Mexico and Mexico", &["MX"]),
        ("New Jersey", &[]),
        ("French fries and French wine", &["FR"]),
        ("the Indian Ocean", &[]),
        ("Latin America and South America", &[]),
        ("the Bank of America", &[]),
        ("the French Open", &[]),
        ("the South China Sea", &[]),
        ("the English Channel", &[]),
        ("New England", &[]),
        ("the North Pole", &[]),
        ("Paris, Texas", &[]),
        ("Moscow, Idaho", &[]),
        ("Lebanon, Pa.", &[]),
        ("Paris, France", &["FR", "FR"]),
        ("In Paris, Texas, and Paris, France", &["FR", "FR"]),
        ("the Duke of Wellington met in Wellington", &["NZ"]),
        ("Israel Defense Forces", &["IL"]),
        ("Steve Israel, a New York Democrat", &[]),
        (
            "Anti-American protests and pro-Russian rebels",
            &["US", "RU"],
        ),
        ("Russian-speaking Ukrainians", &["UA"]),
    ]);
}

#[test]
fn pronoun_us() {
    check(&[
        ("let us go", &[]),
        ("He told us", &[]),
        ("U.S. WHEAT EXPORTS TO USSR RISE", &["US", "SU"]),
        ("US WHEAT EXPORTS RISE", &["US"]),
        ("LET US GO", &[]),
        ("HE TOLD US THE TRUTH", &[]),
        ("TALK TO US.", &[]),
        ("EXPORTS TO US RISE", &["US"]),
        ("ALL OF US AND THEM", &[]),
        ("JAPAN, US AGREE ON CHIPS", &["JP", "US"]),
    ]);
}

#[test]
fn all_caps_text() {
    check(&[
        (
            "JAPAN SAYS SOVIET UNION WANTS WEST GERMAN LOANS",
            &["JP", "SU", "DE"],
        ),
        ("BRAZIL COFFEE EXPORTS TO THE U.K.", &["BR", "GB"]),
        ("TRADING IN CHICAGO", &[]),
        ("WOMAN INDICTED IN INDIANA", &[]),
        ("THE HOUSE PASSED IT", &[]),
        ("BANK OF AMERICA PROFIT UP", &[]),
        ("W.GERMAN BANKS BUY S.AFRICAN GOLD", &["DE", "ZA"]),
        (
            "TEHRAN SAYS IRAQI JETS HIT IRANIAN OIL PLATFORM",
            &["IR", "IQ", "IR"],
        ),
    ]);
}

#[test]
fn languages() {
    check(&[
        ("He said in English that", &[]),
        ("she speaks French", &[]),
        ("a Spanish-language daily", &[]),
        ("a French-speaking region", &[]),
        ("in French and German.", &[]),
        ("translated from Russian into English", &[]),
        ("in French politics", &["FR"]),
        ("in French and German companies", &["FR", "DE"]),
        ("English football clubs", &["GB"]),
        ("French business", &["FR"]),
        ("an English translation", &[]),
    ]);
}

#[test]
fn not_countries() {
    check(&[
        ("Europe and the West, the EU and Asian markets", &[]),
        ("New York and Chicago", &[]),
        ("a woman in Rome", &["IT"]),
        ("Romania", &["RO"]),
        ("Omani and Oman", &["OM", "OM"]),
        ("Indiana", &[]),
        ("USD prices", &[]),
    ]);
}

#[test]
fn renamed_and_dissolved() {
    check(&[
        ("Burma", &["MM"]),
        ("Zaire", &["CD"]),
        ("Swaziland", &["SZ"]),
        ("Ceylon", &["LK"]),
        ("Kampuchea", &["KH"]),
        ("West Germany", &["DE"]),
        ("the Soviet Union and the USSR", &["SU", "SU"]),
        ("East Germany", &["DD"]),
        ("Yugoslavia", &["YU"]),
        ("Czechoslovakia", &["CS"]),
    ]);
}

#[test]
fn congo() {
    check(&[
        ("Congo's army", &["CD"]),
        (
            "Congo's president Denis Sassou Nguesso in Brazzaville",
            &["CG", "CG"],
        ),
        ("the Congolese capital Kinshasa", &["CD", "CD"]),
    ]);
}

#[test]
fn offsets_point_at_the_words() {
    let text = "Russia’s Kremlin and the Sino-Soviet split in the U.S.";
    for m in mentions(text) {
        let form = &text[m.start..m.end];
        assert!(
            ["Russia", "Kremlin", "Sino", "Soviet", "U.S."].contains(&form),
            "bad span {form:?}"
        );
    }
    assert_eq!(codes(text), ["RU", "RU", "CN", "SU", "US"]);
}

#[test]
fn never_panics_and_offsets_are_char_boundaries() {
    let texts = [
        "",
        " ",
        "-",
        "US",
        "U.S.-",
        "Sino-",
        "Sino-é",
        "é",
        "ÉLYSÉE",
        "ß Moscow ß",
        "Jordan",
        ", Georgia",
        "Atlanta, ",
        "IN CHINA, US",
        "in",
        "in French",
        "\u{300}US",
        "Georgia, ",
        "Paris, ",
        "x, Georgia, y",
        "Ma\u{301}li",
        "STRAßE CHINA",
    ];
    for t in texts {
        for m in mentions(t) {
            assert!(t.is_char_boundary(m.start) && t.is_char_boundary(m.end) && m.start < m.end);
        }
    }
}

#[test]
fn upper_same_len_keeps_offsets() {
    for s in ["straße", "côte d’ivoire", "ŉ ǰ", "Москва", "İstanbul"] {
        assert_eq!(upper_same_len(s).len(), s.len());
    }
}

#[test]
fn upper_same_len_into_replaces_what_the_buffer_held() {
    let mut buf = String::from("left over from a longer text");
    for (s, up) in [
        ("straße", "STRAßE"),
        ("Moscow", "MOSCOW"),
        ("", ""),
        ("Москва", "МОСКВА"),
    ] {
        upper_same_len_into(s, &mut buf);
        assert_eq!(buf, up);
    }
}

#[test]
fn mentions_into_appends_what_mentions_finds() {
    // texts in turn share the per-thread buffers, capitals and not
    let texts = [
        "FRANCE AND GERMANY SIGN ACCORD",
        "Talks in Paris",
        "",
        "Jordan said Jordan would not.",
        "BERLIN BACKS BRUSSELS",
    ];
    let mut all = vec![Mention {
        code: "XX",
        start: 0,
        end: 0,
    }];
    let mut expected = all.clone();
    for t in texts {
        expected.extend(mentions(t));
        mentions_into(t, &mut all);
        assert_eq!(all, expected, "{t:?}");
    }
}

#[test]
fn every_form_matches_itself() {
    // Each form, alone, is found as itself (or hidden by a longer form that contains it).
    let m = &*MATCHER;
    let mut bad = Vec::new();
    for e in &m.entries {
        if e.kind == Kind::Block || e.form.ends_with('-') {
            continue;
        }
        let found = mentions(e.form);
        let ok = found.iter().any(|x| x.code == e.code) || m.contexts[e.context].first_name;
        if !ok && e.context == 0 {
            bad.push(e.form);
        }
    }
    assert!(bad.is_empty(), "forms not found alone: {bad:?}");
}

/// A small trie for the tests of `Trie`: (entry, form), with a duplicate ("US" twice).
fn small_trie() -> Trie {
    let forms = SMALL.iter().copied().chain(["US"]);
    Trie::new(forms.enumerate())
}

/// (text, start, the forms it begins with there as (end, entry))
type PrefixCase = (&'static str, usize, &'static [(usize, usize)]);

#[test]
fn trie_finds_every_form_a_text_begins_with() {
    let trie = small_trie();
    let cases: &[PrefixCase] = &[
        ("USA", 0, &[(2, 0), (3, 2)]),
        ("US", 0, &[(2, 0)]),
        ("U", 0, &[]),
        ("U.S.-led", 0, &[(4, 1)]),
        ("U.S", 0, &[]),
        ("the USA", 4, &[(6, 0), (7, 2)]),
        ("the USA", 3, &[]),
        ("Guinea-Bissau's", 0, &[(6, 3), (13, 4)]),
        ("Guinea-Biss", 0, &[(6, 3)]),
        ("Papua New Guinea", 0, &[(16, 6)]),
        ("Papua New Guinea", 6, &[(16, 5)]),
        ("Papua New Guinea", 10, &[(16, 3)]),
        ("Sino-Soviet", 0, &[(5, 7)]),
        ("l'Élysée", 2, &[(10, 8)]),
        ("", 0, &[]),
        ("usa", 0, &[]),
    ];
    for &(hay, start, want) in cases {
        let got: Vec<_> = trie.prefixes(hay.as_bytes(), start).collect();
        assert_eq!(got, want, "{hay:?} from {start}");
    }
}

#[test]
fn trie_looks_up_exact_forms() {
    let trie = small_trie();
    let cases: &[(&str, Option<usize>)] = &[
        ("US", Some(0)), // the first of equal forms
        ("USA", Some(2)),
        ("U.S.", Some(1)),
        ("New Guinea", Some(5)),
        ("Élysée", Some(8)),
        ("U", None),
        ("U.S", None),
        ("USAF", None),
        ("New", None),
        ("us", None),
        ("", None),
    ];
    for &(form, want) in cases {
        assert_eq!(trie.get(form), want, "{form:?}");
        assert_eq!(
            trie.begins(form.as_bytes().first().copied().unwrap_or(0)),
            {
                ["U", "G", "N", "P", "S", "É"]
                    .iter()
                    .any(|f| form.starts_with(f))
            }
        );
    }
}

#[test]
fn trie_of_no_forms_finds_nothing() {
    for trie in [
        Trie::new(std::iter::empty()),
        Trie::new([(0, "")].into_iter()),
    ] {
        assert_eq!(trie.get("US"), None);
        assert_eq!(trie.prefixes(b"US", 0).count(), 0);
        assert_eq!(trie.next_start(b"US", 0), None);
        assert!((0..=255).all(|b| !trie.begins(b)));
    }
}

#[test]
fn forms_are_unique() {
    // `Trie::new` keeps the first of equal forms; the old form map kept the last.
    let mut forms: Vec<&str> = tables::FORMS.iter().map(|f| f.0).collect();
    forms.sort_unstable();
    let n = forms.len();
    forms.dedup();
    assert_eq!(forms.len(), n, "a form is listed twice");
}

/// True when the non-empty `hay[start..end]` starts and ends at word boundaries. A form
/// ending in a hyphen ("Sino-") must be followed by a capitalised word. (The test the old
/// searches applied to each occurrence.)
fn bounded(hay: &str, start: usize, end: usize, all_caps: bool) -> bool {
    opens(hay, start) && closes(hay, start, end, all_caps)
}

/// The search `occurrences` replaced: every overlapping occurrence (Aho-Corasick), those at
/// word boundaries, then the longest at the leftmost position, greedily.
struct Reference {
    automaton: aho_corasick::AhoCorasick,
    /// `entry[pattern id]`
    entry: Vec<usize>,
}

impl Reference {
    fn new(forms: &[String]) -> Reference {
        let mut patterns: Vec<&str> = Vec::new();
        let mut entry = Vec::new();
        for (i, f) in forms.iter().enumerate() {
            if !patterns.contains(&f.as_str()) {
                patterns.push(f);
                entry.push(i);
            }
        }
        let automaton = aho_corasick::AhoCorasick::new(&patterns).expect("forms build");
        Reference { automaton, entry }
    }

    fn occurrences(&self, hay: &str, all_caps: bool) -> Vec<(usize, usize, usize)> {
        let mut found = Vec::new();
        for m in self.automaton.find_overlapping_iter(hay) {
            if bounded(hay, m.start(), m.end(), all_caps) {
                found.push((m.start(), m.end(), self.entry[m.pattern().as_usize()]));
            }
        }
        found.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        let mut chosen = Vec::new();
        let mut last_end = 0;
        for f in found {
            if f.0 >= last_end {
                last_end = f.1;
                chosen.push(f);
            }
        }
        chosen
    }
}

static REFERENCES: LazyLock<(Reference, Reference)> = LazyLock::new(|| {
    let mixed: Vec<String> = MATCHER.entries.iter().map(|e| e.form.into()).collect();
    let upper: Vec<String> = mixed.iter().map(|f| upper_same_len(f)).collect();
    (Reference::new(&mixed), Reference::new(&upper))
});

/// `occurrences` finds what the overlapping search found, with both tries, in `text` and in
/// its upper-cased copy.
fn check_occurrences(text: &str) {
    let (mixed, upper) = &*REFERENCES;
    let up = upper_same_len(text);
    for (trie, reference, hay) in [
        (&MATCHER.mixed, mixed, text),
        (MATCHER.upper(), upper, up.as_str()),
        (&MATCHER.mixed, mixed, up.as_str()),
    ] {
        for all_caps in [false, true] {
            let got: Vec<_> = occurrences(trie, hay, all_caps).collect();
            assert_eq!(got, reference.occurrences(hay, all_caps), "{hay:?}");
        }
    }
}

#[test]
fn occurrences_are_those_of_the_overlapping_search() {
    let texts = [
        include_str!("../../fixtures/tass-peskov.txt"),
        include_str!("../../fixtures/reuters-style.txt"),
        include_str!("../../fixtures/ap-style.txt"),
        include_str!("../../fixtures/reuters-1987.txt"),
        include_str!("../../fixtures/bench/copper-output.txt"),
        include_str!("../../fixtures/bench/harbour-strike.txt"),
        "Papua New Guinea and Guinea-Bissau, New Guinea, Guinea-Bissauan, Guinean",
        "the Sino-Soviet split, Sino-japanese, Sino- , Sino-",
        "Romania, Oman, Omani, USD, US-led, U.S.-led, the U.S., U.S.A.",
        "Washington, D.C., Washington D.C. and Mexico City, Mo.",
        "Côte d’Ivoire, Côte d'Ivoire, Cote d’Ivoire, l’Élysée, ÉLYSÉE",
        "Ma\u{301}li, Mali\u{301}, \u{300}US, ßUS, US\u{300}",
        "the Hague, The Hague, tthe Hague, the Hagues",
        "",
        "S",
        "é",
    ];
    for text in texts {
        check_occurrences(text);
    }
    // every form alone and next to others: "Guinea Guinea-Bissau" takes the longest
    let forms: Vec<&str> = MATCHER.entries.iter().map(|e| e.form).collect();
    for pair in forms.windows(2) {
        let (f, g) = (pair[0], pair[1]);
        check_occurrences(&format!("{f} {g}, x{f}, {f}x, ({f}) {f}'s {f}-{g} {f}{g}."));
    }
}

proptest::proptest! {
    #[test]
    fn occurrences_are_those_of_the_overlapping_search_in_any_text(
        pieces in proptest::collection::vec(proptest::sample::select(&[
            "US", "U.S.", "USA", "U.S.A.", "Sino-", "Sino", "Soviet", "Guinea", "Papua",
            "New ", "Guinea-Bissau", "Niger", "Nigeria", "Georgia", "the Hague", "Hague",
            "Côte d’Ivoire", "Côte", "Élysée", "ÉLYSÉE", "é", "\u{301}", "ß", "İ", "ǅ", " ",
            "-", ".", ",", "'", "’", "\n", "x", "a", "1", "S", "t", "(", "Oman", "Rom",
        ][..]), 0..12)
    ) {
        check_occurrences(&pieces.concat());
    }
}

#[test]
fn all_caps_counts_capitals_against_small_letters() {
    let long_caps = "A".repeat(300);
    let caps_then_small = format!("{}{}", "A".repeat(255), "a".repeat(50));
    let small_then_caps = format!("{}{}", "a".repeat(51), "A".repeat(255));
    // a letter that is not ASCII after the first chunk: the char count, from the start
    let late_accents = format!("{}{}", "A".repeat(300), "é".repeat(61));
    let late_capitals = format!("{}{}", "a".repeat(300), "É".repeat(1600));
    // small letters first: turned down early only when the rest cannot outweigh them
    let small_first = format!("{}{}", "a".repeat(64), "A".repeat(321));
    let small_first_short = format!("{}{}", "a".repeat(64), "A".repeat(320));
    let small_then_accents = format!("{}{}", "a".repeat(64), "É".repeat(200));
    let cases: &[(&str, bool)] = &[
        ("JAPAN SAYS SOVIET UNION WANTS LOANS", true),
        ("Japan says Soviet Union wants loans", false),
        ("A", false),
        ("AB", true),
        ("", false),
        ("12 34", false),
        ("ABCDEFGHIJ abc", false),
        ("ABCDEFGHIJKLMNOP ab", true),
        ("ABCDEFGHIJ ab", false), // 2 * 5 = 10, not below 10
        ("ÉLYSÉE SAYS", true),
        ("Élysée says", false),
        ("СССР И США", true),
        (&long_caps, true),
        (&caps_then_small, true),  // 50 * 5 < 255
        (&small_then_caps, false), // 51 * 5 = 255
        (&late_accents, false),    // 61 * 5 > 300
        (&late_capitals, true),    // 300 * 5 < 1600
        (&small_first, true),      // 64 * 5 < 321
        (&small_first_short, false),
        (&small_then_accents, false),
    ];
    for &(text, want) in cases {
        // the plain count, character by character
        let upper = text.chars().filter(|c| c.is_uppercase()).count();
        let lower = text.chars().filter(|c| c.is_lowercase()).count();
        assert_eq!(all_caps(text), upper >= 2 && lower * 5 < upper, "{text:?}");
        assert_eq!(all_caps(text), want, "{text:?}");
    }
}

#[test]
fn title_case_needs_three_long_words_none_in_lower_case() {
    let cases: &[(&str, bool)] = &[
        ("Talks With Iran Resume", true),
        ("Talks with Iran", true), // "with" is a function word
        ("Talks with Iran resume", false),
        ("Iran Talks", false), // two long words
        ("US To Cut Tax", false),
        ("The Minister of Finance Said", true),
        ("the minister said", false),
        ("Élysée Palace Talks", true),
        ("", false),
    ];
    for &(text, want) in cases {
        assert_eq!(title_case(text), want, "{text:?}");
    }
}

#[test]
fn upper_same_len_upper_cases_what_keeps_its_length() {
    let ascii: String = (0u8..128).map(char::from).collect();
    let ascii_upper: String = ascii.chars().map(|c| c.to_ascii_uppercase()).collect();
    let cases: &[(&str, &str)] = &[
        ("us", "US"),
        ("U.S.-led", "U.S.-LED"),
        ("Côte d’Ivoire", "CÔTE D’IVOIRE"),
        ("straße", "STRAßE"), // "SS" would be longer
        ("ǆ", "Ǆ"),
        ("", ""),
        (&ascii, &ascii_upper),
    ];
    for &(text, want) in cases {
        assert_eq!(upper_same_len(text), want, "{text:?}");
    }
}

#[test]
fn opens_at_word_starts_only() {
    let cases: &[(&str, usize, bool)] = &[
        ("US", 0, true),
        ("the US", 4, true),
        ("USUS", 2, false),
        ("1US", 1, false),
        ("-US", 1, true),
        ("(US", 1, true),
        ("éUS", 2, false), // a letter before, decoded
        ("’US", 3, true),
        ("US", 1, false),
        ("a-b", 1, true), // not a letter or digit itself
        ("aé", 1, false),
        (" é", 1, true),
        ("", 0, true),
    ];
    for &(hay, start, want) in cases {
        assert_eq!(opens(hay, start), want, "{hay:?} at {start}");
    }
    // the ASCII shortcut agrees with decoding at every character boundary
    for hay in [
        "the US-led, 1US USA (U.S.) a-b",
        "éUS’US ß-US Ma\u{301}li",
        "",
    ] {
        for (start, _) in hay.char_indices() {
            assert_eq!(
                opens(hay, start),
                opens_decoded(hay, start),
                "{hay:?} at {start}"
            );
        }
    }
}

/// The forms of `small_trie`.
const SMALL: &[&str] = &[
    "US",
    "U.S.",
    "USA",
    "Guinea",
    "Guinea-Bissau",
    "New Guinea",
    "Papua New Guinea",
    "Sino-",
    "Élysée",
];

#[test]
fn alnum_run_counts_the_ascii_letters_and_digits_first() {
    let cases: &[(&[u8], u32)] = &[
        (b"", 0),
        (b"US", 2),
        (b"US said", 2),
        (b"U.S.", 1),
        (b"Reuters", 7),
        (b"Reuters1", 8),
        (b"Reuters12", 8), // eight bytes at most
        (b"azAZ09", 6),
        (b"@[`{/:", 0), // the bytes next to the ranges
        (b"A@", 1),
        (b"z{", 1),
        (b"09:", 2),
        ("Élysée".as_bytes(), 0),
        ("Caf\u{e9}".as_bytes(), 3),
        (b"ab\x80", 2),
        (b"ab\xC1", 2), // 0xC1 & 0x7F is 'A'
        (b"ab\xFA", 2), // 0xFA & 0x7F is 'z'
        (b"\t\n x", 0),
    ];
    for &(bytes, want) in cases {
        assert_eq!(alnum_run(swar::load_padded(bytes, 0)), want, "{bytes:?}");
    }
}

#[test]
fn short_keys_are_the_first_letters_and_digits_and_their_count() {
    let key = |s: &[u8]| short_key(swar::load_padded(s, 0));
    let cases: &[(&[u8], &[u8], bool)] = &[
        (b"US", b"US said", true),
        (b"US", b"US.", true),
        (b"US", b"US", true),
        (b"US", "US\u{2019}s".as_bytes(), true),
        (b"US", b"USA", false),
        (b"US", b"USD", false),
        (b"U.S.", b"U.S.", true),
        (b"U.S.", b"U.K.", true), // as far as the key tells
        (b"U.S.", b"U", true),
        (b"U.S.", b"US", false),
        (b"Chad", b"Chad's", true),
        (b"Chad", b"Chairman", false),
        (b"Thai", b"The", false),
        ("\u{c5}".as_bytes(), "\u{c5}land".as_bytes(), true), // the first byte when no letter
        ("\u{c5}".as_bytes(), "\u{c9}".as_bytes(), true),
        ("\u{c5}".as_bytes(), b"-", false),
    ];
    for &(form, text, want) in cases {
        let k = key(form).expect("a short form");
        assert_eq!(key(text) == Some(k), want, "{form:?} {text:?}");
    }
    // forms and texts of a head or more have none
    for long in [&b"Reuters"[..], b"Chad1", b"12345"] {
        assert_eq!(key(long), None, "{long:?}");
    }
    // keys of heads and of short forms differ
    assert_ne!(key(b"US"), Some(head_key(swar::load_padded(b"US", 0))));
}

#[test]
fn next_start_finds_bytes_that_begin_a_form_outside_words() {
    let trie = small_trie();
    let long = format!("{}Guinea", "x ".repeat(11));
    let cases: &[(&str, usize, Option<usize>)] = &[
        ("the US", 0, Some(4)),
        ("the US", 4, Some(4)),
        ("the US", 5, None), // "S" inside "US"
        ("the us", 0, None),
        ("", 0, None),
        ("abcdef U", 0, Some(7)),   // the last byte of the first eight
        ("abcdefg U", 0, Some(8)),  // the first byte after them
        ("abcdefgU U", 0, Some(9)), // not inside "abcdefgU"
        ("abcdefghijklmno-U", 1, Some(16)),
        ("abcdefghijklmnopq", 0, None),
        ("abcdefghijklmnop U", 3, Some(17)), // in the remainder
        ("abcdefghijklmnopqU", 3, None),
        (&long, 0, Some(22)),
        ("USA", 1, None), // the byte before `at` counts
        ("l’Élysée", 0, Some(4)),
        ("aÉlysée", 0, Some(1)), // not ASCII: left to `opens`
        ("aÉ", 0, None),         // too short for "Élysée"
        ("1US 2", 0, None),
        ("xxxxxxxx", 8, None),
        ("Uganda US", 0, Some(7)), // no form begins "Ug"
        ("Gx Gu Guinea", 0, Some(6)),
        ("Gx Gu", 0, None),                  // too short for "Guinea"
        ("abcdefg Ux Us U.S.", 0, Some(14)), // across the eight
        ("abcdefg Ux Us U.", 0, Some(14)),   // "U." has the key of "U.S."
        ("Ux", 0, None),
        ("U", 0, Some(0)),
        ("USD US", 0, Some(4)), // "US" does not end at a word boundary in "USD"
    ];
    for &(hay, at, want) in cases {
        let got = trie.next_start(hay.as_bytes(), at);
        assert_eq!(got, want, "{hay:?} from {at}");
        // no later than testing each byte against the forms: where one begins outside a word
        // and ends at a word boundary
        let bytes = hay.as_bytes();
        let plain = (at..bytes.len()).find(|&i| {
            let inside =
                i > 0 && bytes[i - 1].is_ascii_alphanumeric() && bytes[i].is_ascii_alphanumeric();
            let found = SMALL.iter().any(|f| {
                bytes[i..].starts_with(f.as_bytes()) && closes(hay, i, i + f.len(), false)
            });
            found && !inside
        });
        assert!(
            plain.is_none_or(|p| got.is_some_and(|g| g <= p)),
            "{hay:?} from {at}"
        );
    }
}

/// The cue search `all_occurrences` replaced: every overlapping occurrence of a cue word in
/// any ASCII case (Aho-Corasick), those at word boundaries; sorted.
fn reference_cues(hay: &str) -> Vec<(usize, usize, usize)> {
    static CUES: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&MATCHER.cue_words)
            .expect("cue words build")
    });
    let mut found: Vec<_> = CUES
        .find_overlapping_iter(hay)
        .filter(|m| bounded(hay, m.start(), m.end(), true))
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    found.sort_unstable();
    found
}

fn check_cues(text: &str) {
    let folded = text.to_ascii_lowercase();
    let mut got: Vec<_> = all_occurrences(MATCHER.cues(), &folded).collect();
    got.sort_unstable();
    assert_eq!(got, reference_cues(text), "{text:?}");
}

#[test]
fn cue_words_are_those_of_the_overlapping_search() {
    let texts = [
        include_str!("../../fixtures/tass-peskov.txt"),
        include_str!("../../fixtures/reuters-style.txt"),
        include_str!("../../fixtures/ap-style.txt"),
        include_str!("../../fixtures/reuters-1987.txt"),
        "Atlanta, Georgia, GA. ga. Savannah's SAVANNAH-based Tbilisi, tbilisiX, xAtlanta",
        "Sen. SEN. sen.x Rep.Gov. Kemp-Warnock, the Soviet Union, SOVIET, Soviets",
        "Brazzaville BRAZZAVILLE brazzaville’s Brazza\u{301}ville",
        "",
    ];
    for text in texts {
        check_cues(text);
    }
    // every cue word alone, in three cases, and glued to its neighbour
    let words = &MATCHER.cue_words;
    for pair in words.windows(2) {
        let (w, v) = (pair[0], pair[1]);
        let (up, low) = (w.to_ascii_uppercase(), w.to_ascii_lowercase());
        check_cues(&format!("{w} {up} {low}, x{w} {w}x {w}{v} ({w}) {w}-{v}."));
    }
}

proptest::proptest! {
    #[test]
    fn cue_words_are_those_of_the_overlapping_search_in_any_text(
        pieces in proptest::collection::vec(proptest::sample::select(&[
            "Atlanta", "ATLANTA", "atlanta", "Ga.", "GA.", "Sen.", "Tbilisi", "Soviet", "Soviets",
            "Brazzaville", "Congo", "Kinshasa", "Republicans", "county", "County", "é", "ß", " ",
            "-", ".", ",", "'", "’", "\n", "x", "a", "1", "(",
        ][..]), 0..12)
    ) {
        check_cues(&pieces.concat());
    }
}

proptest::proptest! {
    /// The double array finds exactly the forms a plain search finds, whatever the bytes of
    /// the forms (control bytes, which make bases wrap below zero, and bytes of other
    /// letters), and the first of equal forms.
    #[test]
    fn trie_finds_what_a_plain_search_finds(
        forms in proptest::collection::vec(proptest::sample::select(&[
            "\u{1}", "\u{1}a", "a", "ab", "abc", "b", "ba", "zz", "z\u{1}", "é", "ée", "ÿ", " ",
            "a b", "US", "U.S.", "USA",
        ][..]), 0..10),
        text in proptest::collection::vec(proptest::sample::select(&[
            "\u{1}", "a", "b", "c", "z", "é", "e", "ÿ", " ", "U", "S", ".", "A",
        ][..]), 0..12),
    ) {
        let trie = Trie::new(forms.iter().copied().enumerate());
        let first = |form: &str| forms.iter().position(|f| *f == form);
        for form in &forms {
            proptest::prop_assert_eq!(trie.get(form), first(form));
        }
        let text = text.concat();
        let bytes = text.as_bytes();
        for start in 0..=bytes.len() {
            let got: Vec<_> = trie.prefixes(bytes, start).collect();
            let mut want: Vec<_> = forms
                .iter()
                .filter(|f| !f.is_empty() && bytes[start..].starts_with(f.as_bytes()))
                .map(|f| (start + f.len(), first(f).unwrap()))
                .collect();
            want.sort_unstable();
            want.dedup();
            proptest::prop_assert_eq!(got, want);
        }
    }
}

proptest::proptest! {
    /// The block search for starts finds what testing each byte finds, for tries whose
    /// forms begin with capitals, few or many other letters and digits, and few or many other
    /// bytes, from any position (inside and across the blocks, in a short last piece, and
    /// in the last whole block of a text longer than one).
    #[test]
    fn next_start_is_the_bytewise_search(
        forms in proptest::collection::vec(proptest::sample::select(&[
            "US", "Uganda", "the Hague", "tx", "a", "b1", "1x", "9", "z", "q", "É", "\u{1}",
            "-", "(Z", "\u{80}", "ÿ", " ", "Sino-", "USA", "x",
        ][..]), 0..8),
        text in proptest::collection::vec(proptest::sample::select(&[
            "US", "U", "S", "A", "the", "t", "x", "a", "b", "1", "9", "z", "q", "É", "é",
            "\u{1}", "-", "(", "Z", "ÿ", " ", "\n", ".", "Sino", "Hague", "tx",
        ][..]), 0..60),
    ) {
        let trie = Trie::new(forms.iter().copied().enumerate());
        let text = text.concat();
        let bytes = text.as_bytes();
        for at in 0..=bytes.len() {
            proptest::prop_assert_eq!(
                trie.next_start(bytes, at),
                trie.next_start_bytewise(bytes, at),
                "{:?} from {}", text, at
            );
        }
    }
}

#[test]
fn next_start_is_the_bytewise_search_with_the_tables() {
    let texts = [
        include_str!("../../fixtures/tass-peskov.txt"),
        include_str!("../../fixtures/reuters-style.txt"),
        include_str!("../../fixtures/ap-style.txt"),
        include_str!("../../fixtures/reuters-1987.txt"),
    ];
    for trie in [&MATCHER.mixed, MATCHER.upper(), MATCHER.cues()] {
        for text in texts {
            for hay in [
                text.to_string(),
                text.to_ascii_uppercase(),
                text.to_ascii_lowercase(),
            ] {
                let bytes = hay.as_bytes();
                for at in 0..=bytes.len() {
                    assert_eq!(
                        trie.next_start(bytes, at),
                        trie.next_start_bytewise(bytes, at),
                        "from {at}"
                    );
                }
            }
        }
    }
}

proptest::proptest! {
    /// Where `may_match` turns a position away, no form begins there and ends at a word
    /// boundary: the keys filter is exact, for forms shorter and longer than a head.
    #[test]
    fn may_match_turns_away_only_where_no_form_begins(
        forms in proptest::collection::vec(proptest::sample::select(&[
            "US", "U", "USA", "U.S.", "the Hague", "Thai", "Thailand", "Reunion", "abcde",
            "abcdf", "ab", "é", "Éire", "\u{1}", "z", "zzzzzzzz",
        ][..]), 0..8),
        text in proptest::collection::vec(proptest::sample::select(&[
            "US", "U", "S", "A", ".", "the", " ", "Hague", "Thai", "Th", "land", "Reu", "nion",
            "ab", "c", "d", "e", "f", "é", "É", "ire", "\u{1}", "z", "zz",
        ][..]), 0..16),
    ) {
        let trie = Trie::new(forms.iter().copied().enumerate());
        let text = text.concat();
        let bytes = text.as_bytes();
        for i in 0..bytes.len() {
            if !trie.may_match(bytes, i) {
                for all_caps in [false, true] {
                    let found = trie
                        .prefixes(bytes, i)
                        .find(|&(end, _)| closes(&text, i, end, all_caps));
                    proptest::prop_assert_eq!(found, None, "{:?} at {}", text, i);
                }
            }
        }
    }
}

#[test]
fn may_match_turns_away_words_that_only_begin_like_a_form() {
    let trie = Trie::new(
        ["the Hague", "US", "Thailand", "Thai", "Chad"]
            .into_iter()
            .enumerate(),
    );
    let cases: &[(&str, bool)] = &[
        ("the Hague", true),
        ("the talks", false),
        ("that is", false),
        ("US talks", true),
        ("USxxxxxx", false), // a short form that does not end at a word boundary
        ("US-led", true),
        ("US", true),
        ("Thailand", true),
        ("Thai rice", true),
        ("The talks", false), // begins like "Thai" and "Thailand", is neither
        ("Chad.", true),
        ("Chairman", false),
        ("Ch", false),
        ("UKxxxxxx", false),
        ("the", false),
        ("to", false),
    ];
    for &(text, want) in cases {
        assert_eq!(trie.may_match(text.as_bytes(), 0), want, "{text}");
    }
}

#[test]
fn may_match_lets_every_form_of_the_tables_through() {
    for (trie, forms) in [
        (
            &MATCHER.mixed,
            MATCHER
                .entries
                .iter()
                .map(|e| e.form.to_string())
                .collect::<Vec<_>>(),
        ),
        (
            MATCHER.upper(),
            MATCHER
                .entries
                .iter()
                .map(|e| upper_same_len(e.form))
                .collect(),
        ),
    ] {
        for form in forms {
            let text = format!("{form} and more");
            assert!(trie.may_match(text.as_bytes(), 0), "{form}");
        }
    }
}

#[test]
fn the_ascii_punctuation_is_that_of_the_char_lists() {
    let ascii = |list: &[char]| -> Vec<u8> {
        list.iter()
            .filter(|c| c.is_ascii())
            .map(|&c| c as u8)
            .collect()
    };
    assert_eq!(ascii(OPENING), OPENING_ASCII);
    assert_eq!(ascii(CLOSING), CLOSING_ASCII);
}

#[test]
fn words_read_on_bytes_are_those_read_on_characters() {
    let long = format!("US {} US{}x", " ".repeat(60), "y".repeat(60));
    let texts = [
        "in French-language (\"US\") talks, Mr. Jordan's US-led; 'Georgia.' R-Georgia",
        "speaks French.\nThe US’s “Chad” «Niger» U.S.-led\u{a0}talks\u{2003}here",
        "Café US\tx\r\ny  -US- ( ) - -- . US's",
        "é US é",
        "",
        " ",
        "-",
        &long,
    ];
    for text in texts {
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let fast =
                next_word(text, at).map(|w| (w.raw, w.word, w.start, w.end, w.hyphen, w.apart));
            let slow = next_word_decoded(text, at)
                .map(|w| (w.raw, w.word, w.start, w.end, w.hyphen, w.apart));
            assert_eq!(fast, slow, "next {text:?} at {at}");
            let fast =
                prev_word(text, at).map(|w| (w.raw, w.word, w.start, w.end, w.hyphen, w.apart));
            let slow = prev_word_decoded(text, at)
                .map(|w| (w.raw, w.word, w.start, w.end, w.hyphen, w.apart));
            assert_eq!(fast, slow, "prev {text:?} at {at}");
        }
    }
}

#[test]
fn closes_on_ascii_bytes_is_closes_decoded() {
    for hay in [
        "the US-led, USA (U.S.) a-b Sino-Soviet Sino-soviet SINO-SOVIET Sino- x",
        "éUS’US ß-US Mali\u{301} US-é US-É US",
        "US-",
        "A",
    ] {
        let starts = (0..hay.len()).filter(|&i| hay.is_char_boundary(i));
        for start in starts {
            for end in (start + 1..=hay.len()).filter(|&i| hay.is_char_boundary(i)) {
                for all_caps in [false, true] {
                    assert_eq!(
                        closes(hay, start, end, all_caps),
                        closes_decoded(hay, start, end, all_caps),
                        "{hay:?} {start}..{end}"
                    );
                }
            }
        }
    }
}

#[test]
fn starts_marks_the_bytes_a_form_may_begin() {
    // the bytes that begin forms -> the test of each byte (and the one before it) that
    // `Starts` makes, on random blocks
    type Rule = fn(u8, u8) -> bool;
    let cases: [(&[u8], Rule); 6] = [
        (b"", |_, _| false),
        (b"FU", |a, b| {
            !a.is_ascii_alphabetic() && b.is_ascii_uppercase()
        }),
        (b"Ut", |a, b| {
            !a.is_ascii_alphabetic() && (b.is_ascii_uppercase() || b == b't')
        }),
        (b"tb", |a, b| {
            !a.is_ascii_alphabetic() && b.is_ascii_alphabetic()
        }),
        ("\u{c9}".as_bytes(), |_, b| b >= 0x80),
        (b"(1", |_, b| b < 0x80 && !b.is_ascii_alphabetic()),
    ];
    let mut seed = 0x853C_49E6_748F_EA9Bu64;
    for (begin, rule) in cases {
        let mut begins = [false; 256];
        for &b in begin {
            begins[usize::from(b)] = true;
        }
        let starts = Starts::new(&begins);
        for _ in 0..200 {
            let mut window = [0u8; BLOCK + 1];
            for b in &mut window {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let pick = b" aztAZT(1.\xc3\xa9\x80\xff\0"[(seed >> 59) as usize % 15];
                *b = if seed >> 32 & 1 == 0 {
                    pick
                } else {
                    (seed >> 40) as u8
                };
            }
            let want = (0..BLOCK).fold(0u64, |m, i| {
                m | u64::from(rule(window[i], window[i + 1])) << i
            });
            assert_eq!(starts.of(&window), want, "{begin:?} {window:?}");
        }
    }
}
