//! HTTP adapter over XMLHttpRequest: fetch gives no upload progress, and chunk uploads need it.
//! Bodies are Blobs (a `File.slice`): Chromium sends them an order of magnitude faster than
//! byte arrays (BENCHMARKS.md, "Figures behind the code's constants").
use futures::channel::oneshot;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, ProgressEvent, XmlHttpRequest};

pub enum XhrBody {
    Empty,
    Text(String),
    Blob(Blob),
}

pub struct XhrRequest {
    pub method: String,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: XhrBody,
}

#[derive(Debug, Clone)]
pub struct XhrResponse {
    pub status: u16,
    /// Names lower-cased; only the headers CORS exposes are visible cross-origin.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum XhrError {
    /// Connection refused or dropped, DNS, CORS rejection: the browser does not say which.
    Network,
    Aborted,
    Other(String),
}

type Listeners = Vec<Closure<dyn FnMut(JsValue)>>;

/// Aborts the request it was returned with; dropping it does not abort.
#[derive(Clone)]
pub struct XhrHandle {
    xhr: XmlHttpRequest,
}

impl XhrHandle {
    pub fn abort(&self) {
        let _ = self.xhr.abort();
    }
}

/// Start a request. `on_progress` gets the bytes of the body sent so far.
pub fn send(
    req: XhrRequest,
    on_progress: impl Fn(u64) + 'static,
) -> Result<(XhrHandle, impl std::future::Future<Output = Result<XhrResponse, XhrError>>), XhrError> {
    let err = |e: JsValue| XhrError::Other(format!("{e:?}"));
    let xhr = XmlHttpRequest::new().map_err(err)?;
    xhr.open_with_async(&req.method, &req.url, true).map_err(err)?;
    for (k, v) in &req.headers {
        xhr.set_request_header(k, v).map_err(err)?;
    }
    let (tx, rx) = oneshot::channel::<Result<XhrResponse, XhrError>>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let listeners: Rc<RefCell<Listeners>> = Rc::new(RefCell::new(Vec::new()));

    let finish = {
        let tx = tx.clone();
        let listeners = listeners.clone();
        move |result: Result<XhrResponse, XhrError>| {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(result);
            }
            // Closures must outlive the request; release them once it has settled.
            let l = listeners.clone();
            wasm_bindgen_futures::spawn_local(async move {
                l.borrow_mut().clear();
            });
        }
    };
    let on = |target: &web_sys::EventTarget, name: &str, f: Box<dyn FnMut(JsValue)>| {
        let c = Closure::wrap(f);
        let _ = target.add_event_listener_with_callback(name, c.as_ref().unchecked_ref());
        listeners.borrow_mut().push(c);
    };
    {
        let x = xhr.clone();
        let finish = finish.clone();
        on(
            &xhr,
            "load",
            Box::new(move |_| {
                let status = x.status().unwrap_or(0);
                let headers = parse_headers(&x.get_all_response_headers().unwrap_or_default());
                let body = x.response_text().ok().flatten().unwrap_or_default();
                finish(Ok(XhrResponse { status, headers, body }));
            }),
        );
    }
    {
        let finish = finish.clone();
        on(&xhr, "error", Box::new(move |_| finish(Err(XhrError::Network))));
    }
    {
        let finish = finish.clone();
        on(&xhr, "abort", Box::new(move |_| finish(Err(XhrError::Aborted))));
    }
    {
        let finish = finish.clone();
        on(&xhr, "timeout", Box::new(move |_| finish(Err(XhrError::Network))));
    }
    if let Ok(upload) = xhr.upload() {
        on(
            &upload,
            "progress",
            Box::new(move |e: JsValue| {
                if let Some(e) = e.dyn_ref::<ProgressEvent>() {
                    on_progress(e.loaded() as u64);
                }
            }),
        );
    }
    let sent = match &req.body {
        XhrBody::Empty => xhr.send(),
        XhrBody::Text(s) => xhr.send_with_opt_str(Some(s)),
        XhrBody::Blob(b) => xhr.send_with_opt_blob(Some(b)),
    };
    sent.map_err(err)?;
    let fut = async move { rx.await.unwrap_or(Err(XhrError::Aborted)) };
    Ok((XhrHandle { xhr }, fut))
}

fn parse_headers(raw: &str) -> Vec<(String, String)> {
    raw.split("\r\n")
        .filter_map(|line| {
            let (k, v) = line.split_once(':')?;
            Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
        })
        .collect()
}
