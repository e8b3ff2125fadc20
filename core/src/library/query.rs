//! The filters as the query the server reads (docs/api.md "Library"): shared by the summary and
//! the pages, so the counts and the items always agree. The viewer's time zone goes with every
//! query (`tz=`, an IANA name such as `America/Los_Angeles`, or minutes east of UTC when the
//! browser names none): the server groups each item by its own date's local day in it.
use super::view::{Filters, Kind};
use crate::api::encode_component as enc;

/// The query for `filters` in `zone`; `trash`: the Trash's items instead of the library's.
pub fn filter_query(f: &Filters, zone: &str, trash: bool) -> String {
    let mut q = vec![format!("tz={}", enc(zone))];
    if !f.q.trim().is_empty() {
        q.push(format!("q={}", enc(f.q.trim())));
    }
    if let Some(a) = &f.album {
        q.push(format!("album={}", enc(a)));
    }
    if !f.from.is_empty() {
        q.push(format!("from={}", enc(&f.from)));
    }
    if !f.to.is_empty() {
        q.push(format!("to={}", enc(&f.to)));
    }
    match f.kind {
        Kind::All => {}
        Kind::Photos => q.push("kind=photo".into()),
        Kind::Videos => q.push("kind=video".into()),
        Kind::Downsized => q.push("quality=downsized".into()),
        Kind::Originals => q.push("quality=original".into()),
    }
    if trash {
        q.push("trash=true".into());
    }
    q.join("&")
}
