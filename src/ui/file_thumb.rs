//! A file row's small thumbnail, made by the browser from the local file itself (nothing is
//! fetched): only for formats browsers decode, and hidden if this one cannot. Object URLs are
//! kept for the last rows shown, so a row drawn again as its progress moves does not decode
//! its photo again; the oldest is revoked when more are needed.
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;

/// Object URLs kept: a little more than the rows in view.
const KEPT: usize = 48;

/// A row's photo is decoded only once the row has stayed this long: with small photos the rows
/// pass by faster than they can be read, and decoding each one (an object URL on the page's
/// thread, the image on the renderer's) took cores the backup needed.
const SHOWN_FOR_MS: u32 = 400;

thread_local! {
    static URLS: RefCell<VecDeque<(u32, String)>> = const { RefCell::new(VecDeque::new()) };
}

/// Whether browsers decode this kind of file as an image (by its name: the row has no more).
fn decodable(path: &str) -> bool {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    matches!(ext.as_str(), "jpg" | "jpeg" | "png" | "gif" | "webp" | "avif" | "bmp")
}

fn kept(id: u32) -> Option<String> {
    URLS.with(|u| u.borrow().iter().find(|(i, _)| *i == id).map(|(_, url)| url.clone()))
}

fn keep(id: u32, url: String) {
    URLS.with(|u| {
        let mut u = u.borrow_mut();
        u.push_back((id, url));
        while u.len() > KEPT {
            if let Some((_, old)) = u.pop_front() {
                let _ = web_sys::Url::revoke_object_url(&old);
            }
        }
    });
}

#[component]
pub fn FileThumb(id: u32, path: String) -> impl IntoView {
    let url = RwSignal::new(kept(id));
    let broken = RwSignal::new(false);
    if decodable(&path) && url.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            crate::browser::clock::sleep_ms(SHOWN_FOR_MS).await;
            // The row is gone (its signal disposed): nothing to draw.
            if url.try_get_untracked().is_none() {
                return;
            }
            let Some(file) = crate::driver::local_file(id).await else { return };
            if let Ok(u) = web_sys::Url::create_object_url_with_blob(&file) {
                keep(id, u.clone());
                // The row may be gone by now; its signal is then disposed and this is a no-op.
                let _ = url.try_set(Some(u));
            }
        });
    }
    view! {
        <span class="file-thumb" aria-hidden="true">
            {move || url.get().filter(|_| !broken.get()).map(|u| view! {
                <img src=u alt="" loading="lazy" decoding="async" data-testid="file-thumb" on:error=move |_| broken.set(true)/>
            })}
        </span>
    }
}
