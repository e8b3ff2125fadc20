//! One-time sign-in links (`shoebox-server user add` / `user link`): the link carries a code,
//! kept as its SHA-256 digest like device tokens, that the app exchanges once
//! (`POST /api/v1/signin`) for a device token of its own, listed under the account's devices
//! and revocable. The exchange deletes the code, so a link that leaked after use opens nothing,
//! and an unused one stops working after `SIGNIN_TTL_MS`.
use crate::accounts::auth::token_hash;
use crate::accounts::{Accounts, DeviceScope};
use crate::db::Result;
use crate::vals;

/// How long an unused sign-in link works.
pub const SIGNIN_TTL_MS: u64 = 7 * 24 * 3_600_000;

/// The device name a link's token gets when the app names none.
pub const DEFAULT_DEVICE_NAME: &str = "Signed in by link";

fn random_hex(n: usize) -> String {
    let mut b = vec![0u8; n];
    getrandom::getrandom(&mut b).expect("OS random source");
    shoebox_core::hash::hex(&b)
}

impl Accounts {
    /// A new one-time sign-in code for `user` (shown once; only its digest is kept).
    pub fn create_signin(&self, user: &str, now: u64) -> Result<String> {
        self.db.execute("DELETE FROM signins WHERE expires_ms <= ?1", vals![now as i64])?;
        let code = random_hex(24);
        self.db.execute(
            "INSERT INTO signins (hash, \"user\", name, created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5)",
            vals![token_hash(&code), user, DEFAULT_DEVICE_NAME, now as i64, (now + SIGNIN_TTL_MS) as i64],
        )?;
        Ok(code)
    }

    /// Exchange a code for a new full-access device token: (token, user), once. `None` when the
    /// code is unknown, used, expired, or its user was removed. `name` names the device.
    pub fn redeem_signin(&self, code: &str, name: Option<&str>, now: u64) -> Result<Option<(String, String)>> {
        let hash = token_hash(code);
        let row = self.db.query_row("SELECT \"user\", name FROM signins WHERE hash = ?1 AND expires_ms > ?2", vals![hash, now as i64])?;
        let Some(row) = row else { return Ok(None) };
        let (user, stored_name): (String, String) = (row.get(0)?, row.get(1)?);
        // Only the exchange that deletes the code makes a device: two at once (two nodes, a
        // replayed request) cannot both get a token.
        if self.db.execute("DELETE FROM signins WHERE hash = ?1", vals![hash])? == 0 || !self.user_exists(&user)? {
            return Ok(None);
        }
        let name = name.map(|n| n.chars().filter(|c| !c.is_control()).take(80).collect::<String>()).filter(|n| !n.trim().is_empty());
        let (token, _) = self.add_device(&user, name.as_deref().unwrap_or(&stored_name), DeviceScope::Full, now, None)?;
        Ok(Some((token, user)))
    }
}
