//! The kiosk's JSON shapes (`/api/v1/kiosk/*`, docs/api.md "Kiosk"): the profile a kiosk's
//! welcome screen asks for with its key, a visit as the server sees it, and the link a
//! visitor's phone opens. The server writes them, the kiosk flow reads them.
use crate::limits::Limits;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `POST` (kiosk key): start a visit; answers [`KioskSession`] with its token, once.
pub const KIOSK_SESSIONS_PATH: &str = "/api/v1/kiosk/sessions";
/// `GET` (kiosk key): [`KioskProfileAnswer`].
pub const KIOSK_PROFILE_PATH: &str = "/api/v1/kiosk/profile";
/// `GET` (a visit's token): [`KioskSession`]; `DELETE` ends the visit (`?keepUploads=1`).
pub const KIOSK_SESSION_PATH: &str = "/api/v1/kiosk/sessions/current";
/// `POST` (a visit's token): [`PhoneLink`].
pub const KIOSK_PHONE_PATH: &str = "/api/v1/kiosk/sessions/current/phone";
/// `POST` (a visit's token): the visitor is still there (204).
pub const KIOSK_ACTIVITY_PATH: &str = "/api/v1/kiosk/sessions/current/activity";

/// `GET /api/v1/kiosk/profile`: what the welcome screen needs before any visit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskProfileAnswer {
    pub profile: String,
    /// The operator's welcome text; empty: the page's own words, in the visitor's language.
    pub welcome: String,
    /// The operator's welcome text per language ("de" → "Willkommen …"), from `--kiosk-config`.
    #[serde(default)]
    pub welcome_texts: BTreeMap<String, String>,
    pub idle_seconds: u64,
    /// Visitors may upload into their own account (an upload-only pairing).
    pub own_accounts: bool,
    /// "original" or "high".
    pub quality: String,
    pub limits: Limits,
}

impl KioskProfileAnswer {
    /// The operator's welcome text for a page in `lang`: theirs in that language, else their
    /// one text, else `None` (the page says its own words, in the visitor's language).
    pub fn welcome_for(&self, lang: &str) -> Option<String> {
        self.welcome_text().for_lang(lang)
    }

    pub fn welcome_text(&self) -> WelcomeText {
        WelcomeText { text: self.welcome.clone(), by_language: self.welcome_texts.clone() }
    }
}

/// A kiosk's welcome text as the page keeps it: the operator's one text and theirs per language.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct WelcomeText {
    pub text: String,
    pub by_language: BTreeMap<String, String>,
}

impl WelcomeText {
    /// For a page in `lang`: the operator's in that language, else their one text, else `None`.
    pub fn for_lang(&self, lang: &str) -> Option<String> {
        Some(self.by_language.get(lang).unwrap_or(&self.text)).filter(|w| !w.is_empty()).cloned()
    }
}

/// A visit as the server sees it (`POST …/sessions`, `GET …/sessions/current`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct KioskSession {
    /// The visitor's bearer token (only in the answer that created it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    pub profile: String,
    /// The drop's album name, and the short code the visitor can give the shop.
    pub drop: String,
    pub code: String,
    pub expires_at: String,
    pub idle_seconds: u64,
    pub welcome: String,
    /// Bytes arrived for one of the visit's uploads (kiosk or phone) in the last few seconds.
    pub uploads_moving: bool,
    /// The visit's last activity (RFC 3339): bytes received, or the visitor's own action.
    pub last_activity_at: String,
    /// When the server ends the visit if nothing happens before (RFC 3339).
    pub idle_ends_at: String,
}

/// `POST …/sessions/current/phone`: a link into this visit (`/?visit=TOKEN`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneLink {
    pub token: String,
}

/// An RFC 3339 instant in UTC as the server writes it ("YYYY-MM-DDTHH:MM:SS[.mmm]Z") → epoch ms.
pub fn instant_ms(s: &str) -> Option<u64> {
    let b = s.as_bytes();
    if b.len() < 20 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' || !s.ends_with('Z') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let secs = num(11..13)? * 3600 + num(14..16)? * 60 + num(17..19)?;
    let milli = match &s[19..s.len() - 1] {
        "" => 0,
        f => f.strip_prefix('.')?.get(..3)?.parse::<i64>().ok()?,
    };
    // Days from the civil date (proleptic Gregorian), as in Howard Hinnant's algorithm.
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (mo + if mo > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    u64::try_from((days * 86_400 + secs) * 1000 + milli).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_as_the_server_writes_them() {
        assert_eq!(instant_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(instant_ms("2026-12-06T19:16:13.250Z"), Some(1_796_584_573_250));
        assert_eq!(instant_ms("2024-02-29T00:00:01Z"), Some(1_709_164_801_000));
        assert_eq!(instant_ms("2024-02-29 00:00:01"), None);
    }

    #[test]
    fn a_created_session_carries_its_token_and_a_current_one_does_not() {
        let s = KioskSession { token: None, drop: "d".into(), ..Default::default() };
        let json = serde_json::to_string(&s).unwrap();
        assert!(!json.contains("token") && json.contains("lastActivityAt") && json.contains("uploadsMoving"));
        let back: KioskSession = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn the_welcome_text_is_the_operators_in_the_pages_language_else_theirs_else_the_pages_own() {
        let answer = r#"{"profile":"shop","welcome":"Welcome to the shop","welcomeTexts":{"de":"Willkommen im Laden"},
            "idleSeconds":60,"ownAccounts":false,"quality":"original","limits":{"name":"seed","maxPhotoBytes":1,"maxPhotoPixels":1,"maxVideoBytes":1,"minPhotoSide":0}}"#;
        let mut p: KioskProfileAnswer = match serde_json::from_str(answer) {
            Ok(p) => p,
            Err(e) => panic!("{e}"),
        };
        assert_eq!(p.welcome_for("de"), Some("Willkommen im Laden".into()));
        assert_eq!(p.welcome_for("ja"), Some("Welcome to the shop".into()));
        p.welcome.clear();
        assert_eq!(p.welcome_for("ja"), None, "nothing set: the page's own words");
        assert_eq!(p.welcome_for("de"), Some("Willkommen im Laden".into()));
        p.welcome_texts.clear();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.contains(r#""welcomeTexts":{}"#), "{json}");
    }
}

/// `GET` (the operator's full-access token): [`VisitLog`] of one day, `?tz=ZONE&day=YYYY-MM-DD`
/// (the day in the viewer's zone; today when absent).
pub const VISITS_PATH: &str = "/api/v1/visits";

/// The operator's kiosk visits of one day, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct VisitLog {
    /// The day shown, "YYYY-MM-DD" in the asked zone.
    pub day: String,
    pub visits: Vec<VisitEntry>,
}

/// One visit: its code (what the visitor gives the shop), its drop (an album of the
/// operator's) and what the drop holds now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct VisitEntry {
    pub code: String,
    pub profile: String,
    pub drop: String,
    /// RFC 3339 instants.
    pub started_at: String,
    pub ended_at: Option<String>,
    /// Its visitor (or phone) may still send.
    pub live: bool,
    pub items: u64,
    pub photos: u64,
    pub videos: u64,
    pub bytes: u64,
}

/// The visits path for a zone (`tz` as the library sends it) and day (`None`: today).
pub fn visits_path(tz: &str, day: Option<&str>) -> String {
    let mut p = format!("{VISITS_PATH}?tz={}", crate::api::encode_component(tz));
    if let Some(d) = day {
        p.push_str(&format!("&day={d}"));
    }
    p
}
