//! Turns a StatusView into the status card's headline and detail, in the strings module's words.
use crate::store::StatusView;
use crate::strings as s;

pub fn headline(st: &StatusView) -> String {
    match st {
        StatusView::Ready => s::STATUS_READY.into(),
        StatusView::Looking { found } => s::status_looking(*found),
        StatusView::ReadyToBackUp { count } => s::status_ready_to_back_up(*count),
        StatusView::ContinueBackup { .. } => s::STATUS_CONTINUE.into(),
        StatusView::BackingUp { done, total, .. } => s::status_backing_up(*done, *total),
        StatusView::SignInNeeded => s::STATUS_SIGN_IN.into(),
        StatusView::WaitingForConnection { .. } => s::STATUS_OFFLINE.into(),
        StatusView::WaitingForWifi => s::STATUS_WIFI.into(),
        StatusView::WaitingToCharge => s::STATUS_CHARGE.into(),
        StatusView::BackUpOff => s::STATUS_BACKUP_OFF.into(),
        StatusView::StorageFull => s::STATUS_STORAGE_FULL.into(),
        StatusView::Paused => s::STATUS_PAUSED.into(),
        StatusView::Complete { .. } => s::STATUS_COMPLETE.into(),
    }
}

pub fn detail(st: &StatusView) -> String {
    match st {
        StatusView::Ready => s::EMPTY_BODY.into(),
        StatusView::ReadyToBackUp { .. } => s::PLAN_HINT.into(),
        StatusView::Paused => s::PAUSED_HINT.into(),
        StatusView::WaitingForConnection { .. } => s::OFFLINE_HINT.into(),
        StatusView::WaitingForWifi => s::WIFI_HINT.into(),
        StatusView::WaitingToCharge => s::CHARGE_HINT.into(),
        StatusView::BackUpOff => s::BACKUP_OFF_HINT.into(),
        StatusView::StorageFull => s::STORAGE_FULL_HINT.into(),
        StatusView::BackingUp { bytes_left, eta_ms, .. } => s::backing_up_detail(*bytes_left, *eta_ms),
        StatusView::Complete { uploaded, already, skipped, failed } => s::complete_detail(*uploaded, *already, *skipped, *failed),
        StatusView::ContinueBackup { remaining } => s::continue_detail(*remaining),
        StatusView::SignInNeeded => s::SIGN_IN_HINT.into(),
        _ => String::new(),
    }
}
