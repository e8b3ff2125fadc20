//! The skipped list: every skipped file with its reason, and a CSV download of it.
use leptos::prelude::*;
use shoebox_core::facts::Outcome;
use wasm_bindgen::JsCast;

use crate::store::{use_store, FileRow, RowState};
use crate::strings as s;

const MAX_SHOWN: usize = 200;

fn skipped(rows: &[FileRow]) -> Vec<(String, String)> {
    rows.iter()
        .filter_map(|r| match &r.state {
            RowState::Done(Outcome::Skipped(reason)) => Some((r.path.clone(), s::skip_reason(*reason))),
            _ => None,
        })
        .collect()
}

/// RFC 4180 quoting: names may hold commas, quotes or new lines. The header is in the
/// page's language, like the reasons.
pub fn csv(rows: &[(String, String)]) -> String {
    let q = |v: &str| format!("\"{}\"", v.replace('"', "\"\""));
    let [path, reason] = s::skips::csv_header();
    let mut out = format!("{path},{reason}\r\n");
    for (p, r) in rows {
        out.push_str(&format!("{},{}\r\n", q(p), q(r)));
    }
    out
}

pub(crate) fn download(name: &str, text: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("text/csv;charset=utf-8");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = web_sys::window().and_then(|w| w.document()).expect("document");
    if let Ok(a) = doc.create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

#[component]
pub fn SkippedList() -> impl IntoView {
    let store = use_store();
    let list = Memo::new(move |_| store.rows.with(|r| skipped(r)));
    view! {
        <Show when=move || list.with(|l| !l.is_empty())>
            <section class="skipped" id="skipped" data-testid="skipped-list" aria-labelledby="skipped-title">
                <h2 id="skipped-title">{s::skipped_title()}</h2>
                <button class="button" data-testid="skipped-csv" on:click=move |_| list.with(|l| download("shoebox-skipped.csv", &csv(l)))>
                    <span class="icon icon-download" aria-hidden="true"></span>{s::download_csv()}
                </button>
                <ul class="skipped-items">
                    {move || list.with(|l| l.iter().take(MAX_SHOWN).map(|(p, r)| view! {
                        <li><span class="file-path" data-testid="file-path">{p.clone()}</span><span class="reason" data-testid="skip-reason">{r.clone()}</span></li>
                    }).collect_view())}
                </ul>
                <Show when=move || list.with(|l| l.len() > MAX_SHOWN)>
                    <p class="muted">{move || s::more_in_csv(list.with(|l| l.len() - MAX_SHOWN) as u64)}</p>
                </Show>
            </section>
        </Show>
    }
}
