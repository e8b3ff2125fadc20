//! The viewer's details: name, folder, album, when it was taken, size, pixels, camera, place,
//! and whether it is the downsized copy (then the original was not uploaded).
use leptos::prelude::*;
use shoebox_core::api::MediaItem;
use shoebox_core::decimal::fixed;

use crate::strings::dates;
use crate::strings::{self, library as s};

#[component]
pub fn Details(item: MediaItem) -> impl IntoView {
    let folder = item.relative_path.as_deref().and_then(|p| p.rsplit_once('/')).map(|(d, _)| d.to_string());
    let row = |k: &'static str, v: Option<String>| {
        v.map(|v| view! { <div class="detail"><dt>{k}</dt><dd data-testid=format!("detail-{}", k.to_lowercase())>{v}</dd></div> })
    };
    // As the photo is seen: orientations 5 to 8 turn it a quarter.
    let upright = |(w, h): (u32, u32)| if matches!(item.orientation, Some(5..=8)) { (h, w) } else { (w, h) };
    let pixels = item.width.zip(item.height).map(upright).map(|(w, h)| {
        let mp = w as f64 * h as f64 / 1e6;
        if mp >= 0.1 {
            format!("{w} × {h} ({} MP)", fixed(mp, 1))
        } else {
            format!("{w} × {h}")
        }
    });
    let place = item.lat.zip(item.lon).map(|(a, o)| format!("{}, {}", fixed(a, 5), fixed(o, 5)));
    let taken = item.captured_at.as_deref().map(dates::when);
    let quality = Some(if item.downsized { s::q_downsized() } else { s::q_original() }.to_string());
    view! {
        <aside class="viewer-details" aria-label=s::details() data-testid="viewer-details">
            <h3>{item.filename.clone().unwrap_or_else(|| item.sha256.clone())}</h3>
            <dl>
                {row(s::d_folder(), folder)}
                {row(s::d_album(), item.album.clone())}
                {row(s::d_taken(), taken)}
                {row(s::d_size(), Some(strings::bytes(item.size)))}
                {row(s::d_pixels(), pixels)}
                {row(s::d_camera(), item.camera.clone())}
                {row(s::d_place(), place)}
                {row(s::d_quality(), quality)}
            </dl>
            {item.downsized.then(|| view! { <p class="notice" data-testid="downsized-note">{s::downsized_note()}</p> })}
            {item.trashed_at.is_some().then(|| view! { <p class="muted">{s::trashed()}</p> })}
        </aside>
    }
}
