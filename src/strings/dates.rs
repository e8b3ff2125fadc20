//! Dates as the person reads them, in their language (the browser's Intl formats them). EXIF
//! capture times are wall-clock times without a zone: they are formatted as they are (through
//! UTC, so no zone shifts them); times from lastModified are instants and are shown in this
//! device's local time.
use wasm_bindgen::JsValue;

fn locale() -> String {
    crate::i18n::lang()
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &(*k).into(), &(*v).into());
    }
    o.into()
}

/// A date-only or zone-less text read as UTC (so formatting it in UTC gives it back unchanged).
fn wall_clock(s: &str) -> Option<js_sys::Date> {
    let iso = if s.len() == 10 { format!("{s}T00:00:00Z") } else { format!("{}Z", s.trim_end_matches('Z')) };
    let d = js_sys::Date::new(&iso.into());
    (!d.get_time().is_nan()).then_some(d)
}

/// "Saturday, 1 June 2024" for a YYYY-MM-DD day.
pub fn day_heading(day: &str) -> String {
    match wall_clock(day) {
        Some(d) => d
            .to_locale_date_string(
                &locale(),
                &options(&[("weekday", "long"), ("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")]),
            )
            .into(),
        None => day.to_string(),
    }
}

/// "1 Jun 2024" for a YYYY-MM-DD day (an album's date range).
pub fn day_short(day: &str) -> String {
    match wall_clock(day) {
        Some(d) => d
            .to_locale_date_string(&locale(), &options(&[("day", "numeric"), ("month", "short"), ("year", "numeric"), ("timeZone", "UTC")]))
            .into(),
        None => day.to_string(),
    }
}

/// "June 2024" for YYYY-MM; the scrubber shows the year once, then months.
pub fn month_label(ym: &str) -> String {
    match wall_clock(&format!("{ym}-01")) {
        Some(d) => d.to_locale_date_string(&locale(), &options(&[("month", "short"), ("timeZone", "UTC")])).into(),
        None => ym.to_string(),
    }
}

/// True when the text carries a zone (an instant): "...Z" or "+hh:mm".
fn is_instant(s: &str) -> bool {
    s.ends_with('Z') || s.get(19..).is_some_and(|t| t.contains('+') || t.contains('-'))
}

/// A capture or upload time in full: wall-clock as written, instants in local time.
pub fn when(s: &str) -> String {
    let full =
        [("weekday", "short"), ("day", "numeric"), ("month", "long"), ("year", "numeric"), ("hour", "2-digit"), ("minute", "2-digit")];
    if is_instant(s) {
        let d = js_sys::Date::new(&s.into());
        if d.get_time().is_nan() {
            return s.to_string();
        }
        d.to_locale_string(&locale(), &options(&full)).into()
    } else {
        match wall_clock(s) {
            Some(d) => {
                let mut o = full.to_vec();
                o.push(("timeZone", "UTC"));
                d.to_locale_string(&locale(), &options(&o)).into()
            }
            None => s.to_string(),
        }
    }
}

/// A time as the person's clock shows it ("14:05", or "3 Dec, 14:05" on another day).
pub fn local_time(ms: u64) -> String {
    let d = js_sys::Date::new(&(ms as f64).into());
    let today = js_sys::Date::new_0();
    let hm = format!("{:02}:{:02}", d.get_hours(), d.get_minutes());
    if d.to_date_string() == today.to_date_string() {
        hm
    } else {
        let day: String = d.to_locale_date_string(&locale(), &options(&[("day", "numeric"), ("month", "short")])).into();
        format!("{day}, {hm}")
    }
}
