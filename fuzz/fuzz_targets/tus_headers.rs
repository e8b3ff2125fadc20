//! Fuzz target: the tus header parsers (Upload-Metadata, Upload-Checksum, Upload-Concat, Range)
//! on any text. None may panic; metadata that decodes must encode back to the same pairs.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shoebox_core::tus::{decode_metadata, encode_metadata};
use shoebox_server::routes::blob::parse_range;
use shoebox_server::upload::{checksum, concat, metadata};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    if let Ok(pairs) = decode_metadata(s) {
        let again = encode_metadata(pairs.iter().map(|(k, v)| (k.as_str(), Some(v.as_str()))));
        let back = decode_metadata(&again).expect("what we encode decodes");
        assert_eq!(back.iter().filter(|(_, v)| !v.is_empty()).count(), pairs.iter().filter(|(_, v)| !v.is_empty()).count());
    }
    let _ = metadata::parse(Some(s));
    let _ = checksum::Checksum::parse(s);
    let _ = concat::parse_final(s);
    for len in [0u64, 1, 1000, u64::MAX] {
        let _ = parse_range(s, len);
    }
});
