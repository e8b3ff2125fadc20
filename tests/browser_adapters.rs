//! Browser tests of the driver's adapters in headless Chromium (wasm-bindgen-test): IndexedDB
//! store, XMLHttpRequest with Blob bodies, progress and abort, network events, batched file
//! walking, and the status card component reading the store.
#![cfg(target_arch = "wasm32")]
use leptos::prelude::*;
use shoebox::browser::{idb, network, walk, xhr};
use shoebox::store::{PageMode, Status, Store};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn blob_of(len: usize) -> web_sys::Blob {
    let bytes = js_sys::Uint8Array::new_with_length(len as u32);
    web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&bytes)).unwrap()
}

#[wasm_bindgen_test]
async fn idb_store_keeps_puts_and_forgets_deletes() {
    let db = idb::open().await.expect("open");
    let kv = idb::Kv::new(&db, "resume");
    kv.clear().await.unwrap();
    kv.put("b", &"two".into()).await.unwrap();
    kv.put("a", &"one".into()).await.unwrap();
    kv.put("a", &"uno".into()).await.unwrap();
    let all: Vec<(String, String)> = kv.entries().await.unwrap().into_iter().map(|(k, v)| (k, v.as_string().unwrap())).collect();
    assert_eq!(all, vec![("a".into(), "uno".into()), ("b".into(), "two".into())]);
    kv.delete("a").await.unwrap();
    assert!(kv.get("a").await.unwrap().is_none());
    assert_eq!(kv.get("b").await.unwrap().and_then(|v| v.as_string()).as_deref(), Some("two"));
    // A second open (a reload) sees the same data.
    let again = idb::Kv::new(&idb::open().await.unwrap(), "resume");
    assert_eq!(again.entries().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn xhr_reads_status_headers_and_body() {
    let req = xhr::XhrRequest { method: "GET".into(), url: "/".into(), headers: vec![], body: xhr::XhrBody::Empty };
    let (_h, fut) = xhr::send(req, |_| {}).unwrap();
    let r = fut.await.expect("response");
    assert_eq!(r.status, 200);
    assert!(r.headers.iter().any(|(k, _)| k == "content-type"), "{:?}", r.headers);
    assert!(r.body.contains("<"), "an HTML page");
}

#[wasm_bindgen_test]
async fn xhr_sends_a_blob_slice_and_reports_upload_progress() {
    let sent = Rc::new(Cell::new(0u64));
    let s2 = sent.clone();
    let body = blob_of(3_000_000).slice_with_f64_and_f64(1_000_000.0, 3_000_000.0).unwrap();
    let req = xhr::XhrRequest { method: "POST".into(), url: "/upload-probe".into(), headers: vec![], body: xhr::XhrBody::Blob(body) };
    let (_h, fut) = xhr::send(req, move |n| s2.set(n)).unwrap();
    // Whatever the test server answers, a response (not a network error) comes back.
    let r = fut.await.expect("a response");
    assert!(r.status >= 200);
    assert_eq!(sent.get(), 2_000_000, "progress reports the whole slice, and only the slice");
}

#[wasm_bindgen_test]
async fn xhr_abort_ends_with_aborted() {
    let req = xhr::XhrRequest {
        method: "POST".into(),
        url: "/abort-probe".into(),
        headers: vec![],
        body: xhr::XhrBody::Blob(blob_of(32_000_000)),
    };
    let (h, fut) = xhr::send(req, |_| {}).unwrap();
    h.abort();
    assert_eq!(fut.await.unwrap_err(), xhr::XhrError::Aborted);
}

#[wasm_bindgen_test]
async fn network_watch_sees_synthetic_offline_and_online_events() {
    let calls = Rc::new(Cell::new(0));
    let c2 = calls.clone();
    network::watch(move || c2.set(c2.get() + 1));
    let w = web_sys::window().unwrap();
    w.dispatch_event(&web_sys::Event::new("offline").unwrap()).unwrap();
    w.dispatch_event(&web_sys::Event::new("online").unwrap()).unwrap();
    assert_eq!(calls.get(), 2);
    assert!(!network::is_metered(), "headless Chromium reports no cellular connection");
}

#[wasm_bindgen_test]
async fn file_list_walk_delivers_every_file_in_batches() {
    let dt = web_sys::DataTransfer::new().unwrap();
    for i in 0..1_234 {
        let f = web_sys::File::new_with_str_sequence(&js_sys::Array::of1(&format!("file {i}").into()), &format!("IMG_{i:04}.jpg")).unwrap();
        dt.items().add_with_file(&f).unwrap();
    }
    let mut batches = Vec::new();
    walk::walk_file_list(dt.files().unwrap(), |b| batches.push(b.len())).await;
    assert_eq!(batches, vec![500, 500, 234]);
}

#[wasm_bindgen_test]
async fn status_card_shows_the_store_status_in_plain_words() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&host).unwrap();
    let (store, w) = Store::new(Default::default(), PageMode::App, false, false);
    let _handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(store);
        view! { <shoebox::ui::status_card::StatusCard/> }
    });
    let card = || host.query_selector("[data-testid=status-card] h2").unwrap().unwrap().text_content().unwrap();
    assert_eq!(card(), "Ready");
    w.status.set(Status::BackingUp { done: 1234, total: 5678, bytes_left: 2_100_000_000, eta_ms: Some(360_000) });
    leptos::task::tick().await;
    assert_eq!(card(), "Backing up 1,234 of 5,678");
    let detail = host.query_selector(".status-detail").unwrap().unwrap().text_content().unwrap();
    assert_eq!(detail, "2.1 GB left, about 6 min");
    w.totals.update(|t| t.skipped.not_media = 3);
    leptos::task::tick().await;
    assert!(host.text_content().unwrap().contains("3 other files ignored — see why"));
}

/// The folder-handle path cannot be granted headless through a picker, but the origin-private
/// file system gives a real FileSystemDirectoryHandle: it is remembered in IndexedDB, read back
/// after a "reload" (a fresh open), and walked with relative paths that include its name; a
/// file handle (a kept archive) likewise, read back as its file.
#[wasm_bindgen_test]
async fn folder_handles_are_remembered_and_walked() {
    use js_sys::Reflect;
    use shoebox::browser::folder_handles;
    let storage = web_sys::window().unwrap().navigator();
    let storage = Reflect::get(&storage, &"storage".into()).unwrap();
    let get_dir: js_sys::Function = Reflect::get(&storage, &"getDirectory".into()).unwrap().unchecked_into();
    let root = wasm_bindgen_futures::JsFuture::from(get_dir.call0(&storage).unwrap().unchecked_into::<js_sys::Promise>()).await.unwrap();
    // root/Trip/a.jpg and root/Trip/Day 2/b.jpg
    async fn call(t: &wasm_bindgen::JsValue, m: &str, a: &[wasm_bindgen::JsValue]) -> wasm_bindgen::JsValue {
        let f: js_sys::Function = Reflect::get(t, &m.into()).unwrap().unchecked_into();
        let p = match a {
            [x] => f.call1(t, x).unwrap(),
            [x, y] => f.call2(t, x, y).unwrap(),
            _ => f.call0(t).unwrap(),
        };
        wasm_bindgen_futures::JsFuture::from(p.unchecked_into::<js_sys::Promise>()).await.unwrap()
    }
    let create = js_sys::Object::new();
    Reflect::set(&create, &"create".into(), &true.into()).unwrap();
    let trip = call(&root, "getDirectoryHandle", &["Trip".into(), create.clone().into()]).await;
    let day2 = call(&trip, "getDirectoryHandle", &["Day 2".into(), create.clone().into()]).await;
    for (dir, name) in [(&trip, "a.jpg"), (&day2, "b.jpg")] {
        let fh = call(dir, "getFileHandle", &[name.into(), create.clone().into()]).await;
        let w = call(&fh, "createWritable", &[]).await;
        call(&w, "write", &[name.into()]).await;
        call(&w, "close", &[]).await;
    }
    let kv = idb::Kv::new(&idb::open().await.unwrap(), "folders");
    folder_handles::forget_all(&kv).await.unwrap();
    folder_handles::remember(&kv, "ann", &trip).await.unwrap();
    let again = folder_handles::remembered(&idb::Kv::new(&idb::open().await.unwrap(), "folders"), "ann").await;
    assert_eq!(again.len(), 1);
    // Another account on this browser is offered none of them.
    assert!(folder_handles::remembered(&kv, "bob").await.is_empty());
    assert_eq!(folder_handles::name(&again[0]), "Trip");
    assert!(folder_handles::ensure_permission(&again[0]).await);
    let mut paths = Vec::new();
    folder_handles::walk(again[0].clone(), |b| paths.extend(b.into_iter().map(|w| w.relative_path))).await;
    paths.sort();
    assert_eq!(paths, vec!["Trip/Day 2/b.jpg".to_string(), "Trip/a.jpg".to_string()]);

    // An archive's file handle (showOpenFilePicker's kind) is kept in the same store, read back
    // as a file (its name alone, as an input gives it), never walked.
    let zip = call(&root, "getFileHandle", &["takeout-001.zip".into(), create.clone().into()]).await;
    let w = call(&zip, "createWritable", &[]).await;
    call(&w, "write", &["PK".into()]).await;
    call(&w, "close", &[]).await;
    folder_handles::remember(&kv, "ann", &zip).await.unwrap();
    let mut again = folder_handles::remembered(&idb::Kv::new(&idb::open().await.unwrap(), "folders"), "ann").await;
    again.sort_by_key(folder_handles::name);
    assert_eq!(again.iter().map(folder_handles::name).collect::<Vec<_>>(), ["Trip", "takeout-001.zip"]);
    assert!(!folder_handles::is_file(&again[0]) && folder_handles::is_file(&again[1]));
    assert!(folder_handles::ensure_permission(&again[1]).await);
    let file = folder_handles::file(&again[1]).await.expect("the kept archive reads");
    assert_eq!((file.relative_path.as_str(), file.size), ("takeout-001.zip", 2));
}
