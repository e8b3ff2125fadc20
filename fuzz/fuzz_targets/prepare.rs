//! Fuzz target: the downsizing pipeline's decode, metadata copy (EXIF/XMP/ICC) and JPEG rewrite,
//! and the library's thumbnail, on any bytes. A small pixel budget keeps each run fast; the
//! rules still run (anything over it is downsized, under it kept or stripped).
#![no_main]
use libfuzzer_sys::fuzz_target;
use shoebox_core::photo::prepare::{prepare, PrepareOptions, PrepareOutput};

fuzz_target!(|data: &[u8]| {
    for strip_location in [false, true] {
        let opts = PrepareOptions { max_pixels: Some(4096), quality: 80, strip_location };
        if let PrepareOutput::Prepared(out) = prepare(data, &opts) {
            assert!(!out.is_empty());
        }
    }
    let _ = shoebox_core::photo::prepare::thumb::thumbnail(data, 64);
});
