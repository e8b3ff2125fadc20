//! Every catalog in locales/ against English: the same keys, no variable English does not define,
//! nothing left in English, its own script for Japanese, Chinese, Korean and Arabic. Then the
//! check itself, on bad catalogs made here, so it is known to catch each case.
use shoebox_core::i18n::{negotiate, Catalog, SUPPORTED};
use shoebox_locales::check::{check, Problem};
use shoebox_locales::{compile, compile_dir};
use std::path::Path;

/// Messages that are rightly the same word as English in a language.
fn same_as_english(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &[
            "pause",
            "library-video",
            "library-d-name",
            "library-d-album",
            "library-details",
            "set-quality-original",
            "library-q-original",
            "library-motion",
            "library-kind-videos",
        ],
        "fr" => &[
            "library-d-album",
            "library-motion",
            "library-albums",
            "library-d-pixels",
            "library-kind-photos",
            "library-timeline",
            "set-album",
            "kiosk-photos",
            "kiosk-images",
        ],
        "es" => &["library-motion", "set-quality-original", "library-q-original"],
        "it" => &["library-motion", "library-video", "library-d-album", "set-backup"],
        "pt-BR" => &["library-motion", "set-quality-original", "library-q-original", "library-d-pixels", "set-backup"],
        "nl" => &[
            "library-d-album",
            "library-details",
            "library-motion",
            "library-video",
            "library-albums",
            "library-d-camera",
            "library-d-pixels",
            "library-items",
            "library-album-line",
            "set-album",
        ],
        "pl" => &["library-motion", "library-d-album", "library-d-folder"],
        _ => &[],
    }
}

fn locales() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales")
}

#[test]
fn every_catalog_has_the_keys_and_variables_of_english_in_its_own_words() {
    let catalogs = compile_dir(&locales()).expect("every catalog compiles");
    let en = catalogs.iter().find(|c| c.lang == "en").expect("an English catalog");
    let langs: Vec<&str> = catalogs.iter().map(|c| c.lang.as_str()).collect();
    for lang in SUPPORTED {
        assert!(langs.contains(&lang), "locales/{lang}.ftl is missing");
    }
    let mut problems = Vec::new();
    for c in catalogs.iter().filter(|c| c.lang != "en") {
        for p in check(en, c, same_as_english(&c.lang)) {
            problems.push(format!("{}: {p:?}", c.lang));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn every_word_listed_as_the_same_as_english_is_so() {
    let catalogs = compile_dir(&locales()).unwrap();
    let en = catalogs.iter().find(|c| c.lang == "en").unwrap();
    for c in &catalogs {
        for key in same_as_english(&c.lang) {
            assert_eq!(c.get(key), en.get(key), "{}: {key} is listed as English's word but differs", c.lang);
        }
    }
}

#[test]
fn every_catalog_file_is_a_language_negotiation_can_reach() {
    for c in compile_dir(&locales()).unwrap() {
        assert_eq!(negotiate(&[c.lang.as_str()], &SUPPORTED), c.lang, "{} is not in SUPPORTED", c.lang);
    }
}

fn cat(lang: &str, src: &str) -> Catalog {
    compile(lang, "test.ftl", src).unwrap()
}

#[test]
fn the_check_catches_each_kind_of_fault() {
    let en = cat("en", "a = Back up\nb = { $count ->\n [one] one file\n *[other] { $count } files\n}\nname = Shoebox\n");
    let good = cat("de", "a = Sichern\nb = { $count ->\n [one] eine Datei\n *[other] { $count } Dateien\n}\nname = Shoebox\n");
    assert_eq!(check(&en, &good, &[]), vec![], "a right catalog passes; a name may stay as it is");

    let missing = cat("de", "a = Sichern\nname = Shoebox\n");
    assert_eq!(check(&en, &missing, &[]), vec![Problem::Missing { key: "b".into() }]);

    let extra = cat("de", "a = Sichern\nb = { $count } Dateien\nname = Shoebox\nc = Extra\n");
    assert_eq!(check(&en, &extra, &[]), vec![Problem::NotInEnglish { key: "c".into() }]);

    let variable = cat("de", "a = Sichern { $name }\nb = { $count } Dateien\nname = Shoebox\n");
    assert_eq!(check(&en, &variable, &[]), vec![Problem::UnknownVariable { key: "a".into(), variable: "name".into() }]);

    let english = cat("de", "a = Back up\nb = { $count } Dateien\nname = Shoebox\n");
    assert_eq!(check(&en, &english, &[]), vec![Problem::SameAsEnglish { key: "a".into() }]);
    assert_eq!(check(&en, &english, &["a"]), vec![], "unless listed as the same word in that language");

    let latin = cat("ja", "a = Sichern\nb = { $count } ファイル\nname = Shoebox\n");
    assert_eq!(check(&en, &latin, &[]), vec![Problem::NotInScript { key: "a".into() }]);
    let korean_in_japanese = cat("ja", "a = 백업\nb = { $count } ファイル\nname = Shoebox\n");
    assert_eq!(check(&en, &korean_in_japanese, &[]), vec![Problem::NotInScript { key: "a".into() }]);
    let arabic = cat("ar", "a = نسخ احتياطي\nb = { $count ->\n [one] ملف واحد\n *[other] { $count } ملفات\n}\nname = Shoebox\n");
    assert_eq!(check(&en, &arabic, &[]), vec![]);
    let arabic_left_in_english = cat("ar", "a = Backup\nb = { $count } ملفات\nname = Shoebox\n");
    assert_eq!(check(&en, &arabic_left_in_english, &[]), vec![Problem::NotInScript { key: "a".into() }]);
}

#[test]
fn a_malformed_catalog_in_a_directory_names_its_file_and_line() {
    let dir = std::env::temp_dir().join(format!("shoebox-locales-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("en.ftl"), "a = Back up\n").unwrap();
    std::fs::write(dir.join("de.ftl"), "a = Sichern\n\nb = { $x\n").unwrap();
    let e = compile_dir(&dir).unwrap_err().to_string();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(e.contains("de.ftl:3:"), "{e}");
}

#[test]
fn each_language_gets_a_manifest_in_its_words_and_english_is_the_app_manifest() {
    use shoebox_locales::manifest::localized;
    let catalogs = compile_dir(&locales()).unwrap();
    let en = catalogs.iter().find(|c| c.lang == "en").unwrap();
    let base: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(locales().join("../www/manifest.webmanifest")).unwrap()).unwrap();
    // English's words are the served manifest's own: the catalog and the file cannot drift apart.
    let english = localized(&base, en, en);
    for field in ["name", "short_name", "description"] {
        assert_eq!(english[field], base[field], "{field}");
    }
    assert_eq!(english["screenshots"], base["screenshots"]);
    let de = localized(&base, catalogs.iter().find(|c| c.lang == "de").unwrap(), en);
    assert_eq!(de["name"], "Shoebox – Fotos und Videos sichern");
    assert_eq!(de["lang"], "de");
    assert_eq!(de["start_url"], base["start_url"], "only the words change");
    let ar = localized(&base, catalogs.iter().find(|c| c.lang == "ar").unwrap(), en);
    assert_eq!(ar["dir"], "rtl");
    assert_ne!(ar["description"], base["description"]);
}
