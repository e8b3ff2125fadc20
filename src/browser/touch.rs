//! Whether this page runs on a phone: a touch screen whose narrow side is phone-sized. A phone's
//! browser offers no folder picker worth the name, so its first action is choosing photos.
/// Narrower than this (CSS pixels) on a touch screen: a phone, not a tablet or a kiosk.
const PHONE_WIDTH: f64 = 768.0;

pub fn phone() -> bool {
    let Some(w) = web_sys::window() else { return false };
    let width = w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(f64::MAX);
    let height = w.inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(f64::MAX);
    w.navigator().max_touch_points() > 0 && width.min(height) < PHONE_WIDTH
}
