//! Where each of the UI's intents goes: files to the intake (or, on a kiosk, held until the
//! visit's session exists), Back up & sync's to its flow, the rest to the engine.
use leptos::prelude::*;
use shoebox_core::engine::FileId;

use super::{devices, engine_settings, intake, kiosk, sync, with};
use crate::browser::{clock, notify};
pub use crate::intent::Intent;

/// Send a user intent to the engine (or, for files, to the intake that walks them in).
pub fn intent(i: Intent) {
    let policy = kiosk::policy();
    let in_kiosk = policy.files_go_to_visit();
    let engine_intent = match i {
        Intent::AddEntries(entries) if in_kiosk => return kiosk::choose(kiosk::Held::Entries(entries)),
        Intent::AddFiles(list) if in_kiosk => return kiosk::choose(kiosk::Held::Files(list)),
        // What only a person's own page has (remembered and backup folders): never on a
        // kiosk, whose chosen files must all go through the visit.
        Intent::PickFolder | Intent::PickFiles | Intent::ContinueRemembered | Intent::AddBackupFolder if in_kiosk => return,
        Intent::KioskFinish => return kiosk::finish(),
        Intent::KioskBegin => return kiosk::begin(),
        Intent::KioskOwnAccount => return kiosk::begin_own(),
        i @ (Intent::SignIn | Intent::LookUpCode(_) | Intent::Approve(_) | Intent::DeclineApproval | Intent::RevokeDevice(_)) => {
            return devices::intent(i)
        }
        Intent::KioskKeepUploads(keep) => return kiosk::set_keep_uploads(keep),
        Intent::ChooseLanguage(lang) => return super::language::choose(lang),
        Intent::AddEntries(entries) => {
            super::library::show_backup();
            return intake::add_entries(entries);
        }
        Intent::AddFiles(list) => {
            super::library::show_backup();
            return intake::add_file_list(list);
        }
        Intent::PickFolder => return intake::pick_folder(),
        Intent::PickFiles => {
            // As for an input's files; here, before the picker answers: the intake does not
            // reach the library (no import cycle between them).
            super::library::show_backup();
            return intake::pick_files();
        }
        Intent::ContinueRemembered => return intake::continue_remembered(),
        Intent::AddBackupFolder => return wasm_bindgen_futures::spawn_local(sync::add_folder()),
        Intent::RemoveBackupFolder(name) => return sync::feed(|f, now| f.handle_removed(now, name)),
        Intent::AllowFolderAccess => return sync::feed(|f, now| f.handle_allow(now)),
        other => other,
    };
    with(|d| {
        let now = clock::now_ms();
        let id = |n: u32| FileId(n as u64);
        match engine_intent {
            Intent::Start => {
                d.engine.start(now);
                notify::ask_permission();
            }
            Intent::PauseAll => d.engine.pause_all(now),
            Intent::ResumeAll => d.engine.resume_all(now),
            Intent::PauseFile(n) => d.engine.pause_file(id(n), now),
            Intent::ResumeFile(n) => d.engine.resume_file(id(n), now),
            Intent::CancelFile(n) => d.engine.cancel_file(id(n), now),
            Intent::RetryFile(n) => d.engine.retry_file(id(n), now),
            Intent::RetryFailed => d.engine.retry_failed(now),
            Intent::SetFolderIncluded(folder, included) => d.engine.set_folder_included(&folder, included, now),
            Intent::UpdateSettings(s) => {
                let applied = d.use_settings(s, policy.saves_settings());
                if !applied {
                    return; // a fresh page is on its way
                }
            }
            Intent::SetSync(on) => {
                let mut s = d.store.settings.get_untracked();
                s.sync = on;
                if policy.saves_settings() {
                    crate::settings::save(&s);
                }
                d.w.settings.set(s);
                d.pump();
                return sync::feed_in(d, |f, now| f.handle_switch(now, on));
            }
            _ => {}
        }
        d.pump();
    });
}

impl super::Inner {
    /// New settings for this page (saved first when `save`). Another account in use gets a
    /// fresh page instead (the engine's rule; only once saved, or the reload would lose them):
    /// false then, and nothing else is done here.
    pub(super) fn use_settings(&mut self, s: crate::settings::Settings, save: bool) -> bool {
        if save {
            crate::settings::save(&s);
        }
        let es = engine_settings(&s, &self.origin);
        if save && self.engine.needs_fresh_page_for(&es) {
            super::fresh_page();
            return false;
        }
        self.w.settings.set(s);
        self.engine.set_settings(es, clock::now_ms());
        sync::on_settings_changed(self);
        true
    }
}
