//! The library's thumbnail, made where it is cheapest: in the worker, with the browser's own
//! decoder and resizer (createImageBitmap decodes natively, applies EXIF orientation to the
//! pixels and resizes in one step), then encoded to JPEG by an OffscreenCanvas. The photo's
//! bytes never enter wasm memory.
use js_sys::ArrayBuffer;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ImageBitmap, ImageBitmapOptions, ImageEncodeOptions, ImageOrientation, OffscreenCanvas, OffscreenCanvasRenderingContext2d,
    ResizeQuality,
};

/// JPEG quality of thumbnails: small files, no visible blocks at 256 px.
const QUALITY: f64 = 0.82;

fn err(e: wasm_bindgen::JsValue) -> String {
    e.as_string().or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from)).unwrap_or_else(|| "thumbnail failed".into())
}

/// A `width` x `height` (upright) JPEG of the image in `blob`.
pub async fn make(blob: &Blob, width: u32, height: u32) -> Result<ArrayBuffer, String> {
    if width == 0 || height == 0 || width > 4096 || height > 4096 {
        return Err(format!("bad thumbnail size {width}x{height}"));
    }
    // The global's own createImageBitmap: a worker's, or the page's in browser tests.
    let global = js_sys::global();
    let create: js_sys::Function = js_sys::Reflect::get(&global, &"createImageBitmap".into())
        .map_err(err)?
        .dyn_into()
        .map_err(|_| "no createImageBitmap".to_string())?;
    let opts = ImageBitmapOptions::new();
    opts.set_image_orientation(ImageOrientation::FromImage);
    opts.set_resize_width(width);
    opts.set_resize_height(height);
    opts.set_resize_quality(ResizeQuality::High);
    let promise: js_sys::Promise = create.call2(&global, blob, &opts).map_err(err)?.dyn_into().map_err(err)?;
    let bmp: ImageBitmap = JsFuture::from(promise).await.map_err(err)?.dyn_into().map_err(err)?;
    let canvas = OffscreenCanvas::new(bmp.width(), bmp.height()).map_err(err)?;
    let ctx: OffscreenCanvasRenderingContext2d =
        canvas.get_context("2d").map_err(err)?.ok_or("no 2d context")?.dyn_into().map_err(|_| "no 2d context".to_string())?;
    ctx.draw_image_with_image_bitmap(&bmp, 0.0, 0.0).map_err(err)?;
    bmp.close();
    let enc = ImageEncodeOptions::new();
    enc.set_type("image/jpeg");
    enc.set_quality(QUALITY);
    let out: Blob = JsFuture::from(canvas.convert_to_blob_with_options(&enc).map_err(err)?).await.map_err(err)?.dyn_into().map_err(err)?;
    JsFuture::from(out.array_buffer()).await.map_err(err)?.dyn_into().map_err(err)
}
