//! A video's poster for the library: its first frame, where this browser can decode the video.
//! A worker cannot play video, so a muted, detached <video> element in the page opens the file
//! (the media pipeline decodes off the main thread), seeks a little past the start (some files
//! begin on a black frame), and one frame is drawn small and encoded as a JPEG.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, HtmlVideoElement};

/// How long a video may take to show its first frame before we give up (a codec it lacks).
const TIMEOUT_MS: i32 = 15_000;

fn err(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| "the video could not be opened".into())
}

/// Resolves when `event` (or `error`) fires on the element, or after the timeout.
async fn once(video: &HtmlVideoElement, event: &str) -> Result<(), String> {
    let v = video.clone();
    let event = event.to_string();
    let p = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || resolve.call0(&JsValue::NULL));
        let bad = reject.clone();
        let fail = Closure::once_into_js(move || bad.call1(&JsValue::NULL, &"this browser cannot decode the video".into()));
        let _ = v.add_event_listener_with_callback(&event, ok.unchecked_ref());
        let _ = v.add_event_listener_with_callback("error", fail.unchecked_ref());
        if let Some(w) = web_sys::window() {
            let late = Closure::once_into_js(move || reject.call1(&JsValue::NULL, &"the video took too long".into()));
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(late.unchecked_ref(), TIMEOUT_MS);
        }
    });
    JsFuture::from(p).await.map(|_| ()).map_err(err)
}

/// The first frame of the video in `blob` as a JPEG whose long side is at most `long_side`.
pub async fn first_frame(blob: &Blob, long_side: u32) -> Result<Blob, String> {
    let doc = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let video: HtmlVideoElement = doc.create_element("video").map_err(err)?.dyn_into().map_err(|_| "no video element".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(blob).map_err(err)?;
    video.set_muted(true);
    video.set_preload("auto");
    video.set_src(&url);
    let result = async {
        once(&video, "loadeddata").await?;
        let t = (video.duration() / 2.0).min(0.1);
        if t.is_finite() && t > 0.0 {
            video.set_current_time(t);
            once(&video, "seeked").await?;
        }
        let (w, h) = (video.video_width(), video.video_height());
        if w == 0 || h == 0 {
            return Err("the video has no picture".to_string());
        }
        let scale = (long_side as f64 / w.max(h) as f64).min(1.0);
        let (tw, th) = (((w as f64 * scale).round() as u32).max(1), ((h as f64 * scale).round() as u32).max(1));
        let canvas = web_sys::OffscreenCanvas::new(tw, th).map_err(err)?;
        let ctx: web_sys::OffscreenCanvasRenderingContext2d =
            canvas.get_context("2d").map_err(err)?.ok_or("no 2d context")?.dyn_into().map_err(|_| "no 2d context".to_string())?;
        ctx.draw_image_with_html_video_element_and_dw_and_dh(&video, 0.0, 0.0, tw as f64, th as f64).map_err(err)?;
        let enc = web_sys::ImageEncodeOptions::new();
        enc.set_type("image/jpeg");
        enc.set_quality(0.82);
        let out = JsFuture::from(canvas.convert_to_blob_with_options(&enc).map_err(err)?).await.map_err(err)?;
        out.dyn_into::<Blob>().map_err(err)
    }
    .await;
    video.remove_attribute("src").ok();
    video.load();
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}
