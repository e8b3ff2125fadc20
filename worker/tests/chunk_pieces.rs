//! Browser tests of chunk checksums joined from a file's hash pass (`Job::Hash { pieces }`):
//! the crc32c of a chunk made of whole 1 MiB pieces is the one its bytes give, without reading
//! them again; a chunk that is not (an odd start, a cut inside the file) is read as before.
//! `cargo test --target wasm32-unknown-unknown -p shoebox-worker --test chunk_pieces`.
#![cfg(target_arch = "wasm32")]
use shoebox::browser::worker_pool::{WorkerPool, WorkerSource};
use shoebox_core::crc32c::crc32c;
use shoebox_core::hash::sha256_hex;
use shoebox_core::tus::ChecksumAlgo::Crc32c;
use shoebox_core::worker_protocol::{ChunkOf, CRC_PIECE};
use shoebox_worker::handler;
use wasm_bindgen_test::*;
use web_sys::{Blob, File};

wasm_bindgen_test_configure!(run_in_browser);

const MIB: usize = CRC_PIECE as usize;

fn file(bytes: &[u8]) -> File {
    File::new_with_u8_array_sequence(&js_sys::Array::of1(&js_sys::Uint8Array::from(bytes)), "x.bin").unwrap()
}

fn slice(f: &File, start: usize, end: usize) -> Blob {
    f.slice_with_i32_and_i32(start as i32, end as i32).unwrap()
}

fn hex(crc: u32) -> String {
    shoebox_core::hash::hex(&crc.to_be_bytes())
}

/// Over the one-shot bound, so the hash streams and keeps its pieces; an odd tail.
fn data() -> Vec<u8> {
    (0..66 * MIB + 12_345).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect()
}

#[wasm_bindgen_test]
async fn chunks_of_whole_pieces_are_joined_from_the_hash_pass_and_others_are_read() {
    let data = data();
    let f = file(&data);
    assert_eq!(handler::hash(&f, Some(7)).await.unwrap(), sha256_hex(&data));
    let of = |start: usize| Some(ChunkOf { file: 7, start: start as u64 });
    // Whole pieces: 8 MiB at 8 MiB, 64 MiB from 0, and the last chunk with the short piece.
    for (start, end) in [(8 * MIB, 16 * MIB), (0, 64 * MIB), (64 * MIB, data.len())] {
        let got = handler::digest(&slice(&f, start, end), Crc32c, of(start)).await.unwrap();
        assert_eq!(got, hex(crc32c(&data[start..end])), "{start}..{end}");
    }
    // Proof that the pieces answered, not a read: a blob of other bytes said to be the file's
    // first 8 MiB gets the file's checksum.
    let other = file(&vec![0u8; 8 * MIB]);
    assert_eq!(handler::digest(&other, Crc32c, of(0)).await.unwrap(), hex(crc32c(&data[..8 * MIB])));
    // Not whole pieces, another file, or no `of`: the blob's own bytes are read.
    for (blob_of, want) in
        [(of(3), crc32c(&[0u8; 8 * MIB])), (Some(ChunkOf { file: 8, start: 0 }), crc32c(&[0u8; 8 * MIB])), (None, crc32c(&[0u8; 8 * MIB]))]
    {
        assert_eq!(handler::digest(&other, Crc32c, blob_of).await.unwrap(), hex(want));
    }
    // A chunk that ends inside a piece (not at the file's end) is read too.
    let got = handler::digest(&slice(&f, MIB, 2 * MIB + 5), Crc32c, of(MIB)).await.unwrap();
    assert_eq!(got, hex(crc32c(&data[MIB..2 * MIB + 5])));
}

#[wasm_bindgen_test]
async fn a_chunk_asked_for_during_the_hash_pass_is_right_on_one_worker() {
    // The pool's one worker hashes the file while the chunk's checksum is asked for: the
    // checksum is right whether the pass had been there or the chunk was read.
    let p = WorkerPool::with_source(1, WorkerSource::ThisModule);
    let data = data();
    let f = file(&data);
    let hash = p.hash(f.clone().into(), Some(9));
    let chunk = p.digest(slice(&f, 48 * MIB, 64 * MIB), Crc32c, Some(ChunkOf { file: 9, start: (48 * MIB) as u64 }));
    let (hash, chunk) = futures::join!(hash, chunk);
    assert_eq!(hash.unwrap(), sha256_hex(&data));
    assert_eq!(chunk.unwrap(), crc32c(&data[48 * MIB..64 * MIB]).to_be_bytes().to_vec());
}
