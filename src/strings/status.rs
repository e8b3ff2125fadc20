//! The status card's headline and detail for a `Status`: read by the card and by the live region.
use super as s;
use shoebox_core::engine::Status;

pub fn headline(st: &Status) -> String {
    match st {
        Status::Ready => s::STATUS_READY.into(),
        Status::Looking { found } => s::status_looking(*found),
        Status::ReadyToBackUp { count } => s::status_ready_to_back_up(*count),
        Status::ContinueBackup { .. } => s::STATUS_CONTINUE.into(),
        Status::BackingUp { done, total, .. } => s::status_backing_up(*done, *total),
        Status::SignInNeeded => s::STATUS_SIGN_IN.into(),
        Status::WaitingForConnection { .. } => s::STATUS_OFFLINE.into(),
        Status::WaitingForWifi => s::STATUS_WIFI.into(),
        Status::WaitingToCharge => s::STATUS_CHARGE.into(),
        Status::BackUpOff => s::STATUS_BACKUP_OFF.into(),
        Status::StorageFull => s::STATUS_STORAGE_FULL.into(),
        Status::Paused => s::STATUS_PAUSED.into(),
        Status::Complete { .. } => s::STATUS_COMPLETE.into(),
    }
}

pub fn detail(st: &Status) -> String {
    match st {
        Status::Ready => s::EMPTY_BODY.into(),
        Status::ReadyToBackUp { .. } => s::PLAN_HINT.into(),
        Status::Paused => s::PAUSED_HINT.into(),
        Status::WaitingForConnection { .. } => s::OFFLINE_HINT.into(),
        Status::WaitingForWifi => s::WIFI_HINT.into(),
        Status::WaitingToCharge => s::CHARGE_HINT.into(),
        Status::BackUpOff => s::BACKUP_OFF_HINT.into(),
        Status::StorageFull => s::STORAGE_FULL_HINT.into(),
        Status::BackingUp { bytes_left, eta_ms, .. } => s::backing_up_detail(*bytes_left, *eta_ms),
        Status::Complete { uploaded, already, skipped, failed } => s::complete_detail(*uploaded, *already, *skipped, *failed),
        Status::ContinueBackup { remaining } => s::continue_detail(*remaining),
        Status::SignInNeeded => s::SIGN_IN_HINT.into(),
        _ => String::new(),
    }
}
