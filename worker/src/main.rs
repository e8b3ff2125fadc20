//! Web Worker entry (built by Trunk as `worker.js` + `worker_bg.wasm`): hashing, inspection and
//! photo preparation run here, off the main thread. The logic lives in the library.
fn main() {
    console_error_panic_hook::set_once();
    shoebox_worker::start();
}
