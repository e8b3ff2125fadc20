//! The account's storage in Settings: what is used, and a meter against the quota when the
//! account has one.
use leptos::prelude::*;

use crate::store::use_store;
use crate::strings as s;

#[component]
pub fn StorageMeter() -> impl IntoView {
    let store = use_store();
    move || {
        store.account.get().map(|a| {
            let line = s::storage_line(a.used, a.quota);
            view! {
                <div class="storage-meter" data-testid="storage-meter">
                    <span class="setting-title" id="storage-meter-title">{s::set_storage()}</span>
                    {a.quota.map(|q| view! {
                        <meter min="0" max=q.to_string() value=a.used.min(q).to_string() high=(q / 10 * 9).to_string()
                            aria-labelledby="storage-meter-title" aria-describedby="storage-meter-line" data-testid="storage-meter-bar"></meter>
                    })}
                    <span id="storage-meter-line" data-testid="storage-meter-line">{line}</span>
                </div>
            }
        })
    }
}
