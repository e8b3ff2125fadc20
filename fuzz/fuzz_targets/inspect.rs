//! Fuzz target: format sniffing and the header-only readers (JPEG, PNG, WebP, HEIC/AVIF boxes,
//! TIFF/EXIF, RAW), as inspection runs them on a file's first bytes, under several names.
#![no_main]
use libfuzzer_sys::fuzz_target;
use shoebox_core::photo::{exif, inspect};

fuzz_target!(|data: &[u8]| {
    for name in ["a.jpg", "a.heic", "a.png", "a.mp4", "a.dng", "a"] {
        let f = inspect(name, data, data.len() as u64 + 10);
        if let (Some(w), Some(h)) = (f.width, f.height) {
            assert!(w > 0 && h > 0, "a size read from a header is never zero");
        }
    }
    let _ = exif::read(data);
});
