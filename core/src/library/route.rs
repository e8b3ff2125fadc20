//! Where the page is, as its URL's fragment says: the backup view or one of the library's views
//! (`#/library...`), an album's page included, so each can be bookmarked, reloaded and reached
//! with Back and Forward. Produced and parsed here, one rule for both ways.
use crate::api::encode_component;

const ALBUM_PREFIX: &str = "#/library/albums/";

/// A view of the app; an album's page carries the album's name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Route {
    #[default]
    Backup,
    Timeline,
    Albums,
    /// One named album's page (`#/library/albums/<name, percent-encoded>`).
    Album(String),
    Trash,
}

impl Route {
    /// The URL fragment of the view.
    pub fn hash(&self) -> String {
        match self {
            Route::Backup => "#/".into(),
            Route::Timeline => "#/library".into(),
            Route::Albums => "#/library/albums".into(),
            Route::Album(name) => format!("{ALBUM_PREFIX}{}", encode_component(name)),
            Route::Trash => "#/library/trash".into(),
        }
    }

    /// The view a fragment names; anything unknown (or an album's name that is not valid
    /// percent-encoded UTF-8, or empty) is the backup view.
    pub fn from_hash(h: &str) -> Route {
        let h = h.split('?').next().unwrap_or("");
        if let Some(name) = h.strip_prefix(ALBUM_PREFIX).map(|n| n.trim_end_matches('/')).filter(|n| !n.is_empty()) {
            return decode_component(name).filter(|n| !n.is_empty()).map_or(Route::Backup, Route::Album);
        }
        match h.trim_end_matches('/') {
            "#/library" => Route::Timeline,
            "#/library/albums" => Route::Albums,
            "#/library/trash" => Route::Trash,
            _ => Route::Backup,
        }
    }

    pub fn is_library(&self) -> bool {
        *self != Route::Backup
    }

    /// The album whose page this is.
    pub fn album(&self) -> Option<&str> {
        match self {
            Route::Album(name) => Some(name),
            _ => None,
        }
    }
}

/// `%XX` sequences back to bytes, as `decodeURIComponent` reads them; `None` when a sequence is
/// broken or the bytes are not UTF-8.
fn decode_component(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let pair = b.get(i + 1..i + 3)?;
            if !pair.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_view_reads_back_from_its_own_fragment() {
        let names = ["Trip 2024", "a/b & c=d?e#f", "Été à Zürich 🐟", "100%", "x+y"];
        let mut routes = vec![Route::Backup, Route::Timeline, Route::Albums, Route::Trash];
        routes.extend(names.iter().map(|n| Route::Album(n.to_string())));
        for r in routes {
            assert_eq!(Route::from_hash(&r.hash()), r, "{}", r.hash());
        }
        assert_eq!(Route::Album("a/b & c".into()).hash(), "#/library/albums/a%2Fb%20%26%20c");
    }

    #[test]
    fn an_album_fragment_as_typed_or_broken() {
        assert_eq!(Route::from_hash("#/library/albums/Trip%202024/"), Route::Album("Trip 2024".into()));
        assert_eq!(Route::from_hash("#/library/albums/Trip 2024"), Route::Album("Trip 2024".into()), "as a browser may show it");
        assert_eq!(Route::from_hash("#/library/albums/"), Route::Albums);
        assert_eq!(Route::from_hash("#/library/albums/%E9"), Route::Backup, "not UTF-8");
        assert_eq!(Route::from_hash("#/library/albums/%G1"), Route::Backup, "not hex");
        assert_eq!(Route::from_hash("#/library/albums/a%+5"), Route::Backup, "a sign is not a hex digit");
        assert_eq!(Route::from_hash("#/library/albums/ab%2"), Route::Backup, "cut short");
        assert_eq!(Route::from_hash("#/library?x=1"), Route::Timeline);
        assert_eq!(Route::from_hash("#/nowhere"), Route::Backup);
    }
}
