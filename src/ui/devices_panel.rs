//! Devices and storage: sign this device in by approval (a code and a QR code for a signed-in
//! device), approve or decline another device's code ("Sign in 'Chromebook'?", or "Let this kiosk
//! upload to your account for 1 hour?"), the account's devices with Sign out, and the storage used.
use leptos::prelude::*;

use super::qr_code::QrCodeView;
use crate::driver::{intent, Intent};
use crate::store::{use_store, Status};
use crate::strings as s;

#[component]
pub fn DevicesPanel() -> impl IntoView {
    let store = use_store();
    let code = RwSignal::new(String::new());
    let signed_out = move || matches!(store.status.get(), Status::SignInNeeded) || store.settings.with(|st| st.token.is_empty());
    view! {
        <section class="devices" data-testid="devices-panel" aria-labelledby="devices-title">
            <h2 id="devices-title">{s::devices_title()}</h2>
            {move || store.account.get().map(|a| view! { <p data-testid="storage-line">{s::storage_line(a.used, a.quota)}</p> })}
            <Show when=move || signed_out() && store.pairing.get().is_none()>
                <button class="button primary" data-testid="sign-in-button" on:click=move |_| intent(Intent::SignIn)>{s::sign_in_this()}</button>
            </Show>
            {move || store.pairing.get().map(|p| view! {
                <div class="pairing" data-testid="pairing">
                    <p>{s::sign_in_how()}</p>
                    <p class="pair-code" data-testid="pair-code">{p.code.clone()}</p>
                    <QrCodeView text=Signal::derive(move || p.link.clone()) label=s::sign_in_this().to_string()/>
                </div>
            })}
            {move || store.approval.get().map(|a| {
                let c = a.code.clone();
                view! {
                    <div class="approval" role="dialog" aria-modal="false" aria-labelledby="approval-title" aria-describedby="approval-body"
                        data-testid="approval">
                        <h3 class="dialog-title" id="approval-title" data-testid="dialog-title">{s::pair_title(&a.name, a.upload_only, a.hours)}</h3>
                        <p class="dialog-body" id="approval-body" data-testid="dialog-body">{s::pair_body(a.upload_only)}</p>
                        <div class="dialog-actions">
                            <button class="button" data-testid="confirm-no" on:click=move |_| intent(Intent::DeclineApproval)>{s::pair_cancel()}</button>
                            <button class="button primary" data-testid="approve-button" on:click=move |_| intent(Intent::Approve(c.clone()))>{s::pair_approve()}</button>
                        </div>
                    </div>
                }
            })}
            <Show when=move || !signed_out()>
                <form class="pair-form" on:submit=move |e| { e.prevent_default(); intent(Intent::LookUpCode(code.get_untracked())); }>
                    <label>{s::pair_enter()}<input type="text" data-testid="pair-input" autocomplete="off" autocapitalize="characters"
                        prop:value=move || code.get() on:input=move |e| code.set(event_target_value(&e))/></label>
                    <button class="button" type="submit">{s::pair_look_up()}</button>
                </form>
                <ul class="device-list" data-testid="device-list">
                    <For each=move || store.devices.get() key=|d| d.id.clone() children=move |d| {
                        let id = d.id.clone();
                        view! {
                            <li data-testid="device">
                                <span>{d.name.clone()}</span>
                                {d.upload_only.then(|| view! { <span class="muted">{format!(" ({})", s::device_upload_only())}</span> })}
                                <button class="link" on:click=move |_| intent(Intent::RevokeDevice(id.clone()))>{s::device_revoke()}</button>
                            </li>
                        }
                    }/>
                </ul>
            </Show>
        </section>
    }
}
