//! The hash worker's entry (built by Trunk without default features as `hashworker.js` +
//! `hashworker_bg.wasm`): hashing, digests, inspection, thumbnails and inflating, with no photo
//! codecs linked, so that what a page loads after its first paint stays small.
fn main() {
    console_error_panic_hook::set_once();
    shoebox_worker::start(shoebox_worker::protocol::WorkerKind::Hash);
}
