//! The compiled catalog: each message a list of parts (text, a variable, a plural or value
//! select), in the compact JSON the build writes per language.
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One language's messages by key ("back-up").
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    pub lang: String,
    pub messages: BTreeMap<String, Vec<Part>>,
}

/// A piece of a message. In JSON: a string, `{"v":"count"}`, or
/// `{"s":"count","o":[["one",[...]],["other",[...]]],"d":1}` (`d`: the default variant).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Part {
    Text(String),
    Var { v: String },
    Select { s: String, o: Vec<Variant>, d: usize },
}

/// Read by hand: serde's untagged decoder buffers every value first, which costs the app's
/// wasm far more than this visitor.
impl<'de> Deserialize<'de> for Part {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Part, D::Error> {
        d.deserialize_any(PartVisitor)
    }
}

struct PartVisitor;

impl<'de> Visitor<'de> for PartVisitor {
    type Value = Part;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, {\"v\":..} or {\"s\":..,\"o\":..,\"d\":..}")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Part, E> {
        Ok(Part::Text(v.to_string()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Part, E> {
        Ok(Part::Text(v))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Part, A::Error> {
        let (mut v, mut s, mut o, mut d) = (None, None, None, None);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "v" => v = Some(map.next_value::<String>()?),
                "s" => s = Some(map.next_value::<String>()?),
                "o" => o = Some(map.next_value::<Vec<Variant>>()?),
                "d" => d = Some(map.next_value::<usize>()?),
                other => return Err(de::Error::unknown_field(other, &["v", "s", "o", "d"])),
            }
        }
        match (v, s, o) {
            (Some(v), None, None) => Ok(Part::Var { v }),
            (None, Some(s), Some(o)) => Ok(Part::Select { s, o, d: d.unwrap_or(0) }),
            _ => Err(de::Error::custom("a part is a variable or a select")),
        }
    }
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
