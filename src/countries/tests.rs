//! Table-driven tests of `countries::mentions`: every hard case of the issue, both readings.

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
