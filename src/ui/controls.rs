//! The main actions: choose folders, back up, pause/resume, retry failed. The next step comes
//! first and is the one primary button; choosing more folders is then a plain one.
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::folder_picker::FolderPicker;
use crate::driver::{intent, Intent};
use crate::store::{use_store, Status};
use crate::strings as s;

#[component]
pub fn Controls() -> impl IntoView {
    let store = use_store();
    let has_files = move || store.totals.with(|t| t.files > 0);
    // Derived from the engine's status alone: a new batch's plan always has its Back up.
    let can_start = move || matches!(store.status.get(), Status::ReadyToBackUp { .. });
    let running = move || store.status.with(Status::can_pause);
    let paused = move || matches!(store.status.get(), Status::Paused | Status::StorageFull);
    let failed = move || matches!(store.status.get(), Status::Complete { failed, .. } if failed > 0);
    let label = Signal::derive(move || if has_files() { s::add_more() } else { s::choose_folders() });
    let next_step = Signal::derive(move || {
        can_start()
            || paused()
            || matches!(store.status.get(), Status::BackUpOff)
            || (matches!(store.status.get(), Status::ContinueBackup { .. }) && store.remembered.with(|r| !r.is_empty()))
    });
    let (controls, had_focus) = (NodeRef::<leptos::html::Div>::new(), StoredValue::new(false));
    // The step's button goes when the step changes (Back up becomes Pause, Pause goes at the
    // end): the focus it had moves to the controls' first one instead of falling to the page,
    // so a keyboard user goes on where they were.
    Effect::new(move |_| {
        store.status.track();
        // By the next frame the controls may be gone (a kiosk visit ended): nothing to do then.
        request_animation_frame(move || {
            let lost = document().active_element().is_none_or(|a| a.tag_name() == "BODY");
            if !lost || had_focus.try_get_value() != Some(true) {
                return;
            }
            let Some(Some(div)) = controls.try_get_untracked() else { return };
            if let Ok(Some(first)) = div.query_selector("button, input:not([type=hidden])") {
                let _ = first.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        });
    });
    let focus_out = move |e: web_sys::FocusEvent| {
        // Focus that went elsewhere on purpose is not brought back; focus of a removed button
        // goes nowhere (no related target) and is.
        if let (Some(to), Some(div)) = (e.related_target(), controls.get_untracked()) {
            had_focus.set_value(div.contains(to.dyn_ref::<web_sys::Node>()));
        }
    };
    view! {
        <div class="controls" node_ref=controls on:focusin=move |_| had_focus.set_value(true) on:focusout=focus_out>
            <Show when=move || matches!(store.status.get(), Status::ContinueBackup { .. }) && store.remembered.with(|r| !r.is_empty())>
                <button class="button primary" data-testid="continue-button" on:click=move |_| intent(Intent::ContinueRemembered)>
                    <span class="icon icon-play" aria-hidden="true"></span>{s::continue_()}
                </button>
                // What Continue reads again (folders and archives kept by handle), by name, so
                // a person sees it is the export they chose and not something else.
                <div class="remembered" data-testid="remembered-names">
                    {s::continue_remembered()}
                    <ul>{move || store.remembered.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                </div>
            </Show>
            <Show when=move || matches!(store.status.get(), Status::BackUpOff)>
                <button class="button primary" data-testid="turn-on-button" on:click=move |_| intent(Intent::SetSync(true))>
                    <span class="icon icon-play" aria-hidden="true"></span>{s::turn_on()}
                </button>
            </Show>
            <Show when=can_start>
                <button class="button primary" data-testid="backup-button" on:click=move |_| intent(Intent::Start)>
                    <span class="icon icon-upload" aria-hidden="true"></span>{s::back_up()}
                </button>
            </Show>
            <Show when=running>
                <button class="button" data-testid="pause-button" on:click=move |_| intent(Intent::PauseAll)>
                    <span class="icon icon-pause" aria-hidden="true"></span>{s::pause()}
                </button>
            </Show>
            <Show when=paused>
                <button class="button primary" data-testid="pause-button" on:click=move |_| intent(Intent::ResumeAll)>
                    <span class="icon icon-play" aria-hidden="true"></span>{s::resume()}
                </button>
            </Show>
            <Show when=failed>
                <button class="button" data-testid="retry-failed-button" on:click=move |_| intent(Intent::RetryFailed)>{s::retry_failed()}</button>
            </Show>
            <FolderPicker label=label quiet=next_step/>
        </div>
    }
}
