//! A deflated entry of a chosen archive, inflated here rather than on the page: core's
//! `EntryStream` names the compressed ranges, which are read as slices of the archive (two in
//! flight), and its output leaves wasm memory a piece at a time as a Blob of its own, the
//! entry's Blob made of those, so the worker holds a few MiB whatever the entry's size. The
//! stream's size cap and CRC-32 check are core's: a damaged entry or a zip bomb ends as a
//! fault, never as wrong bytes.
use super::protocol::JobFault;
use js_sys::{Array, Uint8Array};
use shoebox_core::takeout::archive::{Packing, ZipEntry};
use shoebox_core::takeout::inflate::{EntryStream, Step};
use std::collections::VecDeque;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// Compressed bytes per read: large enough to amortise a slice's round trip.
const READ_PIECE: u64 = 4 << 20;

/// Inflated bytes gathered before they leave wasm memory as one part of the Blob.
const PART: usize = 4 << 20;

/// Reads in flight while the current piece is inflated.
const READS_IN_FLIGHT: usize = 2;

fn read_failed(e: wasm_bindgen::JsValue) -> JobFault {
    JobFault::ReadFailed(e.as_string().unwrap_or_else(|| "read failed".into()))
}

/// The entry whose compressed bytes start at `start` of `archive`, inflated into a Blob.
pub async fn inflate(archive: &Blob, start: u64, compressed_size: u64, size: u64, crc32: u32) -> Result<Blob, JobFault> {
    let entry = ZipEntry { name: String::new(), packing: Packing::Deflated, compressed_size, size, crc32, header_offset: 0, fault: None };
    let mut stream = EntryStream::new(&entry, start, READ_PIECE);
    let parts = Array::new();
    let mut reads: VecDeque<JsFuture> = VecDeque::new();
    let mut out = Vec::new();
    loop {
        while reads.len() < READS_IN_FLIGHT {
            let Some((a, b)) = stream.next_read() else { break };
            let slice = archive.slice_with_f64_and_f64(a as f64, b as f64).map_err(read_failed)?;
            reads.push_back(JsFuture::from(slice.array_buffer()));
        }
        match stream.step(&mut out).map_err(JobFault::Inflate)? {
            Step::Done => break,
            Step::Produced => {
                if out.len() >= PART {
                    parts.push(&part(&out)?.into());
                    out.clear();
                }
            }
            Step::NeedInput => {
                let Some(read) = reads.pop_front() else {
                    return Err(JobFault::Inflate(shoebox_core::takeout::inflate::InflateFault::Corrupt));
                };
                let bytes = Uint8Array::new(&read.await.map_err(read_failed)?).to_vec();
                stream.feed(&bytes);
                // A chunk's checksum job posted meanwhile starts now rather than after the entry.
                super::turns::next_task().await;
            }
        }
    }
    if !out.is_empty() {
        parts.push(&part(&out)?.into());
    }
    Blob::new_with_blob_sequence(&parts).map_err(read_failed)
}

/// One piece of the output as a Blob of its own: the browser takes its bytes into its blob
/// storage now, so the worker's copies are garbage at once, and the entry's Blob is made of
/// these pieces without another copy.
fn part(bytes: &[u8]) -> Result<Blob, JobFault> {
    Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).map_err(read_failed)
}
