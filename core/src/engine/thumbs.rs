//! Thumbnails for the library, made where it is cheapest: when a photo has been uploaded to a
//! Shoebox server (one that answered the config request, so it has the library), the engine
//! asks the driver to make a small upright JPEG in a worker, from the downsized copy when High
//! quality made one (already smaller), else from the original, and to PUT it beside the media.
//! A video gets a poster the same way: its first frame, where the browser can decode it.
//! Best effort: nothing waits for it, and a server that has none makes one on first view; and
//! it never holds up an upload (it waits until no file waits to be hashed, prepared or sent).
use super::http::*;
use super::protocol::base_headers;
use super::types::*;
use super::view::Action;
use super::Engine;
use crate::api::MEDIA_PATH;
use crate::facts::MediaKind;

/// The long side of a library thumbnail, in pixels (the server makes the same size).
pub const THUMB_LONG_SIDE: u32 = 256;

/// The upright thumbnail size of a `w` x `h` photo with this EXIF orientation: long side
/// [`THUMB_LONG_SIDE`], never enlarged, at least 1 pixel a side.
pub fn thumb_size(w: u32, h: u32, orientation: Option<u8>) -> Option<(u32, u32)> {
    if w == 0 || h == 0 {
        return None;
    }
    // Orientations 5 to 8 turn the picture a quarter: the upright width is the stored height.
    let (w, h) = if matches!(orientation, Some(5..=8)) { (h, w) } else { (w, h) };
    let long = w.max(h);
    if long <= THUMB_LONG_SIDE {
        return Some((w, h));
    }
    let scale = THUMB_LONG_SIDE as f64 / long as f64;
    Some((((w as f64 * scale).round() as u32).max(1), ((h as f64 * scale).round() as u32).max(1)))
}

impl Engine {
    /// A photo or video was uploaded: ask for its thumbnail when the server keeps a library
    /// and the config does not say this token may not send one.
    /// From the original, it waits until no file waits to be inspected, hashed, prepared or
    /// uploaded:
    /// making and sending it takes a worker and the page's time, which those need first (with
    /// 1,000 small photos, thumbnails beside the uploads cost the backup a third of its speed).
    /// From a prepared copy it is asked now, before the copy is dropped.
    pub(crate) fn ask_thumbnail(&mut self, id: FileId) {
        // A server that does not say what the token may do allows thumbnails.
        let Some(config) = &self.server.config else { return };
        if config.access.is_some_and(|a| !a.thumbnails) {
            return;
        }
        if self.files.get(&id).is_some_and(|f| f.prepared.is_none()) && !self.workers_idle() {
            self.q.thumbs.push_back(id);
            return;
        }
        self.thumbnail_now(id);
    }

    /// No file waits for a worker's inspection, hash or prepare, the dedup check, or its
    /// upload. Inspection counts: while a large drop is still being inspected, its next files
    /// reach the hash queue a few at a time, and the workers look idle between them.
    fn workers_idle(&self) -> bool {
        let t = &self.tally.page;
        let inspecting = !self.q.inspect.is_empty() || t.n_inspecting > 0;
        let local = !inspecting && self.q.hash.is_empty() && self.q.prepare.is_empty() && t.n_hashing == 0 && t.n_preparing == 0;
        local && self.q.check.is_empty() && !self.server.checking && self.q.upload.is_empty() && self.q.active.is_empty()
    }

    /// Ask for the thumbnails held back, once nothing of the backup waits for them, one per
    /// hash worker at a time. The workers may be idle only for a moment (the next files are
    /// still being inspected): hundreds of thumbnails asked at once would then sit in the
    /// workers' queues before those files' hashes, and the uploads would stop until every
    /// thumbnail was made and sent (six seconds of a 1,000-photo backup in a trace).
    pub(crate) fn pump_thumbs(&mut self) {
        while self.q.thumbs_inflight < self.hash_workers && self.workers_idle() {
            let Some(id) = self.q.thumbs.pop_front() else { return };
            self.thumbnail_now(id);
        }
    }

    /// Answer to `Action::Thumbnail`: made and sent, or given up (a thumbnail is best effort,
    /// so how it ended changes nothing but what may go next).
    pub fn handle_thumbnail_done(&mut self, _file: FileId, now: u64) {
        self.q.thumbs_inflight = self.q.thumbs_inflight.saturating_sub(1);
        self.pump(now);
    }

    fn thumbnail_now(&mut self, id: FileId) {
        let Some(f) = self.files.get(&id) else { return };
        let Some(facts) = f.facts.as_ref() else { return };
        let Some(sha) = f.upload_sha() else { return };
        // A video's frame size is known only once the browser opens it: 0 x 0 says "its own shape".
        let (video, (width, height)) = match (facts.kind, facts.width, facts.height) {
            (MediaKind::Video, _, _) => (true, (0, 0)),
            (MediaKind::Photo, Some(w), Some(h)) => match thumb_size(w, h, facts.orientation) {
                Some(s) => (false, s),
                None => return,
            },
            _ => return,
        };
        let mut headers = base_headers(&self.settings.token, false);
        headers.push(("Content-Type".into(), "image/jpeg".into()));
        let url = format!("{}{MEDIA_PATH}/{sha}/thumb", self.settings.api_base());
        let request = HttpRequest { method: Method::Put, url, headers, body: Body::Empty };
        let source = if f.prepared.is_some() { Source::Prepared } else { Source::Original };
        self.q.thumbs_inflight += 1;
        self.out.act(Action::Thumbnail { file: id, source, video, width, height, request });
    }
}
