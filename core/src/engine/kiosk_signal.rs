//! What the kiosk flow hears of the engine's status: the kiosk's vocabulary stays below the
//! engine, and the engine says in its own terms what each status means for a visit.
use super::Status;
use crate::kiosk::EngineSignal;

impl From<&Status> for EngineSignal {
    fn from(status: &Status) -> Self {
        match status {
            Status::Looking { .. } | Status::BackingUp { .. } => EngineSignal::Moving,
            Status::ReadyToBackUp { .. } => EngineSignal::Planned,
            // Files already in the drop were saved too.
            Status::Complete { uploaded, already, .. } => EngineSignal::Complete { saved: uploaded + already },
            Status::SignInNeeded => EngineSignal::SignInNeeded,
            _ => EngineSignal::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_visit_hears_moving_planned_complete_and_a_refused_token() {
        let s = |st: Status| EngineSignal::from(&st);
        assert_eq!(s(Status::Looking { found: 1 }), EngineSignal::Moving);
        assert_eq!(s(Status::BackingUp { done: 0, total: 1, bytes_left: 1, eta_ms: None }), EngineSignal::Moving);
        assert_eq!(s(Status::ReadyToBackUp { count: 2 }), EngineSignal::Planned);
        assert_eq!(s(Status::Complete { uploaded: 5, already: 1, skipped: 2, failed: 0 }), EngineSignal::Complete { saved: 6 });
        assert_eq!(s(Status::SignInNeeded), EngineSignal::SignInNeeded);
        assert_eq!(s(Status::Paused), EngineSignal::Other);
    }
}
