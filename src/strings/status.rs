//! The status card's headline and detail for a `Status`: read by the card and by the live region.
use super as s;
use shoebox_core::engine::Status;

pub fn headline(st: &Status) -> String {
    match st {
        Status::Ready => s::status_ready().into(),
        Status::Looking { found } => s::status_looking(*found),
        Status::ReadyToBackUp { count } => s::status_ready_to_back_up(*count),
        Status::ContinueBackup { .. } => s::status_continue().into(),
        Status::BackingUp { done, total, .. } => s::status_backing_up(*done, *total),
        Status::SignInNeeded => s::status_sign_in().into(),
        Status::WaitingForConnection { .. } => s::status_offline().into(),
        Status::WaitingForWifi => s::status_wifi().into(),
        Status::WaitingToCharge => s::status_charge().into(),
        Status::BackUpOff => s::status_backup_off().into(),
        Status::StorageFull => s::status_storage_full().into(),
        Status::Paused => s::status_paused().into(),
        Status::Complete { .. } => s::status_complete().into(),
    }
}

pub fn detail(st: &Status) -> String {
    match st {
        Status::Ready => s::empty_body().into(),
        Status::ReadyToBackUp { .. } => s::plan_hint().into(),
        Status::Paused => s::paused_hint().into(),
        Status::WaitingForConnection { .. } => s::offline_hint().into(),
        Status::WaitingForWifi => s::wifi_hint().into(),
        Status::WaitingToCharge => s::charge_hint().into(),
        Status::BackUpOff => s::backup_off_hint().into(),
        Status::StorageFull => s::storage_full_hint().into(),
        Status::BackingUp { bytes_left, eta_ms, .. } => s::backing_up_detail(*bytes_left, *eta_ms),
        Status::Complete { uploaded, already, skipped, failed } => s::complete_detail(*uploaded, *already, *skipped, *failed),
        Status::ContinueBackup { remaining, archives } => s::continue_detail(*remaining, archives),
        Status::SignInNeeded => s::sign_in_hint().into(),
        _ => String::new(),
    }
}

/// The line under the Back up & sync switch; `None` where the panel shows its own words
/// (the prompt to add a folder, the request to allow access).
pub fn sync_line(l: shoebox_core::sync::line::SyncLine) -> Option<&'static str> {
    use crate::i18n::t;
    use shoebox_core::sync::line::SyncLine as L;
    Some(match l {
        L::Off => s::status_backup_off(),
        L::On => t("sync-on"),
        L::BackingUp => t("sync-busy"),
        L::WaitingForConnection => s::status_offline(),
        L::WaitingForWifi => s::status_wifi(),
        L::WaitingToCharge => s::status_charge(),
        L::AddFolder | L::AllowAccess => return None,
    })
}
