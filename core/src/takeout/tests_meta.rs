//! The Takeout upload keys: the one check the app and the server share, and the metadata an
//! item carries within the server's limit.
use super::meta::{check_value, validate, BadValue, ItemMeta, MetaNote, MAX_DESCRIPTION_BYTES};
use crate::tus::{encode_metadata, keys};

fn p(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn values_are_checked_key_by_key() {
    assert_eq!(check_value(keys::TAKEN_AT, "2019-07-04T18:03:11Z"), Ok(()));
    assert_eq!(check_value(keys::TAKEN_AT, "2019-07-04T18:03:11"), Err(BadValue::NotAnInstant));
    assert_eq!(check_value(keys::LAT, "-33.8688"), Ok(()));
    assert_eq!(check_value(keys::LAT, "91"), Err(BadValue::OutOfRange));
    assert_eq!(check_value(keys::LON, "-180.5"), Err(BadValue::OutOfRange));
    for bad in ["NaN", "inf", "1e3", "12,5", " 1", "0x10"] {
        assert_eq!(check_value(keys::LON, bad), Err(BadValue::NotANumber), "{bad}");
    }
    assert_eq!(check_value(keys::DESCRIPTION, "Two lines\nand a tab\t"), Ok(()));
    assert_eq!(check_value(keys::DESCRIPTION, "NUL\0"), Err(BadValue::ControlCharacters));
    assert_eq!(check_value(keys::DESCRIPTION, &"x".repeat(MAX_DESCRIPTION_BYTES + 1)), Err(BadValue::TooLong));
    assert_eq!(check_value(keys::ALBUMS, r#"["Summer","Family"]"#), Ok(()));
    for bad in [r#""Summer""#, r#"["Summer", 3]"#, r#"[""]"#, "[", r#"{"a":1}"#] {
        assert_eq!(check_value(keys::ALBUMS, bad), Err(BadValue::NotAList), "{bad}");
    }
    assert_eq!(check_value(keys::ALBUMS, "[\"a\\u0000\"]"), Err(BadValue::ControlCharacters));
    assert_eq!(check_value(keys::FAVORITED, "true"), Ok(()));
    assert_eq!(check_value(keys::ARCHIVED, "false"), Ok(()));
    for bad in ["yes", "1", "True", " true"] {
        assert_eq!(check_value(keys::FAVORITED, bad), Err(BadValue::NotABoolean), "{bad}");
        assert_eq!(check_value(keys::ARCHIVED, bad), Err(BadValue::NotABoolean), "{bad}");
    }
    assert_eq!(check_value("somethingElse", "anything"), Ok(()));
    assert_eq!(check_value(keys::TAKEN_AT, ""), Ok(()), "empty is absent");
}

#[test]
fn validate_names_the_first_bad_key_and_wants_both_halves_of_a_place() {
    assert_eq!(validate(&p(&[("filename", "a.jpg"), ("lat", "1"), ("lon", "2"), ("takenAt", "2019-07-04T18:03:11Z")])), Ok(()));
    assert_eq!(validate(&p(&[("lat", "1")])), Err((keys::LON, BadValue::Unpaired)));
    assert_eq!(validate(&p(&[("lon", "1")])), Err((keys::LAT, BadValue::Unpaired)));
    assert_eq!(validate(&p(&[("lat", "1"), ("lon", "2"), ("albums", "Summer")])), Err((keys::ALBUMS, BadValue::NotAList)));
    assert_eq!(validate(&p(&[("takenAt", "2019-07-04T18:03:11Z"), ("takenAt", "soon")])), Err((keys::TAKEN_AT, BadValue::NotAnInstant)));
    assert_eq!(validate(&p(&[("favorited", "true"), ("archived", "maybe")])), Err((keys::ARCHIVED, BadValue::NotABoolean)));
}

#[test]
fn the_marks_are_said_only_when_set() {
    let said =
        |item: ItemMeta| item.pairs(false).0.into_iter().filter(|(k, _)| [keys::FAVORITED, keys::ARCHIVED].contains(k)).collect::<Vec<_>>();
    assert_eq!(said(ItemMeta { favorited: true, ..ItemMeta::default() }), [(keys::FAVORITED, "true".to_string())]);
    assert_eq!(said(ItemMeta { archived: true, ..ItemMeta::default() }), [(keys::ARCHIVED, "true".to_string())]);
    assert!(said(ItemMeta::default()).is_empty());
}

#[test]
fn an_items_metadata_passes_the_check_and_fits_the_limit() {
    let item = ItemMeta {
        taken_at: Some(1_562_263_391),
        place: Some((46.519_653, 6.632_273)),
        description: Some("é".repeat(MAX_DESCRIPTION_BYTES)),
        albums: (0..400).map(|i| format!("Album number {i} with a fairly long name")).chain(["".into(), "Bad\u{7}".into()]).collect(),
        favorited: true,
        archived: true,
    };
    let (pairs, notes) = item.pairs(false);
    assert_eq!(notes, [MetaNote::DescriptionCut, MetaNote::AlbumsDropped]);
    let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
    assert_eq!(validate(&owned), Ok(()));
    let desc = &owned.iter().find(|(k, _)| k == keys::DESCRIPTION).unwrap().1;
    assert!(desc.len() <= MAX_DESCRIPTION_BYTES && desc.len() > MAX_DESCRIPTION_BYTES - 2);
    let albums: Vec<String> = serde_json::from_str(&owned.iter().find(|(k, _)| k == keys::ALBUMS).unwrap().1).unwrap();
    assert!(albums.len() > 10 && albums.contains(&"Bad".to_string()));
    // With a deep relativePath and the ordinary keys, the header stays under 16 KiB.
    let path = "Takeout/Google Photos/".to_string() + &"a".repeat(4000);
    let zeros = "0".repeat(64);
    let mut all: Vec<(&str, Option<&str>)> = pairs.iter().map(|(k, v)| (*k, Some(v.as_str()))).collect();
    all.extend([(keys::RELATIVE_PATH, Some(path.as_str())), (keys::FILENAME, Some("IMG_0001.JPG")), (keys::SHA256, Some(zeros.as_str()))]);
    assert!(encode_metadata(all).len() <= 16 * 1024);
    assert_eq!(owned.iter().find(|(k, _)| k == keys::LAT).map(|(_, v)| v.as_str()), Some("46.5196530"));
}

#[test]
fn strip_location_leaves_the_place_out_and_says_so() {
    let item = ItemMeta { place: Some((1.0, 2.0)), ..ItemMeta::default() };
    let (pairs, notes) = item.pairs(true);
    assert!(pairs.iter().all(|(k, _)| *k != keys::LAT && *k != keys::LON));
    assert_eq!(notes, [MetaNote::PlaceStripped]);
}
