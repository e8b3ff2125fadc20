//! Kiosk profiles: each names the operator's account its visitors upload into and the key the
//! kiosk opens it with (`--kiosk NAME:USER:KEY`), and may set its own album pattern, quality,
//! limits, idle time, welcome text (one, and per language) and whether visitors may use their own account
//! (`--kiosk-config FILE`, a JSON list); what a profile leaves out comes from the `--kiosk-*`
//! flags.
use serde::Deserialize;
use shoebox_core::limits::Limits;
use std::collections::BTreeMap;
use std::time::Duration;

#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct KioskProfile {
    pub name: String,
    pub user: String,
    pub key: String,
    #[serde(default)]
    pub album: Option<String>,
    #[serde(default)]
    pub quality: Option<String>,
    #[serde(default)]
    pub limits: Option<String>,
    #[serde(default)]
    pub idle_seconds: Option<u64>,
    #[serde(default)]
    pub welcome: Option<String>,
    /// The welcome text per language ("de" → "Willkommen …"), for a visitor who picks one.
    #[serde(default)]
    pub welcome_texts: BTreeMap<String, String>,
    #[serde(default)]
    pub own_accounts: Option<bool>,
}

/// A profile's effective settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KioskSettings {
    pub album: String,
    pub quality: String,
    pub limits: Limits,
    pub idle: Duration,
    pub welcome: String,
    pub welcome_texts: BTreeMap<String, String>,
    pub own_accounts: bool,
}

impl KioskProfile {
    /// A profile from `NAME:USER:KEY`.
    pub fn from_flag(k: &str) -> Result<KioskProfile, String> {
        let mut parts = k.trim().splitn(3, ':');
        let (Some(name), Some(user), Some(key)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("--kiosk wants NAME:USER:KEY, got {k:?}"));
        };
        let p = KioskProfile { name: name.into(), user: user.into(), key: key.into(), ..Default::default() };
        p.validate()?;
        Ok(p)
    }

    /// The profiles of a `--kiosk-config` file.
    pub fn from_file(path: &std::path::Path) -> Result<Vec<KioskProfile>, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("--kiosk-config {}: {e}", path.display()))?;
        let list: Vec<KioskProfile> = serde_json::from_str(&text).map_err(|e| format!("--kiosk-config {}: {e}", path.display()))?;
        for p in &list {
            p.validate()?;
        }
        Ok(list)
    }

    fn validate(&self) -> Result<(), String> {
        if !crate::accounts::auth::valid_user_name(&self.name) || !crate::accounts::auth::valid_user_name(&self.user) {
            return Err(format!("kiosk {:?}: names use 1-64 letters, digits, '-' or '_'", self.name));
        }
        if self.key.len() < 16 {
            return Err(format!("kiosk {:?}: the key is too short (16 characters at least)", self.name));
        }
        if let Some(album) = &self.album {
            drop_pattern_ok(album).map_err(|e| format!("kiosk {:?}: album {e}", self.name))?;
        }
        if self.quality.as_deref().is_some_and(|q| q != "original" && q != "high") {
            return Err(format!("kiosk {:?}: quality is \"original\" or \"high\"", self.name));
        }
        if self.limits.as_deref().is_some_and(|l| Limits::preset(l).is_none()) {
            return Err(format!("kiosk {:?}: limits is \"seed\" or \"google\"", self.name));
        }
        if let Some(lang) = self.welcome_texts.keys().find(|l| !shoebox_core::i18n::SUPPORTED.contains(&l.as_str())) {
            return Err(format!("kiosk {:?}: welcomeTexts has {lang:?}, not one of {:?}", self.name, shoebox_core::i18n::SUPPORTED));
        }
        Ok(())
    }

    /// This profile's settings over the server-wide defaults.
    pub fn settings(&self, defaults: &KioskSettings) -> KioskSettings {
        KioskSettings {
            album: self.album.clone().unwrap_or_else(|| defaults.album.clone()),
            quality: self.quality.clone().unwrap_or_else(|| defaults.quality.clone()),
            limits: self.limits.as_deref().and_then(Limits::preset).unwrap_or_else(|| defaults.limits.clone()),
            idle: self.idle_seconds.map(Duration::from_secs).unwrap_or(defaults.idle),
            welcome: self.welcome.clone().unwrap_or_else(|| defaults.welcome.clone()),
            welcome_texts: self.welcome_texts.clone(),
            own_accounts: self.own_accounts.unwrap_or(defaults.own_accounts),
        }
    }
}

/// A visitor's drop is named by a pattern that must hold the visit's code (`{code}` or
/// `{visitor}`): without it several visits would share one album, and each visitor would see
/// and download the others' photos.
pub fn drop_pattern_ok(pattern: &str) -> Result<(), String> {
    if pattern.contains("{code}") || pattern.contains("{visitor}") {
        Ok(())
    } else {
        Err(format!("{pattern:?} must hold {{code}} (or {{visitor}}), so that every visit has an album of its own"))
    }
}
