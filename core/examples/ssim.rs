//! Resize quality of downsized JPEGs (scripts/bench.sh): decodes the source photo, makes the
//! f64 Lanczos3 reference (tools/fixtures) at each output's size, and prints per output
//! `<file> <mean SSIM> <w>x<h>`, or `<file> n/a <why>` when it cannot be compared.
//! `cargo run --release -p shoebox-core --features prepare --example ssim -- SOURCE.jpg OUT.jpg...`
//! Every image is decoded by the same decoder (zune-jpeg), so decoding differences cancel out.
use shoebox_fixtures::reference::{lanczos3_resize, ssim};
use std::collections::HashMap;
use zune_core::{bytestream::ZCursor, colorspace::ColorSpace, options::DecoderOptions};

fn decode(path: &str) -> Result<(Vec<u8>, usize, usize), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let opts = DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::RGB);
    let mut dec = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(&bytes[..]), opts);
    let px = dec.decode().map_err(|e| format!("{e:?}"))?;
    let (w, h) = dec.dimensions().ok_or("no dimensions")?;
    Ok((px, w, h))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (src, outs) = args.split_first().expect("usage: ssim SOURCE.jpg OUT.jpg...");
    let (px, w, h) = decode(src).expect("source");
    // The reference at one size serves every output of that size (most share the 16 MP target).
    let mut refs: HashMap<(usize, usize), Vec<u8>> = HashMap::new();
    for out in outs {
        match decode(out) {
            Ok((o, dw, dh)) if o.len() == dw * dh * 3 => {
                let r = refs.entry((dw, dh)).or_insert_with(|| lanczos3_resize(&px, w, h, 3, dw, dh));
                println!("{out} {:.5} {dw}x{dh}", ssim(&o, r, dw, dh, 3));
            }
            Ok(_) => println!("{out} n/a not-rgb"),
            Err(e) => println!("{out} n/a {}", e.replace(' ', "_")),
        }
    }
}
