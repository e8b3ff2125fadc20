//! Prometheus counters of contracts.md, counted in `middleware.rs` (requests) and in the upload
//! path (bytes, completions, dedup), rendered as text at `/metrics`.
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[derive(Default)]
pub struct Metrics {
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    pub received_bytes: AtomicU64,
    pub uploads_completed: AtomicU64,
    pub uploads_deduplicated: AtomicU64,
    /// Completions refused because the bytes read back from disk were not those received.
    pub stored_mismatches: AtomicU64,
    /// The background scrub (`integrity::scrub`): blobs re-hashed, and those that did not match.
    pub scrub_checked: AtomicU64,
    pub scrub_mismatches: AtomicU64,
    /// Previews made outside the browser's formats (`previews::make`): decodes started, and
    /// those that gave none and were marked so (not decoded again).
    pub previews_decoded: AtomicU64,
    pub previews_failed: AtomicU64,
}

impl Metrics {
    pub fn count_request(&self, method: &str, status: u16) {
        *self.requests.lock().unwrap_or_else(|p| p.into_inner()).entry((method.to_string(), status)).or_default() += 1;
    }
    pub fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        s.push_str("# HELP shoebox_http_requests_total HTTP requests answered, by method and status.\n# TYPE shoebox_http_requests_total counter\n");
        for ((m, st), n) in self.requests.lock().unwrap_or_else(|p| p.into_inner()).iter() {
            let _ = writeln!(s, "shoebox_http_requests_total{{method=\"{m}\",status=\"{st}\"}} {n}");
        }
        let mut one = |name: &str, help: &str, c: &AtomicU64| {
            let _ = writeln!(s, "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}", c.load(Ordering::Relaxed));
        };
        one("shoebox_received_bytes_total", "Upload body bytes received and stored.", &self.received_bytes);
        one("shoebox_uploads_completed_total", "Uploads whose last byte arrived and were verified.", &self.uploads_completed);
        one(
            "shoebox_uploads_deduplicated_total",
            "Uploads answered from content the user already had (Upload-Duplicate at creation, or identical content at completion).",
            &self.uploads_deduplicated,
        );
        one(
            "shoebox_stored_mismatches_total",
            "Completions refused: the bytes read back from disk differed from those received.",
            &self.stored_mismatches,
        );
        one("shoebox_scrub_checked_total", "Stored blobs re-hashed by the background scrub.", &self.scrub_checked);
        one(
            "shoebox_scrub_mismatches_total",
            "Stored blobs whose bytes no longer match their sha256, found by the scrub.",
            &self.scrub_mismatches,
        );
        one("shoebox_previews_decoded_total", "HEIC/AVIF, RAW and video previews decoded by the server.", &self.previews_decoded);
        one(
            "shoebox_previews_failed_total",
            "Previews that could not be made from the file (corrupt, too large, timed out), marked so and not tried again.",
            &self.previews_failed,
        );
        s
    }
}
