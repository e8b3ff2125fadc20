//! The Content-Security-Policy of the app's own files (its page, workers and service worker):
//! no script but the app's own files and Trunk's inline loader (allowed by its hash, taken from
//! the index.html being served, so it follows every build), no plugins, no `<base>`, no framing.
//! Connections, images and media stay open by default because a person may send their
//! backups to a tus server of their choosing; `--csp-connect-src` narrows them.
use axum::http::{header, HeaderMap};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;

/// Where the app may connect (and load images and media from) when the operator names nothing:
/// any http(s) or ws(s) origin.
pub const OPEN_CONNECT_SRC: &str = "*";

/// The policy for a build whose index.html is `index_html`; `connect` is the operator's
/// `--csp-connect-src` list, if any.
pub fn app_csp(index_html: &str, connect: Option<&str>) -> String {
    let connect = connect.map(str::trim).filter(|c| !c.is_empty()).unwrap_or(OPEN_CONNECT_SRC);
    let hashes: String = inline_scripts(index_html).iter().map(|s| format!(" 'sha256-{}'", sha256_b64(s))).collect();
    [
        "default-src 'self'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        // Leptos writes `style` attributes (row heights, progress bars).
        "style-src 'self' 'unsafe-inline'".to_string(),
        // Thumbnails and previews may come from the person's server; the QR code and a video's
        // first frame are data: and blob: URLs.
        format!("img-src 'self' blob: data: {connect}"),
        format!("media-src 'self' blob: {connect}"),
        format!("connect-src 'self' {connect}"),
        // The upload workers start from a blob: URL that imports the app's own module.
        "worker-src 'self' blob:".to_string(),
        "object-src 'none'".to_string(),
        "base-uri 'none'".to_string(),
        "form-action 'self'".to_string(),
        "frame-ancestors 'none'".to_string(),
    ]
    .join("; ")
}

/// Sets the policy of the build in `app_dir` on an answer from it. Read at each answer (the file
/// is small) so a new build deployed under a running server gets its own loader's hash.
pub async fn set(h: &mut HeaderMap, app_dir: &Path, connect: Option<&str>) {
    let index = tokio::fs::read_to_string(app_dir.join("index.html")).await.unwrap_or_default();
    h.insert(header::CONTENT_SECURITY_POLICY, super::hv(app_csp(&index, connect)));
}

fn sha256_b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

/// The text of every `<script>` without a `src` attribute, exactly as a browser hashes it.
fn inline_scripts(html: &str) -> Vec<&str> {
    let lower = html.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(open) = lower[i..].find("<script").map(|p| p + i) {
        let Some(tag_end) = lower[open..].find('>').map(|p| p + open + 1) else { break };
        let Some(close) = lower[tag_end..].find("</script").map(|p| p + tag_end) else { break };
        let tag = &lower[open..tag_end];
        let has_src = tag.split(|c: char| c.is_ascii_whitespace()).any(|a| a.starts_with("src=") || a == "src");
        if !has_src {
            out.push(&html[tag_end..close]);
        }
        i = close;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<!doctype html><html><head>\n<script type=\"module\">\nimport init from '/shoebox-0123456789abcdef.js';\ninit();\n</script>\n<script src=\"/x.js\"></script><SCRIPT>a()</SCRIPT></head></html>";

    #[test]
    fn inline_scripts_are_found_exactly_and_external_ones_skipped() {
        assert_eq!(inline_scripts(PAGE), vec!["\nimport init from '/shoebox-0123456789abcdef.js';\ninit();\n", "a()"]);
        assert!(inline_scripts("<p>no scripts</p>").is_empty());
        assert!(inline_scripts("<script>unterminated").is_empty());
    }

    #[test]
    fn the_policy_allows_the_builds_loader_by_hash_and_nothing_injected() {
        let csp = app_csp(PAGE, None);
        let directive = |name: &str| csp.split("; ").find(|d| d.split(' ').next() == Some(name)).unwrap_or_default().to_string();
        // echo -n 'a()' | openssl dgst -sha256 -binary | base64
        assert!(directive("script-src").contains("'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='"), "{csp}");
        assert!(!directive("script-src").contains("unsafe-inline") && !directive("script-src").contains(" 'unsafe-eval'"), "{csp}");
        assert_eq!(directive("object-src"), "object-src 'none'");
        assert_eq!(directive("base-uri"), "base-uri 'none'");
        assert_eq!(directive("frame-ancestors"), "frame-ancestors 'none'");
        assert_eq!(directive("connect-src"), "connect-src 'self' *", "any tus server by default");
        let narrow = app_csp(PAGE, Some("https://tus.example.com"));
        assert!(narrow.contains("connect-src 'self' https://tus.example.com;"), "{narrow}");
        assert!(narrow.contains("img-src 'self' blob: data: https://tus.example.com;"), "{narrow}");
    }
}
