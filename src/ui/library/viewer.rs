//! The viewer: the photo fit to the window (a click or Z zooms to full size), videos played,
//! arrow keys and swipes for previous/next, Escape to close, the details beside it, Download
//! original (the exact bytes) and Move to Trash. A photo that moves plays its clip, muted and
//! once, on a press of Play motion.
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
        _ => {}
    };
    view! {
        <Show when=open>
            <div class="viewer" role="dialog" aria-modal="true" aria-label=s::details() data-testid="viewer" on:keydown=on_key>
                <div class="viewer-bar">
                    <button class="button" node_ref=close_btn data-testid="viewer-close" on:click=move |_| intent(LibraryIntent::CloseViewer)>{s::close()}</button>
                    <button class="button" data-testid="viewer-prev" prop:disabled=move || lib.viewer.with(|v| !v.as_ref().is_some_and(|v| v.has_prev))
                        on:click=move |_| step(-1)>{s::previous()}</button>
                    <button class="button" data-testid="viewer-next" prop:disabled=move || lib.viewer.with(|v| !v.as_ref().is_some_and(|v| v.has_next))
                        on:click=move |_| step(1)>{s::next()}</button>
                    <button class="button" data-testid="viewer-zoom" aria-pressed=move || zoom.get().to_string()
                        on:click=move |_| zoom.update(|z| *z = !*z)>{move || if zoom.get() { s::fit() } else { s::zoom() }}</button>
                    <span class="muted" data-testid="viewer-position">{move || {
                        let total = lib.matching.get();
                        lib.viewer.with(|v| v.as_ref().map(|v| s::position(v.index, total)))
                    }}</span>
                    <span class="grow"></span>
                    {move || lib.viewer.with(|v| v.as_ref().and_then(|v| v.item.clone())).map(|item| {
                        let label = if item.downsized { s::download_copy() } else { s::download_original() };
                        // A Live Photo's clip and the item's sidecars are downloads of their own.
                        let clip = item.motion.as_ref().and_then(|m| m.download_url.clone());
                        let sidecars = item.sidecars.clone();
                        view! {
                            <a class="button primary" data-testid="download" href=item.download_url.clone().unwrap_or_default()
                                download=item.filename.clone().unwrap_or_default() referrerpolicy="no-referrer">
                                <span class="icon icon-download" aria-hidden="true"></span>{label}</a>
                            {clip.map(|href| view! {
                                <a class="button" data-testid="download-motion" href=href download="" referrerpolicy="no-referrer">{s::download_motion()}</a>
                            })}
                            {sidecars.into_iter().map(|sc| view! {
                                <a class="button" data-testid="download-sidecar" href=sc.download_url.unwrap_or_default()
                                    download=sc.filename.clone() referrerpolicy="no-referrer">{s::download_sidecar(&sc.filename)}</a>
                            }).collect::<Vec<_>>()}
                        }
                    })}
                    <Show when=move || lib.route.get() != Route::Trash>
                        <button class="button" data-testid="viewer-trash" on:click=move |_| asking.set(true)>{s::move_to_trash()}</button>
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
                    {move || lib.viewer.with(|v| v.as_ref().and_then(|v| v.item.clone())).map(|item| view! { <Details item=item/> })}
                </div>
                <Show when=move || asking.get()>
                    <ConfirmTrash count=Signal::derive(|| 1) on_yes=move || { asking.set(false); intent(LibraryIntent::TrashShown) }
                        on_no=move || asking.set(false)/>
                </Show>
            </div>
        </Show>
    }
}
