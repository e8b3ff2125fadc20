//! The page's companions of a running backup, as a small flow fed by the engine's status: the
//! screen stays awake and leaving asks first while a backup runs, and a notification tells a
//! hidden tab that the backup finished. The driver performs the actions.
use crate::engine::Status;

/// What the driver must do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompanionAction {
    /// Hold the screen wake lock (and ask before the page is left) while `true`.
    KeepAwake(bool),
    /// The backup just finished: notify, if the tab is hidden and notifications are allowed.
    NotifyDone { uploaded: u64, already: u64, skipped: u64, failed: u64 },
}

#[derive(Clone, Debug, Default)]
pub struct Companions {
    running: bool,
    complete: bool,
    actions: std::collections::VecDeque<CompanionAction>,
}

impl Companions {
    pub fn new() -> Self {
        Companions::default()
    }

    /// A backup runs (or waits to run by itself): leaving the page asks first.
    pub fn running(&self) -> bool {
        self.running
    }

    pub fn poll_action(&mut self) -> Option<CompanionAction> {
        self.actions.pop_front()
    }

    pub fn handle_status(&mut self, _now: u64, status: &Status) {
        let running = status.can_pause();
        if running != std::mem::replace(&mut self.running, running) {
            self.actions.push_back(CompanionAction::KeepAwake(running));
        }
        let complete = matches!(status, Status::Complete { .. });
        if let (false, &Status::Complete { uploaded, already, skipped, failed }) = (std::mem::replace(&mut self.complete, complete), status)
        {
            self.actions.push_back(CompanionAction::NotifyDone { uploaded, already, skipped, failed });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(c: &mut Companions) -> Vec<CompanionAction> {
        std::iter::from_fn(|| c.poll_action()).collect()
    }

    const RUNNING: Status = Status::BackingUp { done: 1, total: 3, bytes_left: 5, eta_ms: None };

    #[test]
    fn a_running_backup_keeps_the_screen_awake_until_it_stops() {
        let mut c = Companions::new();
        c.handle_status(0, &Status::ReadyToBackUp { count: 3 });
        assert!(drain(&mut c).is_empty(), "a plan holds nothing");
        c.handle_status(10, &RUNNING);
        assert_eq!(drain(&mut c), [CompanionAction::KeepAwake(true)]);
        assert!(c.running());
        c.handle_status(20, &Status::WaitingForWifi);
        assert!(drain(&mut c).is_empty(), "waiting to run by itself still runs");
        c.handle_status(30, &Status::Paused);
        assert_eq!(drain(&mut c), [CompanionAction::KeepAwake(false)], "paused: the screen may sleep");
        assert!(!c.running());
    }

    #[test]
    fn entering_complete_notifies_once() {
        let mut c = Companions::new();
        c.handle_status(0, &RUNNING);
        drain(&mut c);
        let done = Status::Complete { uploaded: 4, already: 1, skipped: 2, failed: 0 };
        c.handle_status(10, &done);
        assert_eq!(
            drain(&mut c),
            [CompanionAction::KeepAwake(false), CompanionAction::NotifyDone { uploaded: 4, already: 1, skipped: 2, failed: 0 }]
        );
        c.handle_status(20, &Status::Complete { uploaded: 5, already: 1, skipped: 2, failed: 0 });
        assert!(drain(&mut c).is_empty(), "still complete: no second notification");
        c.handle_status(30, &RUNNING);
        c.handle_status(40, &done);
        assert_eq!(drain(&mut c).last(), Some(&CompanionAction::NotifyDone { uploaded: 4, already: 1, skipped: 2, failed: 0 }));
    }
}
