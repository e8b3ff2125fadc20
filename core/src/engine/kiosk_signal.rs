//! What the kiosk flow hears of the engine's status: the kiosk's vocabulary stays below the
//! engine, and the engine says in its own terms what each status means for a visit.
use super::{Engine, Status};
use crate::kiosk::{EngineSignal, SavedKinds};

impl EngineSignal {
    /// The signal of `status`; a finished backup carries what it saved, by kind.
    pub fn of(status: &Status, saved: SavedKinds) -> Self {
        match status {
            Status::Looking { .. } | Status::BackingUp { .. } => EngineSignal::Moving,
            Status::ReadyToBackUp { .. } => EngineSignal::Planned,
            Status::Complete { .. } => EngineSignal::Complete { saved },
            Status::SignInNeeded => EngineSignal::SignInNeeded,
            _ => EngineSignal::Other,
        }
    }
}

impl Engine {
    /// The current batch's saved files by kind: uploaded or already there (files already in
    /// the drop were saved too).
    pub fn saved_kinds(&self) -> SavedKinds {
        self.tally.batch.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_hears_moving_planned_complete_and_a_refused_token() {
        let saved = SavedKinds { photos: 4, images: 1, videos: 1, others: 0 };
        let s = |st: Status| EngineSignal::of(&st, saved);
        assert_eq!(s(Status::Looking { found: 1 }), EngineSignal::Moving);
        assert_eq!(s(Status::BackingUp { done: 0, total: 1, bytes_left: 1, eta_ms: None }), EngineSignal::Moving);
        assert_eq!(s(Status::ReadyToBackUp { count: 2 }), EngineSignal::Planned);
        assert_eq!(s(Status::Complete { uploaded: 5, already: 1, skipped: 2, failed: 0 }), EngineSignal::Complete { saved });
        assert_eq!(s(Status::SignInNeeded), EngineSignal::SignInNeeded);
        assert_eq!(s(Status::Paused), EngineSignal::Other);
    }
}
