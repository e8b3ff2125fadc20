//! The read-back of an upload (`readback`) on threads of its own that outlive the PATCH whose
//! bytes they read: once a PATCH's bytes are fsync'd, a thread starts reading them back from
//! the device, after the thread of the PATCH before it has finished, while the PATCH is already
//! answered. So reading back and hashing fill the time the client takes to send the next PATCH
//! instead of holding the answer of this one, and a PATCH never waits for a read-back to stop.
//! Completion waits for the whole chain, so the file's SHA-256 is still that of what the disk
//! holds, every byte read back after its fsync.
use super::readback::{Piece, Progress};
use crate::store::ReadBack;
use std::thread::JoinHandle;

/// An upload's read-back so far: the progress, or the thread that yields it once it has read
/// back every piece it was given. None means a read failed, and completion then reads the
/// whole file back instead.
pub struct ReadBehind {
    state: State,
    /// The end of the bytes accounted for, read back or being read.
    end: u64,
}

enum State {
    Done(Option<Progress>),
    Running(JoinHandle<Option<Progress>>),
}

impl State {
    fn join(self) -> Option<Progress> {
        match self {
            State::Done(p) => p,
            State::Running(t) => t.join().ok()?,
        }
    }
}

impl ReadBehind {
    /// The read-back of an upload that holds no bytes yet.
    pub fn fresh() -> Self {
        ReadBehind { state: State::Done(Some(Progress::default())), end: 0 }
    }

    /// The end of the bytes accounted for: what the next PATCH must start at to extend this.
    pub fn end(&self) -> u64 {
        self.end
    }

    /// Adds pieces that are durable now; a new thread reads them back with `rb` once the
    /// running one is done. Never blocks the caller.
    pub fn then(self, pieces: Vec<Piece>, rb: Box<dyn ReadBack>) -> Self {
        let end = pieces.last().map_or(self.end, Piece::end);
        if pieces.is_empty() {
            return ReadBehind { end, ..self };
        }
        let before = self.state;
        let spawned = std::thread::Builder::new().name("shoebox-readback".into()).spawn(move || {
            let mut rb = rb;
            let mut progress = before.join()?;
            progress.extend(pieces);
            progress.catch_up(&mut *rb).ok()?;
            Some(progress)
        });
        // Without a thread the chain breaks, and completion reads everything back.
        ReadBehind { state: spawned.map_or(State::Done(None), State::Running), end }
    }

    /// Waits until every piece is read back (a blocking call: completion's).
    pub fn wait(self) -> Option<Progress> {
        self.state.join()
    }
}
