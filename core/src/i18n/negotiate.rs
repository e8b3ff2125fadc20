//! Which supported language to use for the browser's list (`navigator.languages`, best first),
//! and which languages are written right to left.

/// The catalogs there are (locales/<tag>.ftl).
pub const SUPPORTED: [&str; 12] = ["en", "de", "fr", "es", "it", "pt-BR", "nl", "pl", "ja", "zh-CN", "ko", "ar"];
/// The language every catalog falls back to.
pub const FALLBACK: &str = "en";

/// The first requested language that a supported one serves, else English. A tag matches
/// exactly (any case, `_` or `-`), then by its language alone (`pt-PT` → pt-BR, `de-AT` → de);
/// Chinese in Simplified script or from the mainland or Singapore → zh-CN, Traditional Chinese
/// does not take Simplified.
pub fn negotiate<S: AsRef<str>>(requested: &[S], supported: &[&'static str]) -> &'static str {
    for r in requested {
        let tag = r.as_ref().trim().replace('_', "-").to_ascii_lowercase();
        if tag.is_empty() {
            continue;
        }
        if let Some(s) = supported.iter().find(|s| s.to_ascii_lowercase() == tag) {
            return s;
        }
        let mut subtags = tag.split('-');
        let lang = subtags.next().unwrap_or_default();
        if lang == "zh" {
            let rest: Vec<&str> = subtags.collect();
            let traditional = rest.iter().any(|t| matches!(*t, "hant" | "tw" | "hk" | "mo"));
            if traditional {
                continue;
            }
        }
        if let Some(s) = supported.iter().find(|s| s.split('-').next().is_some_and(|l| l.eq_ignore_ascii_case(lang))) {
            return s;
        }
    }
    FALLBACK
}

/// True for a language written right to left.
pub fn is_rtl(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
    matches!(primary.as_str(), "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pick(list: &[&str]) -> &'static str {
        negotiate(list, &SUPPORTED)
    }

    #[test]
    fn the_best_supported_match_wins_in_the_browsers_order() {
        assert_eq!(pick(&["de-DE", "en-US"]), "de");
        assert_eq!(pick(&["pt"]), "pt-BR");
        assert_eq!(pick(&["pt-PT"]), "pt-BR");
        assert_eq!(pick(&["pt_br"]), "pt-BR");
        assert_eq!(pick(&["zh-Hans-CN"]), "zh-CN");
        assert_eq!(pick(&["zh"]), "zh-CN");
        assert_eq!(pick(&["zh-SG"]), "zh-CN");
        assert_eq!(pick(&["ja-JP"]), "ja");
        assert_eq!(pick(&["ar-EG"]), "ar");
        assert_eq!(pick(&["sv-SE", "fr-CA", "de"]), "fr", "the first one served, not the first supported");
    }

    #[test]
    fn nothing_served_falls_back_to_english() {
        assert_eq!(pick(&["sv-SE", "fi"]), "en");
        assert_eq!(pick(&[] as &[&str]), "en");
        assert_eq!(pick(&["", " "]), "en");
        assert_eq!(pick(&["zh-TW"]), "en", "Traditional Chinese is not given Simplified");
        assert_eq!(pick(&["zh-Hant-HK", "ja"]), "ja");
    }

    #[test]
    fn right_to_left_languages() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("ar-EG"));
        assert!(is_rtl("he"));
        assert!(!is_rtl("en"));
        assert!(!is_rtl("zh-CN"));
        assert!(!is_rtl("arn"), "Mapudungun is not Arabic");
    }
}
