//! Checks a translated catalog against English: the same keys, no variable English does not
//! define, no message left in English (unless it is a name, or listed as the same word in that
//! language), and for languages with their own script, every message written in it.
use shoebox_core::i18n::{Catalog, Part, Variant};

/// What is wrong with one message of a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Missing { key: String },
    NotInEnglish { key: String },
    UnknownVariable { key: String, variable: String },
    SameAsEnglish { key: String },
    NotInScript { key: String },
}

/// Words that stay as they are in every language.
pub const NAMES: &[&str] = &[
    "Shoebox",
    "CSV",
    "tus",
    "Chromebook",
    "Mac",
    "iPhone",
    "iPad",
    "Android",
    "Linux",
    "Wi-Fi",
    "MP",
    "MB",
    "GB",
    "TB",
    "KB",
    "px",
    "s",
    "h",
    "min",
    "USB",
];

/// The letters a language's own script has, for the languages whose script is not Latin.
fn script(lang: &str) -> Option<fn(char) -> bool> {
    match lang {
        "ja" => Some(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}' | '\u{ff66}'..='\u{ff9f}')),
        "zh-CN" => Some(|c| matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')),
        "ko" => Some(|c| matches!(c, '\u{ac00}'..='\u{d7af}' | '\u{1100}'..='\u{11ff}' | '\u{3130}'..='\u{318f}')),
        "ar" => {
            Some(|c| matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}'))
        }
        _ => None,
    }
}

fn text(parts: &[Part], out: &mut String) {
    for p in parts {
        match p {
            Part::Text(t) => out.push_str(t),
            Part::Var { .. } => out.push(' '),
            Part::Select { o, .. } => {
                for Variant(_, inner) in o {
                    text(inner, out);
                    out.push(' ');
                }
            }
        }
    }
}

/// True when a message has no words of its own: only names, figures, variables and punctuation.
pub fn only_names(parts: &[Part]) -> bool {
    let mut t = String::new();
    text(parts, &mut t);
    t.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| w.chars().any(char::is_alphabetic)).all(|w| NAMES.contains(&w))
}

/// Everything wrong with `cat` measured against `en`; `same` lists the keys whose message is
/// rightly the same word as English in this language ("Video" in German).
pub fn check(en: &Catalog, cat: &Catalog, same: &[&str]) -> Vec<Problem> {
    let mut out = Vec::new();
    for key in en.messages.keys() {
        if !cat.messages.contains_key(key) {
            out.push(Problem::Missing { key: key.clone() });
        }
    }
    let own_script = script(&cat.lang);
    for (key, parts) in &cat.messages {
        let Some(english) = en.messages.get(key) else {
            out.push(Problem::NotInEnglish { key: key.clone() });
            continue;
        };
        let defined = Catalog::variables(english);
        for variable in Catalog::variables(parts) {
            if !defined.contains(&variable) {
                out.push(Problem::UnknownVariable { key: key.clone(), variable });
            }
        }
        let a_name = only_names(english);
        if parts == english && !a_name && !same.contains(&key.as_str()) {
            out.push(Problem::SameAsEnglish { key: key.clone() });
        }
        if let Some(is_own) = own_script {
            let mut t = String::new();
            text(parts, &mut t);
            if !a_name && !t.chars().any(is_own) {
                out.push(Problem::NotInScript { key: key.clone() });
            }
        }
    }
    out
}
