//! The library's moves to the Trash and back: the selection's or the viewer's item sent there
//! (with an "Undo" that restores exactly those for a few seconds), the Trash's own header
//! ("Restore all", "Empty trash"), the days a trashed item has left, and the notes these leave,
//! which go by themselves once they have been on screen long enough to read.
use super::flow::{LibraryAction, LibraryCall, LibraryFlow};
use super::view::LibraryNote;
use crate::api::{self, ApiAnswer, ApiCall, Bearer, EmptyTrashResponse, RestoreResponse, TrashRequest, TrashResponse};

/// How long a move to the Trash can be undone.
pub const UNDO_MS: u64 = 8_000;
/// How long a note stays on screen.
pub const NOTE_MS: u64 = 8_000;
const DAY_MS: u64 = 86_400_000;

/// Whole days before the purge deletes an item trashed at `trashed_at` (RFC 3339), counting a
/// started day as a day left; 0 once due.
pub fn days_left(trashed_at: &str, trash_days: u32, now_ms: u64) -> Option<u32> {
    let due = api::kiosk::instant_ms(trashed_at)? + trash_days as u64 * DAY_MS;
    Some(due.saturating_sub(now_ms).div_ceil(DAY_MS) as u32)
}

impl LibraryFlow {
    /// Move the selection to the Trash (`trash`) or restore it from there.
    pub fn handle_send_selected(&mut self, now: u64, trash: bool) {
        let ids = self.selected.clone();
        self.send(now, trash, ids);
    }

    /// Move the viewer's item to the Trash; the viewer shows the next item (the previous one
    /// when it was the last), or closes when it was the only one.
    pub fn handle_trash_shown(&mut self, now: u64) {
        if let Some(id) = self.viewer.as_ref().and_then(|v| v.item.as_ref()).map(|i| i.id.clone()) {
            self.send(now, true, vec![id]);
        }
    }

    /// "Undo": the last move to the Trash comes back, while it still may.
    pub fn handle_undo(&mut self, now: u64) {
        self.trash.now = now;
        if let Some((ids, until)) = self.trash.undo.take() {
            if now < until {
                self.send(now, false, ids);
            }
        }
    }

    /// The Trash's header: every trashed item back.
    pub fn handle_restore_all(&mut self, now: u64) {
        self.trash.now = now;
        let call = ApiCall::post::<()>(api::RESTORE_ALL_PATH, Bearer::Device, None);
        self.actions.push_back(LibraryAction::Call(LibraryCall::RestoreAll, call));
    }

    /// The Trash's header, once confirmed: every trashed item deleted for good now.
    pub fn handle_empty_trash(&mut self, now: u64) {
        self.trash.now = now;
        let call = ApiCall::post::<()>(api::EMPTY_TRASH_PATH, Bearer::Device, None);
        self.actions.push_back(LibraryAction::Call(LibraryCall::EmptyTrash, call));
    }

    /// The note and the Undo leave when their time is up.
    pub fn handle_timeout(&mut self, now: u64) {
        self.trash.now = now;
        if self.trash.undo.as_ref().is_some_and(|u| now >= u.1) {
            self.trash.undo = None;
        }
        if self.trash.note_until.is_some_and(|t| now >= t) {
            self.trash.note_until = None;
            self.note = None;
        }
    }

    /// When `handle_timeout` must be called: a note or an Undo leaves.
    pub fn poll_timeout(&self) -> Option<u64> {
        [self.trash.note_until, self.trash.undo.as_ref().map(|u| u.1)].into_iter().flatten().min()
    }

    /// Whether "Undo" shows beside the note.
    pub fn can_undo(&self) -> bool {
        self.trash.undo.is_some()
    }

    /// How many days the Trash keeps an item (the server's figure).
    pub fn trash_days(&self) -> Option<u32> {
        self.trash.days
    }

    pub(super) fn show_note(&mut self, note: LibraryNote, now: u64) {
        self.note = Some(note);
        self.trash.note_until = Some(now + NOTE_MS);
    }

    /// A route change takes the note and the Undo with it.
    pub(super) fn forget_note(&mut self) {
        self.note = None;
        self.trash.note_until = None;
        self.trash.undo = None;
    }

    /// The answer to a move to the Trash or back, to Restore all or to Empty trash.
    pub(super) fn on_trash_answer(&mut self, now: u64, call: LibraryCall, answer: ApiAnswer) {
        self.trash.now = now;
        let sent = std::mem::take(&mut self.trash.sending);
        let live = matches!(&answer, Ok(r) if r.code() == Some(crate::api::ApiErrorCode::AlbumLiveVisit));
        let ok = match answer {
            Ok(r) if r.is_success() => Some(r),
            _ => None,
        };
        let note = ok.and_then(|r| match call {
            LibraryCall::Trash => r.json::<TrashResponse>().map(|t| LibraryNote::Trashed(t.trashed)),
            LibraryCall::Restore | LibraryCall::RestoreAll => r.json::<RestoreResponse>().map(|t| LibraryNote::Restored(t.restored)),
            LibraryCall::EmptyTrash => r.json::<EmptyTrashResponse>().map(|t| LibraryNote::Emptied(t.deleted)),
            _ => None,
        });
        let Some(note) = note else {
            // A live kiosk visit's photos stay until it ends: said so, not "could not be done".
            self.show_note(if live { LibraryNote::AlbumLiveVisit } else { LibraryNote::ActionFailed }, now);
            return;
        };
        self.trash.undo = match (call, note) {
            (LibraryCall::Trash, LibraryNote::Trashed(n)) if n > 0 => Some((sent, now + UNDO_MS)),
            _ => None,
        };
        self.selected.clear();
        if call == LibraryCall::Trash {
            self.after_viewer_trash();
        }
        self.show_note(note, now);
        self.reload();
    }

    /// The viewer's item went to the Trash: the item after it takes its place (the timeline
    /// counts again, so the viewer waits for its page), the one before when it was the last.
    fn after_viewer_trash(&mut self) {
        if let Some(v) = self.viewer.as_mut() {
            if !v.has_next && v.index == 0 {
                self.viewer = None;
            } else {
                if !v.has_next {
                    v.index -= 1;
                }
                v.item = None;
            }
        }
    }

    fn send(&mut self, now: u64, trash: bool, ids: Vec<String>) {
        self.trash.now = now;
        if ids.is_empty() {
            return;
        }
        let (which, path) = if trash { (LibraryCall::Trash, api::TRASH_PATH) } else { (LibraryCall::Restore, api::RESTORE_PATH) };
        let call = ApiCall::post(path, Bearer::Device, Some(&TrashRequest { ids: ids.clone() }));
        if trash {
            self.trash.sending = ids;
        }
        self.actions.push_back(LibraryAction::Call(which, call));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_left_count_a_started_day_and_stop_at_zero() {
        let at = "2026-12-01T00:00:00Z";
        let t0 = api::kiosk::instant_ms(at).unwrap();
        assert_eq!(days_left(at, 30, t0), Some(30));
        assert_eq!(days_left(at, 30, t0 + 1), Some(30), "a started day is a day left");
        assert_eq!(days_left(at, 30, t0 + DAY_MS), Some(29));
        assert_eq!(days_left(at, 30, t0 + 29 * DAY_MS + 1), Some(1));
        assert_eq!(days_left(at, 30, t0 + 31 * DAY_MS), Some(0));
        assert_eq!(days_left("yesterday", 30, t0), None);
    }
}
