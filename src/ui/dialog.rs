//! The one modal confirmation every screen uses: a title that asks, a body that says what
//! happens, Cancel, and the confirming button (red when it removes something). It sets its own
//! colours, so it stays legible inside a dark screen (the viewer) as on a light one.
use leptos::prelude::*;

/// Enter (the confirming button has focus) or a click confirms; Escape or Cancel does not.
/// `testid` names the dialog; its parts are `dialog-title`, `dialog-body`, `confirm-yes` and
/// `confirm-no`.
#[component]
pub fn ConfirmDialog(
    testid: &'static str,
    title: Signal<String>,
    body: Signal<String>,
    yes: &'static str,
    no: &'static str,
    /// The confirming button removes something: it is drawn as a destructive action.
    #[prop(optional)]
    danger: bool,
    on_yes: impl Fn() + Clone + Send + Sync + 'static,
    on_no: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let yes_btn = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = yes_btn.get() {
            let _ = b.focus();
        }
    });
    let (title_id, body_id) = (format!("{testid}-title"), format!("{testid}-body"));
    let (labelled_by, described_by) = (title_id.clone(), body_id.clone());
    let no2 = on_no.clone();
    view! {
        <div class="modal-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby=labelled_by aria-describedby=described_by
                data-testid=testid on:keydown=move |e| if e.key() == "Escape" { e.stop_propagation(); no2() }>
                <h2 class="dialog-title" id=title_id data-testid="dialog-title">{move || title.get()}</h2>
                <p class="dialog-body" id=body_id data-testid="dialog-body">{move || body.get()}</p>
                <div class="dialog-actions">
                    <button class="button" data-testid="confirm-no" on:click=move |_| on_no()>{no}</button>
                    <button class="button" class:danger=danger class:primary=!danger node_ref=yes_btn data-testid="confirm-yes"
                        on:click=move |_| on_yes()>{yes}</button>
                </div>
            </div>
        </div>
    }
}
