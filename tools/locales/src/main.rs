//! `shoebox-locales [DIR] [OUT]`: compiles every locales/<lang>.ftl into OUT/<lang>.json (OUT
//! defaults to Trunk's staging dir, so a pre-build hook puts them beside the app). A malformed
//! catalog stops it with its file and line. Beside them, each language's web app manifest
//! (DIR/../www/manifest.webmanifest in that language's words).
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "locales".into()));
    let out = match args.next() {
        Some(o) => PathBuf::from(o),
        None => match std::env::var_os("TRUNK_STAGING_DIR") {
            Some(d) => PathBuf::from(d).join("locales"),
            None => {
                eprintln!("usage: shoebox-locales DIR OUT (or run as a Trunk hook)");
                std::process::exit(2);
            }
        },
    };
    let catalogs = match shoebox_locales::compile_dir(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: {}: {e}", out.display());
        std::process::exit(1);
    }
    let base = dir.join("../www/manifest.webmanifest");
    let base: Option<serde_json::Value> = std::fs::read_to_string(&base).ok().and_then(|t| serde_json::from_str(&t).ok());
    let en = catalogs.iter().find(|c| c.lang == shoebox_core::i18n::FALLBACK).cloned().unwrap_or_default();
    for c in &catalogs {
        let Some(base) = &base else { break };
        let path = out.join(shoebox_locales::manifest::file_name(&c.lang));
        let text = serde_json::to_string_pretty(&shoebox_locales::manifest::localized(base, c, &en)).expect("a manifest serialises");
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
    for c in catalogs {
        let path = out.join(format!("{}.json", c.lang));
        let json = serde_json::to_string(&c).expect("a catalog serialises");
        if let Err(e) = std::fs::write(&path, json) {
            eprintln!("error: {}: {e}", path.display());
            std::process::exit(1);
        }
    }
}
