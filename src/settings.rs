//! The user's settings: defaults, the page URL's parameters (contracts.md "URL parameters"), and
//! persistence in localStorage so a Chromebook provisioned by one link keeps them.
use serde::{Deserialize, Serialize};
use shoebox_core::engine::{AlbumMode, EngineSettings};
use shoebox_core::limits::{LimitsChoice, Quality};

/// Kept as `{"mode": "named", "name": "Trip"}` or `{"mode": "folder"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "mode", content = "name", try_from = "StoredAlbum")]
pub enum AlbumSetting {
    /// One album per top folder (the server's default when `album` is absent).
    Folder,
    None,
    Named(String),
    /// Every folder its own album, sub-folders too (kept as `{"mode": "folders"}`).
    Folders,
}

/// The kept form read as a plain struct: serde's adjacently tagged decoder buffers the value
/// and costs the first screen's wasm several times this, for one small setting.
#[derive(Deserialize)]
struct StoredAlbum {
    mode: String,
    #[serde(default)]
    name: Option<String>,
}

impl TryFrom<StoredAlbum> for AlbumSetting {
    type Error = &'static str;
    fn try_from(s: StoredAlbum) -> Result<Self, Self::Error> {
        match (s.mode.as_str(), s.name) {
            ("folder", _) => Ok(AlbumSetting::Folder),
            ("none", _) => Ok(AlbumSetting::None),
            ("folders", _) => Ok(AlbumSetting::Folders),
            ("named", Some(name)) => Ok(AlbumSetting::Named(name)),
            _ => Err("unknown album setting"),
        }
    }
}

impl AlbumSetting {
    /// The engine's album mode for this setting.
    pub fn mode(&self) -> AlbumMode {
        match self {
            AlbumSetting::Folder => AlbumMode::Folder,
            AlbumSetting::None => AlbumMode::None,
            AlbumSetting::Named(n) => AlbumMode::Named(n.clone()),
            AlbumSetting::Folders => AlbumMode::EachFolder,
        }
    }

    /// The value of the Albums choices (Settings and the plan).
    pub fn kind(&self) -> &'static str {
        match self {
            AlbumSetting::Folder => "folder",
            AlbumSetting::Folders => "folders",
            AlbumSetting::None => "none",
            AlbumSetting::Named(_) => "named",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// Empty means "this server" (`<origin>/files/`).
    pub endpoint: String,
    pub token: String,
    pub quality: Quality,
    pub limits: LimitsChoice,
    pub parallel: u32,
    pub wifi_only: bool,
    pub album: AlbumSetting,
    pub strip_location: bool,
    /// Back up & sync: keep the backup folders backed up.
    pub sync: bool,
    /// Transfers wait while the device is on battery.
    pub charging_only: bool,
    /// The language chosen on this device ("de"); empty follows the browser.
    pub language: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            endpoint: String::new(),
            token: String::new(),
            quality: Quality::Original,
            limits: LimitsChoice::Server,
            parallel: 3,
            wifi_only: false,
            album: AlbumSetting::Folder,
            strip_location: false,
            sync: false,
            charging_only: false,
            language: String::new(),
        }
    }
}

#[cfg(target_arch = "wasm32")]
const STORAGE_KEY: &str = "shoebox.settings";

/// Every URL parameter a setting has (contracts.md, plus `chargingOnly` for Back up & sync).
pub const PARAMS: [&str; 9] = ["endpoint", "token", "quality", "limits", "parallel", "wifiOnly", "album", "stripLocation", "chargingOnly"];

impl Settings {
    /// Apply one URL parameter; unknown names and unparsable values are ignored.
    pub fn apply_param(&mut self, name: &str, value: &str) {
        match name {
            "endpoint" => self.endpoint = value.trim().to_string(),
            "token" => self.token = value.trim().to_string(),
            "quality" => match value {
                "original" => self.quality = Quality::Original,
                "high" => self.quality = Quality::High,
                _ => {}
            },
            "limits" => {
                if let Some(l) = LimitsChoice::parse(value) {
                    self.limits = l;
                }
            }
            "parallel" => {
                if let Ok(n) = value.parse::<u32>() {
                    self.parallel = n.clamp(1, 20);
                }
            }
            "wifiOnly" => self.wifi_only = matches!(value, "1" | "true"),
            "stripLocation" => self.strip_location = matches!(value, "1" | "true"),
            "chargingOnly" => self.charging_only = matches!(value, "1" | "true"),
            "album" => {
                self.album = match value {
                    "folder" => AlbumSetting::Folder,
                    "none" => AlbumSetting::None,
                    "folders" => AlbumSetting::Folders,
                    name => AlbumSetting::Named(name.to_string()),
                }
            }
            _ => {}
        }
    }

    /// The tus endpoint to use, given the page's origin.
    pub fn resolved_endpoint(&self, origin: &str) -> String {
        if self.endpoint.is_empty() {
            format!("{origin}/files/")
        } else {
            self.endpoint.clone()
        }
    }

    /// The engine's settings, mapped one to one: what an empty album name or a zero `parallel`
    /// mean is the engine's rule (`EngineSettings::normalized`). `token_required`: a kiosk's or
    /// a phone's page, which has nothing to ask before its visit's token.
    pub fn engine(&self, origin: &str, token_required: bool) -> EngineSettings {
        EngineSettings {
            endpoint: self.resolved_endpoint(origin),
            token: (!self.token.is_empty()).then(|| self.token.clone()),
            quality: self.quality,
            limits: self.limits,
            strip_location: self.strip_location,
            album: self.album.mode(),
            parallel_uploads: self.parallel as usize,
            wifi_only: self.wifi_only,
            charging_only: self.charging_only,
            token_required,
            ..EngineSettings::default()
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(s: &str) -> Option<Self> {
        serde_json::from_str(s).ok()
    }
}

/// The settings this device keeps, as they are (nothing is written).
#[cfg(target_arch = "wasm32")]
pub fn stored() -> Option<Settings> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    storage.get_item(STORAGE_KEY).ok().flatten().and_then(|j| Settings::from_json(&j))
}

/// Load saved settings, apply the page's URL parameters over them, save the result, and remove
/// a `token` parameter from the address bar so it is not left in history or bookmarks.
#[cfg(target_arch = "wasm32")]
pub fn load() -> Settings {
    let window = web_sys::window().expect("window");
    let storage = window.local_storage().ok().flatten();
    let mut s =
        storage.as_ref().and_then(|st| st.get_item(STORAGE_KEY).ok().flatten()).and_then(|j| Settings::from_json(&j)).unwrap_or_default();
    let href = window.location().href().unwrap_or_default();
    if let Ok(url) = web_sys::Url::new(&href) {
        let params = url.search_params();
        for name in PARAMS {
            if let Some(v) = params.get(name) {
                s.apply_param(name, &v);
            }
        }
        if params.get("token").is_some() {
            params.delete("token");
            let _ = window.history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href())));
        }
    }
    save(&s);
    s
}

/// Calls `f` with the settings another tab of this origin saved (the `storage` event).
#[cfg(target_arch = "wasm32")]
pub fn on_saved_elsewhere(f: impl Fn(Settings) + 'static) {
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e: web_sys::StorageEvent| {
        if e.key().as_deref() == Some(STORAGE_KEY) {
            if let Some(s) = e.new_value().and_then(|j| Settings::from_json(&j)) {
                f(s)
            }
        }
    });
    let _ = w.add_event_listener_with_callback("storage", cb.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    cb.forget();
}

#[cfg(target_arch = "wasm32")]
pub fn save(s: &Settings) {
    if let Some(st) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = st.set_item(STORAGE_KEY, &s.to_json());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn url_parameters_set_every_setting() {
        let mut s = Settings::default();
        for (k, v) in [
            ("endpoint", "https://x/files/"),
            ("token", "t"),
            ("quality", "high"),
            ("limits", "google"),
            ("parallel", "5"),
            ("wifiOnly", "1"),
            ("album", "Trip"),
            ("stripLocation", "1"),
            ("chargingOnly", "1"),
        ] {
            s.apply_param(k, v);
        }
        assert_eq!(s.endpoint, "https://x/files/");
        assert_eq!(s.token, "t");
        assert_eq!(s.quality, Quality::High);
        assert_eq!(s.limits, LimitsChoice::Google);
        assert_eq!(s.parallel, 5);
        assert!(s.wifi_only && s.strip_location && s.charging_only);
        assert_eq!(s.album, AlbumSetting::Named("Trip".into()));
        s.apply_param("album", "none");
        assert_eq!(s.album, AlbumSetting::None);
        s.apply_param("album", "folders");
        assert_eq!(s.album, AlbumSetting::Folders);
        s.apply_param("quality", "bogus");
        assert_eq!(s.quality, Quality::High);
    }
    #[test]
    fn the_album_setting_reads_back_what_it_writes_and_what_earlier_builds_kept() {
        for album in [AlbumSetting::Folder, AlbumSetting::None, AlbumSetting::Named("Trip".into()), AlbumSetting::Folders] {
            let kept = serde_json::to_string(&Settings { album: album.clone(), ..Settings::default() }).unwrap();
            assert_eq!(Settings::from_json(&kept).map(|s| s.album), Some(album), "{kept}");
        }
        let earlier = r#"{"album":{"mode":"named","name":"Trip"},"parallel":4}"#;
        assert_eq!(Settings::from_json(earlier).map(|s| (s.album, s.parallel)), Some((AlbumSetting::Named("Trip".into()), 4)));
        assert_eq!(Settings::from_json(r#"{"album":{"mode":"folder"}}"#).map(|s| s.album), Some(AlbumSetting::Folder));
        assert_eq!(Settings::from_json(r#"{"album":{"mode":"named"}}"#), None, "a name is needed");
        assert_eq!(Settings::from_json(r#"{"album":{"mode":"other"}}"#), None);
    }
    #[test]
    fn empty_endpoint_means_this_server() {
        assert_eq!(Settings::default().resolved_endpoint("http://127.0.0.1:8080"), "http://127.0.0.1:8080/files/");
    }
}
