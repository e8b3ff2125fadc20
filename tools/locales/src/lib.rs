//! Compiles a Fluent catalog (locales/<lang>.ftl) into shoebox-core's compact catalog model, at
//! build time: terms and message references are put in place, text is unescaped, and anything
//! the app's formatter does not do (functions, attributes) is refused with its line, as a
//! malformed file is.
pub mod check;
pub mod manifest;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use fluent_syntax::parser;
use shoebox_core::i18n::{Catalog, Part, Variant};
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

/// Why a catalog did not compile: the file, its 1-based line and what was wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct CompileError {
    pub file: String,
    pub line: usize,
    pub what: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.what)
    }
}

impl std::error::Error for CompileError {}

fn line_of(src: &str, byte: usize) -> usize {
    src[..byte.min(src.len())].matches('\n').count() + 1
}

/// The catalog of `lang` from its Fluent text; `file` names it in errors.
pub fn compile(lang: &str, file: &str, src: &str) -> Result<Catalog, CompileError> {
    let err = |byte: usize, what: String| CompileError { file: file.to_string(), line: line_of(src, byte), what };
    let resource = match parser::parse(src) {
        Ok(r) => r,
        Err((_, errors)) => {
            // The entry the error is in (the parser may notice it a line later).
            let e = &errors[0];
            let at = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
            return Err(err(at, e.kind.to_string()));
        }
    };
    let mut messages: HashMap<&str, &Pattern<&str>> = HashMap::new();
    let mut terms: HashMap<&str, &Pattern<&str>> = HashMap::new();
    for entry in &resource.body {
        let (table, id, value, attributes) = match entry {
            Entry::Message(m) => (&mut messages, m.id.name, m.value.as_ref(), m.attributes.len()),
            Entry::Term(t) => (&mut terms, t.id.name, Some(&t.value), t.attributes.len()),
            Entry::Junk { content } => {
                let at = content.as_ptr() as usize - src.as_ptr() as usize;
                return Err(err(at, format!("not Fluent: {}", content.lines().next().unwrap_or_default())));
            }
            _ => continue,
        };
        let at = id.as_ptr() as usize - src.as_ptr() as usize;
        let Some(value) = value else { return Err(err(at, format!("{id} has no value"))) };
        if attributes > 0 {
            return Err(err(at, format!("{id}: attributes are not used by the app")));
        }
        if table.insert(id, value).is_some() {
            return Err(err(at, format!("{id} is defined twice")));
        }
    }
    let resolver = Resolver { messages: &messages, terms: &terms };
    let mut out = BTreeMap::new();
    for (id, pattern) in &messages {
        let at = id.as_ptr() as usize - src.as_ptr() as usize;
        let parts = resolver.pattern(pattern, 0).map_err(|what| err(at, format!("{id}: {what}")))?;
        out.insert(id.to_string(), merge(parts));
    }
    Ok(Catalog { lang: lang.to_string(), messages: out })
}

struct Resolver<'a> {
    messages: &'a HashMap<&'a str, &'a Pattern<&'a str>>,
    terms: &'a HashMap<&'a str, &'a Pattern<&'a str>>,
}

impl Resolver<'_> {
    fn pattern(&self, p: &Pattern<&str>, depth: usize) -> Result<Vec<Part>, String> {
        if depth > 8 {
            return Err("references nest too deep (a cycle?)".into());
        }
        let mut out = Vec::new();
        for el in &p.elements {
            match el {
                PatternElement::TextElement { value } => out.push(Part::Text(value.to_string())),
                PatternElement::Placeable { expression } => out.extend(self.expression(expression, depth)?),
            }
        }
        Ok(out)
    }

    fn expression(&self, e: &Expression<&str>, depth: usize) -> Result<Vec<Part>, String> {
        match e {
            Expression::Inline(i) => self.inline(i, depth),
            Expression::Select { selector, variants } => {
                let InlineExpression::VariableReference { id } = selector else {
                    return Err("a select must be on a variable".into());
                };
                let mut o = Vec::new();
                let mut d = 0;
                for (i, v) in variants.iter().enumerate() {
                    let key = match &v.key {
                        VariantKey::Identifier { name } => name.to_string(),
                        VariantKey::NumberLiteral { value } => value.to_string(),
                    };
                    if v.default {
                        d = i;
                    }
                    o.push(Variant(key, merge(self.pattern(&v.value, depth + 1)?)));
                }
                Ok(vec![Part::Select { s: id.name.to_string(), o, d }])
            }
        }
    }

    fn inline(&self, i: &InlineExpression<&str>, depth: usize) -> Result<Vec<Part>, String> {
        match i {
            InlineExpression::StringLiteral { value } => {
                Ok(vec![Part::Text(fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned())])
            }
            InlineExpression::NumberLiteral { value } => Ok(vec![Part::Text(value.to_string())]),
            InlineExpression::VariableReference { id } => Ok(vec![Part::Var { v: id.name.to_string() }]),
            InlineExpression::MessageReference { id, attribute: None } => match self.messages.get(id.name) {
                Some(p) => self.pattern(p, depth + 1),
                None => Err(format!("no message {}", id.name)),
            },
            InlineExpression::TermReference { id, attribute: None, arguments: None } => match self.terms.get(id.name) {
                Some(p) => self.pattern(p, depth + 1),
                None => Err(format!("no term -{}", id.name)),
            },
            InlineExpression::Placeable { expression } => self.expression(expression, depth),
            _ => Err("functions, attributes and term arguments are not used by the app".into()),
        }
    }
}

/// Neighbouring texts as one part (a message reads as one string where it can).
fn merge(parts: Vec<Part>) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::with_capacity(parts.len());
    for p in parts {
        match (out.last_mut(), p) {
            (Some(Part::Text(a)), Part::Text(b)) => a.push_str(&b),
            (_, p) => out.push(p),
        }
    }
    out
}

/// The language tags of the catalogs in `dir` (en first), from their file names.
pub fn languages(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut langs: Vec<String> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".ftl").map(str::to_string))
        .collect();
    langs.sort_by_key(|l| (l != "en", l.clone()));
    Ok(langs)
}

/// Every catalog of `dir`, compiled.
pub fn compile_dir(dir: &Path) -> Result<Vec<Catalog>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for lang in languages(dir)? {
        let path = dir.join(format!("{lang}.ftl"));
        let src = std::fs::read_to_string(&path)?;
        out.push(compile(&lang, &path.display().to_string(), &src)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_selects_terms_and_references_compile() {
        let src = "-brand = Shoebox\nname = { -brand }\nready = Ready to back up { $count ->\n    [one] one photo or video\n   *[other] { $count } photos and videos\n }\nquote = Sign in {\"\\u201C\"}{ $name }{\"\\u201D\"}\n";
        let c = compile("en", "en.ftl", src).unwrap();
        assert_eq!(c.get("name").unwrap(), &[Part::Text("Shoebox".into())]);
        assert_eq!(
            c.get("quote").unwrap(),
            &[Part::Text("Sign in \u{201c}".into()), Part::Var { v: "name".into() }, Part::Text("\u{201d}".into())]
        );
        let Part::Select { s, o, d } = &c.get("ready").unwrap()[1] else { panic!("a select") };
        assert_eq!((s.as_str(), o.len(), *d), ("count", 2, 1));
        assert_eq!(o[0], Variant("one".into(), vec![Part::Text("one photo or video".into())]));
        assert!(!c.messages.contains_key("-brand"), "terms are not messages");
    }

    #[test]
    fn a_malformed_catalog_names_its_file_and_line() {
        let e = compile("de", "locales/de.ftl", "a = Eins\nb = Zwei\nc = { $x\nd = Vier\n").unwrap_err();
        assert_eq!((e.file.as_str(), e.line), ("locales/de.ftl", 3), "{e}");
        let twice = compile("de", "de.ftl", "a = Eins\n\na = Zwei\n").unwrap_err();
        assert_eq!(twice.line, 3, "{twice}");
        let function = compile("de", "de.ftl", "a = Eins\nb = { NUMBER($n) }\n").unwrap_err();
        assert_eq!(function.line, 2, "{function}");
        let missing = compile("de", "de.ftl", "a = { -nope }\n").unwrap_err();
        assert_eq!(missing.line, 1, "{missing}");
    }
}
