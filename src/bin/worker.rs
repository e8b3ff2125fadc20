//! Web Worker entry: hashing, inspection and photo preparation run here, off the main thread.
fn main() {
    console_error_panic_hook::set_once();
}
