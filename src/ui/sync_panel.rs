//! The Back up & sync panel: the switch and a line saying what sync is doing (on, backing up,
//! waiting for a connection, Wi-Fi or power, or a prompt to add a folder), the backup folders (name, items, when last fully backed
//! up, Remove), "Add a backup folder", the one-click "Allow access" after a restart, and "only
//! while charging" (shown as unavailable where the browser cannot tell).
use leptos::prelude::*;

use crate::driver::{intent, Intent};
use crate::store::use_store;
use crate::strings as s;

#[component]
pub fn SyncPanel() -> impl IntoView {
    let store = use_store();
    let on = move || store.settings.with(|st| st.sync);
    let picker = store.folder_picker.get_untracked();
    let folders = move || store.backup_folders.get();
    // What sync is doing, by core's rule: on, held (even with nothing to send), or a prompt.
    let line = Memo::new(move |_| {
        let n = store.backup_folders.with(Vec::len);
        store.status.with(|st| shoebox_core::sync::line::sync_line(on(), n, store.needs_access.get(), st, store.hold.get()))
    });
    let none_yet = move || line.get() == shoebox_core::sync::line::SyncLine::AddFolder;
    let set_charging = move |v: bool| {
        let mut next = store.settings.get_untracked();
        next.charging_only = v;
        intent(Intent::UpdateSettings(next));
    };
    view! {
        <section class="sync" data-testid="sync-panel" aria-labelledby="sync-title">
            <h2 id="sync-title">{s::sync_title()}</h2>
            <p class="muted">{s::sync_hint()}</p>
            <label class="check switch toggle">
                <input type="checkbox" role="switch" data-testid="sync-switch" prop:checked=on
                    on:change=move |e| intent(Intent::SetSync(event_target_checked(&e)))/>
                {s::sync_switch()}
            </label>
            {move || s::status::sync_line(line.get()).map(|words| view! { <p class="sync-line" data-testid="sync-line" role="status">{words}</p> })}
            <Show when=none_yet>
                <p class="sync-prompt" data-testid="sync-prompt">{s::sync_add_prompt()}</p>
            </Show>
            <Show when=move || store.needs_access.get()>
                <p class="muted">{s::sync_allow_why()}</p>
                <button class="button primary" data-testid="allow-access" on:click=move |_| intent(Intent::AllowFolderAccess)>{s::sync_allow()}</button>
            </Show>
            <ul class="backup-folders" aria-label=s::sync_title()>
                <For each=folders key=|f| (f.name.clone(), f.items, f.last_complete_ms)
                    children=move |f| {
                        let name = f.name.clone();
                        let line = s::sync_folder_line(f.items, f.last_complete_ms.map(s::dates::local_time).as_deref());
                        view! {
                            <li class="backup-folder" data-testid="backup-folder">
                                <span class="icon icon-folder" aria-hidden="true"></span>
                                <span class="folder-name" data-testid="folder-name">{f.name.clone()}</span>
                                <span class="folder-meta">{line}</span>
                                <button class="link" on:click=move |_| intent(Intent::RemoveBackupFolder(name.clone()))
                                    aria-label=format!("{} {}", s::sync_remove(), f.name)>{s::sync_remove()}</button>
                            </li>
                        }
                    }/>
            </ul>
            {if picker {
                view! { <button class=move || if none_yet() { "button primary" } else { "button" } data-testid="add-backup-folder" on:click=move |_| intent(Intent::AddBackupFolder)>
                    <span class="icon icon-folder" aria-hidden="true"></span>{s::sync_add()}</button> }.into_any()
            } else {
                view! { <p class="muted">{s::sync_no_picker()}</p> }.into_any()
            }}
            <label class="check">
                <input type="checkbox" data-testid="charging-only" prop:disabled=move || !store.battery.get()
                    prop:checked=move || store.settings.with(|st| st.charging_only)
                    on:change=move |e| set_charging(event_target_checked(&e))/>
                {move || if store.battery.get() { s::sync_charging_only() } else { s::sync_charging_unavailable() }}
            </label>
        </section>
    }
}
