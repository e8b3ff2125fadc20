//! The settings panel: every setting of contracts.md, saved in the browser on change.
use leptos::prelude::*;
use shoebox_core::limits::{LimitsChoice, Quality};

use crate::driver::{intent, Intent};
use crate::settings::{AlbumSetting, Settings};
use crate::store::use_store;
use crate::strings as s;

#[component]
pub fn SettingsPanel() -> impl IntoView {
    let store = use_store();
    let change = move |f: Box<dyn FnOnce(&mut Settings)>| {
        let mut next = store.settings.get_untracked();
        f(&mut next);
        intent(Intent::UpdateSettings(next));
    };
    let album_kind = move || match store.settings.with(|s| s.album.clone()) {
        AlbumSetting::Folder => "folder",
        AlbumSetting::None => "none",
        AlbumSetting::Named(_) => "named",
    };
    let album_name = move || match store.settings.with(|s| s.album.clone()) {
        AlbumSetting::Named(n) => n,
        _ => String::new(),
    };
    view! {
        <details class="settings" data-testid="settings">
            <summary><span class="icon icon-gear" aria-hidden="true"></span>{s::SETTINGS}</summary>
            <div class="settings-grid">
                <fieldset>
                    <legend>{s::SET_QUALITY}</legend>
                    <label><input type="radio" name="quality" data-testid="quality-original" prop:checked=move || store.settings.with(|s| s.quality == Quality::Original)
                        on:change=move |_| change(Box::new(|s| s.quality = Quality::Original))/>{s::SET_QUALITY_ORIGINAL}</label>
                    <label><input type="radio" name="quality" data-testid="quality-high" prop:checked=move || store.settings.with(|s| s.quality == Quality::High)
                        on:change=move |_| change(Box::new(|s| s.quality = Quality::High))/>{s::SET_QUALITY_HIGH}</label>
                </fieldset>
                <label class="field">{s::SET_LIMITS}
                    <select prop:value=move || store.settings.with(|s| s.limits.as_str().to_string())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| if let Some(l) = LimitsChoice::parse(&v) { s.limits = l })) }>
                        <option value="server">{s::SET_LIMITS_SERVER}</option>
                        <option value="seed">{s::SET_LIMITS_SEED}</option>
                        <option value="google">{s::SET_LIMITS_GOOGLE}</option>
                    </select>
                </label>
                <label class="field">{s::SET_PARALLEL}
                    <input type="number" min="1" max="20" prop:value=move || store.settings.with(|s| s.parallel.to_string())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| if let Ok(n) = v.parse::<u32>() { s.parallel = n.clamp(1, 20) })) }/>
                </label>
                <label class="check"><input type="checkbox" prop:checked=move || store.settings.with(|s| s.wifi_only)
                    on:change=move |e| { let v = event_target_checked(&e); change(Box::new(move |s| s.wifi_only = v)) }/>{s::SET_WIFI_ONLY}</label>
                <label class="check"><input type="checkbox" prop:checked=move || store.settings.with(|s| s.strip_location)
                    on:change=move |e| { let v = event_target_checked(&e); change(Box::new(move |s| s.strip_location = v)) }/>{s::SET_STRIP_LOCATION}</label>
                <label class="field">{s::SET_ALBUM}
                    <select prop:value=album_kind
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.album = match v.as_str() {
                            "none" => AlbumSetting::None, "named" => AlbumSetting::Named(String::new()), _ => AlbumSetting::Folder })) }>
                        <option value="folder">{s::SET_ALBUM_FOLDER}</option>
                        <option value="none">{s::SET_ALBUM_NONE}</option>
                        <option value="named">{s::SET_ALBUM_NAMED}</option>
                    </select>
                </label>
                <Show when=move || album_kind() == "named">
                    <label class="field">{s::SET_ALBUM_NAME}
                        <input type="text" prop:value=album_name
                            on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.album = AlbumSetting::Named(v))) }/>
                    </label>
                </Show>
                <label class="field wide">{s::SET_DESTINATION}
                    <input type="url" placeholder="https://example.com/files/" prop:value=move || store.settings.with(|s| s.endpoint.clone())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.endpoint = v.trim().to_string())) }/>
                </label>
                <label class="field wide">{s::SET_TOKEN}
                    <input type="password" autocomplete="off" prop:value=move || store.settings.with(|s| s.token.clone())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.token = v.trim().to_string())) }/>
                </label>
            </div>
        </details>
    }
}
