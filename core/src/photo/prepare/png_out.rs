//! PNG → smaller PNG, keeping bit depth (16-bit stays 16-bit) and alpha, and carrying over the
//! ancillary chunks that stay true after resizing (colour profile, EXIF, text/XMP, physical size).
use super::resize::resize;
use super::{Failure, PrepareOptions};
use crate::photo::exif_write::rewrite;
use crate::photo::riff_png::{png_chunks, png_size};
use crate::photo::target_size;
use crate::photo::xmp::blank_gps;
use png::{BitDepth, ColorType, Compression, Decoder, Encoder, Transformations};

pub fn downsize(src: &[u8], max: u64, opts: &PrepareOptions) -> Result<Option<Vec<u8>>, Failure> {
    let (w, h) = png_size(src).ok_or(Failure::Undecodable)?;
    let Some((dw, dh)) = target_size(w, h, max) else { return Ok(None) };
    let chunks = png_chunks(src);
    if chunks.iter().any(|c| &c.0 == b"acTL") {
        return Err(Failure::Unsupported); // animated PNG: resizing only the first frame would lose the rest
    }
    let mut dec = Decoder::new(std::io::Cursor::new(src));
    dec.set_transformations(Transformations::EXPAND);
    let mut reader = dec.read_info().map_err(|_| Failure::Undecodable)?;
    let mut pixels = vec![0; reader.output_buffer_size().ok_or(Failure::Undecodable)?];
    reader.next_frame(&mut pixels).map_err(|_| Failure::Undecodable)?;
    let (ct, depth) = reader.output_color_type();
    drop(reader);
    let channels = ct.samples() as u8;
    let wide = depth == BitDepth::Sixteen;
    if wide {
        swap16(&mut pixels); // PNG is big-endian; the resizer wants native u16
    }
    let mut small = resize(pixels, w, h, channels, wide, dw, dh)?;
    if wide {
        swap16(&mut small);
    }
    let mut out = Vec::with_capacity(small.len() / 2);
    let mut enc = Encoder::new(&mut out, dw, dh);
    enc.set_color(match ct {
        ColorType::Indexed => ColorType::Rgb,
        c => c,
    });
    enc.set_depth(if wide { BitDepth::Sixteen } else { BitDepth::Eight });
    enc.set_compression(Compression::Balanced);
    let mut wr = enc.write_header().map_err(|_| Failure::Unsupported)?;
    for (ty, data, _) in &chunks {
        if let Some(d) = carried_chunk(ty, data, dw, dh, opts.strip_location) {
            wr.write_chunk(png::chunk::ChunkType(*ty), &d).map_err(|_| Failure::Unsupported)?;
        }
    }
    wr.write_image_data(&small).map_err(|_| Failure::Unsupported)?;
    wr.finish().map_err(|_| Failure::Unsupported)?;
    Ok(Some(out))
}

/// Ancillary chunks that are still right after resizing, edited where needed. Palette- and
/// layout-bound chunks (PLTE, tRNS, hIST, sPLT) are dropped: the output is truecolour.
fn carried_chunk(ty: &[u8; 4], data: &[u8], w: u32, h: u32, strip_gps: bool) -> Option<Vec<u8>> {
    match ty {
        b"eXIf" => rewrite(data, super::meta::downsize_edit(w, h, strip_gps)),
        b"iTXt" | b"tEXt" | b"zTXt" => {
            let mut d = data.to_vec();
            if strip_gps {
                blank_gps(&mut d);
            }
            Some(d)
        }
        b"iCCP" | b"sRGB" | b"gAMA" | b"cHRM" | b"pHYs" | b"tIME" | b"cICP" | b"sBIT" => Some(data.to_vec()),
        // Unknown ancillary chunks marked safe-to-copy (lower-case 1st and 4th letters).
        [a, _, _, d] if a.is_ascii_lowercase() && d.is_ascii_lowercase() => Some(data.to_vec()),
        _ => None,
    }
}

fn swap16(b: &mut [u8]) {
    if cfg!(target_endian = "little") {
        b.chunks_exact_mut(2).for_each(|p| p.swap(0, 1));
    }
}
