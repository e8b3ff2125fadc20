//! Words in the person's language: the compiled catalog model, its formatter, the choice of a
//! supported language from the browser's list, each language's own name, and which languages are written right to left.
//! The catalogs are Fluent files compiled at build time (tools/locales); nothing here parses
//! Fluent, so the app carries no Fluent runtime.

mod catalog;
mod format;
mod names;
mod negotiate;

pub use catalog::{Catalog, Part, Variant};
pub use format::{format, Arg, PluralCategory};
pub use names::{languages, own_name};
pub use negotiate::{is_rtl, negotiate, FALLBACK, SUPPORTED};
