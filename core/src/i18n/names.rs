//! Each supported language's name as its own speakers write it ("Deutsch", "日本語"): the
//! language pickers show these, so a person finds their language whatever the page is in.
use super::SUPPORTED;

/// The name of `lang` in `lang` itself; `None` for a language Shoebox has no catalog for.
pub fn own_name(lang: &str) -> Option<&'static str> {
    Some(match lang {
        "en" => "English",
        "de" => "Deutsch",
        "fr" => "Français",
        "es" => "Español",
        "it" => "Italiano",
        "pt-BR" => "Português (Brasil)",
        "nl" => "Nederlands",
        "pl" => "Polski",
        "ja" => "日本語",
        "zh-CN" => "简体中文",
        "ko" => "한국어",
        "ar" => "العربية",
        _ => return None,
    })
}

/// Every supported language with its own name, in the catalogs' order.
pub fn languages() -> impl Iterator<Item = (&'static str, &'static str)> {
    SUPPORTED.iter().map(|l| (*l, own_name(l).unwrap_or(l)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_supported_language_has_a_distinct_own_name() {
        let names: Vec<&str> = SUPPORTED.iter().map(|l| own_name(l).expect(l)).collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), SUPPORTED.len(), "{names:?}");
        assert_eq!(own_name("xx"), None);
        assert_eq!(languages().next(), Some(("en", "English")));
        assert_eq!(own_name("ar"), Some("العربية"));
    }
}
