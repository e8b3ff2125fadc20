//! The words of devices and signing in that follow a kind or an outcome decided in core.
use crate::i18n::t;
use shoebox_core::devices::{DeviceKind, DevicesNotice};

/// The name this device asks to be signed in under ("Chromebook", "Windows PC").
pub fn device_kind(kind: DeviceKind) -> &'static str {
    t(match kind {
        DeviceKind::Chromebook => "device-chromebook",
        DeviceKind::Windows => "device-windows",
        DeviceKind::Mac => "device-mac",
        DeviceKind::Android => "device-android",
        DeviceKind::Iphone => "device-iphone",
        DeviceKind::Linux => "device-linux",
        DeviceKind::Browser => "device-browser",
    })
}

pub fn notice(n: DevicesNotice) -> &'static str {
    match n {
        DevicesNotice::SignInFailed => super::sign_in_failed(),
        DevicesNotice::SignInExpired => super::sign_in_expired(),
        DevicesNotice::SignInLinkUsed => super::sign_in_link_used(),
        DevicesNotice::TooManyCodes => super::pair_too_many(),
        DevicesNotice::Approved => super::pair_approved(),
        DevicesNotice::UnknownCode => super::pair_unknown(),
    }
}
