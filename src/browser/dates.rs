//! This device's time zone, as the library's requests carry it.
/// This device's time zone as the library's `tz` parameter: its IANA name (the server applies
/// the zone's rules on each item's own date, summer or winter), or, where the browser names
/// none, today's UTC offset in minutes east.
pub fn zone() -> String {
    let o = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new()).resolved_options();
    match js_sys::Reflect::get(&o, &"timeZone".into()).ok().and_then(|z| z.as_string()).filter(|z| !z.is_empty()) {
        Some(z) => z,
        None => (-(js_sys::Date::new_0().get_timezone_offset() as i32)).to_string(),
    }
}
