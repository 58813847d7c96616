//! News agencies: the names and tags they go by, and their canonical short names.
//!
//! Method: a curated table (data, below) of the forms agencies take in datelines
//! ("(Reuters)", "/TASS/", "(tca/dpa)"), credit lines ("Associated Press", "The Canadian
//! Press") and sign-offs ("Reuter", "-- BERNAMA"), looked up case-insensitively.
//!
//! Known limits: an agency missing from the table is still reported by the dateline stage
//! as written when it stands in a dateline's agency slot; elsewhere it is not recognised.

/// (form as written, lower case; canonical name). Sorted by form for binary search.
const AGENCIES: &[(&str, &str)] = &[
    ("aa", "Anadolu"),
    ("aap", "AAP"),
    ("afp", "AFP"),
    ("afp-jiji", "AFP"),
    ("agence france presse", "AFP"),
    ("agence france-presse", "AFP"),
    ("anadolu", "Anadolu"),
    ("anadolu agency", "Anadolu"),
    ("ani", "ANI"),
    ("ansa", "ANSA"),
    ("antara", "Antara"),
    ("ap", "AP"),
    ("apa", "APA"),
    ("associated press", "AP"),
    ("bernama", "Bernama"),
    ("bloomberg", "Bloomberg"),
    ("businessdesk", "BusinessDesk"),
    ("canadian press", "CP"),
    ("cna", "CNA"),
    ("cnn", "CNN"),
    ("cp", "CP"),
    ("dpa", "dpa"),
    ("efe", "EFE"),
    ("ians", "IANS"),
    ("interfax", "Interfax"),
    ("irna", "IRNA"),
    ("itar-tass", "TASS"),
    ("jiji", "Jiji"),
    ("kuna", "KUNA"),
    ("kyodo", "Kyodo"),
    ("kyodo news", "Kyodo"),
    ("lusa", "Lusa"),
    ("mena", "MENA"),
    ("pa", "PA"),
    ("pap", "PAP"),
    ("prensa latina", "Prensa Latina"),
    ("press association", "PA"),
    ("press trust of india", "PTI"),
    ("pti", "PTI"),
    ("reuter", "Reuters"),
    ("reuters", "Reuters"),
    ("ria novosti", "RIA Novosti"),
    ("sana", "SANA"),
    ("spa", "SPA"),
    ("sputnik", "Sputnik"),
    ("tass", "TASS"),
    ("the associated press", "AP"),
    ("the canadian press", "CP"),
    ("the press association", "PA"),
    ("upi", "UPI"),
    ("wam", "WAM"),
    ("xinhua", "Xinhua"),
    ("yonhap", "Yonhap"),
];

/// Canonical short name of an agency as written ("REUTER" -> "Reuters",
/// "tca/dpa" -> "dpa", "Associated Press" -> "AP"); None when not an agency we know.
pub fn canonical(written: &str) -> Option<&'static str> {
    let t = written.trim().trim_matches(|c: char| c == '.' || c == '-');
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let key = t.to_lowercase();
    if let Some(c) = lookup(&key) {
        return Some(c);
    }
    // "tca/dpa", "AFP/Getty", "AP/Reuters": the first known part
    key.split(['/', ','])
        .filter_map(|p| lookup(p.trim()))
        .next()
}

fn lookup(key: &str) -> Option<&'static str> {
    AGENCIES
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .map(|i| AGENCIES[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted() {
        assert!(AGENCIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn canonical_names() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Reuters", Some("Reuters")),
            ("REUTER", Some("Reuters")),
            ("AP", Some("AP")),
            ("Associated Press", Some("AP")),
            ("The Canadian Press", Some("CP")),
            ("TASS", Some("TASS")),
            ("tca/dpa", Some("dpa")),
            ("Xinhua", Some("Xinhua")),
            ("BERNAMA", Some("Bernama")),
            ("BusinessDesk", Some("BusinessDesk")),
            ("Press Association", Some("PA")),
            ("Smith", None),
            ("", None),
        ];
        for (w, want) in cases {
            assert_eq!(canonical(w), *want, "{w:?}");
        }
    }
}
