//! Giving the worker's event loop a turn during a long read. A blob stream's reads resolve as
//! microtasks when their bytes are ready, so a loop that awaits one read after another never
//! returns to the event loop: a chunk's checksum job posted meanwhile (which the uploader waits
//! for before its next PATCH) would not even start until the whole file had been hashed.
use js_sys::{Function, Promise};
use std::cell::RefCell;
use std::collections::VecDeque;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageChannel, MessagePort};

struct Channel {
    port: MessagePort,
    waiting: std::rc::Rc<RefCell<VecDeque<Function>>>,
    _on_message: Closure<dyn FnMut()>,
}

thread_local! {
    static CHANNEL: RefCell<Option<Channel>> = const { RefCell::new(None) };
}

fn channel() -> Option<(MessagePort, std::rc::Rc<RefCell<VecDeque<Function>>>)> {
    CHANNEL.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            let ch = MessageChannel::new().ok()?;
            let waiting: std::rc::Rc<RefCell<VecDeque<Function>>> = Default::default();
            let w = waiting.clone();
            let on_message = Closure::<dyn FnMut()>::new(move || {
                let next = w.borrow_mut().pop_front();
                if let Some(resolve) = next {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            });
            ch.port1().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            *c = Some(Channel { port: ch.port2(), waiting, _on_message: on_message });
        }
        c.as_ref().map(|c| (c.port.clone(), c.waiting.clone()))
    })
}

/// Resolves in a new task: everything already queued on the worker's event loop (a posted
/// job) runs first. A message to itself rather than a timer: nested timers are clamped to
/// 4 ms, which over a large file's hundreds of reads would add seconds.
pub async fn next_task() {
    let Some((port, waiting)) = channel() else { return };
    let promise = Promise::new(&mut |resolve, _| {
        waiting.borrow_mut().push_back(resolve);
        if port.post_message(&JsValue::NULL).is_err() {
            if let Some(r) = waiting.borrow_mut().pop_back() {
                let _ = r.call0(&JsValue::UNDEFINED);
            }
        }
    });
    let _ = JsFuture::from(promise).await;
}
