//! "Choose folders" (a webkitdirectory input) and "Choose files", styled as buttons. On a phone
//! (not a kiosk's screen): "Choose photos" first and "Take a photo" with the camera, never a
//! folder picker the browser cannot offer. They are the primary action only while nothing else
//! is the next step (`quiet` otherwise), so a screen has one primary button.
use leptos::prelude::*;
use web_sys::HtmlInputElement;

use crate::driver::{intent, Intent};
use crate::store::{use_store, PageMode};
use crate::strings as s;

#[component]
pub fn FolderPicker(#[prop(into)] label: Signal<&'static str>, #[prop(optional, into)] quiet: Signal<bool>) -> impl IntoView {
    let store = use_store();
    let folder_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    let take = move |input: HtmlInputElement| {
        if let Some(files) = input.files() {
            intent(Intent::AddFiles(files));
        }
    };
    // Clearing on click (not after change, which would empty the list being walked) lets the
    // same folder be chosen again, e.g. to continue after a reload.
    let clear = |e: web_sys::MouseEvent| {
        if let Some(i) = e.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(t).ok()) {
            i.set_value("");
        }
    };
    // `autocomplete="off"`: the browser keeps no form state of the chosen files' names (it
    // would write them into its session history on disk, where a kiosk keeps nothing).
    // Where folder handles exist the button uses them (remembered for "Continue"); the input
    // stays for other browsers, for tests, and as the drop-in fallback. "Choose files" likewise
    // uses showOpenFilePicker where it exists, so an export's archives are kept for a reload.
    let picker = store.folder_picker.get_untracked();
    let files_picker = store.file_picker.get_untracked();
    if store.phone.get_untracked() && store.mode.get_untracked() != PageMode::Kiosk {
        let camera_input: NodeRef<leptos::html::Input> = NodeRef::new();
        return view! {
            <label class="button file-button" class:primary=move || !quiet.get() data-testid="choose-photos">
                <input type="file" multiple accept="image/*,video/*" data-testid="photos-input" class="visually-hidden" autocomplete="off"
                    on:click=clear node_ref=file_input on:change=move |_| { if let Some(i) = file_input.get() { take(i) } }/>
                <span class="icon icon-photo" aria-hidden="true"></span>{s::choose_photos()}
            </label>
            <label class="button file-button" data-testid="take-photo">
                <input type="file" accept="image/*,video/*" capture="environment" data-testid="camera-input" class="visually-hidden" autocomplete="off"
                    on:click=clear node_ref=camera_input on:change=move |_| { if let Some(i) = camera_input.get() { take(i) } }/>
                {s::take_photo()}
            </label>
        }
        .into_any();
    }
    view! {
        {picker.then(|| view! {
            <button class="button" class:primary=move || !quiet.get() data-testid="choose-folders" on:click=move |_| intent(Intent::PickFolder)>
                <span class="icon icon-folder" aria-hidden="true"></span>{move || label.get()}
            </button>
        })}
        <label class="button file-button" class:primary=move || !picker && !quiet.get() class:visually-hidden=picker aria-hidden=picker.to_string()>
            <input type="file" multiple prop:webkitdirectory=true data-testid="folder-input" class="visually-hidden" autocomplete="off"
                tabindex=if picker { "-1" } else { "0" } aria-hidden=picker.to_string()
                on:click=clear node_ref=folder_input on:change=move |_| { if let Some(i) = folder_input.get() { take(i) } }/>
            <span class="icon icon-folder" aria-hidden="true"></span>{move || label.get()}
        </label>
        {files_picker.then(|| view! {
            <button class="button" data-testid="choose-files" on:click=move |_| intent(Intent::PickFiles)>
                <span class="icon icon-photo" aria-hidden="true"></span>{s::choose_files()}
            </button>
        })}
        <label class="button file-button" class:visually-hidden=files_picker aria-hidden=files_picker.to_string()>
            <input type="file" multiple accept="image/*,video/*,.xmp,.aae,.zip,.tgz" data-testid="files-input" class="visually-hidden" autocomplete="off"
                tabindex=if files_picker { "-1" } else { "0" } aria-hidden=files_picker.to_string()
                on:click=clear node_ref=file_input on:change=move |_| { if let Some(i) = file_input.get() { take(i) } }/>
            <span class="icon icon-photo" aria-hidden="true"></span>{s::choose_files()}
        </label>
    }
    .into_any()
}
