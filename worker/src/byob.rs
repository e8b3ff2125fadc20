//! Reading a blob into two reused buffers through its stream's BYOB ("bring your own buffer")
//! reader. Each `blob.slice().arrayBuffer()` is a new buffer that only a garbage collection
//! frees, and a worker that allocates little else collects rarely: streaming a 2 GiB video that
//! way left hundreds of MiB of spent buffers in the renderer between collections. Here the same
//! two buffers go back and forth between the reader and this code, whatever the file's size.
use js_sys::{ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Blob;

/// Each buffer's size: large enough to amortise a read's round trip, small enough to stay cheap.
const BUFFER: u32 = 4 << 20;

/// A BYOB reader of the blob's stream; `None` where the browser has none (then the caller slices).
pub fn reader(blob: &Blob) -> Option<JsValue> {
    let stream_fn: Function = Reflect::get(blob, &"stream".into()).ok()?.dyn_into().ok()?;
    let stream = stream_fn.call0(blob).ok()?;
    let get_reader: Function = Reflect::get(&stream, &"getReader".into()).ok()?.dyn_into().ok()?;
    let options = Object::new();
    Reflect::set(&options, &"mode".into(), &"byob".into()).ok()?;
    get_reader.call1(&stream, &options).ok()
}

fn read_into(reader: &JsValue, buffer: ArrayBuffer) -> Result<JsFuture, JsValue> {
    let read: Function = Reflect::get(reader, &"read".into())?.dyn_into()?;
    let promise: Promise = read.call1(reader, &Uint8Array::new(&buffer))?.dyn_into()?;
    Ok(JsFuture::from(promise))
}

/// Feeds every byte the reader gives to `eat`, in order, through one reusable wasm buffer,
/// with the next read in flight while the current bytes are eaten, and a turn of the event loop
/// after each buffer so that other jobs (a chunk's checksum) start meanwhile.
pub async fn drain(reader: &JsValue, mut eat: impl FnMut(&[u8])) -> Result<(), JsValue> {
    let mut spare = Some(ArrayBuffer::new(BUFFER));
    let mut pending = Some(read_into(reader, ArrayBuffer::new(BUFFER))?);
    let mut bytes = Vec::new();
    while let Some(read) = pending.take() {
        let result = read.await?;
        if Reflect::get(&result, &"done".into())?.as_bool().unwrap_or(true) {
            break;
        }
        let view: Uint8Array = Reflect::get(&result, &"value".into())?.dyn_into()?;
        if let Some(buffer) = spare.take() {
            pending = Some(read_into(reader, buffer)?);
        }
        bytes.resize(view.length() as usize, 0);
        view.copy_to(&mut bytes);
        // The reader handed its buffer back inside `view`: it carries the read after next.
        spare = Some(view.buffer());
        eat(&bytes);
        if pending.is_none() {
            pending = spare.take().map(|b| read_into(reader, b)).transpose()?;
        }
        super::turns::next_task().await;
    }
    Ok(())
}
