//! A tiny async semaphore for the page's single thread: bounds how many of one kind of
//! browser call are outstanding at once.
//!
//! Why: in Chromium each `FileSystemFileEntry.file()` answer costs the main thread real work
//! (a File snapshot and a blob registration), and answers that arrive together are handled in
//! one task, so hundreds in flight make long tasks (traces: BENCHMARKS.md, "Figures behind the
//! code's constants"). A handful at a time keeps tasks short and costs little throughput,
//! since the browser process serves them one by one anyway.
use futures::channel::oneshot;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

#[derive(Clone)]
pub struct Limiter(Rc<RefCell<State>>);

struct State {
    free: usize,
    waiting: VecDeque<oneshot::Sender<()>>,
}

/// Held while a call runs; dropping it lets the next one start.
pub struct Permit(Rc<RefCell<State>>);

impl Limiter {
    pub fn new(n: usize) -> Self {
        Limiter(Rc::new(RefCell::new(State { free: n.max(1), waiting: VecDeque::new() })))
    }

    pub async fn acquire(&self) -> Permit {
        let rx = {
            let mut s = self.0.borrow_mut();
            if s.free > 0 {
                s.free -= 1;
                return Permit(self.0.clone());
            }
            let (tx, rx) = oneshot::channel();
            s.waiting.push_back(tx);
            rx
        };
        // The permit is handed over directly by the one released (see Drop).
        let _ = rx.await;
        Permit(self.0.clone())
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        let mut s = self.0.borrow_mut();
        // Hand the slot to the first waiter still listening; else give it back.
        while let Some(tx) = s.waiting.pop_front() {
            if tx.send(()).is_ok() {
                return;
            }
        }
        s.free += 1;
    }
}
