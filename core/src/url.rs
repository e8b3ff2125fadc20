//! URLs as the upload engine meets them: the origin of an endpoint and a `Location` resolved
//! against the request that returned it. A leaf: the engine's types and wire helpers both use it.

/// `scheme://host[:port]` of an absolute URL; `None` for a path.
pub fn origin_of(url: &str) -> Option<String> {
    let scheme_end = url.find("://")?;
    let rest = &url[scheme_end + 3..];
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    Some(format!("{}{}", &url[..scheme_end + 3], &rest[..host_end]))
}

/// Resolve `location` (absolute, scheme-relative, absolute-path or relative-path) against the
/// URL of the request that returned it (RFC 3986, without dot-segment subtleties beyond `./`
/// and `../`).
pub fn resolve_url(base: &str, location: &str) -> String {
    let location = location.trim();
    if location.contains("://") {
        return location.to_string();
    }
    if let Some(rest) = location.strip_prefix("//") {
        let scheme = base.find("://").map(|i| &base[..i]).unwrap_or("http");
        return format!("{scheme}://{rest}");
    }
    let origin = origin_of(base).unwrap_or_default();
    if location.starts_with('/') {
        return format!("{origin}{location}");
    }
    // Relative path: against the base's directory.
    let base_path = &base[origin.len()..];
    let base_path = base_path.split(['?', '#']).next().unwrap_or("");
    let dir = match base_path.rfind('/') {
        Some(i) => &base_path[..=i],
        None => "/",
    };
    let mut segs: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    let (path, query) = match location.find(['?', '#']) {
        Some(i) => (&location[..i], &location[i..]),
        None => (location, ""),
    };
    let parts: Vec<&str> = path.split('/').collect();
    for (i, p) in parts.iter().enumerate() {
        match *p {
            "." => {}
            ".." => {
                segs.pop();
            }
            "" if i + 1 < parts.len() => {}
            s => segs.push(s),
        }
    }
    let trailing = if path.ends_with('/') && !segs.is_empty() { "/" } else { "" };
    format!("{origin}/{}{trailing}{query}", segs.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn resolves_locations() {
        let b = "http://h:1/files/";
        assert_eq!(resolve_url(b, "/files/abc"), "http://h:1/files/abc");
        assert_eq!(resolve_url(b, "abc"), "http://h:1/files/abc");
        assert_eq!(resolve_url("http://h:1/files", "abc"), "http://h:1/abc");
        assert_eq!(resolve_url(b, "../up/x"), "http://h:1/up/x");
        assert_eq!(resolve_url(b, "https://o/x"), "https://o/x");
        assert_eq!(resolve_url("https://h/files/", "//cdn/x"), "https://cdn/x");
        assert_eq!(resolve_url("/files/", "abc"), "/files/abc");
        assert_eq!(resolve_url("/files/", "/files/abc"), "/files/abc");
        assert_eq!(origin_of("http://h:1/files/").as_deref(), Some("http://h:1"));
        assert_eq!(origin_of("/files/"), None);
    }
}
