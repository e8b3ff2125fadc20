//! The kiosk's words: its welcome, the visit, the done screen and the visitor's phone.
use super::count;
use shoebox_core::kiosk::SavedKinds;

pub const KIOSK_CHOOSE: &str = "Choose or drop your photos";
pub const KIOSK_CHOOSE_FILES: &str = "Choose single photos";
pub const KIOSK_DROP_HINT: &str = "Put in your memory card or USB stick, then choose its folder — or drop photos anywhere on this screen.";
pub const PHONE_CHOOSE: &str = "Send photos from this phone";
pub const PHONE_HINT: &str =
    "Choose the photos and videos on this phone to send. They go into this visit at the kiosk, with everything else you bring.";
pub const KIOSK_STARTING: &str = "Getting ready…";
pub const KIOSK_FINISH: &str = "Finish";
pub const KIOSK_PHONE: &str = "Upload from your phone";
pub const KIOSK_OWN: &str = "Into your own Shoebox account";
pub const KIOSK_OWN_HOW: &str = "On your phone, signed in to Shoebox, scan this code and approve. This kiosk then uploads into your account for one hour, and cannot see your photos.";
pub const KIOSK_OWN_LINE: &str = "Your photos go into your own Shoebox account.";
pub const KIOSK_PHONE_HINT: &str = "Scan this code with your phone's camera, or open the link on it. It works for this visit only.";
pub const KIOSK_ARRIVED: &str = "In your drop";
pub const PHONE_LINK_ENDED: &str = "This link has ended with the visit it belonged to. Ask at the kiosk for a new one.";
pub const KIOSK_KEEP: &str = "Let my uploads finish if I walk away";
pub const KIOSK_UNAVAILABLE: &str = "This kiosk cannot reach its server just now. Please ask at the counter.";
pub const KIOSK_WRONG_KEY: &str =
    "This kiosk's key is not accepted by its server, so visitors cannot upload. Please ask at the counter. (For the operator: check the key in this screen's address.)";
pub fn kiosk_notice(n: shoebox_core::kiosk::KioskNotice) -> &'static str {
    match n {
        shoebox_core::kiosk::KioskNotice::Unavailable => KIOSK_UNAVAILABLE,
        shoebox_core::kiosk::KioskNotice::WrongKey => KIOSK_WRONG_KEY,
    }
}
pub const KIOSK_NOTHING_KEPT: &str = "Nothing is kept on this screen: when you finish, it forgets your photos.";
/// "Done — 6 photos, 2 images and 1 video saved. You can take your card.": each kind that
/// saved something, in the visitor's words.
/// `card`: the kiosk's own screen (a visitor's phone has no card to take).
pub fn kiosk_done(saved: &SavedKinds, card: bool) -> String {
    let end = if card { " You can take your card." } else { "" };
    let kinds = [
        (saved.photos, "photo", "photos"),
        (saved.images, "image", "images"),
        (saved.videos, "video", "videos"),
        (saved.others, "file", "files"),
    ];
    let parts: Vec<String> =
        kinds.iter().filter(|k| k.0 > 0).map(|&(n, one, many)| format!("{} {}", count(n), if n == 1 { one } else { many })).collect();
    match parts.split_last() {
        None => format!("Done — nothing new was saved.{end}"),
        Some((last, [])) => format!("Done — {last} saved.{end}"),
        Some((last, rest)) => format!("Done — {} and {last} saved.{end}", rest.join(", ")),
    }
}
/// The done screen's visible time to its reset.
pub fn kiosk_reset_in(secs: u64) -> String {
    format!("This screen starts over in {secs} s")
}
pub fn kiosk_finishing(secs: u64) -> String {
    format!("Finishing in {secs} s — touch to stay")
}
pub fn kiosk_drop(drop: &str, code: &str) -> String {
    format!("Your photos are in \u{201c}{drop}\u{201d}. Your code: {code}")
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
