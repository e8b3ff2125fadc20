//! The photo/hash Web Worker: the job handlers and the worker's entry point. The message
//! protocol (`shoebox_core::worker_protocol`) is shared with the app's pool
//! (`shoebox::browser::worker_pool`). A crate of its own so that only the worker links the
//! photo codecs (shoebox-core feature `prepare`, through this crate's feature `codecs`) and the
//! app's own wasm stays small; built without `codecs` it is the light hash worker, which answers
//! Prepare with `JobFault::NoCodecs` (`protocol::WorkerKind` says which jobs each kind runs).
//!
//! Envelope (structured clone, no JSON for bytes): main → worker `[id, jobJson, blob]`;
//! worker → main `[id, replyJson, arrayBuffer|blob|undefined]`, a buffer transferred. Id 0 is
//! the worker's `Ready` announcement, sent once its message handler is installed (messages sent
//! before that would be lost while the wasm module loads).
pub mod byob;
pub mod handler;
pub mod inflate;
pub mod pieces;
pub mod thumbnail;
pub mod turns;
pub mod warm;
pub use shoebox_core::worker_protocol as protocol;

use protocol::{Job, Reply};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

/// Install the message handler, warm up, and announce readiness, as a worker of `kind` (a hash
/// worker refuses the jobs only a codec worker runs, even where the codecs are linked). Called
/// by the Trunk builds' entries (`src/main.rs`, `src/bin/hashworker.rs`) or by
/// [`shoebox_worker_main`] when a worker runs the page's own module.
pub fn start(kind: protocol::WorkerKind) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let msg: js_sys::Array = ev.data().unchecked_into();
        let id = msg.get(0).as_f64().unwrap_or(-1.0);
        let job = msg.get(1).as_string().and_then(|j| serde_json::from_str::<Job>(&j).ok());
        let blob: Blob = msg.get(2).unchecked_into();
        wasm_bindgen_futures::spawn_local(async move {
            let (reply, buf) = match job {
                Some(job) if !kind.runs(&job) => (Reply::Failed(protocol::JobFault::NoCodecs), None),
                Some(job) => handler::run(job, &blob).await,
                None => (Reply::Failed(protocol::JobFault::MalformedJob), None),
            };
            post(id, &reply, buf);
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    warm::warm_up();
    post(0.0, &Reply::Ready, None);
}

fn post(id: f64, reply: &Reply, buf: Option<JsValue>) {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let json = serde_json::to_string(reply).unwrap_or_default();
    let msg = js_sys::Array::of3(&id.into(), &json.into(), &buf.clone().unwrap_or(JsValue::UNDEFINED));
    // An ArrayBuffer is transferred (not copied); a Blob is a handle, cloned as it is.
    let sent = match buf.filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>()) {
        Some(b) => scope.post_message_with_transfer(&msg, &js_sys::Array::of1(&b)),
        None => scope.post_message(&msg),
    };
    if let Err(e) = sent {
        web_sys::console::error_2(&"worker: postMessage failed".into(), &e);
    }
}

/// Entry point when a worker imports the page's own wasm-bindgen module (tests, or an app that
/// prefers one module): `import(url).then(m => m.default()).then(... m.shoeboxWorkerMain(codecs))`,
/// `codecs` saying whether it is to be a codec worker or a hash worker.
#[wasm_bindgen(js_name = shoeboxWorkerMain)]
pub fn shoebox_worker_main(codecs: bool) {
    console_error_panic_hook::set_once();
    start(if codecs { protocol::WorkerKind::Codec } else { protocol::WorkerKind::Hash });
}
