//! Times each stage of a JPEG prepare natively (decode / resize / encode / whole):
//! `cargo run --release -p shoebox-core --features prepare --example prepare_timing -- photo.jpg`
use shoebox_core::photo::prepare::{prepare, resize::resize, PrepareOptions};
use std::time::Instant;
use zune_core::{bytestream::ZCursor, colorspace::ColorSpace, options::DecoderOptions};

fn main() {
    let path = std::env::args().nth(1).expect("usage: prepare_timing FILE.jpg");
    let src = std::fs::read(&path).unwrap();
    let t = Instant::now();
    let mut dec = zune_jpeg::JpegDecoder::new_with_options(
        ZCursor::new(&src[..]),
        DecoderOptions::default().jpeg_set_out_colorspace(ColorSpace::YCbCr),
    );
    let px = dec.decode().unwrap();
    let (w, h) = dec.dimensions().unwrap();
    let decode = t.elapsed();
    let (dw, dh) = shoebox_core::photo::target_size(w as u32, h as u32, 16_000_000).unwrap();
    let t = Instant::now();
    let small = resize(px, w as u32, h as u32, 3, false, dw, dh).ok().unwrap();
    let resize_t = t.elapsed();
    let t = Instant::now();
    let mut out = Vec::new();
    let mut enc = jpeg_encoder::Encoder::new(&mut out, 90);
    enc.set_sampling_factor(jpeg_encoder::SamplingFactor::F_2_2);
    enc.encode(&small, dw as u16, dh as u16, jpeg_encoder::ColorType::Ycbcr).unwrap();
    let encode = t.elapsed();
    let t = Instant::now();
    let _ = prepare(&src, &PrepareOptions::default());
    println!("{w}x{h} → {dw}x{dh}: decode {decode:?}, resize {resize_t:?}, encode {encode:?}; whole prepare {:?}", t.elapsed());
}
