//! The page's companions of a running backup, performed: the leave-page prompt and the screen
//! wake lock while it runs, a notification when it finishes in a hidden tab. When is the
//! `Companions` flow's rule (core); this only calls the browser.
use shoebox_core::companions::CompanionAction;
use shoebox_core::engine::Status;

use super::{with, Inner};
use crate::browser::{clock, notify, wake_lock};
use crate::strings as s;

/// Ask before the page is left while a backup runs.
pub(super) fn install() {
    wake_lock::guard_leaving(|| with(|d| d.companions.running()).unwrap_or(false), s::leave_warning());
}

/// The engine's status changed.
pub(super) fn on_status(d: &mut Inner, status: &Status) {
    d.companions.handle_status(clock::now_ms(), status);
    while let Some(action) = d.companions.poll_action() {
        match action {
            CompanionAction::KeepAwake(on) => wake_lock::keep_awake(on),
            CompanionAction::NotifyDone { uploaded, already, skipped, failed } => {
                notify::notify_if_hidden(s::done_notification(), &s::complete_detail(uploaded, already, skipped, failed))
            }
        }
    }
}
