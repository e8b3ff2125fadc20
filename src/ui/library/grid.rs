//! The virtualised grid: a scroller as tall as the whole timeline, with only the rows on screen
//! in the DOM (the driver says which), a heading per day, square thumbnails (a typed
//! placeholder while loading or when there is none), a checkbox to select, and the scrubber.
use leptos::prelude::*;
use shoebox_core::decimal::fixed;
use wasm_bindgen::prelude::*;

use crate::driver::library::{intent, LibraryIntent, GAP};
use crate::library_store::{use_library, Cell, GridRow, LoadState, RowBody};
use crate::strings::dates;
use crate::strings::library as s;

/// How long a touch must rest on a thumbnail to select it.
const LONG_PRESS_MS: i32 = 500;

/// The scroller's side padding (CSS `.lib-canvas` inset), taken off the width the grid fills.
const PAD: f64 = 8.0;

#[component]
pub fn Grid() -> impl IntoView {
    let lib = use_library();
    let scroller = NodeRef::<leptos::html::Div>::new();
    let frame = StoredValue::new(false);
    let report = move || {
        if let Some(el) = scroller.get_untracked() {
            let width = el.client_width() as f64 - 2.0 * PAD;
            intent(LibraryIntent::Viewport { top: el.scroll_top() as f64, height: el.client_height() as f64, width });
        }
    };
    // At most one report per frame, however fast the scroll events come.
    let on_scroll = move |_| {
        if frame.get_value() {
            return;
        }
        frame.set_value(true);
        let cb = Closure::once_into_js(move || {
            frame.set_value(false);
            report();
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(cb.unchecked_ref());
        }
    };
    Effect::new(move |_| {
        if scroller.get().is_some() {
            report();
        }
    });
    let resize = Closure::<dyn FnMut()>::new(report);
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("resize", resize.as_ref().unchecked_ref());
    }
    let resize = StoredValue::new_local(Some(resize));
    on_cleanup(move || {
        if let (Some(w), Some(c)) = (web_sys::window(), resize.try_update_value(|r| r.take()).flatten()) {
            let _ = w.remove_event_listener_with_callback("resize", c.as_ref().unchecked_ref());
        }
    });
    Effect::new(move |_| {
        if let (Some((_, top)), Some(el)) = (lib.scroll_to.get(), scroller.get_untracked()) {
            el.set_scroll_top(top as i32);
            report();
        }
    });
    // The viewer closed: its last item's thumbnail takes the focus (scrolling to it), once its
    // row is drawn, unless the person has already put the focus somewhere. It is tried after
    // the frame's DOM changes, when the viewer (which held the focus) is gone.
    let focused = StoredValue::new(0u64);
    let try_focus = move |serial: u64, index: u64| {
        if focused.get_value() == serial {
            return;
        }
        let Some(el) = scroller.get_untracked() else { return };
        let doc = web_sys::window().and_then(|w| w.document());
        let free = doc.and_then(|d| d.active_element()).is_none_or(|a| a.tag_name() == "BODY" || el.contains(Some(&a)));
        if !free {
            focused.set_value(serial);
            return;
        }
        if let Ok(Some(b)) = el.query_selector(&format!("[data-index=\"{index}\"] [data-testid=\"thumb-open\"]")) {
            if let Ok(b) = b.dyn_into::<web_sys::HtmlElement>() {
                let _ = b.focus();
                focused.set_value(serial);
            }
        }
    };
    Effect::new(move |_| {
        lib.rows.track();
        let Some((serial, index)) = lib.focus.get() else { return };
        let cb = Closure::once_into_js(move || try_focus(serial, index));
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(cb.unchecked_ref());
        }
    });
    let empty = move || lib.state.get() == LoadState::Ready && lib.matching.get() == 0;
    view! {
        <div class="lib-body">
            <div class="lib-scroll" node_ref=scroller on:scroll=on_scroll data-testid="library-grid" aria-label=s::grid_label() role="region">
                <Show when=move || lib.state.get() == LoadState::Loading>
                    <p class="muted lib-loading" data-testid="library-loading">{s::loading()}</p>
                </Show>
                <Show when=empty>
                    <p class="muted lib-loading" data-testid="library-empty">{move || {
                        let trash = lib.route.get() == crate::library_store::Route::Trash;
                        let filtered = lib.filters.with(|f| *f != Default::default());
                        if trash { s::trash_empty() } else if filtered { s::no_match() } else { s::empty() }
                    }}</p>
                </Show>
                <div class="lib-canvas" style:height=move || format!("{}px", fixed(lib.height.get(), 2))>
                    <For each=move || lib.rows.get() key=row_key children=move |r| view! { <GridRowView row=r/> }/>
                </div>
            </div>
            <Scrubber/>
        </div>
    }
}

/// A row is redrawn when it moves (a resize), its items arrive, or it holds something else: new
/// filters lay other days and items out at the same places, and a heading keyed by its place
/// alone would keep the old day and count.
fn row_key(r: &GridRow) -> (usize, u64, String) {
    let what = match &r.body {
        RowBody::Heading { day, count } => format!("{day} {count}"),
        RowBody::Cells(c) => {
            let ids: Vec<&str> = c.iter().map(|c| c.item.as_ref().map_or("", |i| i.id.as_str())).collect();
            format!("{} {}", c.first().map_or(0, |c| c.index), ids.join(","))
        }
    };
    (r.key, r.top.to_bits(), what)
}

#[component]
fn GridRowView(row: GridRow) -> impl IntoView {
    let lib = use_library();
    let style = format!("transform: translateY({}px)", fixed(row.top, 2));
    match row.body {
        RowBody::Heading { day, count } => view! {
            <div class="lib-row lib-day" style=style data-testid="day-heading" data-day=day.clone() data-count=count>
                <h3>{dates::day_heading(&day)}</h3>
                <span class="muted">{s::day_count(count)}</span>
            </div>
        }
        .into_any(),
        RowBody::Cells(cells) => {
            let side = lib.cell.get_untracked();
            view! {
                <div class="lib-row lib-cells" style=style>
                    {cells.into_iter().map(|c| view! { <CellView cell=c side=side/> }).collect_view()}
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn CellView(cell: Cell, side: f64) -> impl IntoView {
    let lib = use_library();
    let (side, gap) = (fixed(side, 2), fixed(GAP, 0));
    let size = format!("width: {side}px; height: {side}px; margin-right: {gap}px");
    let Some(item) = cell.item else {
        return view! { <div class="thumb loading" style=size aria-hidden="true"></div> }.into_any();
    };
    let broken = RwSignal::new(item.thumb_url.is_none());
    let name = item.filename.clone().unwrap_or_else(|| item.sha256[..12].to_string());
    let (id, id2) = (item.id.clone(), item.id.clone());
    let selected = Signal::derive(move || lib.selected.with(|s| s.contains(&id2)));
    let video = item.kind == "video";
    let badge = s::video_badge(item.duration_ms);
    // The badge's words are in the name too ("Video 0:07, …"), as the visible text must be.
    let video_name = if item.duration_ms.is_some() { format!("{} {badge}", s::video()) } else { s::video().to_string() };
    let moving = item.motion.is_some();
    let index = cell.index;
    let tap_id = item.id.clone();
    // A long press on a touch screen selects (as on a phone's photo app); the tap that ends it
    // then does nothing more.
    let press = StoredValue::new(None::<i32>);
    let pressed = StoredValue::new(false);
    let long_id = item.id.clone();
    let cancel_press = move || {
        if let (Some(h), Some(w)) = (press.get_value(), web_sys::window()) {
            w.clear_timeout_with_handle(h);
        }
        press.set_value(None);
    };
    let on_down = move |e: web_sys::PointerEvent| {
        pressed.set_value(false);
        if e.pointer_type() != "touch" {
            return;
        }
        cancel_press();
        let id = long_id.clone();
        // The row may be drawn anew meanwhile (its values then gone): the selection comes first.
        let cb = Closure::once_into_js(move || {
            intent(LibraryIntent::ToggleSelected(id));
            press.try_set_value(None);
            pressed.try_set_value(true);
        });
        let h =
            web_sys::window().and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), LONG_PRESS_MS).ok());
        press.set_value(h);
    };
    // The visible words (a placeholder's, the video badge) lead the name, as screen readers expect.
    let base = s::open_item(&name, &dates::day_heading(&item.day));
    let base = if moving { format!("{}, {base}", s::motion()) } else { base };
    let left = cell.days_left.map(s::days_left);
    let base = match &left {
        Some(l) => format!("{l}, {base}"),
        None => base,
    };
    let label = move || match (video, broken.get()) {
        (true, _) => format!("{video_name}, {base}"),
        (false, true) => format!("{}, {base}", s::no_thumb()),
        (false, false) => base.clone(),
    };
    view! {
        <div class="thumb" class:selected=selected class:video=video style=size data-testid="thumb" data-id=item.id.clone() data-index=index
            data-name=name.clone() data-album=item.album.clone().unwrap_or_default() data-day=item.day.clone()>
            <button class="thumb-open" data-testid="thumb-open" aria-label=label
                on:pointerdown=on_down on:pointerup=move |_| cancel_press() on:pointercancel=move |_| cancel_press()
                on:pointerleave=move |_| cancel_press()
                on:contextmenu=move |e| if pressed.get_value() || press.get_value().is_some() { e.prevent_default() }
                on:click=move |_| {
                    if pressed.get_value() {
                        pressed.set_value(false);
                    } else {
                        intent(LibraryIntent::Tap(index, tap_id.clone()));
                    }
                }>
                <Show when=move || !broken.get() fallback=move || view! {
                    <span class="placeholder" data-testid="placeholder">
                        <span class=if video { "icon icon-play" } else { "icon icon-photo" } aria-hidden="true"></span>
                        <span>{if video { s::video() } else { s::no_thumb() }}</span>
                    </span>
                }>
                    <img src=item.thumb_url.clone().unwrap_or_default() alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer"
                        on:error=move |_| broken.set(true)/>
                </Show>
                {move || (video && !broken.get()).then(|| view! { <span class="badge" data-testid="video-badge">{badge.clone()}</span> })}
                {moving.then(|| view! { <span class="badge" data-testid="motion-badge" aria-hidden="true">{s::motion()}</span> })}
            </button>
            // Beside the button, not in it: its words are in the button's name already.
            {left.map(|l| view! { <span class="badge days-left" data-testid="days-left" aria-hidden="true">{l}</span> })}
            <input type="checkbox" class="thumb-check" data-testid="thumb-select" aria-label=s::select_item(&name) prop:checked=selected
                on:change=move |_| intent(LibraryIntent::ToggleSelected(id.clone()))/>
        </div>
    }
    .into_any()
}

/// Year and month marks down the side; a click (or Enter) jumps there.
#[component]
fn Scrubber() -> impl IntoView {
    let lib = use_library();
    view! {
        <nav class="scrubber" aria-label=s::scrubber() data-testid="scrubber">
            <For each=move || {
                let months = lib.months.get();
                let mut last_year = String::new();
                months.into_iter().map(|(ym, _)| {
                    let year = ym.get(..4).unwrap_or("").to_string();
                    let first = year != last_year;
                    last_year = year.clone();
                    (ym, year, first)
                }).collect::<Vec<_>>()
            } key=|m| m.0.clone() children=move |(ym, year, first)| {
                let label = format!("{} {year}", dates::month_label(&ym));
                let m = ym.clone();
                view! {
                    <button class="scrub" class:year=first aria-label=label.clone() title=label data-testid="scrub" data-month=ym.clone()
                        on:click=move |_| intent(LibraryIntent::JumpTo(m.clone()))>
                        {if first { year.clone() } else { dates::month_label(&ym) }}
                    </button>
                }
            }/>
        </nav>
    }
}
