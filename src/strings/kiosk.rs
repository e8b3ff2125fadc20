//! The kiosk's words: its welcome, the visit, the done screen and the visitor's phone.
use crate::i18n::{text, tn};
use shoebox_core::kiosk::SavedKinds;

text!(kiosk_choose, "kiosk-choose");
text!(kiosk_choose_files, "kiosk-choose-files");
text!(kiosk_drop_hint, "kiosk-drop-hint");
text!(phone_choose, "phone-choose");
text!(phone_hint, "phone-hint");
text!(kiosk_starting, "kiosk-starting");
text!(kiosk_finish, "kiosk-finish");
text!(kiosk_phone, "kiosk-phone");
text!(kiosk_own, "kiosk-own");
text!(kiosk_own_how, "kiosk-own-how");
text!(kiosk_own_line, "kiosk-own-line");
text!(kiosk_phone_hint, "kiosk-phone-hint");
text!(kiosk_arrived, "kiosk-arrived");
text!(phone_link_ended, "phone-link-ended");
text!(kiosk_keep, "kiosk-keep");
text!(kiosk_unavailable, "kiosk-unavailable");
text!(kiosk_wrong_key, "kiosk-wrong-key");
pub fn kiosk_notice(n: shoebox_core::kiosk::KioskNotice) -> &'static str {
    match n {
        shoebox_core::kiosk::KioskNotice::Unavailable => kiosk_unavailable(),
        shoebox_core::kiosk::KioskNotice::WrongKey => kiosk_wrong_key(),
    }
}
text!(kiosk_nothing_kept, "kiosk-nothing-kept");
/// "Done — 6 photos, 2 images and 1 video saved. You can take your card.": each kind that
/// saved something, in the visitor's words.
/// `card`: the kiosk's own screen (a visitor's phone has no card to take).
pub fn kiosk_done(saved: &SavedKinds, card: bool) -> String {
    let kinds =
        [(saved.photos, "kiosk-photos"), (saved.images, "kiosk-images"), (saved.videos, "kiosk-videos"), (saved.others, "kiosk-files")];
    let parts: Vec<String> = kinds.iter().filter(|k| k.0 > 0).map(|&(n, key)| tn(key, &[("count", n)], &[])).collect();
    let line = match parts.split_last() {
        None => kiosk_done_nothing().to_string(),
        Some((last, [])) => tn("kiosk-done-kinds", &[], &[("kinds", last)]),
        Some((last, rest)) => {
            let head = rest[1..].iter().fold(rest[0].clone(), |head, p| tn("list-more", &[], &[("first", &head), ("next", p)]));
            tn("kiosk-done-kinds", &[], &[("kinds", &tn("list-last", &[], &[("rest", &head), ("last", last)]))])
        }
    };
    if card {
        tn("kiosk-done-card", &[], &[("done", &line)])
    } else {
        line
    }
}
text!(kiosk_done_nothing, "kiosk-done-nothing");
/// The done screen's visible time to its reset.
pub fn kiosk_reset_in(secs: u64) -> String {
    tn("kiosk-reset-in", &[("seconds", secs)], &[])
}
pub fn kiosk_finishing(secs: u64) -> String {
    tn("kiosk-finishing", &[("seconds", secs)], &[])
}
pub fn kiosk_drop(drop: &str, code: &str) -> String {
    tn("kiosk-drop", &[], &[("drop", drop), ("code", code)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_done_line_names_each_kind_with_its_own_number() {
        let k = |photos, images, videos, others| kiosk_done(&SavedKinds { photos, images, videos, others }, true);
        assert_eq!(k(6, 2, 1, 0), "Done — 6 photos, 2 images and 1 video saved. You can take your card.");
        assert_eq!(k(1, 0, 0, 0), "Done — 1 photo saved. You can take your card.");
        assert_eq!(k(3, 0, 0, 0), "Done — 3 photos saved. You can take your card.");
        assert_eq!(k(0, 1, 2, 0), "Done — 1 image and 2 videos saved. You can take your card.");
        assert_eq!(k(1, 0, 0, 1), "Done — 1 photo and 1 file saved. You can take your card.");
        assert_eq!(k(1200, 0, 0, 0), "Done — 1,200 photos saved. You can take your card.");
        assert_eq!(k(0, 0, 0, 0), "Done — nothing new was saved. You can take your card.");
        assert_eq!(kiosk_done(&SavedKinds { photos: 2, ..SavedKinds::default() }, false), "Done — 2 photos saved.", "a phone has no card");
    }
}
