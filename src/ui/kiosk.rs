//! The kiosk screen (`/?kiosk=NAME&key=KEY`): large, touch-first, high contrast. Welcome with
//! one obvious action; then the plan, the status card and the progress as in the normal app
//! into the visitor's drop, with the next step in a bar fixed at the bottom; then a full-screen
//! "Done — 6 photos, 2 images and 1 video saved. You can take your card." with the drop's name
//! and code and the time until the screen starts over. Finish (or the idle time) forgets
//! everything. No settings, no way out.
use leptos::prelude::*;

use super::{controls::Controls, drop_zone::DropZone, file_list::FileList, overall_progress::OverallProgress};
use super::{folder_picker::FolderPicker, plan_view::PlanView, qr_code::QrCodeView, status_card::StatusCard};
use crate::driver::{intent, Intent};
use crate::store::{use_store, PageMode};
use crate::strings as s;
use shoebox_core::kiosk::KioskPhase;

#[component]
pub fn KioskApp() -> impl IntoView {
    let store = use_store();
    let phase = move || store.kiosk.get().unwrap_or(KioskPhase::Welcome);
    // The operator's words in the visitor's language where they gave them, else the page's own.
    let welcome = move || {
        store.kiosk_welcome.get().and_then(|w| w.for_lang(&crate::i18n::lang())).unwrap_or_else(|| s::kiosk_nothing_kept().to_string())
    };
    let on_kiosk = store.mode.get_untracked() == PageMode::Kiosk;
    // "Upload from your phone": the QR code of a link into this visit, and what has arrived.
    let phone = move || {
        store.phone_link.get().map(|link| {
            let arrived = store.arrivals.get();
            view! {
                <aside class="kiosk-phone" data-testid="kiosk-phone">
                    <h3>{s::kiosk_phone()}</h3>
                    <QrCodeView text=Signal::derive(move || link.clone()) label=s::kiosk_phone().to_string()/>
                    <p class="muted">{s::kiosk_phone_hint()}</p>
                    <h3>{format!("{}: {}", s::kiosk_arrived(), s::files(arrived.len() as u64))}</h3>
                    <ul class="kiosk-arrivals" data-testid="kiosk-arrivals">{arrived.into_iter().rev().take(12).map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </aside>
            }
        })
    };
    view! {
        <DropZone>
            <main class="kiosk" data-testid="kiosk">
                <header class="top"><h1 class="brand"><span class="logo" aria-hidden="true"></span>{s::app_name()}</h1></header>
                {move || store.notice.get().map(|n| view! { <p class="notice" role="status" data-testid="notice">{n}</p> })}
                // The idle time's last stretch: any touch on the screen stays.
                {move || store.kiosk_countdown.get().map(|secs| view! {
                    <p class="notice kiosk-countdown" role="status" data-testid="kiosk-countdown">{s::kiosk_finishing(secs)}</p>
                })}
                {move || match phase() {
                    KioskPhase::Welcome | KioskPhase::Starting => view! {
                        <section class="kiosk-welcome" data-testid="kiosk-welcome">
                            // A visitor's phone speaks of the photos on it, not of cards or USB sticks.
                            <h2>{if on_kiosk { s::kiosk_choose() } else { s::phone_choose() }}</h2>
                            <p class="kiosk-lead">{welcome}</p>
                            <p data-testid="kiosk-hint">{if on_kiosk { s::kiosk_drop_hint() } else { s::phone_hint() }}</p>
                            <div class="kiosk-actions">
                                <FolderPicker label=Signal::derive(s::kiosk_choose)/>
                                {on_kiosk.then(|| view! { <button class="button" data-testid="kiosk-use-phone" on:click=move |_| intent(Intent::KioskBegin)>{s::kiosk_phone()}</button> })}
                                <Show when=move || on_kiosk && store.kiosk_own.get()>
                                    <button class="button" data-testid="kiosk-own-account" on:click=move |_| intent(Intent::KioskOwnAccount)>{s::kiosk_own()}</button>
                                </Show>
                            </div>
                            {move || store.pairing.get().map(|p| view! {
                                <aside class="kiosk-phone" data-testid="kiosk-own">
                                    <h3>{s::kiosk_own()}</h3>
                                    <QrCodeView text=Signal::derive(move || p.link.clone()) label=s::kiosk_own().to_string()/>
                                    <p class="pair-code" data-testid="kiosk-own-code">{p.code.clone()}</p>
                                    <p class="muted">{s::kiosk_own_how()}</p>
                                </aside>
                            })}
                            <Show when=move || matches!(phase(), KioskPhase::Starting)><p class="muted">{s::kiosk_starting()}</p></Show>
                            {on_kiosk.then(|| view! { <super::kiosk_languages::KioskLanguages/> })}
                        </section>
                    }.into_any(),
                    // A full-screen confirmation: what was saved, where, and when the screen starts over.
                    KioskPhase::Done { drop, code, saved } => view! {
                        <section class="kiosk-done" data-testid="kiosk-done" role="dialog" aria-modal="true" aria-labelledby="kiosk-done-title">
                            <span class="kiosk-done-mark" aria-hidden="true"></span>
                            <h2 id="kiosk-done-title">{s::kiosk_done(&saved, on_kiosk)}</h2>
                            <p class="kiosk-lead" data-testid="kiosk-drop">{if code.is_empty() { s::kiosk_own_line().to_string() } else { s::kiosk_drop(&drop, &code) }}</p>
                            {move || store.kiosk_reset_in.get().map(|secs| view! {
                                <p class="kiosk-reset-in" role="timer" data-testid="kiosk-reset-in">{s::kiosk_reset_in(secs)}</p>
                            })}
                            <div class="kiosk-actions">
                                <button class="button primary huge" data-testid="kiosk-finish" on:click=move |_| intent(Intent::KioskFinish)>{s::kiosk_finish()}</button>
                                <FolderPicker label=Signal::derive(s::add_more) quiet=true/>
                            </div>
                            {phone}
                        </section>
                    }.into_any(),
                    KioskPhase::Visiting { drop, code } => view! {
                        <section class="kiosk-visit" data-testid="kiosk-visit">
                            // Before anything is chosen, the card's "Ready" text is the normal app's: leave it out.
                            <Show when=move || !matches!(store.status.get(), crate::store::Status::Ready)><StatusCard/></Show>
                            <p class="muted" data-testid="kiosk-drop">{if code.is_empty() { s::kiosk_own_line().to_string() } else { s::kiosk_drop(&drop, &code) }}</p>
                            {phone}
                            <OverallProgress/>
                            <PlanView/>
                            <FileList/>
                            <label class="check"><input type="checkbox" data-testid="kiosk-keep"
                                on:change=move |e| intent(Intent::KioskKeepUploads(event_target_checked(&e)))/>{s::kiosk_keep()}</label>
                            // The next step is always on screen, whatever the panels above it hold.
                            <div class="kiosk-bar" data-testid="kiosk-bar">
                                <Controls/>
                                <button class="button huge" data-testid="kiosk-finish" on:click=move |_| intent(Intent::KioskFinish)>{s::kiosk_finish()}</button>
                            </div>
                        </section>
                    }.into_any(),
                    KioskPhase::Resetting => view! { <section class="kiosk-welcome"><h2>{s::kiosk_nothing_kept()}</h2></section> }.into_any(),
                    KioskPhase::Ended => view! {
                        <section class="kiosk-welcome" data-testid="kiosk-ended"><h2 role="status">{s::phone_link_ended()}</h2></section>
                    }.into_any(),
                }}
            </main>
        </DropZone>
    }
}
