//! What Back up & sync says it is doing, in one line under its switch: off, a prompt to add a
//! folder when there is none, access to allow, backing up, held (no connection, not on Wi-Fi,
//! not charging) even while nothing is left to send, or simply on. The engine's status says
//! what the current batch does; the hold says what would stop the next one.
use crate::engine::Status;

/// A condition that holds transfers back, whether or not a batch is running.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// Offline, or the destination does not answer.
    Connection,
    /// Wi-Fi only, on a metered connection.
    Wifi,
    /// Only while charging, on battery.
    Charge,
}

/// The line under the Back up & sync switch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyncLine {
    Off,
    /// On, and no folder chosen yet: the panel prompts to add one.
    AddFolder,
    /// The browser must be asked again before the folders may be read.
    AllowAccess,
    BackingUp,
    WaitingForConnection,
    WaitingForWifi,
    WaitingToCharge,
    /// On, folders readable, nothing held: new photos are backed up as they come.
    On,
}

/// The panel's state: `folders` chosen, `needs_access` after a restart, the engine's `status`
/// and `hold`.
pub fn sync_line(on: bool, folders: usize, needs_access: bool, status: &Status, hold: Option<Hold>) -> SyncLine {
    if !on {
        return SyncLine::Off;
    }
    if folders == 0 {
        return SyncLine::AddFolder;
    }
    if needs_access {
        return SyncLine::AllowAccess;
    }
    match (status, hold) {
        (Status::WaitingForConnection { .. }, _) | (_, Some(Hold::Connection)) => SyncLine::WaitingForConnection,
        (Status::WaitingForWifi, _) | (_, Some(Hold::Wifi)) => SyncLine::WaitingForWifi,
        (Status::WaitingToCharge, _) | (_, Some(Hold::Charge)) => SyncLine::WaitingToCharge,
        (Status::BackingUp { .. } | Status::Looking { .. }, _) => SyncLine::BackingUp,
        _ => SyncLine::On,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_what_sync_is_doing() {
        let ready = Status::Ready;
        let done = Status::Complete { uploaded: 3, already: 0, skipped: 0, failed: 0 };
        assert_eq!(sync_line(false, 2, false, &ready, Some(Hold::Charge)), SyncLine::Off);
        assert_eq!(sync_line(true, 0, false, &ready, None), SyncLine::AddFolder);
        assert_eq!(sync_line(true, 1, true, &ready, None), SyncLine::AllowAccess);
        assert_eq!(sync_line(true, 1, false, &done, None), SyncLine::On);
        // Idle but held: the next scan's batch would wait, so the line says so.
        assert_eq!(sync_line(true, 1, false, &done, Some(Hold::Charge)), SyncLine::WaitingToCharge);
        assert_eq!(sync_line(true, 1, false, &ready, Some(Hold::Connection)), SyncLine::WaitingForConnection);
        assert_eq!(sync_line(true, 1, false, &ready, Some(Hold::Wifi)), SyncLine::WaitingForWifi);
        let busy = Status::BackingUp { done: 1, total: 3, bytes_left: 10, eta_ms: None };
        assert_eq!(sync_line(true, 1, false, &busy, None), SyncLine::BackingUp);
        assert_eq!(sync_line(true, 1, false, &Status::WaitingToCharge, None), SyncLine::WaitingToCharge);
    }
}
