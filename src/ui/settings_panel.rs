//! The settings panel: every setting of contracts.md, saved in the browser on change. The
//! language and the storage first; what a person chooses about their backup next, as switches
//! and choices; the plumbing (destination, access key, uploads at once) under "Advanced".
use leptos::prelude::*;
use shoebox_core::limits::{LimitsChoice, Quality};

use super::{language_picker::LanguagePicker, storage_meter::StorageMeter};
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
    let album_kind = move || store.settings.with(|s| s.album.kind());
    let album_name = move || match store.settings.with(|s| s.album.clone()) {
        AlbumSetting::Named(n) => n,
        _ => String::new(),
    };
    view! {
        <details class="settings" data-testid="settings" open=crate::i18n::switched()>
            <summary><span class="icon icon-gear" aria-hidden="true"></span>{s::settings()}</summary>
            <div class="settings-top">
                <LanguagePicker/>
                <StorageMeter/>
            </div>
            <h3 class="settings-heading">{s::set_backup()}</h3>
            <div class="settings-grid">
                <fieldset class="segmented">
                    <legend>{s::set_quality()}</legend>
                    <label><input type="radio" name="quality" data-testid="quality-original" prop:checked=move || store.settings.with(|s| s.quality == Quality::Original)
                        on:change=move |_| change(Box::new(|s| s.quality = Quality::Original))/>{s::set_quality_original()}</label>
                    <label><input type="radio" name="quality" data-testid="quality-high" prop:checked=move || store.settings.with(|s| s.quality == Quality::High)
                        on:change=move |_| change(Box::new(|s| s.quality = Quality::High))/>{s::set_quality_high()}</label>
                </fieldset>
                <label class="field">{s::set_limits()}
                    <select prop:value=move || store.settings.with(|s| s.limits.as_str().to_string())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| if let Some(l) = LimitsChoice::parse(&v) { s.limits = l })) }>
                        <option value="server">{s::set_limits_server()}</option>
                        <option value="seed">{s::set_limits_seed()}</option>
                        <option value="google">{s::set_limits_google()}</option>
                    </select>
                </label>
                <label class="check toggle"><input type="checkbox" role="switch" prop:checked=move || store.settings.with(|s| s.wifi_only)
                    on:change=move |e| { let v = event_target_checked(&e); change(Box::new(move |s| s.wifi_only = v)) }/>{s::set_wifi_only()}</label>
                <label class="check toggle"><input type="checkbox" role="switch" prop:checked=move || store.settings.with(|s| s.strip_location)
                    on:change=move |e| { let v = event_target_checked(&e); change(Box::new(move |s| s.strip_location = v)) }/>{s::set_strip_location()}</label>
                <label class="field">{s::set_album()}
                    <select prop:value=album_kind
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.album = match v.as_str() {
                            "none" => AlbumSetting::None, "named" => AlbumSetting::Named(String::new()), "folders" => AlbumSetting::Folders,
                            _ => AlbumSetting::Folder })) }>
                        <option value="folder">{s::set_album_folder()}</option>
                        <option value="folders">{s::set_album_folders()}</option>
                        <option value="none">{s::set_album_none()}</option>
                        <option value="named">{s::set_album_named()}</option>
                    </select>
                </label>
                <Show when=move || album_kind() == "named">
                    <label class="field">{s::set_album_name()}
                        <input type="text" prop:value=album_name
                            on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.album = AlbumSetting::Named(v))) }/>
                    </label>
                </Show>
            </div>
            <details class="advanced" data-testid="settings-advanced">
                <summary data-testid="advanced-summary">{s::set_advanced()}</summary>
                <p class="muted">{s::set_advanced_hint()}</p>
                <div class="settings-grid">
                <label class="field">{s::set_parallel()}
                    <input type="number" data-testid="set-parallel" min="1" max="20" prop:value=move || store.settings.with(|s| s.parallel.to_string())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| if let Ok(n) = v.parse::<u32>() { s.parallel = n.clamp(1, 20) })) }/>
                </label>
                <label class="field wide">{s::set_destination()}
                    <input type="url" data-testid="set-endpoint" placeholder="https://example.com/files/" prop:value=move || store.settings.with(|s| s.endpoint.clone())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.endpoint = v.trim().to_string())) }/>
                </label>
                <label class="field wide">{s::set_token()}
                    <input type="password" data-testid="set-token" autocomplete="off" prop:value=move || store.settings.with(|s| s.token.clone())
                        on:change=move |e| { let v = event_target_value(&e); change(Box::new(move |s| s.token = v.trim().to_string())) }/>
                </label>
                </div>
            </details>
        </details>
    }
}
