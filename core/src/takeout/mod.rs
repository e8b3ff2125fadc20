//! Importing a Google Takeout export of Google Photos: recognising one, pairing each photo with
//! its JSON sidecar as real exports name them ([`names`]), reading the sidecars and album
//! descriptions ([`sidecar`]), the export as a whole with its albums and summary ([`index`]),
//! which date an item keeps ([`date`]), and the upload metadata it carries with the one check of
//! those keys the app and the server share ([`meta`]). And the export's `.zip` archives
//! read in place ([`archive`], [`zipdir`], [`zipentry`]) and inflated as sent ([`inflate`]).
pub mod archive;
pub mod date;
pub mod index;
pub mod inflate;
pub mod meta;
pub mod names;
pub mod sidecar;
pub mod time;
pub mod zipdir;
pub mod zipentry;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_archive;
#[cfg(test)]
mod tests_meta;
#[cfg(test)]
mod tests_real_names;

pub use index::{looks_like_export, Role, Summary, TakeoutIndex};
pub use meta::{BadValue, ItemMeta, MetaNote};
pub use sidecar::{Sidecar, SidecarFault};

impl TakeoutIndex {
    /// What item `i`'s upload carries (its sidecar's date, place and description, its albums)
    /// and the faults met in its sidecar.
    pub fn item_meta(&self, i: usize) -> (ItemMeta, Vec<SidecarFault>) {
        let albums = self.albums_of(i);
        match self.sidecar(i) {
            Some(Ok(s)) => {
                let meta = ItemMeta {
                    taken_at: s.taken_at,
                    place: s.place,
                    description: s.description.clone(),
                    albums,
                    favorited: s.favorited,
                    archived: s.archived,
                };
                (meta, s.faults.clone())
            }
            Some(Err(f)) => (ItemMeta { albums, ..ItemMeta::default() }, vec![*f]),
            None => (ItemMeta { albums, ..ItemMeta::default() }, Vec::new()),
        }
    }
}
