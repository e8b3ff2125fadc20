//! Which item a sidecar (XMP, AAE) belongs to: among the user's records with its name key
//! (album, folder and stem, `photo::sidecar::stem`), the one its name fits best
//! (`photo::sidecar::fit`: the file it names in full, else a RAW, a photo, a video; the oldest
//! among equals). Run by the Live Photo sweep for every newly keyed record, so either may
//! arrive first, in one batch or days apart: a new sidecar looks for its item, a new item
//! takes the sidecars it fits better than the item they had.
use crate::db::Result;
use crate::index::sidecars::Keyed;
use crate::index::MediaIndex;
use shoebox_core::photo::sidecar::fit;

/// A new sidecar record (`seq`, named `name`) of this key: attached to its item, if there is one.
pub fn attach(index: &MediaIndex, user: &str, key: &str, seq: i64, name: &str) -> Result<()> {
    let targets = index.sidecar_targets(user, key)?;
    if let Some(t) = best(name, &targets) {
        index.attach_sidecar(seq, &t.sha256)?;
    }
    Ok(())
}

/// A new item of this key: each sidecar of the key goes to the item that fits it best now
/// (a clip that arrived first may have taken the photo's edits; the photo takes them back).
pub fn adopt(index: &MediaIndex, user: &str, key: &str) -> Result<()> {
    let sidecars = index.keyed_sidecars(user, key)?;
    if sidecars.is_empty() {
        return Ok(());
    }
    let targets = index.sidecar_targets(user, key)?;
    for (s, now) in sidecars {
        let Some(t) = best(s.filename.as_deref().unwrap_or(""), &targets) else { continue };
        if now.as_deref() != Some(t.sha256.as_str()) {
            index.move_sidecar(s.seq, &t.sha256)?;
        }
    }
    Ok(())
}

fn best<'a>(name: &str, targets: &'a [Keyed]) -> Option<&'a Keyed> {
    targets
        .iter()
        .filter_map(|t| Some((fit(name, t.filename.as_deref()?, t.filetype.as_deref())?, t)))
        .max_by_key(|(score, t)| (*score, std::cmp::Reverse(t.seq)))
        .map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(seq: i64, name: &str, filetype: &str) -> Keyed {
        Keyed { seq, sha256: format!("{seq}"), filename: Some(name.into()), filetype: Some(filetype.into()) }
    }

    #[test]
    fn the_named_file_wins_then_raw_then_the_oldest_photo() {
        let t = [k(1, "IMG_1.JPG", "image/jpeg"), k(2, "IMG_1.CR3", "image/x-canon-cr3"), k(3, "IMG_1.jpg", "image/jpeg")];
        assert_eq!(best("IMG_1.JPG.xmp", &t).unwrap().seq, 1);
        assert_eq!(best("IMG_1.xmp", &t).unwrap().seq, 2);
        assert_eq!(best("IMG_1.AAE", &t[..1]).unwrap().seq, 1);
        assert_eq!(best("IMG_1.AAE", &[k(4, "IMG_1.AAE", "application/xml")]).map(|t| t.seq), None);
    }
}
