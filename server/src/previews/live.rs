//! Live Photos: a photo (HEIC or JPEG) and a short clip (.MOV or .MP4) from one capture become
//! one item, of one user and album, in either order and however far apart they arrived: a
//! background sweep looks at every new record once. Apple writes the same content identifier
//! into both halves (`apple_ids`): records that share one are a pair, whatever their names.
//! Without it, by name: the same stem in the same album and folder, with capture times a few
//! seconds apart at most (when both are known), and never two different identifiers. The same
//! sweep finds Motion Photos (`motion_photo`): a JPEG whose own bytes hold its clip, and
//! attaches sidecars (`sidecars`) to their items by the name key.
use std::io::Read;
use std::time::Duration;

use super::{motion_photo, samsung, sidecars};
use crate::store::Store;
use shoebox_core::photo::sidecar::is_sidecar_name;

use super::apple_ids::{self, Half};
use crate::index::motion::{Candidate, Unkeyed};
use crate::index::MediaIndex;
use crate::state::AppState;

/// Records keyed per sweep: pairing is a few small queries each.
const BATCH: usize = 200;
/// How far apart a photo's and its clip's capture times may be.
const NEAR_SECONDS: i64 = 5;
/// A zone offset is a whole number of quarter hours, at most this far from UTC.
const MAX_OFFSET_SECONDS: i64 = 14 * 3600;

/// Keys and pairs up to one batch of new records; returns how many it took.
pub async fn sweep(state: &AppState) -> usize {
    let (index, store) = (state.index.clone(), state.store.clone());
    let done = tokio::task::spawn_blocking(move || -> crate::db::Result<usize> {
        let todo = index.unkeyed(BATCH)?;
        for r in &todo {
            sweep_one(&index, &*store, r)?;
        }
        Ok(todo.len())
    })
    .await;
    match done {
        Ok(Ok(n)) => n,
        Ok(Err(e)) => {
            tracing::warn!(%e, "pairing Live Photos failed; tried again later");
            0
        }
        Err(_) => 0,
    }
}

/// Keys one record, reads what its bytes say (a Motion Photo's clip, Apple's content
/// identifier), attaches sidecars, and pairs it with its other half when there is one: by
/// content identifier first, else by name and capture time (never two different identifiers).
fn sweep_one(index: &MediaIndex, store: &dyn Store, r: &Unkeyed) -> crate::db::Result<()> {
    if r.filetype.as_deref().is_some_and(|t| t.eq_ignore_ascii_case("image/jpeg")) {
        if let Some((offset, length)) = embedded_clip(store, &r.user, &r.sha256) {
            index.set_motion_clip(&r.user, &r.sha256, offset, length)?;
        }
    }
    let id = half(r.filetype.as_deref()).and_then(|h| apple_ids::content_id(store, &r.user, &r.sha256, h));
    if let Some(id) = &id {
        index.set_content_id(r.seq, id)?;
    }
    let key = key(r);
    index.set_pair_key(r.seq, key.as_deref())?;
    if let Some(key) = &key {
        let name = r.filename.as_deref().unwrap_or("");
        if is_sidecar_name(name) {
            return sidecars::attach(index, &r.user, key, r.seq, name);
        }
        sidecars::adopt(index, &r.user, key)?;
    }
    let Some(mine) = side(r.filetype.as_deref()) else { return Ok(()) };
    let other = |c: &Candidate| side(c.filetype.as_deref()).is_some_and(|s| s != mine);
    let by_id = match &id {
        Some(id) => index.id_candidates(&r.user, r.album.as_deref(), id, r.seq)?.into_iter().find(|c| other(c)),
        None => None,
    };
    let found = match (by_id, &key) {
        (Some(c), _) => Some(c),
        (None, Some(key)) => index.pair_candidates(&r.user, key, r.seq)?.into_iter().find(|c| {
            let same_capture = match (&id, &c.content_id) {
                (Some(a), Some(b)) => a == b,
                _ => near(r.captured_at.as_deref(), c.captured_at.as_deref()),
            };
            other(c) && same_capture
        }),
        (None, None) => None,
    };
    if let Some(c) = found {
        let _ = match mine {
            Side::Photo => index.pair(r.seq, &r.sha256, c.seq, &c.sha256)?,
            Side::Clip => index.pair(c.seq, &c.sha256, r.seq, &r.sha256)?,
        };
    }
    Ok(())
}

/// Where a JPEG's embedded clip starts and how long it is (`None`: to the end), when its XMP
/// says so or Samsung's trailer names it, and an MP4 begins there.
fn embedded_clip(store: &dyn Store, user: &str, sha: &str) -> Option<(u64, Option<u64>)> {
    let (r, len) = store.open_blob(user, sha).ok()??;
    let mut head = Vec::new();
    r.take(motion_photo::HEAD_BYTES as u64).read_to_end(&mut head).ok()?;
    let found = match motion_photo::declared_offset(&head, len) {
        Some(offset) => Some((offset, None)),
        None => samsung_clip(store, user, sha, len),
    }?;
    let start = read_at(store, user, sha, found.0, 8)?;
    motion_photo::is_mp4_start(&start).then_some(found)
}

/// The clip Samsung's SEF trailer names (`samsung`).
fn samsung_clip(store: &dyn Store, user: &str, sha: &str, len: u64) -> Option<(u64, Option<u64>)> {
    let (dir_at, size) = samsung::directory(&read_at(store, user, sha, len.checked_sub(8)?, 8)?, len)?;
    let dir = read_at(store, user, sha, dir_at, size)?;
    samsung::blocks(&dir, dir_at).into_iter().find_map(|(at, block_len)| {
        let h = samsung::clip_header(&read_at(store, user, sha, at, samsung::BLOCK_HEAD.min(block_len))?)?;
        Some((at + h, Some(block_len.checked_sub(h)?)))
    })
}

fn read_at(store: &dyn Store, user: &str, sha: &str, offset: u64, n: u64) -> Option<Vec<u8>> {
    let (r, _) = store.open_blob_at(user, sha, offset).ok()??;
    let mut out = Vec::new();
    r.take(n).read_to_end(&mut out).ok()?;
    Some(out)
}

/// Sweeps until nothing is left (tests, the backfill).
pub async fn sweep_all(state: &AppState) {
    while sweep(state).await > 0 {
        tokio::time::sleep(Duration::ZERO).await;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Photo,
    Clip,
}

fn half(filetype: Option<&str>) -> Option<Half> {
    match filetype?.to_ascii_lowercase().as_str() {
        "image/jpeg" => Some(Half::Jpeg),
        "image/heic" | "image/heif" => Some(Half::Heic),
        _ => side(filetype).filter(|s| *s == Side::Clip).map(|_| Half::Clip),
    }
}

fn side(filetype: Option<&str>) -> Option<Side> {
    match filetype?.to_ascii_lowercase().as_str() {
        "image/jpeg" | "image/heic" | "image/heif" => Some(Side::Photo),
        "video/quicktime" | "video/mp4" => Some(Side::Clip),
        _ => None,
    }
}

/// "album\nfolder\nstem", lower case; `None` without a file name. A sidecar's stem drops the
/// name of the file it describes too (`IMG_1.CR3.xmp`: `IMG_1`).
fn key(r: &Unkeyed) -> Option<String> {
    let name = r.filename.as_deref().filter(|n| !n.is_empty())?;
    let stem = shoebox_core::photo::sidecar::stem(name).0;
    let folder = r.relative_path.as_deref().and_then(|p| p.rsplit_once('/')).map_or("", |(d, _)| d);
    Some(format!("{}\n{folder}\n{stem}", r.album.as_deref().unwrap_or("")).to_lowercase())
}

/// True when the two capture times are a few seconds apart, or either is unknown. A wall-clock
/// time (EXIF, no zone) beside an instant may differ by the zone's offset: then the
/// difference is taken modulo a quarter hour.
fn near(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return true };
    let (Some(x), Some(y)) = (seconds(a), seconds(b)) else { return true };
    let d = (x - y).abs();
    if crate::timefmt::is_wall_clock(a) == crate::timefmt::is_wall_clock(b) {
        return d <= NEAR_SECONDS;
    }
    let r = d.rem_euclid(900);
    d <= MAX_OFFSET_SECONDS + NEAR_SECONDS && (r <= NEAR_SECONDS || 900 - r <= NEAR_SECONDS)
}

/// Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS…", the zone ignored.
fn seconds(t: &str) -> Option<i64> {
    let b = t.get(..19)?;
    let n = |r: std::ops::Range<usize>| b.get(r)?.parse::<i64>().ok();
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    let (y2, m2) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * m2 + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    Some(days * 86_400 + n(11..13)? * 3600 + n(14..16)? * 60 + n(17..19)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_a_few_seconds_apart_match_also_across_a_zone_offset() {
        assert_eq!(seconds("1970-01-02T00:00:01Z"), Some(86_401));
        assert_eq!(seconds("2024-03-01T00:00:00"), Some(1_709_251_200));
        assert!(near(Some("2024-05-01T10:00:00"), Some("2024-05-01T10:00:03")));
        assert!(!near(Some("2024-05-01T10:00:00"), Some("2024-05-01T10:00:09")));
        assert!(near(Some("2024-05-01T10:00:00"), Some("2024-05-01T08:00:02Z")), "a wall clock two hours ahead of UTC");
        assert!(!near(Some("2024-05-01T10:00:00"), Some("2024-05-01T08:07:00Z")));
        assert!(!near(Some("2024-05-01T10:00:00Z"), Some("2024-05-01T08:00:00Z")), "two instants hours apart");
        assert!(near(None, Some("2024-05-01T08:00:00Z")));
    }

    #[test]
    fn the_key_is_album_folder_and_stem() {
        let r = |name: &str, path: Option<&str>, album: Option<&str>| Unkeyed {
            seq: 1,
            user: "a".into(),
            sha256: String::new(),
            filename: Some(name.into()),
            relative_path: path.map(str::to_string),
            album: album.map(str::to_string),
            filetype: None,
            captured_at: None,
        };
        assert_eq!(
            key(&r("IMG_1.HEIC", Some("Trip/DCIM/IMG_1.HEIC"), Some("Trip"))),
            key(&r("img_1.mov", Some("Trip/DCIM/img_1.mov"), Some("Trip")))
        );
        assert_ne!(
            key(&r("IMG_1.HEIC", Some("Trip/A/IMG_1.HEIC"), Some("Trip"))),
            key(&r("IMG_1.MOV", Some("Trip/B/IMG_1.MOV"), Some("Trip")))
        );
        assert_ne!(key(&r("IMG_1.HEIC", None, Some("A"))), key(&r("IMG_1.MOV", None, None)));
    }
}
