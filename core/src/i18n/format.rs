//! Putting a message into words: variables, selects on a plural category (which the caller's
//! plural rules decide: the browser's `Intl.PluralRules` in the app), a value or an exact number,
//! and English for a message the language lacks. Never panics: a missing variable shows as
//! `{$name}`, a missing message as its key.
use super::catalog::{Catalog, Part, Variant};

/// A CLDR plural category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub fn parse(s: &str) -> Option<PluralCategory> {
        Some(match s {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            "other" => PluralCategory::Other,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// A value for a variable: a word, or a number with the text it is shown as ("1,234").
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Str(&'a str),
    Num { value: f64, shown: &'a str },
}

/// The message `key` of `lang` (or of `fallback` when `lang` lacks it) with `args` filled in.
pub fn format(lang: &Catalog, fallback: &Catalog, key: &str, args: &[(&str, Arg)], plural: &dyn Fn(f64) -> PluralCategory) -> String {
    let Some(parts) = lang.get(key).or_else(|| fallback.get(key)) else {
        return key.to_string();
    };
    let mut out = String::new();
    write(parts, args, plural, &mut out);
    out
}

fn write(parts: &[Part], args: &[(&str, Arg)], plural: &dyn Fn(f64) -> PluralCategory, out: &mut String) {
    for p in parts {
        match p {
            Part::Text(t) => out.push_str(t),
            Part::Var { v } => match lookup(args, v) {
                Some(Arg::Str(s)) => out.push_str(s),
                Some(Arg::Num { shown, .. }) => out.push_str(shown),
                None => {
                    out.push_str("{$");
                    out.push_str(v);
                    out.push('}');
                }
            },
            Part::Select { s, o, d } => {
                if let Some(Variant(_, inner)) = choose(lookup(args, s), o, *d, plural) {
                    write(inner, args, plural, out);
                }
            }
        }
    }
}

fn lookup<'a>(args: &'a [(&str, Arg<'a>)], name: &str) -> Option<&'a Arg<'a>> {
    args.iter().find(|(k, _)| *k == name).map(|(_, a)| a)
}

/// An exact number first (`[0]`), then the plural category, then the default.
fn choose<'a>(arg: Option<&Arg>, o: &'a [Variant], d: usize, plural: &dyn Fn(f64) -> PluralCategory) -> Option<&'a Variant> {
    let by_key = |k: &str| o.iter().find(|Variant(key, _)| key == k);
    let found = match arg {
        Some(Arg::Str(s)) => by_key(s),
        Some(Arg::Num { value, .. }) => {
            o.iter().find(|Variant(key, _)| key.parse::<f64>().is_ok_and(|n| n == *value)).or_else(|| by_key(plural(*value).as_str()))
        }
        None => None,
    };
    found.or_else(|| o.get(d)).or_else(|| o.last())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn catalog(lang: &str, json_messages: &str) -> Catalog {
        Catalog::from_json(&format!(r#"{{"lang":"{lang}","messages":{json_messages}}}"#)).unwrap()
    }

    /// English's rule: 1 is "one", the rest "other".
    fn english(n: f64) -> PluralCategory {
        if n == 1.0 {
            PluralCategory::One
        } else {
            PluralCategory::Other
        }
    }

    /// Polish's rule for whole numbers (CLDR): 1 one; 2-4 (not 12-14) few; the rest many.
    fn polish(n: f64) -> PluralCategory {
        let i = n as u64;
        if i == 1 {
            PluralCategory::One
        } else if (2..=4).contains(&(i % 10)) && !(12..=14).contains(&(i % 100)) {
            PluralCategory::Few
        } else {
            PluralCategory::Many
        }
    }

    fn num(value: f64, shown: &str) -> Arg<'_> {
        Arg::Num { value, shown }
    }

    #[test]
    fn variables_and_plurals_fill_in() {
        let en = catalog(
            "en",
            r#"{"ready":["Ready to back up ",{"s":"count","o":[["one",["1 photo or video"]],["other",[{"v":"count"}," photos and videos"]]],"d":1}]}"#,
        );
        let f = |n: f64, shown: &str| format(&en, &en, "ready", &[("count", num(n, shown))], &english);
        assert_eq!(f(1.0, "1"), "Ready to back up 1 photo or video");
        assert_eq!(f(3.0, "3"), "Ready to back up 3 photos and videos");
        assert_eq!(f(1234.0, "1,234"), "Ready to back up 1,234 photos and videos", "the number as shown");
    }

    #[test]
    fn polish_takes_one_few_and_many() {
        let pl = catalog(
            "pl",
            r#"{"n":[{"v":"count"}," ",{"s":"count","o":[["one",["plik"]],["few",["pliki"]],["many",["plików"]],["other",["pliku"]]],"d":3}]}"#,
        );
        let f = |n: u64| format(&pl, &pl, "n", &[("count", num(n as f64, &n.to_string()))], &polish);
        assert_eq!(f(1), "1 plik");
        assert_eq!(f(3), "3 pliki");
        assert_eq!(f(5), "5 plików");
        assert_eq!(f(12), "12 plików");
        assert_eq!(f(22), "22 pliki");
    }

    #[test]
    fn an_exact_number_wins_over_its_category_and_words_select_by_value() {
        let en = catalog(
            "en",
            r#"{"n":[{"s":"count","o":[["0",["none"]],["one",["one"]],["other",["many"]]],"d":2}],"w":[{"s":"kind","o":[["upload",["may upload"]],["other",["may see"]]],"d":1}]}"#,
        );
        let arabic_like = |_: f64| PluralCategory::Zero;
        assert_eq!(format(&en, &en, "n", &[("count", num(0.0, "0"))], &arabic_like), "none");
        assert_eq!(format(&en, &en, "n", &[("count", num(7.0, "7"))], &english), "many");
        assert_eq!(format(&en, &en, "w", &[("kind", Arg::Str("upload"))], &english), "may upload");
        assert_eq!(format(&en, &en, "w", &[("kind", Arg::Str("full"))], &english), "may see", "the default");
    }

    #[test]
    fn english_fills_a_missing_message_and_nothing_panics() {
        let en = catalog("en", r#"{"a":["Back up"],"b":["Hello ",{"v":"name"}],"c":[{"s":"n","o":[["one",["x"]]],"d":5}]}"#);
        let de = catalog("de", r#"{"a":["Sichern"]}"#);
        assert_eq!(format(&de, &en, "a", &[], &english), "Sichern");
        assert_eq!(format(&de, &en, "b", &[("name", Arg::Str("Ada"))], &english), "Hello Ada", "English for a missing message");
        assert_eq!(format(&de, &en, "b", &[], &english), "Hello {$name}", "a missing variable is shown, not a panic");
        assert_eq!(format(&de, &en, "c", &[], &english), "x", "a default past the end takes the last variant");
        assert_eq!(format(&de, &en, "nope", &[], &english), "nope");
        let empty = Catalog { lang: "xx".into(), messages: BTreeMap::new() };
        assert_eq!(format(&empty, &empty, "nope", &[], &english), "nope");
    }

    #[test]
    fn categories_read_and_write_their_cldr_names() {
        for name in ["zero", "one", "two", "few", "many", "other"] {
            assert_eq!(PluralCategory::parse(name).unwrap().as_str(), name);
        }
        assert_eq!(PluralCategory::parse("several"), None);
    }
}
