//! The words of devices and signing in that follow a kind or an outcome decided in core.
use shoebox_core::devices::{DeviceKind, DevicesNotice};

/// The name this device asks to be signed in under ("Chromebook", "Windows PC").
pub fn device_kind(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Chromebook => "Chromebook",
        DeviceKind::Windows => "Windows PC",
        DeviceKind::Mac => "Mac",
        DeviceKind::Android => "Android phone",
        DeviceKind::Iphone => "iPhone or iPad",
        DeviceKind::Linux => "Linux computer",
        DeviceKind::Browser => "A browser",
    }
}

pub fn notice(n: DevicesNotice) -> &'static str {
    match n {
        DevicesNotice::SignInFailed => super::SIGN_IN_FAILED,
        DevicesNotice::SignInExpired => super::SIGN_IN_EXPIRED,
        DevicesNotice::SignInLinkUsed => super::SIGN_IN_LINK_USED,
        DevicesNotice::TooManyCodes => super::PAIR_TOO_MANY,
        DevicesNotice::Approved => super::PAIR_APPROVED,
        DevicesNotice::UnknownCode => super::PAIR_UNKNOWN,
    }
}
