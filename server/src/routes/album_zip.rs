//! One zip of many originals. `POST /api/v1/albums/zip` {"album"} or {"ids"} (a full-access
//! token: the middleware's `library_path`) answers with a signed link; `GET /api/v1/zip?…` (the
//! link: its signature is the credential, as for a single download, since an `<a download>`
//! cannot send a Bearer header) streams the archive (zip.rs): stored entries, ZIP64 past 4 GiB,
//! names unique within it. What it holds is named in the link and bound by its signature.
use crate::accounts::auth::User;
use crate::accounts::signing::{BlobKind, Signer};
use crate::http::error::ApiError;
use crate::index::query::{PageQuery, MAX_LIMIT};
use crate::state::AppState;
use crate::zip::{unique_names, Entry, ZipReader};
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use shoebox_core::api::{album_name, encode_component, MediaItem, ZipAsk, ZipLink, MAX_ZIP_IDS};
use shoebox_core::hash::sha256_hex;
use std::collections::HashMap;

/// What a zip holds: an album's items, or records by id.
#[derive(Clone, Debug)]
enum Holds {
    Album(String),
    Ids(Vec<i64>),
}

impl Holds {
    /// The text the signature binds (through its digest) and the link's query names.
    fn query(&self) -> String {
        match self {
            Holds::Album(a) => format!("album={}", encode_component(a)),
            Holds::Ids(ids) => format!("ids={}", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")),
        }
    }
}

fn ids(list: &[String]) -> Result<Vec<i64>, ApiError> {
    if list.is_empty() || list.len() > MAX_ZIP_IDS {
        return Err(ApiError::bad(format!("1 to {MAX_ZIP_IDS} ids, got {}", list.len())));
    }
    list.iter().map(|i| i.parse::<i64>().map_err(|_| ApiError::bad(format!("id {i:?} is not a record id")))).collect()
}

/// The records the zip holds, now.
fn items(state: &AppState, user: &str, holds: &Holds) -> Result<Vec<MediaItem>, ApiError> {
    match holds {
        Holds::Ids(ids) => Ok(state.index.records_by_id(user, ids)?),
        Holds::Album(album) => {
            let mut out = Vec::new();
            let mut cursor: Option<String> = None;
            loop {
                let mut p = HashMap::from([("album".to_string(), album.clone()), ("limit".to_string(), MAX_LIMIT.to_string())]);
                if let Some(c) = cursor.take() {
                    p.insert("cursor".into(), c);
                }
                let q = PageQuery::from_params(&p).map_err(ApiError::BadRequest)?;
                let (page, next) = state.index.page(user, &q)?;
                out.extend(page);
                match next {
                    Some(n) => cursor = Some(n),
                    None => return Ok(out),
                }
            }
        }
    }
}

pub async fn link(
    State(state): State<AppState>,
    Extension(User(user)): Extension<User>,
    bytes: axum::body::Bytes,
) -> Result<Json<ZipLink>, ApiError> {
    let ask: ZipAsk = serde_json::from_slice(&bytes)
        .map_err(|e| ApiError::bad(format!(r#"expected {{"album": "<name>"}} or {{"ids": ["<id>", ...]}}: {e}"#)))?;
    let holds = match (ask.album, ask.ids) {
        (Some(a), None) => Holds::Album(album_name(&a).map_err(|e| ApiError::bad(format!("album {}", e.as_str())))?.to_string()),
        (None, Some(list)) => Holds::Ids(ids(&list)?),
        _ => return Err(ApiError::bad("either album or ids")),
    };
    let (st, u, h) = (state.clone(), user.clone(), holds.clone());
    let count = tokio::task::spawn_blocking(move || -> Result<usize, ApiError> {
        if let Holds::Album(a) = &h {
            // Another user's album is one that does not exist.
            if !st.index.album_exists(&u, a)? {
                return Err(ApiError::NotFound);
            }
        }
        let n = items(&st, &u, &h)?.len();
        match (&h, n) {
            // No id of the selection is the caller's (another user's, or gone).
            (Holds::Ids(_), 0) => Err(ApiError::NotFound),
            _ => Ok(n),
        }
    })
    .await??;
    let e = Signer::expiry(crate::timefmt::now_ms() / 1000);
    let query = holds.query();
    let sig = state.signer.sign(BlobKind::Zip, &user, &sha256_hex(query.as_bytes()), e, None);
    Ok(Json(ZipLink { url: format!("/api/v1/zip?{query}&u={user}&e={e}&s={sig}"), count: count as u64 }))
}

#[derive(Deserialize)]
pub struct Signed {
    album: Option<String>,
    ids: Option<String>,
    u: Option<String>,
    e: Option<String>,
    s: Option<String>,
}

pub async fn get(State(state): State<AppState>, Query(q): Query<Signed>) -> Result<Response, ApiError> {
    let denied = || ApiError::Forbidden("this link is not valid or has expired; ask for the download again".into());
    let holds = match (q.album, q.ids) {
        (Some(a), None) => Holds::Album(a),
        (None, Some(i)) => Holds::Ids(ids(&i.split(',').map(str::to_string).collect::<Vec<_>>()).map_err(|_| denied())?),
        _ => return Err(denied()),
    };
    let (Some(user), Some(e), Some(sig)) = (q.u, q.e.and_then(|e| e.parse::<u64>().ok()), q.s) else { return Err(denied()) };
    let now_s = crate::timefmt::now_ms() / 1000;
    let digest = sha256_hex(holds.query().as_bytes());
    if !crate::accounts::auth::valid_user_name(&user) || !state.signer.verify(BlobKind::Zip, &user, &digest, e, None, &sig, now_s) {
        return Err(denied());
    }
    let (st, u, h) = (state.clone(), user.clone(), holds.clone());
    let found = tokio::task::spawn_blocking(move || items(&st, &u, &h)).await??;
    let names = unique_names(found.iter().map(|i| entry_name(i.filename.as_deref(), &i.sha256)));
    let entries = found
        .into_iter()
        .zip(names)
        .map(|(item, name)| {
            let (store, u, sha) = (state.store.clone(), user.clone(), item.sha256.clone());
            let date = day_of(&item.day);
            let open = move || -> std::io::Result<Box<dyn std::io::Read + Send>> {
                let (r, _) = store
                    .open_blob(&u, &sha)?
                    .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "a stored file is missing"))?;
                Ok(r)
            };
            Entry { name, len: item.size, date, open: Box::new(open) }
        })
        .collect();
    let filename = match &holds {
        // An album named by a folder path ("Trip / Day 1"): the whole name, not its last part.
        Holds::Album(a) => format!("{}.zip", a.replace(['/', '\\'], "-")),
        Holds::Ids(_) => "Shoebox.zip".to_string(),
    };
    let body = super::stream_body(Box::new(ZipReader::new(entries)), u64::MAX);
    let mut res = (StatusCode::OK, [(header::CONTENT_TYPE, "application/zip")], body).into_response();
    let h = res.headers_mut();
    h.insert(header::CONTENT_DISPOSITION, super::hv(super::blob::content_disposition(&filename)));
    h.insert(header::REFERRER_POLICY, super::hv("no-referrer"));
    Ok(res)
}

/// An entry's name that every unzip tool takes as a plain file here: the stored name's last
/// part, without control or format characters (a right-to-left override could disguise an
/// extension) and without what Windows refuses in a name; "." or ".." or nothing becomes the
/// content's digest.
fn entry_name(filename: Option<&str>, sha256: &str) -> String {
    let last = filename.and_then(|n| n.rsplit(['/', '\\']).next()).unwrap_or("");
    let clean: String = last
        .chars()
        .map(|c| if c.is_control() || is_format(c) || matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|') { '_' } else { c })
        .collect();
    let clean = clean.trim_end_matches(['.', ' ']).trim_start();
    if clean.is_empty() || clean.chars().all(|c| c == '.') {
        return sha256.to_string();
    }
    clean.to_string()
}

/// Unicode's invisible formatting characters (bidirectional controls, zero-width ones).
fn is_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

/// (year, month, day) of "YYYY-MM-DD".
fn day_of(day: &str) -> Option<(u16, u16, u16)> {
    let mut p = day.splitn(3, '-').map(|x| x.parse::<u16>().ok());
    Some((p.next()??, p.next()??, p.next()??))
}

#[cfg(test)]
mod tests {
    use super::entry_name;

    #[test]
    fn entry_names_are_plain_file_names_everywhere() {
        let sha = "ab".repeat(32);
        assert_eq!(entry_name(Some("Trip/IMG_1.jpg"), &sha), "IMG_1.jpg");
        assert_eq!(entry_name(Some("..\\..\\evil.exe"), &sha), "evil.exe");
        for bad in ["..", ".", "", "  ", "...", "/"] {
            assert_eq!(entry_name(Some(bad), &sha), sha, "{bad:?}");
        }
        assert_eq!(entry_name(None, &sha), sha);
        assert_eq!(entry_name(Some("C:evil.exe"), &sha), "C_evil.exe");
        assert_eq!(entry_name(Some("photo\u{202E}gpj.exe"), &sha), "photo_gpj.exe");
        assert_eq!(entry_name(Some("a*b?c\"d<e>f|g.jpg"), &sha), "a_b_c_d_e_f_g.jpg");
        assert_eq!(entry_name(Some("name. "), &sha), "name");
        assert_eq!(entry_name(Some("Été à Lyon.heic"), &sha), "Été à Lyon.heic");
    }
}
