//! The words of a Google Takeout export in the plan: its summary line and the report of what
//! was not matched or not used.
use crate::i18n::{t, tn};
use shoebox_core::engine::TakeoutNote;
use shoebox_core::takeout::archive::{ArchiveFault, EntryFault};
use shoebox_core::takeout::{MetaNote, SidecarFault, Summary};

pub fn summary(s: &Summary) -> String {
    tn(
        "takeout-summary",
        &[
            ("photos", s.photos),
            ("videos", s.videos),
            ("albums", s.albums),
            ("dates", s.dates),
            ("places", s.places),
            ("without", s.without_sidecar),
        ],
        &[],
    )
}

/// While the export's sidecars are read.
pub fn reading(left: u64) -> String {
    tn("takeout-reading", &[("count", left)], &[])
}

/// The archives' part numbers, and the missing ones when there are.
pub fn parts(have: &[u32], missing: &[u32]) -> String {
    let list = |v: &[u32]| v.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(t("list-separator"));
    let line = tn("takeout-parts", &[("count", have.len() as u64)], &[("parts", &list(have))]);
    if missing.is_empty() {
        return line;
    }
    format!("{line} {}", tn("takeout-parts-missing", &[("count", missing.len() as u64)], &[("parts", &list(missing))]))
}

pub fn notes_title() -> &'static str {
    t("takeout-notes-title")
}

pub fn note(n: TakeoutNote) -> &'static str {
    t(match n {
        TakeoutNote::NoSidecar => "takeout-note-no-sidecar",
        TakeoutNote::SidecarUnused => "takeout-note-sidecar-unused",
        TakeoutNote::NotKept => "takeout-note-not-kept",
        TakeoutNote::Sidecar(SidecarFault::NotJson | SidecarFault::NotObject) => "takeout-note-not-json",
        TakeoutNote::Sidecar(SidecarFault::BadTakenTime) => "takeout-note-bad-date",
        TakeoutNote::Sidecar(SidecarFault::BadPlace) => "takeout-note-bad-place",
        TakeoutNote::Sidecar(SidecarFault::BadDescription | SidecarFault::BadMark | SidecarFault::BadTitle) => "takeout-note-bad-value",
        TakeoutNote::Meta(MetaNote::DescriptionCut) => "takeout-note-description-cut",
        TakeoutNote::Meta(MetaNote::AlbumsDropped) => "takeout-note-albums-dropped",
        TakeoutNote::Meta(MetaNote::PlaceStripped) => "takeout-note-place-stripped",
        TakeoutNote::Archive(ArchiveFault::Tar) => "takeout-note-tar",
        TakeoutNote::Archive(ArchiveFault::NotZip) => "takeout-note-not-zip",
        TakeoutNote::Archive(ArchiveFault::Truncated) => "takeout-note-truncated",
        TakeoutNote::Archive(ArchiveFault::Corrupt) => "takeout-note-corrupt",
        TakeoutNote::Entry(EntryFault::Encrypted) => "takeout-note-encrypted",
        TakeoutNote::Entry(EntryFault::ClimbsOut | EntryFault::Absolute) => "takeout-note-outside",
        TakeoutNote::Entry(EntryFault::Method) => "takeout-note-method",
        TakeoutNote::Entry(EntryFault::SizesLie) => "takeout-note-sizes",
    })
}
