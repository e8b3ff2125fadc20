//! The viewer: the photo full-bleed, fit to the window (a double click or Z zooms to full size),
//! videos played, arrows at the screen's edges (and the arrow keys, swipes) for previous/next,
//! Escape to close; an icon bar with Download original (the exact bytes), the details (also
//! `i`) and Move to Trash, each named for screen readers. After a delete the next item shows.
//! A photo that moves plays its clip, muted and once, on a press of Play motion.
use leptos::prelude::*;

use super::selection_bar::ConfirmTrash;
use super::viewer_details::Details;
use crate::driver::library::{intent, LibraryIntent};
use crate::library_store::{use_library, Route};
use crate::strings::library as s;

#[component]
pub fn Viewer() -> impl IntoView {
    let lib = use_library();
    let zoom = RwSignal::new(false);
    let details = RwSignal::new(false);
    let asking = RwSignal::new(false);
    let start_x = StoredValue::new(None::<i32>);
    let close_btn = NodeRef::<leptos::html::Button>::new();
    let open = move || lib.viewer.with(|v| v.is_some());
    // Focus moves into the viewer when it opens, so the keys below reach it.
    Effect::new(move |_| {
        if open() {
            if let Some(b) = close_btn.get() {
                let _ = b.focus();
            }
        }
    });
    let step = move |d: i64| {
        zoom.set(false);
        intent(LibraryIntent::Step(d));
    };
    let on_key = move |e: leptos::ev::KeyboardEvent| match e.key().as_str() {
        "ArrowLeft" => step(-1),
        "ArrowRight" => step(1),
        "Escape" => intent(LibraryIntent::CloseViewer),
        "z" | "Z" | "+" | "-" => zoom.update(|z| *z = !*z),
        "i" | "I" => details.update(|d| *d = !*d),
        _ => {}
    };
    view! {
        <Show when=open>
            <div class="viewer" role="dialog" aria-modal="true" aria-label=s::details() data-testid="viewer" on:keydown=on_key>
                // One row of icons over the photo; the words are their names (and tooltips).
                <div class="viewer-bar">
                    <button class="icon-button" node_ref=close_btn data-testid="viewer-close" aria-label=s::close() title=s::close()
                        on:click=move |_| intent(LibraryIntent::CloseViewer)><span class="icon icon-close" aria-hidden="true"></span></button>
                    <span class="viewer-title">
                        <span data-testid="viewer-name">{move || lib.viewer.with(|v| v.as_ref().and_then(|v| v.item.as_ref()).map(|i| i.filename.clone().unwrap_or_else(|| i.sha256.clone())))}</span>
                        <span class="muted" data-testid="viewer-position">{move || {
                            let total = lib.matching.get();
                            lib.viewer.with(|v| v.as_ref().map(|v| s::position(v.index, total)))
                        }}</span>
                    </span>
                    <button class="icon-button" data-testid="viewer-zoom" aria-pressed=move || zoom.get().to_string() aria-label=s::zoom() title=s::zoom()
                        on:click=move |_| zoom.update(|z| *z = !*z)><span class="icon icon-zoom" aria-hidden="true"></span></button>
                    {move || lib.viewer.with(|v| v.as_ref().and_then(|v| v.item.clone())).map(|item| {
                        let label = if item.downsized { s::download_copy() } else { s::download_original() };
                        // A Live Photo's clip and the item's sidecars are downloads of their own.
                        let clip = item.motion.as_ref().and_then(|m| m.download_url.clone());
                        let sidecars = item.sidecars.clone();
                        view! {
                            <a class="icon-button" data-testid="download" href=item.download_url.clone().unwrap_or_default() aria-label=label title=label
                                download=item.filename.clone().unwrap_or_default() referrerpolicy="no-referrer">
                                <span class="icon icon-download" aria-hidden="true"></span></a>
                            {clip.map(|href| view! {
                                <a class="button" data-testid="download-motion" href=href download="" referrerpolicy="no-referrer">{s::download_motion()}</a>
                            })}
                            {sidecars.into_iter().map(|sc| view! {
                                <a class="button" data-testid="download-sidecar" href=sc.download_url.unwrap_or_default()
                                    download=sc.filename.clone() referrerpolicy="no-referrer">{s::download_sidecar(&sc.filename)}</a>
                            }).collect::<Vec<_>>()}
                        }
                    })}
                    <button class="icon-button" data-testid="viewer-info" aria-pressed=move || details.get().to_string() aria-label=s::details() title=s::details()
                        on:click=move |_| details.update(|d| *d = !*d)><span class="icon icon-info" aria-hidden="true"></span></button>
                    <Show when=move || lib.route.get() != Route::Trash>
                        <button class="icon-button" data-testid="viewer-trash" aria-label=s::move_to_trash() title=s::move_to_trash()
                            on:click=move |_| asking.set(true)><span class="icon icon-trash" aria-hidden="true"></span></button>
                    </Show>
                </div>
                <div class="viewer-main">
                    <div class="viewer-stage" class:zoomed=move || zoom.get()
                        on:pointerdown=move |e| start_x.set_value(Some(e.client_x()))
                        on:pointerup=move |e| {
                            if let Some(x) = start_x.get_value() {
                                let dx = e.client_x() - x;
                                if dx.abs() > 60 { step(if dx < 0 { 1 } else { -1 }) }
                            }
                            start_x.set_value(None);
                        }>
                        {move || lib.viewer.with(|v| v.as_ref().map(|v| v.item.clone())).map(|item| match item {
                            None => view! { <p class="muted">{s::loading()}</p> }.into_any(),
                            Some(item) if item.kind == "video" => {
                                // A codec the browser cannot decode (HEVC from phones, on most
                                // Linux machines) fails here: say so, keep the poster, point to
                                // the download above.
                                let unplayable = RwSignal::new(false);
                                view! {
                                    <video controls preload="metadata" data-testid="viewer-video" src=item.original_url.clone().unwrap_or_default()
                                        poster=item.preview_url.clone().unwrap_or_default() on:error=move |_| unplayable.set(true)></video>
                                    <Show when=move || unplayable.get()>
                                        <p class="viewer-note" role="status" data-testid="viewer-unplayable">{s::video_unplayable()}</p>
                                    </Show>
                                }.into_any()
                            }
                            Some(item) => {
                                let src = item.preview_url.clone().or(item.original_url.clone()).unwrap_or_default();
                                let clip = item.motion.as_ref().and_then(|m| m.video_url.clone());
                                let playing = RwSignal::new(false);
                                let has_clip = clip.is_some();
                                view! {
                                    <Show when=move || playing.get() fallback=move || view! {
                                        <img data-testid="viewer-image" src=src.clone() alt=item.filename.clone().unwrap_or_default() referrerpolicy="no-referrer"
                                            draggable="false" on:dblclick=move |_| zoom.update(|z| *z = !*z)/>
                                    }>
                                        <video muted prop:muted=true autoplay playsinline data-testid="viewer-motion-video" src=clip.clone().unwrap_or_default()
                                            on:ended=move |_| playing.set(false)></video>
                                    </Show>
                                    {has_clip.then(|| view! {
                                        <button class="button motion-play" data-testid="viewer-motion" on:click=move |_| playing.set(true)>{s::play_motion()}</button>
                                    })}
                                }.into_any()
                            }
                        })}
                    </div>
                    <button class="viewer-arrow prev" data-testid="viewer-prev" aria-label=s::previous() title=s::previous()
                        prop:disabled=move || lib.viewer.with(|v| !v.as_ref().is_some_and(|v| v.has_prev))
                        on:click=move |_| step(-1)><span class="icon icon-left" aria-hidden="true"></span></button>
                    <button class="viewer-arrow next" data-testid="viewer-next" aria-label=s::next() title=s::next()
                        prop:disabled=move || lib.viewer.with(|v| !v.as_ref().is_some_and(|v| v.has_next))
                        on:click=move |_| step(1)><span class="icon icon-right" aria-hidden="true"></span></button>
                    {move || details.get().then(|| lib.viewer.with(|v| v.as_ref().and_then(|v| v.item.clone())).map(|item| view! { <Details item=item/> }))}
                </div>
                <Show when=move || asking.get()>
                    <ConfirmTrash count=Signal::derive(|| 1) on_yes=move || { asking.set(false); intent(LibraryIntent::TrashShown) }
                        on_no=move || asking.set(false)/>
                </Show>
            </div>
        </Show>
    }
}
