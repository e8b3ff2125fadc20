//! The library's driver: follows the URL (`#/library...`), hands the library's intents, the
//! engine's status and every answer to the library flow in core, performs the calls it asks for
//! through the app's one performer, and copies what the flow shows into the library store.
use std::cell::RefCell;

use leptos::prelude::*;
use shoebox_core::engine::Status;
use shoebox_core::library::{Filters, LibraryAction, LibraryFlow, Route, Viewport};
use wasm_bindgen::prelude::*;

pub use shoebox_core::library::GAP;

use crate::browser::{clock, dates};
use crate::library_store::{LibraryStore, LibraryWriter};
use crate::strings::library as s;

/// What library components ask for.
pub enum LibraryIntent {
    /// The URL's fragment changed (or a link was followed).
    Route(Route),
    SetFilters(Filters),
    /// The grid scrolled or resized: its scroll top, viewport height and inner width.
    Viewport {
        top: f64,
        height: f64,
        width: f64,
    },
    /// The scrubber: jump to a month ("YYYY-MM").
    JumpTo(String),
    /// Open item `n` of the timeline in the viewer; step; close.
    Open(u64),
    Step(i64),
    CloseViewer,
    ToggleSelected(String),
    ClearSelection,
    /// Move the selection (or the viewer's item) to the Trash, or restore it from there.
    TrashSelected,
    TrashShown,
    RestoreSelected,
    /// The last move to the Trash comes back.
    Undo,
    /// The Trash's header.
    RestoreAll,
    EmptyTrash,
    /// An album card: the timeline of that album (`Some("")`: items without an album).
    OpenAlbum(Option<String>),
    /// A thumbnail tapped or clicked: item `n` of the timeline, with its id.
    Tap(u64, String),
    /// "Add to album": open its chooser, close it, or add the selection to this album.
    ChooseAlbum,
    CloseAlbumChooser,
    AddToAlbum(String),
    RemoveFromAlbum,
    /// The Albums view's "New album".
    CreateAlbum(String),
    /// The album page's rename and "Download all"; the selection's download.
    RenameAlbum(String),
    DownloadAlbum,
    DownloadSelected,
}

struct Lib {
    r: LibraryStore,
    w: LibraryWriter,
    flow: LibraryFlow,
    /// The armed timer (a note or an Undo leaves): its handle and when it fires.
    timer: Option<(i32, u64)>,
}

thread_local! {
    static LIB: RefCell<Option<Lib>> = const { RefCell::new(None) };
}

/// Start: follow the URL's fragment from now on.
pub fn start(r: LibraryStore, w: LibraryWriter) {
    LIB.with(|l| *l.borrow_mut() = Some(Lib { r, w, flow: LibraryFlow::new(dates::zone()), timer: None }));
    let on_hash = Closure::<dyn FnMut()>::new(move || intent(LibraryIntent::Route(current_route())));
    if let Some(win) = web_sys::window() {
        let _ = win.add_event_listener_with_callback("hashchange", on_hash.as_ref().unchecked_ref());
    }
    on_hash.forget();
    intent(LibraryIntent::Route(current_route()));
}

fn current_route() -> Route {
    Route::from_hash(&web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default())
}

pub fn intent(i: LibraryIntent) {
    let now = clock::now_ms();
    step(|f| match i {
        LibraryIntent::Route(route) => f.handle_route(now, route),
        LibraryIntent::SetFilters(filters) => f.handle_filters(now, filters),
        LibraryIntent::Viewport { top, height, width } => f.handle_viewport(now, Viewport { top, height, width }),
        LibraryIntent::JumpTo(month) => f.handle_jump(now, &month),
        LibraryIntent::Open(n) => f.handle_open(now, n),
        LibraryIntent::Step(by) => f.handle_step(now, by),
        LibraryIntent::CloseViewer => f.handle_close_viewer(now),
        LibraryIntent::ToggleSelected(id) => f.handle_toggle(now, id),
        LibraryIntent::ClearSelection => f.handle_clear_selection(now),
        LibraryIntent::TrashSelected => f.handle_send_selected(now, true),
        LibraryIntent::TrashShown => f.handle_trash_shown(now),
        LibraryIntent::RestoreSelected => f.handle_send_selected(now, false),
        LibraryIntent::Undo => f.handle_undo(now),
        LibraryIntent::RestoreAll => f.handle_restore_all(now),
        LibraryIntent::EmptyTrash => f.handle_empty_trash(now),
        LibraryIntent::OpenAlbum(album) => f.handle_open_album(now, album),
        LibraryIntent::Tap(n, id) => f.handle_tap(now, n, id),
        LibraryIntent::ChooseAlbum => f.handle_choose_album(now),
        LibraryIntent::CloseAlbumChooser => f.handle_close_album_chooser(now),
        LibraryIntent::AddToAlbum(name) => f.handle_add_to_album(now, &name),
        LibraryIntent::RemoveFromAlbum => f.handle_remove_from_album(now),
        LibraryIntent::CreateAlbum(name) => f.handle_create_album(now, &name),
        LibraryIntent::RenameAlbum(name) => f.handle_rename_album(now, &name),
        LibraryIntent::DownloadAlbum => f.handle_download_album(now),
        LibraryIntent::DownloadSelected => f.handle_download_selected(now),
    });
}

/// Files were dropped or chosen.
pub(super) fn show_backup() {
    step(|f| f.handle_files_added(clock::now_ms()));
}

pub(super) fn on_status(status: &Status) {
    step(|f| f.handle_status(clock::now_ms(), status));
}

/// This device was just signed in (a sign-in link, an approval).
pub(super) fn on_signed_in() {
    step(|f| f.handle_signed_in(clock::now_ms()));
}

/// Feed the flow one input, copy what it shows, then perform what it asks.
fn step(input: impl FnOnce(&mut LibraryFlow)) {
    let actions = LIB.with(|l| {
        let mut l = l.borrow_mut();
        let l = l.as_mut()?;
        input(&mut l.flow);
        publish(l);
        arm(l);
        Some(std::iter::from_fn(|| l.flow.poll_action()).collect::<Vec<_>>())
    });
    perform(actions.unwrap_or_default());
}

fn perform(actions: Vec<LibraryAction>) {
    for action in actions {
        match action {
            LibraryAction::Go(route) => {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().set_hash(&route.hash());
                }
            }
            // No `hashchange` follows a replaced entry: the flow is on this route already.
            LibraryAction::Replace(route) => {
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&route.hash()));
                }
            }
            LibraryAction::Download(files) => save(files),
            LibraryAction::Call(which, call) => wasm_bindgen_futures::spawn_local(async move {
                let base = super::with(|d| d.engine.settings().api_base()).unwrap_or_default();
                let answer = super::http::api(call).await;
                step(|f| f.handle_answer(clock::now_ms(), which, answer, &base));
            }),
        }
    }
}

/// Saves each file through a link the browser downloads (the server sends them as
/// attachments), a moment apart: a browser drops downloads that start all at once.
fn save(files: Vec<shoebox_core::library::Download>) {
    let Some(win) = web_sys::window() else { return };
    for (i, f) in files.into_iter().enumerate() {
        let cb = Closure::once_into_js(move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
            let Ok(a) = doc.create_element("a") else { return };
            let _ = a.set_attribute("href", &f.url);
            let _ = a.set_attribute("download", &f.filename);
            let _ = a.set_attribute("rel", "noopener");
            if let (Some(body), Ok(a)) = (doc.body(), a.dyn_into::<web_sys::HtmlElement>()) {
                let _ = body.append_child(&a);
                a.click();
                a.remove();
            }
        });
        let _ = win.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), (i as i32) * 300);
    }
}

/// Wake the flow when it asks to (a note or an Undo leaves), keeping one timer at a time.
fn arm(l: &mut Lib) {
    let due = l.flow.poll_timeout();
    if l.timer.map(|t| t.1) == due {
        return;
    }
    let Some(win) = web_sys::window() else { return };
    if let Some((h, _)) = l.timer.take() {
        win.clear_timeout_with_handle(h);
    }
    let Some(at) = due else { return };
    let cb = Closure::once_into_js(move || {
        LIB.with(|l| l.borrow_mut().as_mut().map(|l| l.timer = None));
        step(|f| f.handle_timeout(clock::now_ms()));
    });
    let delay = at.saturating_sub(clock::now_ms()).min(i32::MAX as u64) as i32;
    l.timer = win.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), delay).ok().map(|h| (h, at));
}

/// Copy the flow's view into the store, each signal only when its value changed.
fn publish(l: &Lib) {
    fn put<T: PartialEq + Send + Sync + 'static>(r: ReadSignal<T>, w: WriteSignal<T>, v: T) {
        if r.with_untracked(|old| old != &v) {
            w.set(v);
        }
    }
    let (f, r, w) = (&l.flow, &l.r, &l.w);
    put(r.route, w.route, f.route().clone());
    put(r.filters, w.filters, f.filters().clone());
    put(r.state, w.state, f.state());
    put(r.totals, w.totals, f.totals().clone());
    put(r.matching, w.matching, f.matching());
    put(r.height, w.height, f.height());
    if let Some(cell) = f.cell() {
        put(r.cell, w.cell, cell);
    }
    put(r.rows, w.rows, f.rows());
    put(r.months, w.months, f.months());
    put(r.scroll_to, w.scroll_to, f.scroll_to());
    put(r.albums, w.albums, f.albums().to_vec());
    put(r.visits, w.visits, f.visits().to_vec());
    put(r.selected, w.selected, f.selected().to_vec());
    put(r.viewer, w.viewer, f.viewer().cloned());
    put(r.focus, w.focus, f.focus());
    put(r.message, w.message, f.note().map(s::note));
    put(r.can_undo, w.can_undo, f.can_undo());
    put(r.trash_days, w.trash_days, f.trash_days());
    put(r.album_page, w.album_page, f.album_page());
    put(r.choosing_album, w.choosing_album, f.choosing_album());
}
