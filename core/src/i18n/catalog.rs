//! The compiled catalog: each message a list of parts (text, a variable, a plural or value
//! select), in the compact JSON the build writes per language.
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One language's messages by key ("back-up").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub lang: String,
    pub messages: BTreeMap<String, Vec<Part>>,
}

/// A piece of a message. In JSON: a string, `{"v":"count"}`, or
/// `{"s":"count","o":[["one",[...]],["other",[...]]],"d":1}` (`d`: the default variant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Part {
    Text(String),
    Var { v: String },
    Select { s: String, o: Vec<Variant>, d: usize },
}

/// A select's variant: its key (a plural category, a number or a word) and its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Variant(pub String, pub Vec<Part>);

impl Catalog {
    pub fn from_json(text: &str) -> Result<Catalog, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn get(&self, key: &str) -> Option<&[Part]> {
        self.messages.get(key).map(Vec::as_slice)
    }

    /// Every variable a message uses, selectors included.
    pub fn variables(parts: &[Part]) -> Vec<String> {
        let mut out = Vec::new();
        collect(parts, &mut out);
        out.sort();
        out.dedup();
        out
    }
}

fn collect(parts: &[Part], out: &mut Vec<String>) {
    for p in parts {
        match p {
            Part::Text(_) => {}
            Part::Var { v } => out.push(v.clone()),
            Part::Select { s, o, .. } => {
                out.push(s.clone());
                for Variant(_, inner) in o {
                    collect(inner, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_json_reads_into_parts() {
        let json = r#"{"lang":"de","messages":{"n":["Noch ",{"v":"left"}," · ",{"s":"count","o":[["one",["eine Datei"]],["other",[{"v":"count"}," Dateien"]]],"d":1}]}}"#;
        let c = Catalog::from_json(json).unwrap();
        let parts = c.get("n").unwrap();
        assert_eq!(parts[0], Part::Text("Noch ".into()));
        assert_eq!(parts[1], Part::Var { v: "left".into() });
        assert!(matches!(&parts[3], Part::Select { s, o, d: 1 } if s == "count" && o.len() == 2));
        assert_eq!(Catalog::variables(parts), vec!["count".to_string(), "left".to_string()]);
        assert_eq!(serde_json::to_string(&c).unwrap(), json, "written back the same");
    }

    #[test]
    fn a_wrong_shape_is_an_error_not_a_panic() {
        assert!(Catalog::from_json(r#"{"lang":"de","messages":{"n":[{"x":1}]}}"#).is_err());
        assert!(Catalog::from_json("not json").is_err());
    }
}
