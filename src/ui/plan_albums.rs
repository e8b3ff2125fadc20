//! The plan's Albums choice: one album per top folder, one per folder (sub-folders too) or
//! none, chosen before anything is sent, with the albums the ticked folders will make.
use leptos::prelude::*;
use shoebox_core::engine::planned_albums;

use crate::driver::{intent, Intent};
use crate::settings::AlbumSetting;
use crate::store::{use_store, PageMode};
use crate::strings as s;

/// Album names shown at most; the rest are counted.
const MAX_SHOWN: usize = 6;

#[component]
pub fn PlanAlbums() -> impl IntoView {
    let store = use_store();
    // Only a person's own folders: a kiosk's drop and a phone's pictures have one album, an
    // export has its own albums.
    let shown = move || {
        store.mode.get() == PageMode::App && store.takeout.with(Option::is_none) && store.folders.with(|f| f.keys().any(|p| !p.is_empty()))
    };
    let kind = move || store.settings.with(|s| s.album.kind());
    let names = move || store.settings.with(|s| store.folders.with(|f| planned_albums(&s.album.mode(), f)));
    let choose = move |v: String| {
        let mut next = store.settings.get_untracked();
        next.album = match v.as_str() {
            "folders" => AlbumSetting::Folders,
            "none" => AlbumSetting::None,
            "named" => next.album.clone(),
            _ => AlbumSetting::Folder,
        };
        intent(Intent::UpdateSettings(next));
    };
    view! {
        <Show when=shown>
            <div class="plan-albums" data-testid="plan-albums">
                <label class="field">{s::set_album()}
                    <select data-testid="plan-album-mode" prop:value=kind on:change=move |e| choose(event_target_value(&e))>
                        <option value="folder">{s::set_album_folder()}</option>
                        <option value="folders">{s::set_album_folders()}</option>
                        <option value="none">{s::set_album_none()}</option>
                        <Show when=move || kind() == "named">
                            <option value="named">{move || store.settings.with(|s| match &s.album {
                                AlbumSetting::Named(n) => s::plan_album_named(n),
                                _ => String::new(),
                            })}</option>
                        </Show>
                    </select>
                </label>
                {move || {
                    let names = names();
                    if names.is_empty() {
                        return view! { <p class="muted" data-testid="plan-album-names" data-count="0">{s::plan_albums_none()}</p> }.into_any();
                    }
                    let more = names.len().saturating_sub(MAX_SHOWN);
                    let count = names.len();
                    view! {
                        <p class="muted" data-testid="plan-album-names" data-count=count>
                            {s::plan_albums_count(count as u64)}
                            <span class="album-chips">
                                {names.into_iter().take(MAX_SHOWN).map(|n| view! { <span class="album-chip" data-testid="plan-album-name">{n}</span> }).collect_view()}
                                {(more > 0).then(|| view! { <span class="album-chip more">{s::plan_albums_more(more as u64)}</span> })}
                            </span>
                        </p>
                    }
                    .into_any()
                }}
            </div>
        </Show>
    }
}
