//! The codec worker's entry (built by Trunk as `worker.js` + `worker_bg.wasm`, feature `codecs`):
//! every job, photo preparation included, off the main thread. The logic lives in the library.
fn main() {
    console_error_panic_hook::set_once();
    shoebox_worker::start(shoebox_worker::protocol::WorkerKind::Codec);
}
