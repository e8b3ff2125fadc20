//! Prepare: downsize a photo to at most `max_pixels` and/or strip its location, keeping its
//! metadata. Pure function of (bytes, options) → same bytes every time, so an interrupted
//! upload of a prepared photo can resume. Decoding, resizing and encoding hold at most one
//! decoded copy of the photo at a time (the source is freed before encoding).
//!
//! Output format: JPEG stays JPEG, PNG stays PNG, WebP and TIFF become JPEG. Stripping location
//! alone edits the metadata in place (same length) without re-encoding.

mod jpeg_out;
mod meta;
mod other;
mod png_out;
pub mod resize;
pub mod strip;
pub mod thumb;

use super::sniff::sniff;
use crate::facts::{Format, KeepReason};

/// Settings of one `Prepare {file, maxPixels?, quality, stripLocation}` action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrepareOptions {
    pub max_pixels: Option<u64>,
    /// JPEG quality 1..=100 (90 by default).
    pub quality: u8,
    pub strip_location: bool,
}

impl Default for PrepareOptions {
    fn default() -> Self {
        PrepareOptions { max_pixels: Some(crate::limits::HIGH_QUALITY_PIXELS), quality: 90, strip_location: false }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrepareOutput {
    /// New bytes to upload instead of the original.
    Prepared(Vec<u8>),
    KeepOriginal(KeepReason),
}

/// Why a decode/encode step failed; all of these end as `KeepOriginal`.
#[derive(Debug)]
pub enum Failure {
    Unsupported,
    Undecodable,
}

/// Run Prepare on a whole file's bytes.
pub fn prepare(src: &[u8], opts: &PrepareOptions) -> PrepareOutput {
    let format = sniff(src);
    let downsized = match opts.max_pixels {
        Some(max) => downsize(format, src, max, opts),
        None => Err(KeepReason::NothingToDo),
    };
    match downsized {
        Ok(out) if out.len() < src.len() => PrepareOutput::Prepared(out),
        // Not smaller, or nothing to downsize: with location stripping, strip the original instead.
        other if opts.strip_location => match strip::strip_location(format, src) {
            Some(out) if out != src => PrepareOutput::Prepared(out),
            Some(_) => PrepareOutput::KeepOriginal(other.err().unwrap_or(KeepReason::NothingToDo)),
            None => PrepareOutput::KeepOriginal(KeepReason::Unsupported),
        },
        Ok(_) => PrepareOutput::KeepOriginal(KeepReason::NotSmaller),
        Err(reason) => PrepareOutput::KeepOriginal(reason),
    }
}

fn downsize(format: Format, src: &[u8], max: u64, opts: &PrepareOptions) -> Result<Vec<u8>, KeepReason> {
    let r = match format {
        Format::Jpeg => jpeg_out::downsize(src, max, opts),
        Format::Png => png_out::downsize(src, max, opts),
        Format::Webp => other::webp_downsize(src, max, opts),
        Format::Tiff => other::tiff_downsize(src, max, opts),
        _ => return Err(KeepReason::Unsupported),
    };
    match r {
        Ok(Some(out)) => Ok(out),
        Ok(None) => Err(KeepReason::NothingToDo),
        Err(Failure::Unsupported) => Err(KeepReason::Unsupported),
        Err(Failure::Undecodable) => Err(KeepReason::Undecodable),
    }
}
