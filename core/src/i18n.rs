//! Words in the person's language: the compiled catalog model, its formatter, the choice of a
//! supported language from the browser's list, and which languages are written right to left.
//! The catalogs are Fluent files compiled at build time (tools/locales); nothing here parses
//! Fluent, so the app carries no Fluent runtime.

mod catalog;
mod format;
mod negotiate;

pub use catalog::{Catalog, Part, Variant};
pub use format::{format, Arg, PluralCategory};
pub use negotiate::{is_rtl, negotiate, FALLBACK, SUPPORTED};
