//! What a worker does with one job. Plain async functions over a `Blob`, so the browser tests
//! can also call them on the page's main thread without a worker.
use super::pieces::{Lookup, Recorder};
use super::protocol::{ChunkOf, Job, JobFault, Reply};
use js_sys::Uint8Array;
use shoebox_core::photo::{inspect, INSPECT_BYTES};
use shoebox_core::takeout::inflate::InflateFault;
use shoebox_core::tus::ChecksumAlgo;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// Slice size for hashing: big enough to amortise the promise round trip, small enough that
/// two slices in flight stay a few MB.
pub const HASH_SLICE: f64 = 8.0 * 1024.0 * 1024.0;

/// The job's reply, and the bytes that ride along: an ArrayBuffer (transferred) or a Blob.
pub async fn run(job: Job, blob: &Blob) -> (Reply, Option<wasm_bindgen::JsValue>) {
    let failed = |detail: String| (Reply::Failed(JobFault::ReadFailed(detail)), None);
    match job {
        Job::Inspect { name } => match read(blob, 0.0, blob.size().min(INSPECT_BYTES as f64)).await {
            Ok(head) => (Reply::Inspected(inspect(&name, &head, blob.size() as u64)), None),
            Err(e) => failed(e),
        },
        Job::Hash { pieces, crc32: None } => match hash(blob, pieces).await {
            Ok(sha256) => (Reply::Hashed(sha256), None),
            Err(e) => failed(e),
        },
        Job::Hash { pieces, crc32: Some(want) } => {
            let mut crc = crc32fast::Hasher::new();
            match hash_stream_with(blob, pieces, |piece| crc.update(piece)).await {
                Ok(_) if crc.finalize() != want => (Reply::Failed(JobFault::Inflate(InflateFault::Crc)), None),
                Ok(sha256) => (Reply::Hashed(sha256), None),
                Err(e) => failed(e),
            }
        }
        Job::Digest { algo, of } => match digest(blob, algo, of).await {
            Ok(hex) => (Reply::Digested(hex), None),
            Err(e) => failed(e),
        },
        Job::Crash => panic!("crash requested by a test"),
        Job::Inflate { start, compressed_size, size, crc32 } => {
            match super::inflate::inflate(blob, start, compressed_size, size, crc32).await {
                Ok(inflated) => (Reply::Inflated(inflated.size() as u64), Some(inflated.into())),
                Err(fault) => (Reply::Failed(fault), None),
            }
        }
        Job::Thumbnail { width, height } => match super::thumbnail::make(blob, width, height).await {
            Ok(buf) => (Reply::Thumbnail(buf.byte_length() as u64), Some(buf.into())),
            Err(detail) => (Reply::Failed(JobFault::Thumbnail(detail)), None),
        },
        Job::Prepare { max_pixels, quality, strip_location } => prepare(blob, max_pixels, quality, strip_location).await,
    }
}

/// Downsize and/or strip location: the new bytes ride along as a transferred ArrayBuffer.
#[cfg(feature = "codecs")]
async fn prepare(blob: &Blob, max_pixels: Option<u64>, quality: u8, strip_location: bool) -> (Reply, Option<wasm_bindgen::JsValue>) {
    use shoebox_core::photo::prepare::{prepare, PrepareOptions, PrepareOutput};
    let src = match read(blob, 0.0, blob.size()).await {
        Ok(b) => b,
        Err(e) => return (Reply::Failed(JobFault::ReadFailed(e)), None),
    };
    let out = prepare(&src, &PrepareOptions { max_pixels, quality, strip_location });
    drop(src); // before the output is copied out, so at most input or output + JS copy
    match out {
        PrepareOutput::Prepared(bytes) => {
            let sha256 = shoebox_core::hash::sha256_hex(&bytes);
            let mime = shoebox_core::photo::sniff::sniff(&bytes).mime().to_string();
            let js = Uint8Array::new_with_length(bytes.len() as u32);
            js.copy_from(&bytes);
            (Reply::Prepared { size: bytes.len() as u64, sha256, mime }, Some(js.buffer().into()))
        }
        PrepareOutput::KeepOriginal(reason) => (Reply::KeptOriginal(reason), None),
    }
}

/// The hash worker's build links no codecs: it says so, and the pool never sends it Prepare.
#[cfg(not(feature = "codecs"))]
async fn prepare(_: &Blob, _: Option<u64>, _: u8, _: bool) -> (Reply, Option<wasm_bindgen::JsValue>) {
    (Reply::Failed(JobFault::NoCodecs), None)
}

fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string().or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from)).unwrap_or_else(|| "read failed".into())
}

fn slice_buffer(blob: &Blob, start: f64, end: f64) -> Result<JsFuture, String> {
    Ok(JsFuture::from(blob.slice_with_f64_and_f64(start, end).map_err(js_err)?.array_buffer()))
}

/// Bytes `start..end` of the blob, copied into wasm memory.
pub async fn read(blob: &Blob, start: f64, end: f64) -> Result<Vec<u8>, String> {
    let buf = slice_buffer(blob, start, end)?.await.map_err(js_err)?;
    Ok(Uint8Array::new(&buf).to_vec())
}

/// Bytes per call into SHA-256 within a slice (see [`hash_stream`]).
const HASH_PIECE: usize = 1 << 20;

/// Reads kept in flight while hashing: with one, Chromium's slice reads and hashing take turns
/// more often than they overlap (BENCHMARKS.md, "Figures behind the code's constants").
pub const HASH_READS_IN_FLIGHT: usize = 2;

/// Blobs up to this size are hashed in one go by the browser's own SHA-256 (WebCrypto), which
/// runs natively, several times faster than SHA-256 in wasm (BENCHMARKS.md). It needs
/// the whole blob in memory, hence the bound: photos and chunk checksums fit, videos stream.
pub const ONE_SHOT_MAX: f64 = 64.0 * 1024.0 * 1024.0;

/// SHA-256 of a blob, lower-case hex: WebCrypto for blobs up to [`ONE_SHOT_MAX`] where the
/// page is a secure context (https, or localhost), else streaming in wasm ([`hash_stream`]),
/// keeping the file's piece CRCs on the way when it is `pieces` (a file id).
pub async fn hash(blob: &Blob, pieces: Option<u64>) -> Result<String, String> {
    if blob.size() <= ONE_SHOT_MAX {
        if let Some(hex) = hash_one_shot(blob).await {
            return Ok(hex);
        }
    }
    hash_stream(blob, pieces).await
}

/// A chunk's crc32c from the pieces its file's hash pass keeps, when the pass has been there.
/// It never waits for the pass: the upload then reads the chunk itself, as a chunk the pass is
/// still short of would otherwise hold its PATCH (and the whole upload) to the pass's pace.
fn crc_from_pieces(of: ChunkOf, len: u64) -> Option<u32> {
    match super::pieces::lookup(of.file, of.start, len) {
        Lookup::Crc(crc) => Some(crc),
        Lookup::No => None,
    }
}

/// A chunk's digest with the algorithm the server asked for (hex): SHA-256 and SHA-1 through
/// WebCrypto where it exists, else (and CRC-32C and MD5 always, which WebCrypto lacks) in wasm.
/// Even CRC-32C stays here, off the page: a 64 MiB chunk's read and copy alone would be felt.
pub async fn digest(blob: &Blob, algo: ChecksumAlgo, of: Option<ChunkOf>) -> Result<String, String> {
    use sha1::Digest as _;
    if let (ChecksumAlgo::Crc32c, Some(of)) = (algo, of) {
        if let Some(crc) = crc_from_pieces(of, blob.size() as u64) {
            return Ok(shoebox_core::hash::hex(&crc.to_be_bytes()));
        }
    }
    if algo == ChecksumAlgo::Crc32c {
        // Piece by piece: a whole 64 MiB chunk copied into the worker's memory would stay
        // there (wasm memory never shrinks) beside the browser's own copy.
        let mut crc = 0;
        stream(blob, |piece| crc = shoebox_core::crc32c::crc32c_append(crc, piece)).await?;
        return Ok(shoebox_core::hash::hex(&crc.to_be_bytes()));
    }
    if algo == ChecksumAlgo::Sha256 {
        return hash(blob, None).await;
    }
    if algo == ChecksumAlgo::Sha1 {
        if let Some(hex) = subtle_digest(blob, "SHA-1").await {
            return Ok(hex);
        }
    }
    let bytes = read(blob, 0.0, blob.size()).await?;
    Ok(match algo {
        ChecksumAlgo::Md5 => shoebox_core::hash::hex(&md5::Md5::digest(&bytes)),
        _ => shoebox_core::hash::hex(&sha1::Sha1::digest(&bytes)),
    })
}

/// `crypto.subtle.digest` over the whole blob; `None` when WebCrypto is unavailable (not a
/// secure context) or fails, so the caller streams instead.
pub async fn hash_one_shot(blob: &Blob) -> Option<String> {
    subtle_digest(blob, "SHA-256").await
}

async fn subtle_digest(blob: &Blob, name: &str) -> Option<String> {
    let crypto = js_sys::Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &"subtle".into()).ok().filter(|s| s.is_object())?;
    let digest: js_sys::Function = js_sys::Reflect::get(&subtle, &"digest".into()).ok()?.dyn_into().ok()?;
    let bytes = JsFuture::from(blob.array_buffer()).await.ok()?;
    let promise: js_sys::Promise = digest.call2(&subtle, &name.into(), &bytes).ok()?.dyn_into().ok()?;
    let out = JsFuture::from(promise).await.ok()?;
    Some(shoebox_core::hash::hex(&Uint8Array::new(&out).to_vec()))
}

/// Streaming SHA-256: the next slices' reads are already in flight (on the browser's I/O
/// threads) while the current one is hashed here, and one reusable buffer holds the bytes
/// being hashed, so memory stays at a few slices whatever the file size.
pub async fn hash_stream(blob: &Blob, pieces: Option<u64>) -> Result<String, String> {
    hash_stream_with(blob, pieces, |_| {}).await
}

/// [`hash_stream`], each piece also given to `also` (a check of the same bytes in one read).
async fn hash_stream_with(blob: &Blob, pieces: Option<u64>, mut also: impl FnMut(&[u8])) -> Result<String, String> {
    use sha2_simd::Digest as _;
    let mut h = sha2_simd::Sha256::new();
    let recorder = pieces.map(|file| Recorder::start(file, blob.size() as u64));
    stream(blob, |piece| {
        h.update(piece);
        also(piece);
        if let Some(r) = &recorder {
            r.feed(piece);
        }
    })
    .await?;
    if let Some(r) = recorder {
        r.finish();
    }
    Ok(shoebox_core::hash::hex(&h.finalize()))
}

/// Feeds the blob to `eat` in order, [`HASH_PIECE`] bytes at a time: through the stream's
/// reused buffers where the browser can (`byob`), else by slices with the next slices' reads
/// in flight while the current one is eaten.
async fn stream(blob: &Blob, mut eat: impl FnMut(&[u8])) -> Result<(), String> {
    if let Some(reader) = super::byob::reader(blob) {
        return super::byob::drain(&reader, |bytes| bytes.chunks(HASH_PIECE).for_each(&mut eat)).await.map_err(js_err);
    }
    let size = blob.size();
    let mut buf = Vec::new();
    let mut reads = std::collections::VecDeque::new();
    let mut next = 0.0;
    let mut refill = |reads: &mut std::collections::VecDeque<JsFuture>| -> Result<(), String> {
        while reads.len() < HASH_READS_IN_FLIGHT && next < size {
            let end = (next + HASH_SLICE).min(size);
            reads.push_back(slice_buffer(blob, next, end)?);
            next = end;
        }
        Ok(())
    };
    refill(&mut reads)?;
    while let Some(pending) = reads.pop_front() {
        let view = Uint8Array::new(&pending.await.map_err(js_err)?);
        refill(&mut reads)?; // keep the reads going while this slice is hashed
        buf.resize(view.length() as usize, 0);
        view.copy_to(&mut buf);
        // In pieces: each piece is a new call into the compression function, so a fresh
        // worker moves to V8's optimised code mid-slice instead of after it (no OSR in wasm).
        for piece in buf.chunks(HASH_PIECE) {
            eat(piece);
        }
    }
    Ok(())
}
