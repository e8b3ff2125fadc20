//! JSON shapes of devices, pairing, accounts and sign-in links (`/api/v1/pair*`,
//! `/api/v1/devices*`, `/api/v1/account`, `/api/v1/signin`), and their paths.
use serde::{Deserialize, Serialize};

/// `POST`: a new device asks to be paired ([`PairRequest`] → 201 [`PairStarted`]).
pub const PAIR_PATH: &str = "/api/v1/pair";
/// `POST`: the new device asks whether it was approved ([`PairPoll`] → 428 [`PairPending`] or
/// 200 [`DeviceToken`]).
pub const PAIR_POLL_PATH: &str = "/api/v1/pair/poll";
/// `GET` the account's devices ([`DeviceInfo`] list); `DELETE {DEVICES_PATH}/{id}` revokes one.
pub const DEVICES_PATH: &str = "/api/v1/devices";
/// `DELETE`: an upload-only token ends itself.
pub const DEVICE_CURRENT_PATH: &str = "/api/v1/devices/current";
/// `GET`: the account's storage ([`AccountInfo`]).
pub const ACCOUNT_PATH: &str = "/api/v1/account";
/// `POST`: a one-time sign-in link's code for a token ([`SigninRequest`] → [`DeviceToken`]).
pub const SIGNIN_PATH: &str = "/api/v1/signin";

/// `GET`: what asks to be paired under `code` ([`PairingInfo`]).
pub fn pair_code_path(code: &str) -> String {
    format!("{PAIR_PATH}/{}", path_segment(code))
}

/// `POST`: approve the pairing `code` (204).
pub fn pair_approve_path(code: &str) -> String {
    format!("{}/approve", pair_code_path(code))
}

/// `DELETE`: revoke the device `id` (204).
pub fn device_path(id: &str) -> String {
    format!("{DEVICES_PATH}/{}", path_segment(id))
}

/// `POST`: a new token for the device `id` ([`RotatedToken`]).
pub fn device_rotate_path(id: &str) -> String {
    format!("{}/rotate", device_path(id))
}

/// `s` as one path segment: anything but unreserved characters percent-encoded, so a typed
/// code can never reach another route.
fn path_segment(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What a device may do once paired.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeviceScope {
    /// A signed-in device: everything in the account.
    Full,
    /// Upload-only ("Let this kiosk upload to my account for 1 hour").
    Upload,
}

impl DeviceScope {
    pub fn as_str(self) -> &'static str {
        match self {
            DeviceScope::Full => "full",
            DeviceScope::Upload => "upload",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "full" => Some(DeviceScope::Full),
            "upload" => Some(DeviceScope::Upload),
            _ => None,
        }
    }
}

/// Body of `POST /api/v1/pair`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct PairRequest {
    /// What the approver is shown ("Chromebook", "Shoebox kiosk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `full` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<DeviceScope>,
    /// The upload-only token's life once approved (1 h when absent, at most a day).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ttl_seconds: Option<u64>,
}

/// 201 to `POST /api/v1/pair`: the device polls with `device_code` and shows `user_code`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairStarted {
    pub device_code: String,
    pub user_code: String,
    /// Seconds the pairing may wait for its approval.
    pub expires_in: u64,
    /// Seconds between polls.
    pub interval: u64,
}

/// Body of `POST /api/v1/pair/poll`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PairPoll {
    pub device_code: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PairStatus {
    Pending,
}

/// 428 to a poll: not approved yet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairPending {
    pub status: PairStatus,
}

/// A device's own token and its user: 200 to an approved poll, and to a sign-in link's code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceToken {
    pub token: String,
    pub user: String,
}

/// `GET /api/v1/pair/{code}`: what the approver is asked about.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairingInfo {
    pub name: String,
    pub scope: DeviceScope,
    /// An upload-only token's life once approved; `None` for a signed-in device.
    pub hours: Option<f64>,
}

/// One row of `GET /api/v1/devices`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DeviceInfo {
    pub id: String,
    pub name: String,
    pub scope: DeviceScope,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339; `None`: never expires.
    pub expires_at: Option<String>,
}

/// `POST /api/v1/devices/{id}/rotate`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RotatedToken {
    pub token: String,
}

/// `GET /api/v1/account`: bytes stored (plus what running uploads declared) and the quota.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountInfo {
    pub used_bytes: u64,
    pub quota_bytes: Option<u64>,
}

/// Body of `POST /api/v1/signin`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SigninRequest {
    pub code: String,
    /// What the account's device list calls this device.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_ids_stay_one_path_segment() {
        assert_eq!(pair_code_path("ABCD-2345"), "/api/v1/pair/ABCD-2345");
        assert_eq!(pair_approve_path("a/b c"), "/api/v1/pair/a%2Fb%20c/approve");
        assert_eq!(device_path("../x"), "/api/v1/devices/..%2Fx");
        assert_eq!(device_rotate_path("d1"), "/api/v1/devices/d1/rotate");
    }

    #[test]
    fn shapes_match_the_documented_json() {
        let start = PairRequest { name: Some("Mac".into()), scope: Some(DeviceScope::Upload), ttl_seconds: Some(3600) };
        assert_eq!(serde_json::to_string(&start).unwrap(), r#"{"name":"Mac","scope":"upload","ttlSeconds":3600}"#);
        let pending = serde_json::to_string(&PairPending { status: PairStatus::Pending }).unwrap();
        assert_eq!(pending, r#"{"status":"pending"}"#);
        let device: DeviceInfo =
            serde_json::from_str(r#"{"id":"d","name":"n","scope":"full","createdAt":"2026-01-01T00:00:00Z","expiresAt":null}"#).unwrap();
        assert_eq!(device.scope, DeviceScope::Full);
        let account = serde_json::to_string(&AccountInfo { used_bytes: 5, quota_bytes: None }).unwrap();
        assert_eq!(account, r#"{"usedBytes":5,"quotaBytes":null}"#);
    }
}
