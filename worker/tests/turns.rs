//! Browser test of the turns a long stream gives the worker's event loop (`turns.rs`): a blob
//! stream whose reads are always ready resolves them as microtasks, and without a turn between
//! reads a job posted meanwhile (a chunk's checksum, which the next PATCH waits for) could not
//! start until the whole file had been read.
//! `cargo test --target wasm32-unknown-unknown -p shoebox-worker --test turns`.
#![cfg(target_arch = "wasm32")]
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A BYOB-like reader whose every read is already settled: `reads` buffers, then done.
fn ready_reader(reads: u32) -> JsValue {
    let make = js_sys::Function::new_with_args(
        "reads",
        "let n = 0; return { read(view) { n++; if (n > reads) return Promise.resolve({ done: true }); \
         view.fill(n & 255); return Promise.resolve({ done: false, value: view }); } };",
    );
    make.call1(&JsValue::NULL, &reads.into()).unwrap()
}

#[wasm_bindgen_test]
async fn a_task_queued_during_a_stream_runs_before_the_stream_ends() {
    let fired = Rc::new(Cell::new(false));
    let f = fired.clone();
    let on_timer = Closure::once_into_js(move || f.set(true));
    web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(on_timer.unchecked_ref(), 0).unwrap();
    let (mut buffers, mut seen_during) = (0u32, false);
    shoebox_worker::byob::drain(&ready_reader(64), |bytes| {
        buffers += 1;
        assert!(bytes.iter().all(|b| *b == (buffers & 255) as u8), "buffer {buffers} holds its own bytes");
        if buffers < 64 && fired.get() {
            seen_during = true;
        }
    })
    .await
    .unwrap();
    assert_eq!(buffers, 64);
    assert!(seen_during, "the timer's task waited until the whole stream had been read");
}
