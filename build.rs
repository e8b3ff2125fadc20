//! Compiles the Fluent catalogs (locales/*.ftl) at build time: a malformed one fails the build
//! with its file and line, and English is written to OUT_DIR for the app to carry built in.
//! The other languages reach the page as JSON through Trunk's pre-build hook (Trunk.toml).
fn main() {
    println!("cargo:rerun-if-changed=locales");
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let catalogs = match shoebox_locales::compile_dir(std::path::Path::new("locales")) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    };
    for c in catalogs.iter().filter(|c| c.lang == shoebox_core::i18n::FALLBACK) {
        let json = serde_json::to_string(c).expect("a catalog serialises");
        std::fs::write(out.join("en.json"), json).expect("OUT_DIR is writable");
    }
}
